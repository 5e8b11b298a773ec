// Signing in as the demo federation's people (server/demo, README "Demo accounts"), shared by the journeys.
import { type Browser, expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'cabildo-demo-2026';

/** Signs in on the login page; the app lands on "my councils". */
export async function logIn(page: Page, login: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Correo electrónico o teléfono').fill(login);
  await page.getByLabel('Contraseña', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Iniciar sesión' }).click();
  await expect(page).toHaveURL(/\/me$/);
}

/** A second person in a browser context of their own (their own cookies), signed in. */
export async function newPerson(browser: Browser, login: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await logIn(page, login);
  return page;
}
