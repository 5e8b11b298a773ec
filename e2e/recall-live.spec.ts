// A recall reaches the room live (issue 4): the regional secretary convenes and opens an extraordinary
// sitting of the Federación Regional de Oruro y Potosí; the Huanuni delegate, seated there by the miners'
// federation on the strength of her Huanuni mandate, checks in (quorum: her seat carries more than half)
// and sees the vote the secretary opens. Huanuni's secretary then records the recall of her Huanuni
// mandate; without a reload, her sitting page and her poll page lose the vote button, the quorum drops,
// and the Siglo XX delegate holds the miners' regional seat. Independent of the congress spec: it
// convenes its own sitting and touches neither the seeded congress nor its motion.
import { expect, type Page, type Request, test } from '@playwright/test';
import { checkPage } from './a11y.ts';
import { logIn, newPerson } from './demo-session.ts';

const REGIONAL_SECRETARY = 'secretaria.oruropotosi@cabildo.demo';
const DELEGATE = 'delegada.huanuni@cabildo.demo';
const DELEGATE_NAME = 'Nélida Ayaviri Flores';
const HUANUNI_SECRETARY = 'secretario.huanuni@cabildo.demo';
const REGIONAL = 'Federación Regional de Oruro y Potosí';
const MINERS = 'Federación de Consejos Mineros';
const HUANUNI = 'Consejo Minero de Huanuni';
const SIGLO_XX = 'Consejo Minero Siglo XX';
const SITTING = 'Sesión extraordinaria por el cierre del ingenio';
const VOTE = 'Declarar el estado de emergencia minera';
/** A recalled delegate's vote button must go within this, with no reload (debounce 400 ms + a fetch). */
const LIVE_MS = 5_000;

async function openCouncil(page: Page, name: string) {
  await page.goto('/');
  await page.getByLabel('Nombre del consejo o lugar').fill(name);
  await page.getByRole('search').getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** The council's roll as it stands now (Delegados tab). */
async function councilRoll(page: Page, name: string) {
  await openCouncil(page, name);
  await page.getByRole('tab', { name: 'Delegados' }).click();
  const roll = page.getByRole('region', { name: 'Delegados en este consejo' });
  await expect(roll.getByRole('table', { name: /^Delegados ahora/ })).toBeVisible();
  return roll;
}

/** A datetime-local value `hours` from now, by the browser's clock and time zone. */
function localInput(page: Page, hours: number): Promise<string> {
  return page.evaluate((ahead) => {
    const d = new Date(Date.now() + ahead * 3_600_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }, hours);
}

/** "… de 5,123 votos; …" → "5,123 votos": the weight entitled in the room, as the meter says it. */
function entitledOf(text: string): string {
  return /Presentes: .+? de (.+?); el quórum/.exec(text)?.[1] ?? '';
}

/**
 * Marks the page so that a reload (which would drop the mark) can be told from a live update, and
 * records, in page time, the first moment no "Emitir mi voto" button is left in it.
 */
async function watchVoteButton(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __noReload: boolean; __voteGoneAt: number | null };
    w.__noReload = true;
    w.__voteGoneAt = null;
    const hasButton = () =>
      [...document.querySelectorAll('button')].some((b) => b.textContent?.includes('Emitir mi voto'));
    const observer = new MutationObserver(() => {
      if (w.__voteGoneAt === null && !hasButton()) {
        w.__voteGoneAt = Date.now();
        observer.disconnect();
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
}

async function watched(page: Page): Promise<{ noReload: boolean; voteGoneAt: number | null }> {
  return page.evaluate(() => {
    const w = window as unknown as { __noReload?: boolean; __voteGoneAt?: number | null };
    return { noReload: w.__noReload === true, voteGoneAt: w.__voteGoneAt ?? null };
  });
}

test('a recall ends the delegate’s seat in the sitting live: the vote button goes, the quorum drops, the substitute is seated', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);

  // The regional secretary convenes an extraordinary sitting of the regional federation and opens it.
  await logIn(page, REGIONAL_SECRETARY);
  await openCouncil(page, REGIONAL);
  const regionalId = /\/councils\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
  expect(regionalId).not.toBe('');
  await page.getByRole('tab', { name: 'Asambleas' }).click();
  const convene = page.getByRole('region', { name: 'Convocar una asamblea' });
  await convene.getByLabel('Título').fill(SITTING);
  await convene.getByLabel('Asamblea extraordinaria').check();
  await convene.getByLabel('Fecha y hora de inicio').fill(await localInput(page, 1));
  await convene.getByLabel('Lugar').fill('Casa Sindical de Oruro');
  await convene.getByLabel('Punto 1', { exact: true }).fill('Cierre del ingenio de Huanuni');
  await convene.getByRole('button', { name: 'Convocar la asamblea' }).click();
  await expect(page.getByRole('heading', { level: 1, name: SITTING })).toBeVisible();
  await expect(page).toHaveURL(/\/assemblies\/[0-9a-f-]{36}$/);
  const roomUrl = page.url();
  await page.getByRole('button', { name: 'Abrir la sesión' }).click();
  await expect(page.getByText('En sesión', { exact: true })).toBeVisible();
  const quorum = page.getByRole('region', { name: 'Quórum' }).getByRole('status').first();
  await expect(quorum).toContainText('No hay quórum.');

  // Who will take the miners' regional seat: the Siglo XX delegate, the miners' substitute by count.
  const huanuniSecretary = await newPerson(browser, HUANUNI_SECRETARY);
  const minersRoll = await councilRoll(huanuniSecretary, MINERS);
  const sigloRow = minersRoll.getByRole('row').filter({ hasText: SIGLO_XX });
  await expect(sigloRow).toHaveCount(1);
  const substitute = ((await sigloRow.getByRole('link').first().textContent()) ?? '').trim();
  expect(substitute).not.toBe('');
  expect(substitute).not.toBe(DELEGATE_NAME);
  const regionalBefore = await councilRoll(huanuniSecretary, REGIONAL);
  await expect(regionalBefore.getByRole('row').filter({ hasText: MINERS })).toContainText(DELEGATE_NAME);

  // The Huanuni delegate checks in with her one mandate here: quorum, on both pages, without a reload.
  const delegate = await newPerson(browser, DELEGATE);
  // The event streams her browser holds open: one per page, carrying every topic the page follows
  // (six HTTP/1.1 connections per server are all a browser has; a stream per topic starved the pages).
  const streams = new Map<Request, string>();
  delegate.context().on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.endsWith('/events')) streams.set(request, url.searchParams.get('topic') ?? '');
  });
  delegate.context().on('requestfinished', (request) => streams.delete(request));
  delegate.context().on('requestfailed', (request) => streams.delete(request));
  await delegate.goto(roomUrl);
  await expect(delegate.getByRole('heading', { level: 1, name: SITTING })).toBeVisible();
  await delegate.getByRole('button', { name: 'Registrar mi asistencia' }).click();
  await expect(delegate.getByText('Usted está registrado como presente.')).toBeVisible();
  const delegateQuorum = delegate.getByRole('region', { name: 'Quórum' }).getByRole('status').first();
  await expect(delegateQuorum).toContainText('Hay quórum.');
  await expect(quorum).toContainText('Hay quórum.');
  const entitledBefore = entitledOf((await quorum.textContent()) ?? '');
  expect(entitledBefore).not.toBe('');
  await expect(delegate.getByRole('region', { name: /^Presentes/ })).toContainText('Presentes (1)');
  await expect(delegate.getByRole('region', { name: /^Presentes/ })).toContainText(DELEGATE_NAME);

  // The secretary opens a yes-no vote in the sitting; it reaches the delegate's room by itself.
  const sittingPoll = page.getByRole('region', { name: 'Abrir una votación en la asamblea' });
  await sittingPoll.getByLabel('Título').fill(VOTE);
  await sittingPoll.getByRole('button', { name: 'Abrir la votación' }).click();
  await expect(page.getByText(`Votación abierta: ${VOTE}.`)).toBeVisible();

  const roomPanel = delegate.getByRole('region', { name: 'Su voto' });
  const roomButton = roomPanel.getByRole('button', { name: 'Emitir mi voto' });
  await expect(roomButton).toBeVisible();
  await expect(roomPanel.getByText(/^Su voto pesa /)).toBeVisible();
  const pollHref = await delegate
    .getByRole('region', { name: VOTE })
    .getByRole('link', { name: VOTE })
    .getAttribute('href');
  expect(pollHref).toMatch(/^\/polls\/[0-9a-f-]{36}$/);
  await checkPage(delegate, 'delegate-room-before-recall');

  // Her poll page, in another tab of the same browser.
  const pollTab = await delegate.context().newPage();
  await pollTab.goto(pollHref ?? '/');
  await expect(pollTab.getByRole('heading', { level: 1, name: VOTE })).toBeVisible();
  const pollPanel = pollTab.getByRole('region', { name: 'Su voto' });
  const pollButton = pollPanel.getByRole('button', { name: 'Emitir mi voto' });
  await expect(pollButton).toBeVisible();
  await checkPage(pollTab, 'delegate-poll-before-recall');

  // Both pages follow the regional council's roll live (at least one stream each).
  await expect
    .poll(
      () =>
        [...streams.values()].filter((topics) => topics.split(',').includes(`council:${regionalId}`)).length,
    )
    .toBeGreaterThanOrEqual(2);

  // Huanuni's secretary prepares the recall of her Huanuni mandate, from Huanuni's Delegados tab.
  await openCouncil(huanuniSecretary, HUANUNI);
  await huanuniSecretary.getByRole('tab', { name: 'Delegados' }).click();
  const own = huanuniSecretary.getByRole('region', { name: `Nuestros delegados en ${MINERS}` });
  await own.getByRole('link', { name: DELEGATE_NAME }).click();
  await expect(
    huanuniSecretary.getByRole('heading', { level: 1, name: `Mandato de ${DELEGATE_NAME}` }),
  ).toBeVisible();
  await expect(huanuniSecretary.getByText(`En ${MINERS}, enviado por ${HUANUNI}.`)).toBeVisible();
  const recall = huanuniSecretary.getByRole('region', { name: 'Registrar la revocación' });
  await recall.getByRole('button', { name: 'Registrar la revocación…' }).click();
  await recall.getByLabel('Referencia de la decisión').fill('Acta de asamblea 3/2026');
  await recall
    .getByLabel('Texto del acta')
    .fill('La asamblea del consejo minero resolvió revocar el mandato de su delegada.');

  // The recall is confirmed: the clock starts when the server answers it.
  await watchVoteButton(delegate);
  await watchVoteButton(pollTab);
  let answeredAt = 0;
  huanuniSecretary.on('response', (response) => {
    if (response.request().method() === 'POST' && /\/mandates\/[^/]+\/recall$/.test(response.url()))
      answeredAt = Date.now();
  });
  console.log(
    `event streams open in the delegate's browser at the recall: ${streams.size} (${[...streams.values()]
      .map((topics) =>
        topics
          .split(',')
          .map((topic) => topic.split(':')[0])
          .join('+'),
      )
      .join(', ')})`,
  );
  const clickedAt = Date.now();
  await recall.getByRole('button', { name: `Confirmar la revocación de ${DELEGATE_NAME}` }).click();
  await expect(huanuniSecretary.getByText(/^Este mandato terminó el /)).toBeVisible();
  expect(answeredAt).toBeGreaterThan(0);

  // Without a reload: no vote button, a panel that says she has no vote, on both of her pages.
  await expect(roomButton).toHaveCount(0, { timeout: LIVE_MS });
  await expect(pollButton).toHaveCount(0, { timeout: LIVE_MS });
  const room = await watched(delegate);
  const poll = await watched(pollTab);
  expect(room.noReload, 'the sitting page was not reloaded').toBe(true);
  expect(poll.noReload, 'the poll page was not reloaded').toBe(true);
  for (const [label, at] of [
    ['sitting page', room.voteGoneAt],
    ['poll page', poll.voteGoneAt],
  ] as const) {
    console.log(
      `recall → vote button gone on the ${label}: ${at === null ? '?' : at - answeredAt} ms after the server's answer ` +
        `(${at === null ? '?' : at - clickedAt} ms after the click on "Confirmar")`,
    );
  }
  await expect(roomPanel).toContainText('Usted no tiene voto en esta votación.');
  await expect(pollPanel).toContainText('Usted no tiene voto en esta votación.');
  await expect(pollTab.getByText('0 votos emitidos')).toBeVisible();

  // Her weight left the room: no quorum, no one present, on her page and the secretary's.
  await expect(delegateQuorum).toContainText('No hay quórum.', { timeout: LIVE_MS });
  await expect(quorum).toContainText('No hay quórum.', { timeout: LIVE_MS });
  await expect(delegate.getByRole('region', { name: /^Presentes/ })).toContainText('Presentes (0)');
  await expect(delegate.getByText('Usted está registrado como presente.')).toHaveCount(0);
  // The seat did not go: its substitute holds it, so the weight entitled is the same.
  expect(entitledOf((await quorum.textContent()) ?? '')).toBe(entitledBefore);
  await checkPage(delegate, 'delegate-room-after-recall');
  await checkPage(pollTab, 'delegate-poll-after-recall');

  // The regional roll: the Siglo XX delegate holds the miners' seat; the recalled delegate is gone.
  const visitor = await (await browser.newContext()).newPage();
  const regionalAfter = await councilRoll(visitor, REGIONAL);
  const minersSeat = regionalAfter.getByRole('row').filter({ hasText: MINERS });
  await expect(minersSeat).toHaveCount(1);
  await expect(minersSeat).toContainText(substitute);
  await expect(regionalAfter.getByRole('row', { name: new RegExp(DELEGATE_NAME) })).toHaveCount(0);
  await checkPage(visitor, 'regional-roll-after-recall');

  // The vote is closed and the sitting ends.
  await page.goto(roomUrl);
  await page.getByRole('button', { name: 'Cerrar la votación…' }).click();
  await page.getByRole('button', { name: 'Sí, cerrar la votación' }).click();
  await expect(page.getByText('Votación abierta', { exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Cerrar la sesión' }).click();
  await expect(page.getByText('Cerrada', { exact: true }).first()).toBeVisible();
});
