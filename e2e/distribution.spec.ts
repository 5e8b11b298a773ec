// Distribution of necessities (issue 6): Junta Vecinal Villa Adela receives a donated delivery of
// sunflower oil at its sede, its assembly adopts a ration rule for it by vote (the secretary and the
// chair vote yes; the secretary closes the poll), the secretary — also its distribution officer — opens
// a round that divides the short stock among the register's households (infants first, then everyone
// else, fairly), ticks two pick-ups, recomputes the round, and reads the stock card: what came in less
// what was handed out.
// The item is a new one, added to the catalogue by the administrator under a name unique to this run,
// rather than the demo's "Aceite comestible": the depot then holds nothing of it before the receipt and
// no rule exists for it, so every figure on the depot page, the round and the stock card comes from this
// journey alone, whatever the demo seeds or the specs around this one do with the demo's oil.
import { expect, type Locator, type Page, test } from '@playwright/test';
import { checkPage } from './a11y.ts';
import { logIn, newPerson, openCouncilTab } from './demo-session.ts';

const ADMIN = 'admin@cabildo.demo';
const SECRETARY = 'secretaria.villaadela@cabildo.demo';
const CHAIR = 'presidente.villaadela@cabildo.demo';
const VILLA_ADELA = 'Junta Vecinal Villa Adela';
const SEDE = 'Sede vecinal Villa Adela';
const ITEM = `Aceite de girasol, lote ${Date.now().toString(36)}`;
const ROUND = `Reparto de ${ITEM}`;
/** The donation: fewer litres than the households are entitled to under the rule below. */
const RECEIVED_L = 24;

/** One of the depot page's folded forms ("Registrar una entrada", "Abrir un reparto"…), opened. */
async function openAct(page: Page, summary: string): Promise<Locator> {
  const details = page.locator('details').filter({
    has: page.locator('summary').getByText(summary, { exact: true }),
  });
  await details.locator('summary').click();
  await expect(details).toHaveAttribute('open', '');
  return details;
}

/** "24 L", "0,5 L", "−3", "+24" as milli-units (the page writes Spanish decimals, a true minus). */
function milli(text: string): number {
  const figure = text
    .replace(/\s*L\s*$/, '')
    .replace('−', '-')
    .replace(/\s/g, '')
    .replace(',', '.');
  expect(figure, `a quantity in "${text}"`).toMatch(/^[+-]?\d+(\.\d{1,3})?$/);
  return Math.round(Number(figure) * 1000);
}

/** "24 L" from milli-units, as the page writes whole litres. */
const litres = (m: number) => `${m / 1000} L`.replace('.', ',');

/** A figure of the round's summary (a term and its definition). */
function stat(page: Page, term: string): Locator {
  return page
    .locator('.stat')
    .filter({ has: page.getByRole('term').getByText(term, { exact: true }) })
    .getByRole('definition');
}

interface Line {
  allocated: number;
  entitled: number;
  collected: boolean;
}

/** Every line of the delivery list, read from the table: allocated, and entitled ("de …" when less). */
async function readLines(list: Locator): Promise<Line[]> {
  const raw = await list.locator('tbody > tr').evaluateAll((rows) =>
    rows.map((row) => {
      const cell = row.querySelectorAll('td')[1];
      return {
        allocated: cell?.querySelector('strong')?.textContent ?? '',
        entitled: cell?.querySelector('.choice-detail')?.textContent ?? '',
        collected: /Recogido el/.test(row.querySelector('th')?.textContent ?? ''),
      };
    }),
  );
  return raw.map((line) => {
    const allocated = milli(line.allocated);
    return {
      allocated,
      entitled: line.entitled ? milli(line.entitled.replace(/^de /, '')) : allocated,
      collected: line.collected,
    };
  });
}

test('a council receives donated oil, adopts a ration rule by vote, divides the short stock fairly, ticks pick-ups and balances its stock card', async ({
  page,
  browser,
}) => {
  test.setTimeout(200_000);

  // The administrator adds the item to the shared catalogue: whole litres.
  const admin = await newPerson(browser, ADMIN);
  await admin.goto('/items');
  const newItem = admin.getByRole('region', { name: 'Agregar un artículo' });
  await newItem.getByLabel('Nombre').fill(ITEM);
  await newItem.getByLabel('Categoría').selectOption({ label: 'Alimentos' });
  await newItem.getByLabel('Unidad base').fill('L');
  await newItem.getByLabel('Paso mínimo').fill('1');
  await newItem.getByRole('button', { name: 'Agregar al catálogo' }).click();
  await expect(admin.getByRole('heading', { level: 3, name: ITEM })).toBeVisible();
  await admin.context().close();

  // 1. The secretary receives the donation at the sede; the depot page shows the new level.
  await logIn(page, SECRETARY);
  await openCouncilTab(page, VILLA_ADELA, 'Abastecimiento');
  const councilId = /\/councils\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
  expect(councilId).not.toBe('');
  const register = page.getByRole('region', { name: 'Padrón de familias' });
  const householdsText = (await register.getByText(/familias? activas? en el padrón/).textContent()) ?? '';
  const households = Number(/^(\d+)/.exec(householdsText)?.[1] ?? 'NaN');
  expect(households).toBeGreaterThan(2);
  await page
    .getByRole('region', { name: 'Depósitos y puntos de reparto' })
    .getByRole('link', { name: SEDE })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: SEDE })).toBeVisible();
  const depotUrl = page.url();
  const shelf = page.getByRole('table', { name: `Existencias de ${SEDE} por artículo` });
  await expect(shelf.getByRole('row', { name: new RegExp(ITEM) })).toHaveCount(0);

  const receipt = await openAct(page, 'Registrar una entrada');
  await receipt.getByLabel('Artículo').selectOption({ label: `${ITEM} (L)` });
  await receipt.getByLabel('Cantidad').fill(String(RECEIVED_L));
  await receipt.getByLabel('Procedencia').selectOption({ label: 'Donación' });
  await receipt.getByLabel('Nota').fill('Donación de la parroquia de Villa Adela');
  await receipt.getByRole('button', { name: 'Registrar la entrada' }).click();
  await expect(receipt.getByRole('status')).toContainText(`Registrado. Saldo de ${ITEM}: ${RECEIVED_L} L.`);
  const shelfRow = shelf.getByRole('row', { name: new RegExp(ITEM) });
  await expect(shelfRow.getByRole('cell').first()).toHaveText(`${RECEIVED_L} L`);
  await expect(shelfRow.getByRole('cell').nth(1)).toHaveText('1');
  await checkPage(page, 'depot-receipt');

  // 2. The secretary proposes a rule: 1 L a person, children and infants 50 %, infants first, at most
  // 4 L a household; and puts it to the vote.
  await openCouncilTab(page, VILLA_ADELA, 'Abastecimiento');
  const rulesSection = page.getByRole('region', { name: 'Reglas de ración' });
  await expect(rulesSection.getByRole('listitem').filter({ hasText: ITEM })).toContainText(
    'sin regla aprobada',
  );
  await rulesSection.getByRole('link', { name: ITEM }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Regla de ración de ${ITEM}` })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/councils/${councilId}/items/[0-9a-f-]{36}/rules$`));
  const rulesUrl = page.url();
  const versions = page.getByRole('region', { name: 'Versiones' });
  await expect(versions).toContainText('Todavía no hay ninguna versión.');
  const editor = page.getByRole('region', { name: 'Proponer una nueva versión' });
  await editor.getByLabel('Cantidad por persona (L)').fill('1');
  await editor.getByLabel('0 a 4 años (%)').fill('50');
  await editor.getByLabel('5 a 17 años (%)').fill('50');
  await editor.getByLabel('18 a 59 años (%)').fill('100');
  await editor.getByLabel('60 años o más (%)').fill('100');
  await editor.getByLabel('Lactantes o niños pequeños').selectOption({ label: 'Clase 1' });
  for (const flag of ['Personas mayores', 'Enfermedad', 'Discapacidad'])
    await editor.getByLabel(flag, { exact: true }).selectOption({ label: 'Con el resto' });
  await editor.getByLabel('Máximo por familia (L)').fill('4');
  await editor.getByLabel('Nota para la votación').fill('Aceite donado: primero las familias con lactantes.');
  await editor.getByRole('button', { name: 'Proponer la versión' }).click();

  const version1 = versions.getByRole('listitem').filter({
    has: page.getByRole('heading', { level: 3, name: /^Versión 1/ }),
  });
  await expect(version1.getByRole('heading', { level: 3 })).toContainText('Propuesta');
  await expect(version1).toContainText('1 L por persona');
  await expect(version1).toContainText(
    'Peso por edad: 0 a 4 años 50 % · 5 a 17 años 50 % · 18 a 59 años 100 % · 60 años o más 100 %',
  );
  await expect(version1).toContainText('Se atiende primero a: 1. Lactantes o niños pequeños; luego al resto');
  await expect(version1).toContainText('Máximo 4 L por familia');
  await version1.getByRole('button', { name: 'Someter a votación' }).click();
  const pollLink = version1.getByRole('link', { name: 'Ver la votación' });
  await expect(pollLink).toBeVisible();
  await expect(version1.getByRole('button', { name: 'Someter a votación' })).toHaveCount(0);
  await expect(version1.getByRole('heading', { level: 3 })).toContainText('En votación');
  const pollHref = (await pollLink.getAttribute('href')) ?? '';
  expect(pollHref).toMatch(/^\/polls\/[0-9a-f-]{36}$/);

  // Members vote yes on the poll page: the chair, in her own browser, and the secretary.
  const vote = async (voter: Page) => {
    await voter.goto(pollHref);
    await expect(voter.getByRole('heading', { level: 1, name: `${ITEM} — v1` })).toBeVisible();
    const panel = voter.getByRole('region', { name: 'Su voto' });
    await panel.getByRole('radio', { name: 'Sí', exact: true }).check();
    await panel.getByRole('button', { name: 'Emitir mi voto' }).click();
    await expect(panel).toContainText('Voto registrado');
  };
  const chair = await newPerson(browser, CHAIR);
  await vote(chair);
  await chair.context().close();
  await vote(page);
  await expect(page.getByText('2 votos emitidos')).toBeVisible();

  // The secretary closes the poll: adopted.
  await page.getByRole('button', { name: 'Cerrar la votación…' }).click();
  await page.getByRole('button', { name: 'Sí, cerrar la votación' }).click();
  const result = page.getByRole('region', { name: 'Resultado' });
  await expect(result).toContainText('Aprobada');
  await expect(result.getByRole('row', { name: /^Sí/ })).toContainText('2 votos');
  await checkPage(page, 'rule-poll-result');

  // The rules page: version 1 adopted, its poll linked; the supply tab has it in force.
  await page.goto(rulesUrl);
  await expect(version1.getByRole('heading', { level: 3 })).toContainText('Aprobada');
  await expect(version1).toContainText(/decidida el /);
  await expect(version1).toContainText('Sí 2 · No 0 · Abstención 0');
  await expect(version1.getByRole('link', { name: 'Ver la votación' })).toHaveAttribute('href', pollHref);
  await expect(version1.getByRole('button', { name: 'Someter a votación' })).toHaveCount(0);
  await checkPage(page, 'rules-adopted');
  await openCouncilTab(page, VILLA_ADELA, 'Abastecimiento');
  await expect(
    page.getByRole('region', { name: 'Reglas de ración' }).getByRole('listitem').filter({ hasText: ITEM }),
  ).toContainText('versión 1 en vigor: 1 L por persona');

  // 3. A round at the sede divides all the oil on the shelf: short stock.
  await page.goto(depotUrl);
  await expect(page.getByRole('heading', { level: 1, name: SEDE })).toBeVisible();
  const open = await openAct(page, 'Abrir un reparto');
  await open.getByLabel('Artículo').selectOption({ label: `${ITEM} (L)` });
  await open.getByLabel('Nombre del reparto').fill(ROUND);
  await open.getByRole('button', { name: 'Abrir el reparto' }).click();
  await expect(page).toHaveURL(/\/distribution-rounds\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: ROUND })).toBeVisible();
  await expect(page.getByText(`${ITEM} · regla versión 1 · abierto el `)).toBeVisible();
  await expect(page.getByText('Abierto', { exact: true })).toBeVisible();

  // Totals: the whole stock is allocated, never more, and it is less than the rule would give.
  await expect(stat(page, 'En el depósito al abrir')).toHaveText(`${RECEIVED_L} L`);
  await expect(stat(page, 'Asignado')).toHaveText(`${RECEIVED_L} L`);
  const entitledTotal = milli((await stat(page, 'Según la regla').textContent()) ?? '');
  expect(entitledTotal).toBeGreaterThan(RECEIVED_L * 1000);
  await expect(stat(page, 'Familias que recogieron')).toHaveText(`0 de ${households}`);

  // By class: infants first; exactly one class runs short, at a level per person, and those after it
  // (if any) get nothing; the classes' allocations add up to the stock.
  const classes = page.getByRole('table', { name: 'Cuánto recibe cada clase' });
  const classRows = classes.getByRole('row').filter({ has: page.getByRole('rowheader') });
  await expect(classRows).toHaveCount(2);
  await expect(classRows.nth(0).getByRole('rowheader')).toContainText('Clase 1 (Lactantes o niños pequeños)');
  await expect(classRows.nth(1).getByRole('rowheader')).toContainText('Resto de familias');
  const short = classRows.filter({ hasText: 'Parcial' });
  await expect(short).toHaveCount(1);
  await expect(short.getByRole('cell').nth(1)).toContainText(/nivel alcanzado: [\d,]+ L por persona/);
  const classAllocated = await classes
    .locator('tbody > tr')
    .evaluateAll((rows) => rows.map((row) => row.querySelectorAll('td')[0]?.firstChild?.textContent ?? ''));
  expect(classAllocated.map(milli).reduce((a, b) => a + b, 0)).toBe(RECEIVED_L * 1000);

  // The delivery list, one line per household: no line above its entitlement, some below it, and the
  // lines add up to the stock.
  const list = page.getByRole('table', { name: /^Lista de entrega: / });
  await expect(list.locator('tbody > tr')).toHaveCount(households);
  const lines = await readLines(list);
  for (const [index, line] of lines.entries())
    expect(line.allocated, `line ${index + 1}: allocated ≤ entitled`).toBeLessThanOrEqual(line.entitled);
  expect(lines.some((line) => line.allocated < line.entitled)).toBe(true);
  expect(lines.reduce((sum, line) => sum + line.allocated, 0)).toBe(RECEIVED_L * 1000);
  expect(lines.reduce((sum, line) => sum + line.entitled, 0)).toBe(entitledTotal);
  await checkPage(page, 'round-opened');

  // 4. Two households collect: their lines show it, the totals follow.
  const served = lines
    .map((line, index) => ({ ...line, index }))
    .filter((line) => line.allocated > 0)
    .slice(0, 2);
  expect(served).toHaveLength(2);
  for (const [count, line] of served.entries()) {
    const row = list.locator('tbody > tr').nth(line.index);
    await row.getByRole('button', { name: /^Entregado a / }).click();
    await expect(row.getByRole('rowheader')).toContainText('Recogido el');
    await expect(row.getByRole('button', { name: /^Entregado a / })).toHaveCount(0);
    await expect(stat(page, 'Familias que recogieron')).toHaveText(`${count + 1} de ${households}`);
  }
  await expect.poll(async () => (await readLines(list)).filter((line) => line.collected).length).toBe(2);
  const after = await readLines(list);
  for (const line of served) expect(after[line.index]?.collected).toBe(true);
  const handedOut = served.reduce((sum, line) => sum + line.allocated, 0);
  await expect(stat(page, 'Asignado')).toHaveText(`${RECEIVED_L} L`);

  // The round recomputed from what it recorded gives the same lines.
  await page.getByRole('button', { name: 'Recalcular el reparto' }).click();
  const recomputed = page.getByRole('status').filter({ hasText: 'El recálculo coincide' });
  await expect(recomputed).toContainText(
    `${households} familias, ${RECEIVED_L} L asignados: todo igual a lo guardado.`,
  );
  await checkPage(page, 'round-picked-up');

  // The supply tab counts the pick-ups.
  await openCouncilTab(page, VILLA_ADELA, 'Abastecimiento');
  await expect(
    page.getByRole('region', { name: 'Repartos' }).getByRole('listitem').filter({ hasText: ROUND }),
  ).toContainText(`2 de ${households} familias recogieron`);

  // 5. The stock card: received, less the two hand-outs, newest first, each with its balance.
  await page.goto(depotUrl);
  const balance = RECEIVED_L * 1000 - handedOut;
  await expect(shelfRow.getByRole('cell').first()).toHaveText(litres(balance));
  await expect(shelfRow.getByRole('cell').nth(1)).toHaveText('3');
  await shelfRow.getByRole('link', { name: ITEM }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Kárdex de ${ITEM}` })).toBeVisible();
  await expect(page.getByText(`Saldo actual: ${litres(balance)}`)).toBeVisible();
  const crumbs = page.getByRole('navigation', { name: 'Ruta de navegación' });
  await expect(crumbs.getByRole('link', { name: VILLA_ADELA })).toHaveAttribute(
    'href',
    `/councils/${councilId}`,
  );
  await expect(crumbs.getByRole('link', { name: SEDE })).toBeVisible();
  const card = page.getByRole('table', { name: /^Movimientos, del más reciente al más antiguo/ });
  await expect(card.locator('tbody > tr')).toHaveCount(3);
  const events = await card.locator('tbody > tr').evaluateAll((rows) =>
    rows.map((row) => ({
      what: row.querySelector('th')?.textContent ?? '',
      change: row.querySelectorAll('td')[0]?.textContent ?? '',
      after: row.querySelectorAll('td')[1]?.textContent ?? '',
    })),
  );
  const [newest, older, oldest] = events;
  expect(oldest?.what).toContain('Entrada');
  expect(oldest?.what).toContain('Donación');
  expect(oldest?.what).toContain('Donación de la parroquia de Villa Adela');
  expect(milli(oldest?.change ?? '')).toBe(RECEIVED_L * 1000);
  expect(milli(oldest?.after ?? '')).toBe(RECEIVED_L * 1000);
  for (const [index, event] of [older, newest].entries()) {
    expect(event?.what).toContain('Entrega a familias');
    expect(event?.what).toContain(ROUND);
    expect(milli(event?.change ?? '')).toBe(-(served[index]?.allocated ?? Number.NaN));
  }
  expect(milli(older?.after ?? '')).toBe(RECEIVED_L * 1000 - (served[0]?.allocated ?? 0));
  expect(milli(newest?.after ?? '')).toBe(balance);
  await checkPage(page, 'stock-card');
});
