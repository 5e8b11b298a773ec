// Prices in the demo, through the prices use cases: the administrator imports the real WFP rice series of
// La Paz, Oruro and Potosí (fixtures/README.md) and ties them to the catalogue's rice; two members of Villa
// Adela report what rice costs in their shops this week. No cap is adopted: a council's vote does that
// (the browser test and a visitor can), and the reports then show against it.
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import type { Db } from '../platform/database.ts';
import { linkCommodity, reportPrice, startPriceImport } from '../prices/index.ts';
import { DEMO_ACCOUNTS } from './demo-federation.ts';
import { viewerByLogin } from './demo-viewers.ts';
import { councilIdsByKey } from './seed-demo-congress.ts';

const RICE_SERIES = new URL('./fixtures/wfp-bol-rice.csv', import.meta.url);

export async function seedDemoPrices(db: Db): Promise<{ observations: number; reports: number }> {
  const councilId = await councilIdsByKey(db);
  const admin = await viewerByLogin(db, DEMO_ACCOUNTS.admin.login);
  const started = await startPriceImport(db, admin, {
    name: 'wfp-bol-rice.csv',
    text: readFileSync(RICE_SERIES, 'utf8'),
  });
  const done = await started.finished;
  const { rows } = await sql<{ commodity_id: string; item_id: string }>`
    select c.id as commodity_id, i.id as item_id from commodities c, items i
     where c.name = 'Rice (Grano de Oro)' and i.name = 'Arroz'`.execute(db);
  if (!rows[0]) throw new Error('demo: the rice series or the catalogue rice is missing');
  await linkCommodity(db, admin, rows[0].commodity_id, rows[0].item_id);

  const { rows: days } = await sql<{ d: string }>`
    select to_char(current_date - 3, 'YYYY-MM-DD') as d
    union all select to_char(current_date - 1, 'YYYY-MM-DD')`.execute(db);
  const presidente = await viewerByLogin(db, 'presidente.villaadela@cabildo.demo');
  const secretaria = await viewerByLogin(db, 'secretaria.villaadela@cabildo.demo');
  await reportPrice(db, presidente, councilId('villa-adela'), {
    seller: 'Tienda Doña Justina',
    market: 'Feria 16 de Julio',
    itemId: rows[0].item_id,
    quantity: '1',
    price: '9.50',
    currency: 'BOB',
    observedOn: days[0]!.d,
    note: null,
  });
  await reportPrice(db, secretaria, councilId('villa-adela'), {
    seller: 'Abarrotes El Cóndor',
    market: null,
    itemId: rows[0].item_id,
    quantity: '1',
    unit: 'quintal 46 kg',
    price: '405.00',
    currency: 'BOB',
    observedOn: days[1]!.d,
    note: 'Precio por quintal',
  });
  return { observations: done.imported, reports: 2 };
}
