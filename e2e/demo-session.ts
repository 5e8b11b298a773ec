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

/** Finds a council by name from the home page's search, opens its page and the tab named. */
export async function openCouncilTab(page: Page, council: string, tab: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Nombre del consejo o lugar').fill(council);
  await page.getByRole('search').getByRole('link', { name: council, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: council })).toBeVisible();
  await page.getByRole('tab', { name: tab }).click();
}
