// Seats of a federated council: the administrator chooses D'Hondt with 10 seats for the Federación de
// Juntas Vecinales de El Alto and recomputes; the table shows each council's members, quotient and
// seats, which add up to 10, and a visitor who is not signed in sees the same table (it is public).
// Accessibility and screenshots on every new state.
import { expect, type Locator, type Page, test } from '@playwright/test';
import { checkPage } from './a11y.ts';
import { logIn } from './demo-session.ts';

const ADMIN = 'admin@cabildo.demo';
const FEJUVE = 'Federación de Juntas Vecinales de El Alto';

async function openSeats(page: Page) {
  await page.goto('/');
  await page.getByLabel('Nombre del consejo o lugar').fill(FEJUVE);
  await page.getByRole('search').getByRole('link', { name: FEJUVE, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: FEJUVE })).toBeVisible();
  await page.getByRole('tab', { name: 'Bancas' }).click();
}

/** The figures of one column of the table's body, by the column's header. */
async function column(table: Locator, header: string): Promise<string[]> {
  const headers = await table.locator('thead th').allTextContents();
  const index = headers.indexOf(header);
  expect(index, `column ${header} in ${headers.join(', ')}`).toBeGreaterThanOrEqual(0);
  // The first column is each row's header (th), the others cells (td).
  return table
    .locator('tbody tr')
    .evaluateAll((rows, at) => rows.map((row) => row.children[at]?.textContent ?? ''), index);
}

const seatsOf = (text: string) => Number(text.replace(/\D+$/, '').replace(/\D/g, ''));

test('the administrator sets D’Hondt with 10 seats, recomputes, and anyone can check the table', async ({
  page,
  browser,
}) => {
  await logIn(page, ADMIN);
  await openSeats(page);
  await expect(page.getByText('Todavía no se calculó ninguna tabla de bancas.')).toBeVisible();
  await expect(page.getByText('Esta federación todavía no eligió cómo repartir sus bancas.')).toBeVisible();
  await checkPage(page, 'seats-no-rule');

  // A minimum the total cannot give every council is refused before anything is sent.
  const manage = page.getByRole('region', { name: 'Elegir la regla y recalcular' });
  await manage.getByLabel('Método').selectOption({ label: "D'Hondt" });
  await expect(manage.getByText('con una ligera ventaja para los consejos más grandes')).toBeVisible();
  await manage.getByLabel('Total de bancas').fill('10');
  await manage.getByLabel('Mínimo por consejo').fill('20');
  await manage.getByRole('button', { name: 'Guardar la regla' }).click();
  await expect(manage.getByLabel('Mínimo por consejo')).toHaveAttribute('aria-invalid', 'true');
  await expect(manage.getByRole('alert')).toContainText('supera el total de bancas');
  await checkPage(page, 'seats-rule-error');

  await manage.getByLabel('Mínimo por consejo').fill('0');
  await manage.getByRole('button', { name: 'Guardar la regla' }).click();
  await expect(manage.getByRole('status')).toHaveText('Regla guardada. Recalcule la tabla para aplicarla.');
  const rule = page.getByRole('region', { name: 'Regla', exact: true });
  await expect(rule).toContainText("D'Hondt: 10 bancas repartidas según los miembros de cada consejo.");

  await manage.getByRole('button', { name: 'Recalcular ahora' }).click();
  await expect(manage.getByRole('status')).toContainText(
    /Tabla n\.º 1 calculada: 10 bancas entre \d+ consejos\./,
  );

  const table = page.getByRole('table', { name: /^Tabla n\.º 1: D'Hondt, 10 bancas, vigente desde el / });
  await expect(table).toBeVisible();
  const seats = (await column(table, 'Bancas')).map(seatsOf);
  expect(seats.reduce((sum, value) => sum + value, 0)).toBe(10);
  const members = (await column(table, 'Miembros')).map(seatsOf);
  // D'Hondt never gives a council with fewer members more seats than one with more.
  for (const [i, count] of members.entries()) {
    for (const [j, other] of members.entries()) {
      if (count > other) expect(seats[i] ?? 0).toBeGreaterThanOrEqual(seats[j] ?? 0);
    }
  }
  await expect(table.locator('tfoot')).toContainText('10');
  await expect(table.getByRole('link').first()).toHaveAttribute('href', /^\/councils\//);
  await expect(page.getByRole('region', { name: 'Historial de tablas' }).getByRole('listitem')).toHaveText([
    /Tabla n\.º 1: D'Hondt, 10 bancas/,
  ]);
  await checkPage(page, 'seats-table');

  // Nothing changed since: the server records no new table and the page says so.
  await manage.getByRole('button', { name: 'Recalcular ahora' }).click();
  await expect(manage.getByRole('status')).toContainText('Nada cambió desde la última tabla');

  // Another rule: Hamilton with a minimum of one seat each. Saved, it is not in force until recomputed;
  // the new table shows each council's quota and remainder and the change against table n.º 1.
  await manage.getByLabel('Método').selectOption({ label: 'Hamilton (restos mayores)' });
  await manage.getByLabel('Mínimo por consejo').fill('1');
  await manage.getByRole('button', { name: 'Guardar la regla' }).click();
  await expect(manage.getByRole('status')).toHaveText('Regla guardada. Recalcule la tabla para aplicarla.');
  await expect(rule).toContainText('La tabla vigente se calculó con otra regla');
  await manage.getByRole('button', { name: 'Recalcular ahora' }).click();
  await expect(manage.getByRole('status')).toContainText('Tabla n.º 2 calculada: 10 bancas');
  await expect(rule).not.toContainText('La tabla vigente se calculó con otra regla');
  const hamilton = page.getByRole('table', { name: /^Tabla n\.º 2: Hamilton \(restos mayores\), 10 bancas/ });
  await expect(hamilton.locator('thead th')).toHaveText([
    'Consejo',
    'Miembros',
    'Cuota',
    'Resto',
    'Bancas',
    'Cambio',
  ]);
  const hamiltonSeats = (await column(hamilton, 'Bancas')).map(seatsOf);
  expect(hamiltonSeats.reduce((sum, value) => sum + value, 0)).toBe(10);
  expect(hamiltonSeats.every((value) => value >= 1)).toBe(true);
  for (const [i, change] of (await column(hamilton, 'Cambio')).entries()) {
    const delta = (hamiltonSeats[i] ?? 0) - (seats[i] ?? 0);
    expect(change).toBe(delta > 0 ? `+${delta}` : delta < 0 ? `\u2212${-delta}` : '0');
  }
  await expect(page.getByRole('region', { name: 'Historial de tablas' }).getByRole('listitem')).toHaveCount(
    2,
  );
  await checkPage(page, 'seats-hamilton');

  // The table is public: a visitor who is not signed in sees it, without the rule form.
  const visitor = await (await browser.newContext()).newPage();
  await openSeats(visitor);
  const publicTable = visitor.getByRole('table', { name: /^Tabla n\.º 2: Hamilton/ });
  await expect(publicTable).toBeVisible();
  expect((await column(publicTable, 'Bancas')).map(seatsOf)).toEqual(hamiltonSeats);
  await expect(visitor.getByRole('button', { name: 'Recalcular ahora' })).toHaveCount(0);
  await checkPage(visitor, 'seats-public');
});
