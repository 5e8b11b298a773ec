// The foundation's journey: a newcomer applies through the public Join form to a neighbourhood
// council, the council's secretary accepts, the new member sets a password from the invitation
// link, logs in and sees the council. Accessibility and screenshots on every page on the way.
import { expect, type Page, test } from '@playwright/test';
import { checkPage } from './a11y.ts';

// Demo accounts seeded by server/demo (README "Demo accounts").
const SECRETARY = { login: 'secretaria.villaadela@cabildo.demo', password: 'cabildo-demo-2026' };
const COUNCIL = 'Junta Vecinal Villa Adela';

async function logIn(page: Page, login: string, password: string) {
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: 'Iniciar sesión' })).toBeVisible();
  await page.getByLabel('Correo electrónico o teléfono').fill(login);
  await page.getByLabel('Contraseña', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Iniciar sesión' }).click();
  await expect(page).toHaveURL(/\/me$/);
}

test('a newcomer joins a neighbourhood council and, once accepted, finds it among their councils', async ({
  browser,
}) => {
  const applicant = `Marcelina Apaza Ticona ${Date.now() % 100_000}`;
  const password = 'la junta de villa adela 2026';

  // 1. The newcomer finds the council and applies, with no account.
  const newcomer = await (await browser.newContext()).newPage();
  await newcomer.goto('/');
  await expect(newcomer.getByRole('heading', { level: 1 })).toHaveText('La federación de consejos');
  await expect(
    newcomer.getByRole('button', { name: 'Consejos de Confederación Nacional de Consejos' }),
  ).toHaveAttribute('aria-expanded', 'true');
  await checkPage(newcomer, 'home');

  await newcomer.getByRole('link', { name: 'Solicitar el ingreso' }).click();
  await expect(newcomer.getByRole('heading', { level: 1, name: 'Solicitud de ingreso' })).toBeVisible();
  await checkPage(newcomer, 'join-empty');

  // Sending an empty form names what is missing, next to each field.
  await newcomer.getByRole('button', { name: 'Enviar la solicitud' }).click();
  const summary = newcomer.getByRole('alert').filter({ hasText: 'Hay un problema' });
  await expect(summary).toContainText('Elija el consejo al que quiere afiliarse.');
  await expect(newcomer.getByLabel('Nombre completo')).toHaveAttribute('aria-invalid', 'true');
  await checkPage(newcomer, 'join-errors');

  await newcomer.getByLabel('Buscar consejo').fill('Villa Adela');
  await newcomer.getByRole('radio', { name: new RegExp(COUNCIL) }).check();
  await newcomer.getByLabel('Nombre completo').fill(applicant);
  await newcomer.getByLabel('Dónde vive').fill('Calle 3, Villa Adela');
  await newcomer.getByLabel('Teléfono').fill('+591 71234567');
  await newcomer
    .getByLabel('Mensaje para el consejo')
    .fill('Vivo en la zona y quiero participar en la junta.');
  await newcomer.getByRole('button', { name: 'Enviar la solicitud' }).click();

  await expect(newcomer.getByRole('heading', { name: 'Solicitud enviada' })).toBeVisible();
  await expect(newcomer.getByText(`Su solicitud de ingreso a ${COUNCIL} fue recibida.`)).toBeVisible();
  const reference = ((await newcomer.locator('dd strong.mono').textContent()) ?? '').trim();
  expect(reference).not.toBe('');
  await expect(newcomer.getByText('Recibirá una respuesta antes del')).toBeVisible();
  await checkPage(newcomer, 'join-sent');

  // 2. The secretary logs in, opens the council's queue and accepts.
  const secretary = await (await browser.newContext()).newPage();
  await logIn(secretary, SECRETARY.login, SECRETARY.password);
  await expect(secretary.getByRole('link', { name: COUNCIL })).toBeVisible();
  await checkPage(secretary, 'secretary-my-councils');

  await secretary.getByRole('link', { name: COUNCIL }).click();
  await expect(secretary.getByRole('heading', { level: 1, name: COUNCIL })).toBeVisible();
  await expect(secretary.getByRole('tab', { name: 'Registro' })).toBeVisible();
  await checkPage(secretary, 'council-as-secretary');

  await secretary.getByRole('tab', { name: 'Registro' }).click();
  await expect(secretary.getByText('Cadena verificada')).toBeVisible();
  await checkPage(secretary, 'council-ledger');

  await secretary.getByRole('link', { name: 'Solicitudes de ingreso' }).click();
  const application = secretary.getByRole('article', { name: applicant });
  await expect(application).toBeVisible();
  await expect(application).toContainText(reference);
  await checkPage(secretary, 'queue');

  await application.getByRole('button', { name: 'Aceptar' }).click();
  await expect(secretary.getByText(`${applicant} ya es miembro`)).toBeVisible();
  const invitation = await secretary.getByLabel('Enlace de invitación').inputValue();
  expect(invitation).toMatch(/\/set-password\?token=/);
  await checkPage(secretary, 'queue-accepted');

  // 3. The new member opens the invitation, sets a password, and is logged in.
  const member = await (await browser.newContext()).newPage();
  await member.goto(invitation);
  await expect(member.getByRole('heading', { level: 1, name: 'Le damos la bienvenida' })).toBeVisible();
  const login = await member.getByLabel('Su usuario').inputValue();
  expect(login).not.toBe('');
  await checkPage(member, 'set-password');

  await member.getByLabel('Nueva contraseña').fill(password);
  await member.getByLabel('Repita la contraseña').fill(password);
  await member.getByRole('button', { name: 'Guardar la contraseña y entrar' }).click();
  await expect(member).toHaveURL(/\/me$/);
  await expect(member.getByRole('link', { name: COUNCIL })).toBeVisible();

  // 4. Logging out and in again with the new password: the council is there, and its page knows them.
  await member.getByRole('button', { name: 'Cerrar sesión' }).click();
  await expect(member.getByRole('link', { name: 'Iniciar sesión' })).toBeVisible();
  await logIn(member, login, password);
  await expect(member.getByRole('link', { name: COUNCIL })).toBeVisible();
  await expect(member.getByText('Afiliación activa')).toBeVisible();
  await checkPage(member, 'member-my-councils');

  await member.getByRole('link', { name: COUNCIL }).click();
  await expect(member.getByRole('heading', { level: 1, name: COUNCIL })).toBeVisible();
  await expect(member.getByText('Usted es miembro')).toBeVisible();
  await checkPage(member, 'member-council');
});
