// Delegates of a federation: the administrator gives each council of the Federación de Juntas Vecinales
// de El Alto one seat; the Villa Adela secretary records a paper count (one winner, one substitute, two
// tellers); the federation's Delegates tab shows the winner; the secretary records the council's recall
// decision and the substitute takes the seat. Accessibility and screenshots on every new page.
import { expect, type Page, test } from '@playwright/test';
import { checkPage } from './a11y.ts';
import { logIn } from './demo-session.ts';

const ADMIN = 'admin@cabildo.demo';
const SECRETARY = 'secretaria.villaadela@cabildo.demo';
const FEJUVE = 'Federación de Juntas Vecinales de El Alto';
const VILLA_ADELA = 'Junta Vecinal Villa Adela';

async function openCouncil(page: Page, name: string) {
  await page.goto('/');
  await page.getByLabel('Nombre del consejo o lugar').fill(name);
  await page.getByRole('search').getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

async function federationRoll(page: Page) {
  await openCouncil(page, FEJUVE);
  await page.getByRole('tab', { name: 'Delegados' }).click();
  const roll = page.getByRole('region', { name: 'Delegados en este consejo' });
  await expect(roll.getByRole('table', { name: /^Delegados ahora/ })).toBeVisible();
  return roll;
}

test('a council elects its delegate from a paper count, recalls her, and the substitute takes the seat', async ({
  page,
  browser,
}) => {
  // One seat for each council of the federation.
  await logIn(page, ADMIN);
  await openCouncil(page, FEJUVE);
  await page.getByRole('tab', { name: 'Bancas' }).click();
  const manage = page.getByRole('region', { name: 'Elegir la regla y recalcular' });
  await manage.getByLabel('Método').selectOption({ label: 'Fijo por consejo' });
  await manage.getByLabel('Bancas por consejo').fill('1');
  await manage.getByLabel('Mínimo por consejo').fill('0');
  await manage.getByRole('button', { name: 'Guardar la regla' }).click();
  await expect(manage.getByRole('status')).toHaveText('Regla guardada. Recalcule la tabla para aplicarla.');
  await manage.getByRole('button', { name: 'Recalcular ahora' }).click();
  // Specs share one server: the seats spec may already have recorded tables for this federation.
  await expect(manage.getByRole('status')).toContainText(/Tabla n\.º \d+ calculada/);

  // The Villa Adela secretary records the paper count; two tellers with one name are refused first.
  const secretary = await (await browser.newContext()).newPage();
  await logIn(secretary, SECRETARY);
  await openCouncil(secretary, VILLA_ADELA);
  await secretary.getByRole('tab', { name: 'Delegados' }).click();
  const form = secretary.getByRole('region', { name: 'Registrar el resultado de una elección' });
  await expect(form.getByText('le asignó 1 banca')).toBeVisible();
  await form.getByLabel('Electo n.º 1', { exact: true }).selectOption({ index: 1 });
  await form.getByLabel('Votos', { exact: true }).first().fill('41');
  await form.getByLabel('Suplente n.º 1', { exact: true }).selectOption({ index: 2 });
  await form.getByLabel('Votos', { exact: true }).nth(1).fill('27');
  const winner =
    (await form.getByLabel('Electo n.º 1', { exact: true }).locator('option:checked').textContent()) ?? '';
  const substitute =
    (await form.getByLabel('Suplente n.º 1', { exact: true }).locator('option:checked').textContent()) ?? '';
  expect(winner).not.toBe('');
  expect(substitute).not.toBe(winner);
  await form.getByLabel('Primer escrutador').fill('Marcelina Apaza');
  await form.getByLabel('Segundo escrutador').fill('marcelina apaza');
  await form.getByLabel('Referencia del acta de escrutinio').fill('Acta de escrutinio 7/2026');
  await form.getByRole('button', { name: 'Registrar el resultado' }).click();
  await expect(form.getByRole('alert')).toContainText('dos escrutadores distintos');
  await expect(form.getByLabel('Segundo escrutador')).toHaveAttribute('aria-invalid', 'true');
  await checkPage(secretary, 'election-form-error');

  await form.getByLabel('Segundo escrutador').fill('Gregorio Quispe');
  await form.getByRole('button', { name: 'Registrar el resultado' }).click();
  await expect(form.getByRole('status')).toContainText(
    `Resultado registrado: ${winner} tiene ahora el mandato`,
  );
  const own = secretary.getByRole('region', { name: `Nuestros delegados en ${FEJUVE}` });
  await expect(own.getByRole('table')).toContainText(winner);
  await checkPage(secretary, 'delegates-of-base-council');

  // The federation's roll, public: a visitor sees the winner sent by Villa Adela.
  const visitor = await (await browser.newContext()).newPage();
  const roll = await federationRoll(visitor);
  const winnerRow = roll.getByRole('row', { name: new RegExp(winner) });
  await expect(winnerRow).toContainText(VILLA_ADELA);
  await expect(roll.getByRole('row', { name: new RegExp(substitute) })).toHaveCount(0);
  await checkPage(visitor, 'federation-roll');

  // The mandate page: trace to Villa Adela, seat history; the secretary records the recall decision.
  await secretary.goto((await winnerRow.getByRole('link', { name: winner }).getAttribute('href')) ?? '/');
  await expect(secretary.getByRole('heading', { level: 1, name: `Mandato de ${winner}` })).toBeVisible();
  await expect(secretary.getByRole('region', { name: 'De dónde viene este mandato' })).toContainText(
    VILLA_ADELA,
  );
  await expect(secretary.getByRole('region', { name: 'Petición de revocación' })).toContainText(
    'No hay ninguna petición de revocación abierta.',
  );
  await checkPage(secretary, 'mandate');
  const recall = secretary.getByRole('region', { name: 'Registrar la revocación' });
  await recall.getByRole('button', { name: 'Registrar la revocación…' }).click();
  await recall.getByRole('button', { name: `Confirmar la revocación de ${winner}` }).click();
  await expect(recall.getByLabel('Referencia de la decisión')).toHaveAttribute('aria-invalid', 'true');
  await recall.getByLabel('Referencia de la decisión').fill('Acta de asamblea 12/2026');
  await recall.getByLabel('Texto del acta').fill('La asamblea resolvió revocar el mandato de su delegada.');
  await checkPage(secretary, 'recall-confirm');
  await recall.getByRole('button', { name: `Confirmar la revocación de ${winner}` }).click();
  await expect(secretary.getByText(/^Este mandato terminó el /)).toBeVisible();
  await expect(secretary.getByRole('heading', { level: 1 }).locator('..')).toContainText('Revocado');
  await expect(secretary.getByRole('region', { name: 'Registrar la revocación' })).toHaveCount(0);
  await checkPage(secretary, 'mandate-recalled');

  // The substitute now holds the seat; the recalled winner is gone from the roll.
  const after = await federationRoll(visitor);
  await expect(after.getByRole('row', { name: new RegExp(substitute) })).toContainText(VILLA_ADELA);
  await expect(after.getByRole('row', { name: new RegExp(winner) })).toHaveCount(0);

  // My mandates: the secretary holds none.
  await secretary.goto('/me');
  await secretary.getByRole('link', { name: 'Mis mandatos' }).last().click();
  await expect(secretary.getByRole('heading', { level: 1, name: 'Mis mandatos' })).toBeVisible();
  await expect(secretary.getByText('No tiene ningún mandato')).toBeVisible();
  await checkPage(secretary, 'my-mandates');
});
