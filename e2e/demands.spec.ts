// Lists of demands (issue 8): Junta Vecinal Villa Adela's secretary proposes two demands as one batch
// and puts them to the vote; the chair and the secretary vote yes and the secretary closes the poll; the
// council's public list shows demands 1 and 2 raised; the secretary moves one to "in negotiation" with
// the addressee's answer; Huanuni's secretary endorses it; the list — read by an anonymous visitor
// too — shows it in negotiation with one endorsement.
import { expect, type Page, test } from '@playwright/test';
import { checkPage } from './a11y.ts';
import { logIn, openCouncilTab } from './demo-session.ts';

const SECRETARY = 'secretaria.villaadela@cabildo.demo';
const CHAIR = 'presidente.villaadela@cabildo.demo';
const HUANUNI = 'secretario.huanuni@cabildo.demo';
const VILLA_ADELA = 'Junta Vecinal Villa Adela';
const TAG = Date.now().toString(36);
const WATER = `Agua potable todos los días en la zona alta (${TAG})`;
const LIGHT = `Alumbrado público en la avenida principal (${TAG})`;

test('a council adopts two demands by one vote and follows one into negotiation, on its public list', async ({
  page,
  browser,
}) => {
  test.setTimeout(200_000);

  // 1. The secretary proposes two demands as one batch, made to the municipality, and puts them to the vote.
  await logIn(page, SECRETARY);
  await openCouncilTab(page, VILLA_ADELA, 'Demandas');
  const list = page.getByRole('region', { name: 'Pliego de demandas' });
  const proposals = page.getByRole('region', { name: 'Demandas propuestas' });
  await proposals.locator('summary').getByText('Proponer demandas').click();
  await proposals.getByLabel('Demandas, una por línea').fill(`1. ${WATER}\n2. ${LIGHT}\n`);
  await proposals.getByLabel('Dirigidas a').fill('Gobierno Municipal de El Alto');
  await expect(proposals).toContainText('Demandas en la lista: 2');
  await proposals.getByRole('button', { name: 'Proponer', exact: true }).click();
  const batch = proposals.getByRole('article').filter({ hasText: WATER });
  await expect(batch).toContainText(LIGHT);
  await checkPage(page, 'demands-proposed');
  await batch.getByRole('button', { name: 'Someter a votación' }).click();
  const pollLink = batch.getByRole('link', { name: 'Ver la votación' });
  await expect(pollLink).toBeVisible();
  const pollHref = (await pollLink.getAttribute('href')) ?? '';
  expect(pollHref).toMatch(/^\/polls\/[0-9a-f-]{36}$/);

  // 2. The chair and the secretary vote yes; the secretary closes the poll: adopted.
  const vote = async (voter: Page) => {
    await voter.goto(pollHref);
    const panel = voter.getByRole('region', { name: 'Su voto' });
    await panel.getByRole('radio', { name: 'Sí', exact: true }).check();
    await panel.getByRole('button', { name: 'Emitir mi voto' }).click();
    await expect(panel).toContainText('Voto registrado');
  };
  const chair = await (await browser.newContext()).newPage();
  await logIn(chair, CHAIR);
  await vote(chair);
  await chair.context().close();
  await vote(page);
  await page.getByRole('button', { name: 'Cerrar la votación…' }).click();
  await page.getByRole('button', { name: 'Sí, cerrar la votación' }).click();
  await expect(page.getByRole('region', { name: 'Resultado' })).toContainText('Aprobada');

  // 3. The list shows demands 1 and 2, raised, in the order typed.
  await openCouncilTab(page, VILLA_ADELA, 'Demandas');
  const table = list.getByRole('table', { name: `Pliego de demandas de ${VILLA_ADELA}` });
  const water = table.getByRole('row', { name: new RegExp(TAG) }).filter({ hasText: WATER });
  const light = table.getByRole('row', { name: new RegExp(TAG) }).filter({ hasText: LIGHT });
  await expect(water.getByRole('rowheader')).toHaveText('1');
  await expect(light.getByRole('rowheader')).toHaveText('2');
  await expect(water).toContainText('Planteada');
  await expect(light).toContainText('Planteada');
  await expect(water).toContainText('Gobierno Municipal de El Alto');
  await expect(proposals).toContainText('No hay demandas propuestas esperando votación.');
  await checkPage(page, 'demands-raised');

  // 4. The secretary moves demand 1 to "in negotiation" and records the municipality's answer.
  await water.getByRole('link', { name: WATER }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Demanda n.º 1' })).toBeVisible();
  const follow = page.getByRole('region', { name: 'Seguimiento' });
  await follow.getByLabel('Nuevo estado').selectOption({ label: 'En negociación' });
  await follow.getByLabel('Nota').fill('Mesa de diálogo con la alcaldía el lunes');
  await follow.getByRole('button', { name: 'Cambiar el estado' }).click();
  const history = page.getByRole('region', { name: 'Historial' });
  await expect(history).toContainText('Planteada → En negociación');
  await expect(history).toContainText('Mesa de diálogo con la alcaldía el lunes');
  await follow.locator('summary').getByText('Registrar una respuesta o una nota').click();
  await follow.getByLabel('Tipo').selectOption({ label: 'Respuesta recibida' });
  await follow.getByLabel('Texto').fill('La alcaldía se compromete a un cronograma de cisternas.');
  await follow.getByRole('button', { name: 'Registrar', exact: true }).click();
  await expect(history.getByRole('listitem').last()).toContainText('Respuesta recibida');
  await expect(history.getByRole('listitem').last()).toContainText('cronograma de cisternas');
  await checkPage(page, 'demand-in-negotiation');

  // 5. Huanuni's secretary endorses it in his council's name.
  const demandUrl = page.url();
  const huanuni = await (await browser.newContext()).newPage();
  await logIn(huanuni, HUANUNI);
  await huanuni.goto(demandUrl);
  const endorse = huanuni.getByRole('region', { name: 'Adhesión de su consejo' });
  await expect(endorse.getByLabel('En nombre de')).toHaveValue(/[0-9a-f-]{36}/);
  await endorse.getByRole('button', { name: 'Adherir' }).click();
  await expect(endorse).toContainText('Consejo Minero de Huanuni adhiere.');
  await expect(huanuni.getByRole('region', { name: 'Consejos que adhieren (1)' })).toContainText(
    'Consejo Minero de Huanuni',
  );
  await checkPage(huanuni, 'demand-endorsed');
  await huanuni.context().close();

  // 6. The list shows it "En negociación", to an anonymous visitor as well.
  const visitor = await (await browser.newContext()).newPage();
  await openCouncilTab(visitor, VILLA_ADELA, 'Demandas');
  const publicList = visitor.getByRole('region', { name: 'Pliego de demandas' });
  const publicWater = publicList.getByRole('row', { name: new RegExp(TAG) }).filter({ hasText: WATER });
  await expect(publicWater).toContainText('En negociación');
  await expect(publicWater.getByRole('cell').last()).toHaveText('1');
  await expect(
    publicList.getByRole('row', { name: new RegExp(TAG) }).filter({ hasText: LIGHT }),
  ).toContainText('Planteada');
  await expect(visitor.getByRole('region', { name: 'Demandas propuestas' })).toHaveCount(0);
  await expect(publicList.getByRole('link', { name: 'Descargar el pliego (CSV)' })).toBeVisible();
  await checkPage(visitor, 'demands-public-list');
  await visitor.context().close();
});
