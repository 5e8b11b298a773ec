// Rosters (issue 8): the secretary of Junta Vecinal Villa Adela defines a shift with one place for next
// Tuesday, tied to the council's rice distribution round; the chair signs up and takes it; the
// secretary, whose page still shows the place open, tries to take it too and is refused in words (the
// shift is full), and the roster then shows it full; the chair finds the shift in "Mis turnos" and makes
// a calendar link; the secretary reads who signed up on the shift's page, which links to the round. The
// roster keeps the default clock (UTC) of a council that never set one; the place is unique to this run.
import { expect, type Page, test } from '@playwright/test';
import { checkPage } from './a11y.ts';
import { logIn, newPerson } from './demo-session.ts';

const SECRETARY = 'secretaria.villaadela@cabildo.demo';
const CHAIR = 'presidente.villaadela@cabildo.demo';
const VILLA_ADELA = 'Junta Vecinal Villa Adela';
const PLACE = `Olla común ${Date.now().toString(36)}`;
const ROLE = 'Cocina';

/** The council's Turnos tab, moved on to next week (the tab opens on this week, on the reader's clock). */
async function openNextWeek(page: Page) {
  await page.goto('/');
  await page.getByLabel('Nombre del consejo o lugar').fill(VILLA_ADELA);
  await page.getByRole('search').getByRole('link', { name: VILLA_ADELA, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: VILLA_ADELA })).toBeVisible();
  await page.getByRole('tab', { name: 'Turnos' }).click();
  const week = page.getByRole('region', { name: 'Turnos de la semana' });
  await expect(week.getByRole('button', { name: 'Semana siguiente' })).toBeVisible();
  await expect(week.getByText('Turnos', { exact: true })).toBeVisible();
  await week.getByRole('button', { name: 'Semana siguiente' }).click();
  return week;
}

/** Next week's Tuesday as 'YYYY-MM-DD', the week counted on La Paz's clock like the browser's. */
function nextTuesday(): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/La_Paz' }).format(new Date());
  const date = new Date(`${today}T00:00:00Z`);
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() - weekday + 1 + 7 + 1);
  return date.toISOString().slice(0, 10);
}

test('a shift with one place: the chair takes it, the secretary is refused as full, the chair sees it in My shifts', async ({
  page,
  browser,
}) => {
  test.setTimeout(200_000);
  const tuesday = nextTuesday();

  // 1. The secretary defines the shift: one place, next Tuesday 08:00–12:00 on the roster's clock.
  await logIn(page, SECRETARY);
  const week = await openNextWeek(page);
  const define = page.getByRole('region', { name: 'Definir un turno' });
  await define.locator('summary').getByText('Nuevo turno').click();
  await define.getByLabel('Lugar', { exact: true }).fill(PLACE);
  await define.getByLabel('Tarea', { exact: true }).fill(ROLE);
  await define.getByLabel('Día', { exact: true }).fill(tuesday);
  await define.getByLabel('Hora de inicio').fill('08:00');
  await define.getByLabel('Hora de fin').fill('12:00');
  await define.getByLabel('Plazas (personas necesarias)').fill('1');
  // Tied to the demo's open round (its option names the title and the day it opened).
  const round = define.getByLabel('Ronda de reparto').locator('option', { hasText: 'Reparto de arroz' });
  await expect(round).toHaveCount(1);
  await define.getByLabel('Ronda de reparto').selectOption((await round.getAttribute('value')) ?? '');
  await define.getByRole('button', { name: 'Definir el turno' }).click();
  await expect(define.getByRole('status')).toContainText(`Turno definido: ${ROLE} en ${PLACE}.`);

  // The roster shows it with its gap, in words.
  const item = week.getByRole('listitem').filter({ hasText: PLACE });
  await expect(item).toContainText('0 de 1 plazas cubiertas');
  await expect(item).toContainText('Falta 1 persona');
  await expect(item).toContainText('08:00–12:00');
  await expect(item.getByRole('button', { name: 'Anotarme' })).toBeVisible();
  await checkPage(page, 'roster-with-gap');

  // 2. The chair signs up and takes the one place.
  const chair = await newPerson(browser, CHAIR);
  const chairWeek = await openNextWeek(chair);
  const chairItem = chairWeek.getByRole('listitem').filter({ hasText: PLACE });
  await chairItem.getByRole('button', { name: 'Anotarme' }).click();
  await expect(chairItem).toContainText('Usted está anotado en este turno.');
  await expect(chairItem).toContainText('1 de 1 plazas cubiertas');
  await expect(chairItem).toContainText('Completo');
  await expect(chairItem.getByRole('button', { name: 'Cancelar mi inscripción' })).toBeVisible();

  // 3. The secretary's page still offers the place; taking it is refused: the shift is full.
  await item.getByRole('button', { name: 'Anotarme' }).click();
  await expect(item.getByRole('alert')).toContainText(
    'No se pudo anotar: El turno está completo: todas las plazas están tomadas.',
  );
  await expect(item).toContainText('Completo');
  await expect(item.getByRole('button', { name: 'Anotarme' })).toHaveCount(0);
  await checkPage(page, 'sign-up-refused-full');

  // 4. The chair finds the shift in My shifts, and makes a calendar link, shown once.
  await chair.goto('/me');
  await chair.getByRole('link', { name: 'Mis turnos' }).click();
  await expect(chair.getByRole('heading', { level: 1, name: 'Mis turnos' })).toBeVisible();
  const upcoming = chair.getByRole('region', { name: 'Próximos' });
  await expect(upcoming.getByRole('listitem').filter({ hasText: PLACE })).toContainText(ROLE);
  await expect(upcoming.getByRole('listitem').filter({ hasText: PLACE })).toContainText(VILLA_ADELA);
  const feeds = chair.getByRole('region', { name: 'Calendario' });
  await feeds.getByLabel('Nombre del enlace').fill('Mi teléfono');
  await feeds.getByRole('button', { name: 'Crear un enlace de calendario' }).click();
  await expect(feeds.getByLabel('Enlace del calendario')).toHaveValue(
    /\/api\/v1\/roster-feeds\/[A-Za-z0-9_-]{43}\/calendar\.ics$/,
  );
  await expect(feeds.getByRole('listitem').filter({ hasText: 'Mi teléfono' })).toContainText('Activo');
  await checkPage(chair, 'my-shifts');
  await chair.context().close();

  // 5. The secretary opens the shift: the chair is the one signed up.
  await item.getByRole('link', { name: new RegExp(ROLE) }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${ROLE} — ${PLACE}` })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Personas anotadas' }).getByRole('listitem')).toHaveCount(1);
  await expect(
    page.getByRole('link', { name: /^Ronda de reparto: Reparto de arroz, abierta el / }),
  ).toHaveAttribute('href', /^\/distribution-rounds\/[0-9a-f-]{36}$/);
  await checkPage(page, 'shift-page');
});
