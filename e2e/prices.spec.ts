// Price control (issue 7): Junta Vecinal Villa Adela adopts a cap on rice by its members' vote; the chair,
// a member, reports a higher price seen in a shop (a 46 kg quintal, which the server turns into a price
// per kg); the violation shows on the council's Prices tab, the secretary records a warning to the
// seller; the market chart draws La Paz's real rice series with the cap line and the report marked; the
// printable cap list shows the cap. The demo seeds the series (server/demo/fixtures) and no rice cap.
import { fileURLToPath } from 'node:url';
import { expect, type Page, test } from '@playwright/test';
import { checkPage } from './a11y.ts';
import { logIn, newPerson, openCouncilTab } from './demo-session.ts';

const SECRETARY = 'secretaria.villaadela@cabildo.demo';
const CHAIR = 'presidente.villaadela@cabildo.demo';
const VILLA_ADELA = 'Junta Vecinal Villa Adela';
const SELLER = `Tienda La Económica ${Date.now().toString(36)}`;

test('a council adopts a rice cap by vote, a member reports a higher price, the violation is followed up and the chart draws the cap', async ({
  page,
  browser,
}) => {
  test.setTimeout(200_000);

  // 1. The secretary proposes a cap of 9.00 Bs per kg of rice and puts it to the vote.
  await logIn(page, SECRETARY);
  await openCouncilTab(page, VILLA_ADELA, 'Precios');
  const councilId = /\/councils\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
  expect(councilId).not.toBe('');
  const caps = page.getByRole('region', { name: 'Precios máximos vigentes' });
  await expect(caps).toContainText('No hay precios máximos vigentes.');
  await caps.locator('summary').getByText('Proponer un precio máximo').click();
  await caps.getByLabel('Artículo').selectOption({ label: 'Arroz (kg)' });
  await caps.getByLabel('Precio máximo por kg').fill('9.00');
  await caps.getByLabel('Nota').fill('Precio justo del arroz en la feria');
  await caps.getByRole('button', { name: 'Proponer', exact: true }).click();
  const proposal = caps.getByRole('listitem').filter({ hasText: '9,00 BOB por kg Arroz' });
  await expect(proposal).toContainText('Propuesto');
  await checkPage(page, 'cap-proposed');
  await proposal.getByRole('button', { name: 'Someter a votación' }).click();
  const pollLink = proposal.getByRole('link', { name: 'Ver la votación' });
  await expect(pollLink).toBeVisible();
  await expect(proposal).toContainText('En votación');
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
  const chair = await newPerson(browser, CHAIR);
  await vote(chair);
  await vote(page);
  await page.getByRole('button', { name: 'Cerrar la votación…' }).click();
  await page.getByRole('button', { name: 'Sí, cerrar la votación' }).click();
  await expect(page.getByRole('region', { name: 'Resultado' })).toContainText('Aprobada');

  // The cap is in force on the council's tab.
  await openCouncilTab(page, VILLA_ADELA, 'Precios');
  const inForce = caps.getByRole('table', { name: /^Precios máximos vigentes el / });
  await expect(inForce.getByRole('row', { name: /Arroz/ })).toContainText('9,00 BOB por kg');
  await expect(inForce.getByRole('row', { name: /Arroz/ })).toContainText('Este consejo');

  // 3. The chair reports a quintal (46 kg) at 552.00 Bs: 12.00 Bs per kg, above the cap.
  await openCouncilTab(chair, VILLA_ADELA, 'Precios');
  const report = chair.getByRole('region', { name: 'Reportar un precio' });
  await report.getByLabel('Vendedor').fill(SELLER);
  await report.getByLabel('Mercado o feria').fill('Feria 16 de Julio');
  await report.getByLabel('Artículo').selectOption({ label: 'Arroz (kg)' });
  await report.getByLabel('Cantidad').fill('1');
  await report.getByLabel('Unidad').selectOption({ value: 'quintal 46 kg' });
  await report.getByLabel('Precio total').fill('552.00');
  await report.getByRole('button', { name: 'Enviar reporte' }).click();
  await expect(report.getByRole('status')).toContainText(
    'Reporte guardado: 12,00 BOB por kg está por encima del precio máximo.',
  );
  await checkPage(chair, 'price-reported');
  await chair.context().close();

  // 4. The violation is on the council's page for its officers; the secretary warns the seller.
  await openCouncilTab(page, VILLA_ADELA, 'Precios');
  const open = page.getByRole('region', { name: 'Infracciones por resolver' });
  const line = open.getByRole('listitem').filter({ hasText: SELLER });
  await expect(line).toContainText('12,00 BOB por kg (máximo 9,00)');
  await expect(line).toContainText('Abierta');
  await checkPage(page, 'violation-on-council-page');
  await open.getByRole('link', { name: /^Ver las infracciones/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Infracciones de precios' })).toBeVisible();
  const card = page.getByRole('article').filter({ hasText: SELLER });
  await expect(card).toContainText('552,00 BOB por 1 quintal 46 kg');
  await expect(card).toContainText(`precio máximo de ${VILLA_ADELA}`);
  await card.getByLabel('Paso siguiente').selectOption({ label: 'Advertencia al vendedor' });
  await card.getByLabel('Nota').fill('Se le explicó el precio máximo vigente.');
  await card.getByRole('button', { name: 'Registrar' }).click();
  await expect(card.getByRole('heading', { level: 2 })).toContainText('Advertido');
  await expect(card.getByRole('listitem').filter({ hasText: 'Advertencia al vendedor' })).toContainText(
    'Se le explicó el precio máximo vigente.',
  );
  await checkPage(page, 'violation-followed-up');

  // 5. The chart: La Paz's rice series with today's cap as the reference line and the report marked.
  await openCouncilTab(page, VILLA_ADELA, 'Precios');
  await inForce.getByRole('link', { name: 'Arroz' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Precios de mercado' })).toBeVisible();
  await expect(page.getByLabel('Producto', { exact: true })).toHaveValue(/[0-9a-f-]{36}/);
  await page.getByLabel('Mercado', { exact: true }).selectOption({ label: 'La Paz City (La Paz)' });
  const series = page.getByRole('region', { name: 'Rice (Grano de Oro) en La Paz City' });
  await expect(series).toContainText('Precio máximo vigente hoy, 9,00 Bs por kg');
  await expect(series.locator('canvas').first()).toBeVisible();
  // 162 real prices (2009–2022): the caption counts them and those above today's cap.
  await expect(series).toContainText(/162 precios del .* por encima del precio máximo/);
  await expect(series).toContainText(/\d+ días con reportes/);
  // The report is in the chart's table at 12,00 Bs per kg next to the 9,00 cap.
  await series.getByText('Ver los datos en una tabla').click();
  await expect(series.getByRole('row').last()).toContainText('12,00');
  await checkPage(page, 'price-chart-with-cap');
  // The chart alone, kept beside the page screenshots (docs/screenshots/ has a copy).
  await series
    .locator('figure')
    .first()
    .screenshot({ path: fileURLToPath(new URL('./artifacts/price-chart.png', import.meta.url)) });
  await expect(page.getByRole('region', { name: 'Rice (Grano de Oro): mercados comparados' })).toBeVisible();

  // 6. The printable list, for the shop windows.
  await page.goto(`/councils/${councilId}/price-caps/print`);
  await expect(
    page.getByRole('heading', { level: 1, name: `Precios máximos — ${VILLA_ADELA}` }),
  ).toBeVisible();
  await expect(page.getByRole('row', { name: /Arroz/ })).toContainText('9,00 BOB por kg');
  await checkPage(page, 'cap-list-print');
});
