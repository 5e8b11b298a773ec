// A regional congress of delegates: the secretary of the Federación Regional de Oruro y Potosí opens
// the seeded congress early; the Huanuni delegate (more than half of the weight alone) checks in and the
// quorum is reached; the Macha delegate checks in and amends one line of the motion his ayllu forwarded.
// The chair puts the amendment to an open vote — Huanuni yes, Macha no: adopted by weight — then the
// amended motion, adopted; then a secret Scottish STV election of a 2-seat committee among 4 names. The
// Huanuni delegate finds her receipt in the published ballots; the congress closes and its minutes are
// generated and downloaded as Markdown and PDF.
import { expect, type Page, test } from '@playwright/test';
import { checkPage } from './a11y.ts';
import { logIn, newPerson } from './demo-session.ts';

const SECRETARY = 'secretaria.oruropotosi@cabildo.demo';
const HUANUNI = 'delegada.huanuni@cabildo.demo';
const MACHA = 'delegado.macha@cabildo.demo';
const FEDERATION = 'Federación Regional de Oruro y Potosí';
const CONGRESS = 'Congreso Regional Ordinario de Oruro y Potosí';
const MOTION = 'Precio justo del gas licuado para las comunidades';
const NEW_LINE_2 =
  'Pedimos que la Federación Regional acuerde un precio máximo para la garrafa de 10 kg y lo publique en cada comunidad.';
const COMMITTEE = 'Comité de abastecimiento';
const CANDIDATES = ['Rosa Mamani', 'Julián Choque', 'Elena Condori', 'Marcos Flores'];

/** A delegate checks in to the room, choosing her first mandate if she holds several here. */
async function checkIn(page: Page, roomUrl: string) {
  await page.goto(roomUrl);
  await expect(page.getByRole('heading', { level: 1, name: CONGRESS })).toBeVisible();
  const mandate = page.getByLabel('Mandato con el que asiste');
  if (await mandate.isVisible()) await mandate.selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Registrar mi asistencia' }).click();
  await expect(page.getByText('Usted está registrado como presente.')).toBeVisible();
}

/** Votes yes or no on the poll at `pollUrl`; answers the weight the panel said the vote carries. */
async function voteYesNo(page: Page, pollUrl: string, choice: 'Sí' | 'No'): Promise<string> {
  await page.goto(pollUrl);
  const panel = page.getByRole('region', { name: 'Su voto' });
  const mandate = panel.getByLabel('Mandato con el que vota');
  if (await mandate.isVisible()) await mandate.selectOption({ index: 1 });
  const weight = ((await panel.getByText(/^Su voto pesa /).textContent()) ?? '')
    .replace(/^Su voto pesa /, '')
    .replace(/\.$/, '');
  await panel.getByRole('radio', { name: choice, exact: true }).check();
  await panel.getByRole('button', { name: 'Emitir mi voto' }).click();
  await expect(panel).toContainText('Voto registrado');
  return weight;
}

async function closePoll(page: Page, pollUrl: string) {
  await page.goto(pollUrl);
  await page.getByRole('button', { name: 'Cerrar la votación…' }).click();
  await page.getByRole('button', { name: 'Sí, cerrar la votación' }).click();
  await expect(page.getByRole('region', { name: 'Resultado' })).toBeVisible();
}

/** The chair opens a vote from the motion page: on the motion, or on its amendment `number`. */
async function openMotionVote(page: Page, motionUrl: string, amendment: number | null): Promise<string> {
  await page.goto(motionUrl);
  const form = page.getByRole('region', { name: 'Abrir una votación sobre la moción' });
  await form
    .getByLabel('Qué se vota')
    .selectOption({ label: amendment ? `La enmienda ${amendment}` : 'La moción con su texto vigente' });
  await expect(form.getByLabel('Asamblea en sesión')).toHaveValue(/[0-9a-f-]{36}/);
  await form.getByLabel('Tipo de voto').selectOption({ label: 'Nominal' });
  await form.getByRole('button', { name: 'Abrir la votación' }).click();
  await expect(page).toHaveURL(/\/polls\/[0-9a-f-]{36}$/);
  return page.url();
}

test('a congress of delegates amends and adopts a forwarded motion by weight, elects a committee by STV and exports its minutes', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);

  // The secretary opens the seeded congress early.
  await logIn(page, SECRETARY);
  await page.goto('/');
  await page.getByLabel('Nombre del consejo o lugar').fill(FEDERATION);
  await page.getByRole('search').getByRole('link', { name: FEDERATION, exact: true }).click();
  await page.getByRole('tab', { name: 'Asambleas' }).click();
  const motionsSection = page.getByRole('region', { name: 'Mociones', exact: true });
  await expect(motionsSection).toContainText(MOTION);
  await page.getByRole('link', { name: CONGRESS }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: CONGRESS })).toBeVisible();
  const roomUrl = page.url();
  await page.getByRole('button', { name: 'Abrir la sesión' }).click();
  await expect(page.getByText('En sesión', { exact: true })).toBeVisible();
  const quorum = page.getByRole('region', { name: 'Quórum' }).getByRole('status').first();
  await expect(quorum).toContainText('No hay quórum.');

  // The Huanuni delegate alone carries more than half the weight: quorum, without a reload.
  const huanuni = await newPerson(browser, HUANUNI);
  await checkIn(huanuni, roomUrl);
  await expect(quorum).toContainText('Hay quórum.');
  const macha = await newPerson(browser, MACHA);
  await checkIn(macha, roomUrl);
  await expect(page.getByRole('region', { name: /^Presentes/ })).toContainText('Presentes (2)');

  // The forwarded motion is on the congress's agenda, with where it came from.
  const agenda = macha.getByRole('region', { name: 'Mociones en el orden del día' });
  await expect(agenda).toContainText('Enviada por Consejo del Ayllu de Macha');
  await agenda.getByRole('link', { name: MOTION }).click();
  await expect(macha.getByRole('heading', { level: 1, name: MOTION })).toBeVisible();
  const motionUrl = macha.url();
  await expect(macha.getByRole('region', { name: 'Origen y recorrido' })).toContainText(
    'Consejo del Ayllu de Macha',
  );
  await checkPage(macha, 'motion');

  // The Macha delegate amends line 2, with a preview of the diff before sending.
  const amend = macha.getByRole('region', { name: 'Proponer una enmienda' });
  await amend.getByLabel('Desde la línea').fill('2');
  await amend.getByLabel('Hasta la línea').fill('2');
  await amend.getByRole('button', { name: 'Copiar esas líneas para editarlas' }).click();
  await expect(amend.getByLabel('Texto nuevo')).toHaveValue(/precio máximo/);
  await amend.getByLabel('Texto nuevo').fill(NEW_LINE_2);
  const preview = amend.getByRole('region', { name: 'Vista previa del cambio' });
  await expect(preview.getByRole('row', { name: /eliminado/ })).toContainText('en toda la región');
  await expect(preview.getByRole('row', { name: /añadido/ })).toContainText('lo publique en cada comunidad');
  await amend.getByRole('button', { name: 'Proponer la enmienda' }).click();
  await expect(macha.getByText('Enmienda propuesta.')).toBeVisible();
  const amendments = macha.getByRole('region', { name: /^Enmiendas/ });
  await expect(amendments).toContainText('Enmienda 1');
  await expect(amendments).toContainText('Pendiente');
  await expect(amendments.getByRole('row', { name: /añadido/ })).toContainText(
    'lo publique en cada comunidad',
  );
  await checkPage(macha, 'amendment-diff');

  // The chair puts the amendment to a roll-call vote: Huanuni yes, Macha no — adopted by weight.
  const amendmentPoll = await openMotionVote(page, motionUrl, 1);
  const huanuniWeight = await voteYesNo(huanuni, amendmentPoll, 'Sí');
  const machaWeight = await voteYesNo(macha, amendmentPoll, 'No');
  expect(huanuniWeight).toMatch(/^3,0\d\d votos$/);
  expect(machaWeight).toMatch(/^0,4\d\d votos$/);
  await closePoll(page, amendmentPoll);
  const result = page.getByRole('region', { name: 'Resultado' });
  await expect(result).toContainText('Aprobada');
  await expect(result.getByRole('row', { name: /^Sí/ })).toContainText(huanuniWeight);
  await expect(result.getByRole('row', { name: /^No/ })).toContainText(machaWeight);
  await checkPage(page, 'amendment-result');

  // The motion now reads the amended line (version 2); the chair puts it to the vote: adopted.
  await page.goto(motionUrl);
  await expect(page.getByRole('heading', { name: 'Texto vigente (versión 2)' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Líneas numeradas del texto' })).toContainText(NEW_LINE_2);
  const motionPoll = await openMotionVote(page, motionUrl, null);
  await voteYesNo(huanuni, motionPoll, 'Sí');
  await voteYesNo(macha, motionPoll, 'Sí');
  await closePoll(page, motionPoll);
  await expect(page.getByRole('region', { name: 'Resultado' })).toContainText('Aprobada');
  await page.getByRole('link', { name: 'Ver la moción que se vota' }).click();
  await expect(page.getByRole('heading', { level: 1, name: MOTION })).toBeVisible();
  await expect(page.getByText('Aprobada', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Votaciones sobre esta moción' })).toContainText(
    'Votación sobre la enmienda 1',
  );

  // A secret election of a 2-seat committee by Scottish STV, four names typed as options.
  await page.goto(roomUrl);
  const openPoll = page.getByRole('region', { name: 'Abrir una votación en la asamblea' });
  await openPoll.getByRole('radio', { name: /Una elección/ }).check();
  await openPoll.getByLabel('Título').fill(COMMITTEE);
  await openPoll
    .getByLabel('Método de escrutinio')
    .selectOption({ label: 'Voto único transferible (regla escocesa)' });
  await openPoll.getByRole('textbox', { name: 'Opciones' }).fill(CANDIDATES.join('\n'));
  await openPoll.getByLabel('Puestos a cubrir').fill('2');
  await openPoll.getByLabel('Máximo de preferencias por papeleta').fill('4');
  await expect(openPoll.getByLabel('Tipo de voto')).toHaveValue('secret');
  await openPoll.getByRole('button', { name: 'Abrir la votación' }).click();
  await expect(page.getByText(`Votación abierta: ${COMMITTEE}.`)).toBeVisible();
  await page
    .getByRole('region', { name: 'Votaciones de la asamblea' })
    .getByRole('link', { name: COMMITTEE })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: COMMITTEE })).toBeVisible();
  const electionUrl = page.url();

  const rank = async (voter: Page, order: readonly string[]): Promise<string> => {
    await voter.goto(electionUrl);
    const panel = voter.getByRole('region', { name: 'Su voto' });
    const mandate = panel.getByLabel('Mandato con el que vota');
    if (await mandate.isVisible()) await mandate.selectOption({ index: 1 });
    for (const [index, name] of order.entries())
      await panel.getByLabel(`${index + 1}.ª preferencia`).selectOption({ label: name });
    await panel.getByRole('button', { name: 'Emitir mi voto' }).click();
    const code = panel.getByTestId('receipt-code');
    await expect(code).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    return (await code.textContent()) ?? '';
  };
  const huanuniCode = await rank(huanuni, ['Rosa Mamani', 'Elena Condori', 'Julián Choque']);
  await rank(macha, ['Julián Choque', 'Marcos Flores']);

  await closePoll(page, electionUrl);
  const election = page.getByRole('region', { name: 'Resultado' });
  await expect(election).toContainText('Elección resuelta');
  const elected = election.getByRole('list').filter({ has: page.getByText('Rosa Mamani') });
  await expect(elected).toBeVisible();
  await election.getByText('Escrutinio ronda por ronda').click();
  await expect(election.getByRole('table')).toBeVisible();
  await checkPage(page, 'election-results');

  // The Huanuni delegate finds her receipt in the published ballots.
  await huanuni.goto(electionUrl);
  const ballots = huanuni.getByRole('region', { name: 'Papeletas publicadas' });
  await ballots.getByLabel('Comprobar mi código').fill(huanuniCode.replaceAll('-', '').toLowerCase());
  await ballots.getByRole('button', { name: 'Buscar mi papeleta' }).click();
  await expect(ballots.getByRole('status').filter({ hasText: 'Su papeleta' })).toContainText(
    `Su papeleta ${huanuniCode} está en la lista`,
  );
  await expect(ballots.getByRole('row', { name: new RegExp(huanuniCode) })).toHaveClass(/ballot--found/);

  // The chair closes the congress; the minutes are generated and download as Markdown and PDF.
  await page.goto(roomUrl);
  await page.getByRole('button', { name: 'Cerrar la sesión' }).click();
  await expect(page.getByText('Cerrada', { exact: true }).first()).toBeVisible();
  await page.getByRole('link', { name: 'Acta de la sesión' }).click();
  await page.getByRole('button', { name: 'Generar el acta' }).click();
  const markdown = page.getByRole('link', { name: 'Descargar en Markdown' });
  await expect(markdown).toBeVisible();
  await checkPage(page, 'minutes');
  for (const [name, type] of [
    ['Descargar en Markdown', /text\/markdown/],
    ['Descargar en PDF', /application\/pdf/],
  ] as const) {
    const href = await page.getByRole('link', { name }).getAttribute('href');
    expect(href).toBeTruthy();
    const response = await page.request.get(href ?? '');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(type);
  }
});
