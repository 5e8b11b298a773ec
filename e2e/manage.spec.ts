// The management side: a base council's secretary works with the member list (a password link, an
// office given and ended) and answers Join applications (mark contacted, decline with a reason); the
// instance administrator builds the federation (creates a council, imports councils from CSV, moves
// and dissolves). Accessibility and screenshots on every new page and state.
import { expect, type Page, test } from '@playwright/test';
import { checkPage } from './a11y.ts';
import { logIn } from './demo-session.ts';

const SECRETARY = 'secretaria.villaadela@cabildo.demo';
const ADMIN = 'admin@cabildo.demo';
const VILLA_ADELA = 'Junta Vecinal Villa Adela';
const FEJUVE = 'Federación de Juntas Vecinales de El Alto';
const REGIONAL = 'Federación Regional de La Paz y El Alto';

async function openCouncil(page: Page, name: string) {
  await page.goto('/');
  await page.getByLabel('Nombre del consejo o lugar').fill(name);
  await page.getByRole('search').getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

function csvFile(name: string, lines: string[]) {
  return { name, mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\n')}\n`, 'utf8') };
}

test('a secretary hands a member a password link, appoints a treasurer and ends that office', async ({
  page,
  browser,
}) => {
  await logIn(page, SECRETARY);
  await page.getByRole('link', { name: VILLA_ADELA }).click();
  await expect(page.getByRole('heading', { level: 1, name: VILLA_ADELA })).toBeVisible();
  const holders = await page.locator('.office-list dd > span').allTextContents();
  expect(holders.length).toBeGreaterThan(0);

  // The member list, with contact details, for the council's officers.
  await page.getByRole('tab', { name: 'Miembros' }).click();
  await expect(page.getByRole('heading', { name: 'Miembros 1–50' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Páginas de la lista de miembros' })).toBeVisible();
  await checkPage(page, 'members');

  const members = page.locator('li.member');
  const names = await members.locator('h3').allTextContents();
  const [forLink, forOffice] = names.filter((name) => !holders.includes(name));
  if (!forLink || !forOffice) throw new Error('the demo council should have members without an office');

  // 1. A one-time link to choose a password, to hand over when there is no email.
  const linkMember = members.filter({ has: page.getByRole('heading', { name: forLink, exact: true }) });
  await linkMember.getByRole('button', { name: `Enlace de contraseña para ${forLink}` }).click();
  await expect(linkMember.getByRole('status').first()).toContainText(`Enlace de contraseña para ${forLink}`);
  const link = await linkMember.getByLabel('Enlace para elegir contraseña').inputValue();
  expect(link).toMatch(/\/set-password\?token=/);
  await checkPage(page, 'members-password-link');

  const holder = await (await browser.newContext()).newPage();
  await holder.goto(link);
  await expect(holder.getByRole('heading', { level: 1, name: 'Elegir contraseña' })).toBeVisible();
  await expect(holder.getByText(`${forLink}, elija una contraseña nueva.`)).toBeVisible();

  // 2. Appointing a member as treasurer.
  const officeMember = members.filter({ has: page.getByRole('heading', { name: forOffice, exact: true }) });
  await officeMember.getByRole('button', { name: `Nombrar para un cargo para ${forOffice}` }).click();
  const officeChoice = officeMember.getByRole('group', { name: `Cargo para ${forOffice}` });
  await expect(officeChoice.getByRole('radio', { name: 'Secretaría' })).toBeFocused();
  await officeChoice.getByRole('radio', { name: 'Tesorería' }).check();
  await checkPage(page, 'members-appoint');
  await officeMember.getByRole('button', { name: 'Nombrar', exact: true }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `${forOffice} ocupa ahora el cargo: Tesorería.` }),
  ).toBeVisible();

  // 3. The office shows on the overview; ending it asks first, then records it.
  await page.getByRole('tab', { name: 'Resumen' }).click();
  const offices = page.getByRole('region', { name: 'Cargos' });
  await expect(offices.getByText(forOffice, { exact: true })).toBeVisible();
  await offices.getByRole('button', { name: `Terminar el cargo Tesorería de ${forOffice}` }).click();
  const confirm = offices.getByRole('group', {
    name: `¿Terminar el cargo Tesorería de ${forOffice}?`,
    exact: false,
  });
  await expect(confirm.getByRole('button', { name: 'Terminar el cargo' })).toBeFocused();
  await checkPage(page, 'office-end-confirm');
  await confirm.getByRole('button', { name: 'Terminar el cargo' }).click();
  await expect(offices.getByRole('status')).toHaveText(`Terminó el cargo Tesorería de ${forOffice}.`);
  await expect(offices.getByText(forOffice, { exact: true })).toHaveCount(0);
  await checkPage(page, 'office-ended');

  await page.getByRole('tab', { name: 'Registro' }).click();
  await expect(page.getByText('Cargo terminado').first()).toBeVisible();
});

test('a secretary marks a join application contacted and declines another with a reason', async ({
  page,
}) => {
  await logIn(page, SECRETARY);
  await page.getByRole('link', { name: VILLA_ADELA }).click();
  await page.getByRole('link', { name: 'Solicitudes de ingreso' }).click();

  const rosa = page.getByRole('article', { name: 'Rosa Limachi Copa' });
  await rosa.getByRole('button', { name: 'Marcar como contactada' }).click();
  await expect(rosa.getByText('Contactada', { exact: true })).toBeVisible();
  await expect(rosa.getByRole('button', { name: 'Marcar como contactada' })).toHaveCount(0);

  const edwin = page.getByRole('article', { name: 'Edwin Poma Chura' });
  await edwin.getByRole('button', { name: 'Rechazar…' }).click();
  // An empty reason is refused before anything is sent.
  await edwin.getByRole('button', { name: 'Rechazar la solicitud' }).click();
  await expect(edwin.getByLabel('Motivo para rechazar a Edwin Poma Chura')).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await checkPage(page, 'queue-decline-reason');
  const reason = 'La junta solo afilia a quienes viven en Villa Adela; acuda a la junta de su zona.';
  await edwin.getByLabel('Motivo para rechazar a Edwin Poma Chura').fill(reason);
  await edwin.getByRole('button', { name: 'Rechazar la solicitud' }).click();
  await expect(edwin).toHaveCount(0); // no longer awaiting an answer

  await page.getByRole('radio', { name: 'Todas' }).check();
  const declined = page.getByRole('article', { name: 'Edwin Poma Chura' });
  await expect(declined.getByText('Rechazada', { exact: true })).toBeVisible();
  await expect(declined).toContainText(reason);
  await checkPage(page, 'queue-decided');
});

test('the administrator creates a council in a federation, imports councils from CSV, moves and dissolves', async ({
  page,
}) => {
  const suffix = String(Date.now() % 100_000);
  const created = `Junta Vecinal Villa Bolívar D ${suffix}`;
  await logIn(page, ADMIN);
  await openCouncil(page, FEJUVE);
  await page.getByRole('tab', { name: 'Gestión' }).click();
  await expect(
    page.getByRole('heading', { name: 'Crear un consejo dentro de esta federación' }),
  ).toBeVisible();
  await checkPage(page, 'manage');

  // 1. Create: an empty form names what is missing, then a neighbourhood council is created.
  const create = page.getByRole('region', { name: 'Crear un consejo dentro de esta federación' });
  await create.getByRole('button', { name: 'Crear el consejo' }).click();
  await expect(create.getByRole('alert').filter({ hasText: 'Hay un problema' })).toContainText(
    'Escriba el nombre del consejo.',
  );
  await expect(create.getByLabel('Nombre del consejo')).toHaveAttribute('aria-invalid', 'true');
  await checkPage(page, 'manage-create-errors');

  await create.getByLabel('Nombre del consejo').fill(created);
  await create.getByLabel('Tipo de consejo').selectOption({ label: 'Consejo vecinal' });
  await create.getByLabel('Territorio').fill('Villa Bolívar D, El Alto');
  await create.getByRole('button', { name: 'Crear el consejo' }).click();
  await expect(create.getByRole('status')).toContainText(`Se creó ${created}`);
  await checkPage(page, 'manage-created');

  // 2. Import: a file with a bad row imports nothing and says which line and why; a good one imports.
  const importer = page.getByRole('region', { name: 'Importar consejos desde un archivo CSV' });
  const header = 'key,name,kind,level,territory,sector,parent_key,answer_days';
  await importer
    .getByLabel('Archivo CSV')
    .setInputFiles(
      csvFile('malo.csv', [
        header,
        `a,Junta Vecinal Alto Lima ${suffix},neighbourhood,,"Alto Lima, El Alto",,,7`,
        'b,Sin tipo,fabrica,,El Alto,,,7',
      ]),
    );
  await importer.getByRole('button', { name: 'Importar los consejos' }).click();
  await expect(importer.getByRole('status')).toContainText('Se rechazó 1 fila: no se importó nada');
  const rejected = importer.getByRole('table', { name: 'Líneas rechazadas' });
  await expect(rejected.getByRole('row')).toHaveCount(2);
  await expect(rejected.getByRole('row').nth(1)).toContainText('3');
  await expect(rejected.getByRole('row').nth(1)).toContainText('kind');
  await checkPage(page, 'manage-import-rejected');

  const imported = [`Junta Vecinal Alto Lima ${suffix}`, `Consejo de la Ladrillera Alteña ${suffix}`];
  await importer
    .getByLabel('Archivo CSV')
    .setInputFiles(
      csvFile('consejos.csv', [
        header,
        `alto-lima,${imported[0]},neighbourhood,,"Alto Lima, El Alto",,,7`,
        `ladrillera,${imported[1]},factory,,El Alto,construcción,,10`,
      ]),
    );
  await importer.getByRole('button', { name: 'Importar los consejos' }).click();
  await expect(importer.getByRole('status')).toContainText(
    'Se crearon 2 consejos dentro de esta federación.',
  );
  await expect(importer.getByRole('table')).toHaveCount(0);
  await checkPage(page, 'manage-import-done');

  await page.getByRole('tab', { name: 'Resumen' }).click();
  const children = page.getByRole('region', { name: 'Consejos que la integran' });
  for (const name of [created, ...imported]) await expect(children.getByRole('link', { name })).toBeVisible();

  // 3. A federation with councils in it cannot be dissolved: the server's refusal is shown translated.
  await page.getByRole('tab', { name: 'Gestión' }).click();
  await page.getByRole('button', { name: 'Disolver…' }).click();
  await page.getByLabel(`Motivo para disolver ${FEJUVE}`).fill('Prueba de disolución con consejos dentro.');
  await page.getByRole('button', { name: `Disolver ${FEJUVE}` }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Hay un problema' })).toContainText(
    'Este consejo tiene consejos dentro: trasládelos a otra federación o disuélvalos antes de disolverlo.',
  );
  await checkPage(page, 'manage-dissolve-refused');
  await page.getByRole('button', { name: 'Cancelar' }).click();
  await expect(page.getByRole('button', { name: 'Disolver…' })).toBeFocused();

  // 4. The new council moves under the regional federation, then is dissolved with a reason.
  await page.getByRole('tab', { name: 'Resumen' }).click();
  await children.getByRole('link', { name: created }).click();
  await expect(page.getByRole('heading', { level: 1, name: created })).toBeVisible();
  await page.getByRole('tab', { name: 'Gestión' }).click();
  await page.getByLabel('Buscar una federación').fill('Regional de La Paz');
  await page.getByRole('radio', { name: new RegExp(REGIONAL) }).check();
  await checkPage(page, 'manage-move');
  await page.getByRole('button', { name: 'Trasladar', exact: true }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `El consejo está ahora dentro de ${REGIONAL}.` }),
  ).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Ruta de navegación' }).getByRole('link', { name: REGIONAL }),
  ).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Ruta de navegación' }).getByRole('link', { name: FEJUVE }),
  ).toHaveCount(0);

  await page.getByRole('button', { name: 'Disolver…' }).click();
  await page.getByLabel(`Motivo para disolver ${created}`).fill('Se creó por error: la zona ya tiene junta.');
  await page.getByRole('button', { name: `Disolver ${created}` }).click();
  await expect(page.getByText(/Este consejo se disolvió el/)).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Gestión' })).toHaveCount(0);
  await checkPage(page, 'council-dissolved');
});
