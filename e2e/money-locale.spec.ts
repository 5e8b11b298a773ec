// Money in the reader's language: the API sends exact decimal text ("9.00"); the Prices tab shows it
// with the reader's marks ("9,00" in Spanish, "9.00" in English) and the forms read amounts typed the
// reader's way ("1.234,50" in Spanish is one thousand two hundred thirty-four and a half), refusing
// garbage next to the field. Flour, not the rice of prices.spec.ts, so the two journeys never meet.
import { expect, test } from '@playwright/test';
import { checkPage } from './a11y.ts';
import { logIn, openCouncilTab } from './demo-session.ts';

const SECRETARY = 'secretaria.villaadela@cabildo.demo';
const VILLA_ADELA = 'Junta Vecinal Villa Adela';
const SELLER = `Almacén Don Lucho ${Date.now().toString(36)}`;

test('prices are typed and shown with the reader’s decimal marks, in Spanish and in English', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await logIn(page, SECRETARY);
  await openCouncilTab(page, VILLA_ADELA, 'Precios');

  // A cap typed as garbage is refused next to its field; typed "9,00" it is 9.00 for the server.
  const caps = page.getByRole('region', { name: 'Precios máximos vigentes' });
  await caps.locator('summary').getByText('Proponer un precio máximo').click();
  await caps.getByLabel('Artículo').selectOption({ label: 'Harina de trigo (kg)' });
  const capField = caps.getByLabel('Precio máximo por kg');
  await capField.fill('nueve,5');
  await caps.getByRole('button', { name: 'Proponer', exact: true }).click();
  await expect(capField).toHaveAttribute('aria-invalid', 'true');
  await expect(capField).toHaveAccessibleDescription(/Escriba un monto como 9,50 o 1\.234,50/);
  await capField.fill('9,00');
  await caps.getByRole('button', { name: 'Proponer', exact: true }).click();
  const proposal = caps.getByRole('listitem').filter({ hasText: 'Harina de trigo' });
  await expect(proposal).toContainText('9,00 BOB por kg Harina de trigo');

  // A sack of 50 kg at "1.234,50" Bs: 24,69 Bs per kg.
  const report = page.getByRole('region', { name: 'Reportar un precio' });
  await report.getByLabel('Vendedor').fill(SELLER);
  await report.getByLabel('Artículo').selectOption({ label: 'Harina de trigo (kg)' });
  await report.getByLabel('Cantidad').fill('1');
  await report.getByLabel('Unidad').selectOption({ value: 'bolsa 50 kg' });
  await report.getByLabel('Precio total').fill('1.234,50');
  await report.getByRole('button', { name: 'Enviar reporte' }).click();
  await expect(report.getByRole('status')).toContainText('Reporte guardado: 24,69 BOB por kg');
  await checkPage(page, 'money-es');

  // The same page in English: the same amounts with English marks.
  await page.getByLabel('Idioma').selectOption('en');
  const capsEn = page.getByRole('region', { name: 'Price caps in force' });
  await expect(capsEn.getByRole('listitem').filter({ hasText: 'Harina de trigo' })).toContainText(
    '9.00 BOB per kg Harina de trigo',
  );
  await expect(page.getByRole('region', { name: 'Report a price' }).getByRole('status')).toContainText(
    'Report saved: 24.69 BOB per kg',
  );
  await checkPage(page, 'money-en');
});
