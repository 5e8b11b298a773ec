// Assemblies and polls: the Villa Adela secretary convenes a sitting from the council's Assemblies tab
// (an ordinary one starting tomorrow is refused for short notice; an extraordinary one is accepted),
// opens it and checks in; the chair checks in from another browser. Two of some sixty members are no
// quorum: the meter says so and a binding poll in the sitting is refused. A secret yes-no poll outside
// the sitting is then opened; both vote, the other browser sees the count rise without reloading, the
// secretary closes it, each finds their receipt in the published ballots and the seal matches.
import { expect, type Page, test } from '@playwright/test';
import { checkPage } from './a11y.ts';
import { logIn } from './demo-session.ts';

const SECRETARY = 'secretaria.villaadela@cabildo.demo';
const CHAIR = 'presidente.villaadela@cabildo.demo';
const VILLA_ADELA = 'Junta Vecinal Villa Adela';
const SITTING = 'Asamblea extraordinaria por el agua';
const MOTION = 'Pedir a la alcaldía el arreglo del alumbrado';

async function openAssembliesTab(page: Page) {
  await page.goto('/');
  await page.getByLabel('Nombre del consejo o lugar').fill(VILLA_ADELA);
  await page.getByRole('search').getByRole('link', { name: VILLA_ADELA, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: VILLA_ADELA })).toBeVisible();
  await page.getByRole('tab', { name: 'Asambleas' }).click();
  await expect(page.getByRole('region', { name: 'Asambleas' })).toBeVisible();
}

/** A datetime-local value `hours` from now, by the browser's clock and time zone. */
function localInput(page: Page, hours: number): Promise<string> {
  return page.evaluate((ahead) => {
    const d = new Date(Date.now() + ahead * 3_600_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }, hours);
}

async function castVote(page: Page, choice: 'Sí' | 'No'): Promise<string> {
  const panel = page.getByRole('region', { name: 'Su voto' });
  await panel.getByRole('radio', { name: choice, exact: true }).check();
  await panel.getByRole('button', { name: 'Emitir mi voto' }).click();
  const code = panel.getByTestId('receipt-code');
  await expect(code).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expect(panel).toContainText('es la única forma de encontrar su papeleta');
  return (await code.textContent()) ?? '';
}

async function checkReceipt(page: Page, code: string) {
  const ballots = page.getByRole('region', { name: 'Papeletas publicadas' });
  // Typed as a person might: lower case, no dashes.
  await ballots.getByLabel('Comprobar mi código').fill(code.replaceAll('-', '').toLowerCase());
  await ballots.getByRole('button', { name: 'Buscar mi papeleta' }).click();
  await expect(ballots.getByRole('status').filter({ hasText: 'Su papeleta' })).toContainText(
    `Su papeleta ${code} está en la lista`,
  );
  await expect(ballots.getByRole('row', { name: new RegExp(code) })).toHaveClass(/ballot--found/);
  await expect(ballots).toContainText('Los votos coinciden con lo sellado en el registro.');
}

test('a sitting without quorum refuses a binding vote; a secret poll outside it is cast, closed and checked', async ({
  page,
  browser,
}) => {
  // The secretary convenes: an ordinary sitting tomorrow is refused, an extraordinary one accepted.
  await logIn(page, SECRETARY);
  await openAssembliesTab(page);
  await checkPage(page, 'assemblies-tab');
  const convene = page.getByRole('region', { name: 'Convocar una asamblea' });
  await convene.getByLabel('Título').fill(SITTING);
  await convene.getByLabel('Fecha y hora de inicio').fill(await localInput(page, 24));
  await convene.getByLabel('Lugar').fill('Sede de la junta vecinal, calle 3');
  await convene.getByLabel('Punto 1', { exact: true }).fill('Informe sobre el corte de agua');
  await convene.getByRole('button', { name: 'Convocar la asamblea' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Hay un problema' })).toContainText(
    'al menos 48 horas de anticipación',
  );
  await expect(convene.getByLabel('Fecha y hora de inicio')).toHaveAttribute('aria-invalid', 'true');
  await checkPage(page, 'convene-notice-error');

  await convene.getByLabel('Asamblea extraordinaria').check();
  await convene.getByLabel('Fecha y hora de inicio').fill(await localInput(page, 1));
  await convene.getByRole('button', { name: 'Convocar la asamblea' }).click();
  await expect(page.getByRole('heading', { level: 1, name: SITTING })).toBeVisible();
  await expect(page).toHaveURL(/\/assemblies\/[0-9a-f-]{36}$/);
  const roomUrl = page.url();

  // Opened and checked in; the chair checks in from a second browser.
  await page.getByRole('button', { name: 'Abrir la sesión' }).click();
  await expect(page.getByText('En sesión', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Registrar mi asistencia' }).click();
  await expect(page.getByText('Usted está registrado como presente.')).toBeVisible();

  const chair = await (await browser.newContext()).newPage();
  await logIn(chair, CHAIR);
  await chair.goto(roomUrl);
  await expect(chair.getByRole('heading', { level: 1, name: SITTING })).toBeVisible();
  await chair.getByRole('button', { name: 'Registrar mi asistencia' }).click();
  await expect(chair.getByText('Usted está registrado como presente.')).toBeVisible();

  // Two of some sixty: no quorum, said in words; the secretary's room follows without a reload.
  const quorum = page.getByRole('region', { name: 'Quórum' }).getByRole('status').first();
  await expect(quorum).toContainText('Presentes: 2 votos de');
  await expect(quorum).toContainText('No hay quórum.');
  await expect(page.getByRole('region', { name: /^Presentes/ })).toContainText('Presentes (2)');
  await checkPage(page, 'assembly-room');

  const sittingPoll = page.getByRole('region', { name: 'Abrir una votación en la asamblea' });
  await sittingPoll.getByLabel('Título').fill('Aprobar el informe sobre el agua');
  await sittingPoll.getByRole('button', { name: 'Abrir la votación' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Hay un problema' })).toContainText(
    'No hay quórum: la asamblea no puede tomar una votación vinculante.',
  );

  // The projector view of the sitting.
  await page.goto(`${roomUrl}/projector`);
  await expect(page.getByRole('heading', { level: 1, name: SITTING })).toBeVisible();
  await expect(page.getByText('No hay ninguna votación abierta.')).toBeVisible();
  await checkPage(page, 'projector');

  // A secret yes-no poll outside the sitting, from the council's Votaciones section.
  await openAssembliesTab(page);
  await expect(page.getByRole('region', { name: 'Asambleas' })).toContainText(SITTING);
  const openPoll = page.getByRole('region', { name: 'Abrir una votación', exact: true });
  await openPoll.getByLabel('Título').fill(MOTION);
  await openPoll
    .getByLabel('Texto de la moción')
    .fill('Que la junta pida por nota el arreglo de las luminarias.');
  await expect(openPoll.getByLabel('Tipo de voto')).toHaveValue('secret');
  await openPoll.getByRole('button', { name: 'Abrir la votación' }).click();
  await expect(page.getByRole('heading', { level: 1, name: MOTION })).toBeVisible();
  await expect(page).toHaveURL(/\/polls\/[0-9a-f-]{36}$/);
  const pollUrl = page.url();
  await expect(page.getByText('0 votos emitidos')).toBeVisible();
  await checkPage(page, 'poll-before-vote');

  // The chair finds it among his pending votes.
  await chair.getByRole('link', { name: 'Mis votaciones' }).click();
  await expect(chair.getByRole('heading', { level: 1, name: 'Mis votaciones' })).toBeVisible();
  await chair.getByRole('link', { name: MOTION }).click();
  await expect(chair.getByRole('heading', { level: 1, name: MOTION })).toBeVisible();
  expect(chair.url()).toBe(pollUrl);
  await expect(chair.getByText('0 votos emitidos')).toBeVisible();

  // Both vote; each page sees the other's ballot counted without reloading.
  const secretaryCode = await castVote(page, 'Sí');
  await checkPage(page, 'poll-after-vote');
  await expect(chair.getByText('1 voto emitido')).toBeVisible();
  const chairCode = await castVote(chair, 'No');
  await expect(page.getByText('2 votos emitidos')).toBeVisible();
  expect(chairCode).not.toBe(secretaryCode);

  // The secretary closes it; the result, the ballots and the seal are published.
  await page.getByRole('button', { name: 'Cerrar la votación…' }).click();
  await page.getByRole('button', { name: 'Sí, cerrar la votación' }).click();
  const result = page.getByRole('region', { name: 'Resultado' });
  await expect(result).toContainText('Rechazada');
  await expect(result.getByRole('row', { name: /^Sí/ })).toContainText('1 voto');
  await expect(result.getByRole('row', { name: /^No/ })).toContainText('1 voto');
  await checkReceipt(page, secretaryCode);
  await checkPage(page, 'poll-results');

  await chair.reload();
  await checkReceipt(chair, chairCode);

  // The sitting ends.
  await page.goto(roomUrl);
  await page.getByRole('button', { name: 'Cerrar la sesión' }).click();
  await expect(page.getByText('Cerrada', { exact: true }).first()).toBeVisible();
});
