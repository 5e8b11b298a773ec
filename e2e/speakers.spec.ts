// The speakers list of a sitting: the Villa Adela secretary convenes an extraordinary sitting of her own,
// opens it and checks in; the chair checks in from another browser and asks for the floor in favour.
// The secretary sees the request arrive without reloading, gives him the floor, and both rooms show who
// speaks with the time left in words; she shortens the speaking time, the projector shows the speaker
// and the timer large, and she ends the speech and closes the sitting.
import { expect, type Page, test } from '@playwright/test';
import { checkPage } from './a11y.ts';
import { logIn } from './demo-session.ts';

const SECRETARY = 'secretaria.villaadela@cabildo.demo';
const CHAIR = 'presidente.villaadela@cabildo.demo';
const VILLA_ADELA = 'Junta Vecinal Villa Adela';
const SITTING = 'Asamblea extraordinaria sobre el mercado';

/** A datetime-local value `hours` from now, by the browser's clock and time zone. */
function localInput(page: Page, hours: number): Promise<string> {
  return page.evaluate((ahead) => {
    const d = new Date(Date.now() + ahead * 3_600_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }, hours);
}

test('a member asks for the floor, the chair gives it, and the room and the projector show the timer', async ({
  page,
  browser,
}) => {
  // The secretary convenes her own extraordinary sitting, opens it and checks in.
  await logIn(page, SECRETARY);
  await page.goto('/');
  await page.getByLabel('Nombre del consejo o lugar').fill(VILLA_ADELA);
  await page.getByRole('search').getByRole('link', { name: VILLA_ADELA, exact: true }).click();
  await page.getByRole('tab', { name: 'Asambleas' }).click();
  const convene = page.getByRole('region', { name: 'Convocar una asamblea' });
  await convene.getByLabel('Título').fill(SITTING);
  await convene.getByLabel('Asamblea extraordinaria').check();
  await convene.getByLabel('Fecha y hora de inicio').fill(await localInput(page, 1));
  await convene.getByLabel('Lugar').fill('Sede de la junta vecinal, calle 3');
  await convene.getByRole('button', { name: 'Convocar la asamblea' }).click();
  await expect(page.getByRole('heading', { level: 1, name: SITTING })).toBeVisible();
  await expect(page).toHaveURL(/\/assemblies\/[0-9a-f-]{36}$/);
  const roomUrl = page.url();
  await page.getByRole('button', { name: 'Abrir la sesión' }).click();
  await expect(page.getByText('En sesión', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Registrar mi asistencia' }).click();
  await expect(page.getByText('Usted está registrado como presente.')).toBeVisible();
  const speakers = page.getByRole('region', { name: 'Lista de oradores' });
  await expect(speakers).toContainText('Nadie pidió la palabra.');

  // The chair checks in from another browser and asks for the floor in favour.
  const chair = await (await browser.newContext()).newPage();
  await logIn(chair, CHAIR);
  await chair.goto(roomUrl);
  const chairSpeakers = chair.getByRole('region', { name: 'Lista de oradores' });
  await expect(chairSpeakers).toContainText('Registre su asistencia para pedir la palabra.');
  await chair.getByRole('button', { name: 'Registrar mi asistencia' }).click();
  await expect(chair.getByText('Usted está registrado como presente.')).toBeVisible();
  await chairSpeakers.getByRole('button', { name: 'Pedir la palabra a favor' }).click();
  await expect(chairSpeakers).toContainText('Usted está en la lista: puesto 1.');
  await expect(chairSpeakers.getByRole('listitem')).toContainText('A favor');

  // The secretary's room follows without a reload; she gives him the floor.
  await expect(speakers).toContainText('En espera (1)');
  await expect(speakers.getByRole('listitem')).toContainText('A favor');
  await speakers.getByRole('button', { name: 'Dar la palabra al siguiente' }).click();
  await expect(speakers).toContainText('Tiene la palabra');
  const timer = speakers.getByRole('timer');
  await expect(timer).toHaveText(/^Quedan [23]:\d\d$/);
  await expect(speakers).toContainText('Tiempo de palabra: 3:00');
  await expect(speakers).toContainText('Nadie pidió la palabra.');
  // The countdown runs.
  const first = await timer.textContent();
  await expect(timer).not.toHaveText(first ?? '', { timeout: 5000 });
  // Announced once, in words, to screen readers; not every second.
  await expect(speakers.getByRole('status').first()).toContainText('tiene la palabra por 3:00.');
  await expect(chairSpeakers.getByRole('timer')).toHaveText(/^Quedan [23]:\d\d$/);
  await checkPage(page, 'speakers-room');

  // A shorter speaking time applies to the speech under way.
  await speakers.getByLabel('Tiempo de palabra (segundos)').fill('60');
  await speakers.getByRole('button', { name: 'Guardar el tiempo' }).click();
  await expect(speakers.getByText('Tiempo de palabra guardado.')).toBeVisible();
  await expect(timer).toHaveText(/^Quedan 0:\d\d$/);
  await expect(speakers).toContainText('Tiempo de palabra: 1:00');

  // The projector shows the speaker and the timer large.
  const projector = await page.context().newPage();
  await projector.goto(`${roomUrl}/projector`);
  const floor = projector.getByRole('region', { name: 'Tiene la palabra' });
  await expect(floor).toContainText('A favor');
  await expect(floor.getByRole('timer')).toHaveText(/^Quedan 0:\d\d$/);
  await checkPage(projector, 'speakers-projector');
  await projector.close();

  // The secretary ends the speech; the chair's room follows; the sitting closes.
  await speakers.getByRole('button', { name: 'Terminar la intervención' }).click();
  await expect(speakers).toContainText('Nadie tiene la palabra.');
  await expect(chairSpeakers).toContainText('Nadie tiene la palabra.');
  await page.goto(roomUrl);
  await page.getByRole('button', { name: 'Cerrar la sesión' }).click();
  await expect(page.getByText('Cerrada', { exact: true }).first()).toBeVisible();
});
