// Calls to action (issue 8): the secretary of the Federación Regional de Oruro y Potosí proposes a road
// blockade, with Huanuni's delegate as its coordinator (found by typing part of her name), and puts the
// call to the federation's vote; its seated delegates (Huanuni's, for the miners, and Macha's) vote yes
// and the secretary closes the poll: called. In Huanuni (council A) its secretary
// pledges "if at least 2 of my council do" — pending — and the Huanuni delegate pledges: the condition
// is met and his pledge turns active. The secretary pledges in Ferroviarios (council B, her base
// council). Both councils' officers report their status; the map shows them taking part. The federation
// lifts the blockade by vote; the Macha delegate, in scope, finds the notice and can no longer pledge.
// Then Huanuni's list of demands: a demand adopted by vote moves to "En negociación".
import { type Browser, expect, type Page, test } from '@playwright/test';
import { checkPage } from './a11y.ts';
import { logIn, newPerson, openCouncilTab } from './demo-session.ts';

const SECRETARY = 'secretaria.oruropotosi@cabildo.demo';
const HUANUNI_DELEGATE = 'delegada.huanuni@cabildo.demo';
const HUANUNI_DELEGATE_NAME = 'Nélida Ayaviri Flores';
const HUANUNI_SECRETARY = 'secretario.huanuni@cabildo.demo';
const MACHA = 'delegado.macha@cabildo.demo';
const FEDERATION = 'Federación Regional de Oruro y Potosí';
const HUANUNI = 'Consejo Minero de Huanuni';
const TAG = Date.now().toString(36);
const BLOCKADE = `Bloqueo de la carretera Oruro–Potosí (${TAG})`;
const DEMAND = `Dotación de equipos de seguridad en interior mina (${TAG})`;

/** Votes yes at `pollUrl`, choosing the first mandate when the voter holds several. */
async function voteYes(page: Page, pollUrl: string) {
  await page.goto(pollUrl);
  const panel = page.getByRole('region', { name: 'Su voto' });
  const mandate = panel.getByLabel('Mandato con el que vota');
  if (await mandate.isVisible()) await mandate.selectOption({ index: 1 });
  await panel.getByRole('radio', { name: 'Sí', exact: true }).check();
  await panel.getByRole('button', { name: 'Emitir mi voto' }).click();
  await expect(panel).toContainText('Voto registrado');
}

async function closePoll(page: Page, pollUrl: string) {
  await page.goto(pollUrl);
  await page.getByRole('button', { name: 'Cerrar la votación…' }).click();
  await page.getByRole('button', { name: 'Sí, cerrar la votación' }).click();
  await expect(page.getByRole('region', { name: 'Resultado' })).toContainText('Aprobada');
}

/** The federation's delegates vote yes and its secretary closes the poll. */
async function federationAdopts(browser: Browser, secretary: Page, pollUrl: string) {
  for (const login of [HUANUNI_DELEGATE, MACHA]) {
    const delegate = await newPerson(browser, login);
    await voteYes(delegate, pollUrl);
    await delegate.context().close();
  }
  await closePoll(secretary, pollUrl);
}

test('a federation calls a blockade by vote, members pledge (one on a condition that resolves), councils report, and it is lifted', async ({
  page,
  browser,
}) => {
  test.setTimeout(480_000);

  // 1. The federation's secretary proposes a road blockade over the whole federation.
  await logIn(page, SECRETARY);
  await openCouncilTab(page, FEDERATION, 'Acciones');
  const propose = page.getByRole('region', { name: 'Convocar una medida' });
  await propose.locator('summary').getByText('Proponer una medida').click();
  await propose.getByLabel('Tipo de medida').selectOption({ label: 'Bloqueo de caminos' });
  await propose.getByLabel('Título').fill(BLOCKADE);
  await propose.getByLabel('Comienza').fill('2026-12-01T06:00');
  await propose
    .getByLabel(/^Condiciones para levantarla/)
    .fill('Que el gobierno instale una mesa de diálogo.');
  // Huanuni's delegate coordinates: found by part of her name, typed without its accent.
  const coordination = propose.getByRole('group', { name: 'Coordinación' });
  await coordination.getByLabel('Buscar por nombre').fill('nelida ayav');
  await expect(coordination.getByRole('status')).toContainText('Coincidencias: 1');
  await coordination.getByRole('button', { name: `Añadir a ${HUANUNI_DELEGATE_NAME} (${HUANUNI})` }).click();
  await expect(coordination.getByRole('button', { name: `Quitar ${HUANUNI_DELEGATE_NAME}` })).toBeVisible();
  await expect(coordination.getByLabel('Buscar por nombre')).toBeFocused();
  await checkPage(page, 'actions-propose');
  await propose.getByRole('button', { name: 'Proponer', exact: true }).click();
  const list = page.getByRole('region', { name: 'Medidas de lucha' });
  const item = list.getByRole('article').filter({ hasText: BLOCKADE });
  await expect(item).toContainText('Propuesta');
  await item.getByRole('button', { name: 'Someter a votación' }).click();
  const pollLink = item.getByRole('link', { name: 'Ver la votación' });
  await expect(pollLink).toBeVisible();
  const callPoll = (await pollLink.getAttribute('href')) ?? '';
  expect(callPoll).toMatch(/^\/polls\/[0-9a-f-]{36}$/);
  await checkPage(page, 'actions-call-in-vote');
  await item.getByRole('link', { name: BLOCKADE }).click();
  await expect(page.getByRole('heading', { level: 1, name: BLOCKADE })).toBeVisible();
  await expect(
    page.locator('dt', { hasText: 'Coordinación' }).locator('xpath=following-sibling::dd[1]'),
  ).toHaveText(HUANUNI_DELEGATE_NAME);
  const actionUrl = page.url();

  // 2. Its delegates vote yes; the secretary closes the poll: the blockade is called.
  await federationAdopts(browser, page, callPoll);
  await page.goto(actionUrl);
  await expect(page.locator('header').getByText('Convocada')).toBeVisible();

  // 3. Huanuni's secretary pledges on a condition: pending.
  const huanuniSecretary = await newPerson(browser, HUANUNI_SECRETARY);
  await huanuniSecretary.goto(actionUrl);
  const pledgeA = huanuniSecretary.getByRole('region', { name: 'Su participación' });
  await pledgeA.getByLabel('Participo si al menos este número de mi consejo participa').fill('2');
  await pledgeA.getByRole('button', { name: 'Participo si al menos 2 de mi consejo participan' }).click();
  await expect(pledgeA).toContainText(
    'Su compromiso está pendiente: se activa cuando al menos 2 de su consejo',
  );
  await checkPage(huanuniSecretary, 'action-pledge-pending');

  // 4. The Huanuni delegate pledges: the condition is met, the secretary's pledge turns active.
  const delegate = await newPerson(browser, HUANUNI_DELEGATE);
  await delegate.goto(actionUrl);
  const pledgeDelegate = delegate.getByRole('region', { name: 'Su participación' });
  await pledgeDelegate.getByRole('button', { name: 'Participo', exact: true }).click();
  await expect(pledgeDelegate).toContainText('Su compromiso está activo: participa.');
  await expect(pledgeDelegate).toContainText('En su consejo: 2 compromisos activos, 0 pendientes.');
  await delegate.context().close();
  await huanuniSecretary.reload();
  await expect(pledgeA).toContainText(
    'Su compromiso está activo: ya se comprometieron al menos 2 de su consejo.',
  );

  // 5. The federation's secretary pledges in Ferroviarios, her base council.
  await page.reload();
  const pledgeB = page.getByRole('region', { name: 'Su participación' });
  await pledgeB.getByRole('button', { name: 'Participo', exact: true }).click();
  await expect(pledgeB).toContainText('Su compromiso está activo: participa.');

  // 6. The officers of Huanuni and Ferroviarios report their councils taking part.
  const reportA = huanuniSecretary.getByRole('region', { name: 'Informe de su consejo' });
  await reportA.getByLabel('Situación').selectOption({ label: 'Participa' });
  await reportA.getByLabel(/^Personas participando/).fill('120');
  await reportA.getByLabel(/^Incidentes/).fill('Sin incidentes en el puente de Huanuni.');
  await reportA.getByRole('button', { name: 'Enviar el informe' }).click();
  await expect(reportA).toContainText('Informe registrado.');
  await checkPage(huanuniSecretary, 'action-report');
  await huanuniSecretary.context().close();
  const reportB = page.getByRole('region', { name: 'Informe de su consejo' });
  await reportB.getByLabel('Situación').selectOption({ label: 'Participa' });
  await reportB.getByLabel(/^Personas participando/).fill('40');
  await reportB.getByRole('button', { name: 'Enviar el informe' }).click();
  await expect(reportB).toContainText('Informe registrado.');

  // 7. The map shows Ferroviarios taking part, and Huanuni under the miners' federation.
  await page.reload();
  const map = page.getByRole('region', { name: 'Mapa de los consejos convocados' });
  const ferroviarios = map.getByRole('listitem').filter({ hasText: 'Ferroviarios' }).first();
  await expect(ferroviarios).toContainText('Participa');
  await expect(ferroviarios).toContainText('40 personas');
  const miners = map
    .getByRole('listitem')
    .filter({ hasText: /Minero|Mineros|Minera/ })
    .first();
  await expect(miners).toContainText('Situación mixta');
  await miners.getByRole('button', { name: 'Ver sus consejos' }).click();
  const huanuni = map.getByRole('listitem').filter({ hasText: HUANUNI }).last();
  await expect(huanuni).toContainText('Participa');
  await expect(huanuni).toContainText('compromisos: 2 activos, 0 pendientes');
  await expect(page.getByText('Personas participando').first()).toBeVisible();
  await checkPage(page, 'action-map');

  // 8. The federation lifts the blockade by vote.
  const decisions = page.getByRole('region', { name: 'Decisiones' });
  await decisions.getByLabel('Proponer').selectOption({ label: 'Levantar' });
  await decisions.getByLabel(/^Motivo/).fill('El gobierno instaló la mesa de diálogo.');
  await decisions.getByRole('button', { name: 'Proponer la decisión' }).click();
  await decisions.getByRole('button', { name: 'Someter a votación' }).click();
  const liftLink = decisions.getByRole('link', { name: 'Ver la votación' });
  await expect(liftLink).toBeVisible();
  const liftPoll = (await liftLink.getAttribute('href')) ?? '';
  // A second tab on the action's page is told live: "Levantada" without a reload.
  const watcher = await page.context().newPage();
  await watcher.goto(actionUrl);
  await expect(watcher.locator('header').getByText('Convocada')).toBeVisible();
  await federationAdopts(browser, page, liftPoll);
  await expect(watcher.locator('header').getByText('Levantada')).toBeVisible();
  await expect(watcher.getByRole('region', { name: 'Su participación' })).toContainText(
    'La medida fue levantada',
  );
  await watcher.close();
  await page.goto(actionUrl);
  await expect(page.locator('header').getByText('Levantada')).toBeVisible();
  await checkPage(page, 'action-lifted');

  // 9. The Macha delegate, in scope, is told; pledging is refused now.
  const macha = await newPerson(browser, MACHA);
  const notices = macha.getByRole('region', { name: 'Avisos de medidas de lucha' });
  await expect(notices).toContainText(`Medida levantada: Bloqueo de caminos — ${BLOCKADE}`);
  await checkPage(macha, 'action-notices');
  await notices.getByRole('link', { name: new RegExp(`Medida levantada.*${TAG}`) }).click();
  const pledgeMacha = macha.getByRole('region', { name: 'Su participación' });
  await expect(pledgeMacha).toContainText('La medida fue levantada: ya no se reciben compromisos.');
  await expect(pledgeMacha.getByRole('button', { name: 'Participo', exact: true })).toHaveCount(0);
  await macha.context().close();
});

test('a council adopts a demand by vote and its list shows it moving to "in negotiation"', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await logIn(page, HUANUNI_SECRETARY);
  await openCouncilTab(page, HUANUNI, 'Demandas');
  const proposals = page.getByRole('region', { name: 'Demandas propuestas' });
  await proposals.locator('summary').getByText('Proponer demandas').click();
  await proposals.getByLabel('Demandas, una por línea').fill(DEMAND);
  await proposals.getByLabel('Dirigidas a').fill('Corporación Minera de Bolivia');
  await proposals.getByRole('button', { name: 'Proponer', exact: true }).click();
  const batch = proposals.getByRole('article').filter({ hasText: DEMAND });
  await batch.getByRole('button', { name: 'Someter a votación' }).click();
  const pollLink = batch.getByRole('link', { name: 'Ver la votación' });
  await expect(pollLink).toBeVisible();
  const pollUrl = (await pollLink.getAttribute('href')) ?? '';
  const delegate = await newPerson(browser, HUANUNI_DELEGATE);
  await voteYes(delegate, pollUrl);
  await delegate.context().close();
  await voteYes(page, pollUrl);
  await closePoll(page, pollUrl);

  await openCouncilTab(page, HUANUNI, 'Demandas');
  const list = page.getByRole('region', { name: 'Pliego de demandas' });
  const row = list.getByRole('row', { name: new RegExp(TAG) });
  await expect(row).toContainText('Planteada');
  await row.getByRole('link', { name: DEMAND }).click();
  const follow = page.getByRole('region', { name: 'Seguimiento' });
  await follow.getByLabel('Nuevo estado').selectOption({ label: 'En negociación' });
  await follow.getByRole('button', { name: 'Cambiar el estado' }).click();
  await expect(page.getByRole('region', { name: 'Historial' })).toContainText('Planteada → En negociación');
  await openCouncilTab(page, HUANUNI, 'Demandas');
  await expect(list.getByRole('row', { name: new RegExp(TAG) })).toContainText('En negociación');
  await checkPage(page, 'actions-demand-in-negotiation');
});
