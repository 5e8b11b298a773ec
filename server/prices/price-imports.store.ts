// The only file of the prices context that runs SQL on price_imports, markets, commodities and
// price_observations.
import { sql } from 'kysely';
import { type Db, isoUs } from '../platform/database.ts';

export interface ImportRow {
  id: string;
  file_name: string;
  sha256: string;
  status: 'running' | 'done' | 'failed';
  rows_total: number;
  rows_done: number;
  imported: number;
  already_present: number;
  conflicts: number;
  rejected: number;
  outliers: number;
  rejections: Array<{ line: number; error: string; field: string; reason: string }>;
  failure: string | null;
  started_at: string;
  finished_at: string | null;
}

const importColumns = sql`id, file_name, sha256, status, rows_total, rows_done, imported, already_present, conflicts,
  rejected, outliers, rejections, failure, ${isoUs(sql`started_at`)} as started_at,
  ${isoUs(sql`finished_at`)} as finished_at`;

export async function insertImport(
  db: Db,
  i: { fileName: string; sha256: string; rowsTotal: number; by: string },
): Promise<string> {
  const { rows } = await sql<{ id: string }>`
    insert into price_imports (file_name, sha256, rows_total, imported_by)
    values (${i.fileName}, ${i.sha256}, ${i.rowsTotal}, ${i.by}) returning id`.execute(db);
  return rows[0]!.id;
}

export async function setImportProgress(db: Db, id: string, rowsDone: number): Promise<void> {
  await sql`update price_imports set rows_done = ${rowsDone} where id = ${id}`.execute(db);
}

export async function finishImport(
  db: Db,
  id: string,
  r: {
    imported: number;
    alreadyPresent: number;
    conflicts: number;
    rejected: number;
    outliers: number;
    rejections: ImportRow['rejections'];
  },
): Promise<void> {
  await sql`
    update price_imports set status = 'done', rows_done = rows_total, imported = ${r.imported},
           already_present = ${r.alreadyPresent}, conflicts = ${r.conflicts}, rejected = ${r.rejected},
           outliers = ${r.outliers}, rejections = ${JSON.stringify(r.rejections)}::jsonb, finished_at = now()
     where id = ${id}`.execute(db);
}

export async function failImport(db: Db, id: string, failure: string): Promise<void> {
  await sql`update price_imports set status = 'failed', failure = ${failure.slice(0, 1000)}, finished_at = now()
             where id = ${id}`.execute(db);
}

export async function findImport(db: Db, id: string): Promise<ImportRow | undefined> {
  const { rows } = await sql<ImportRow>`select ${importColumns} from price_imports where id = ${id}`.execute(
    db,
  );
  return rows[0];
}

export async function listImports(db: Db): Promise<ImportRow[]> {
  const { rows } = await sql<ImportRow>`
    select ${importColumns} from price_imports order by started_at desc limit 50`.execute(db);
  return rows;
}

export interface MarketInput {
  name: string;
  admin1: string;
  admin2: string;
  sourceCode: string | null;
  latitude: number | null;
  longitude: number | null;
}

/** Markets by (name, admin1, admin2), created if new; returns the id of each, same order. */
export async function upsertMarkets(tx: Db, markets: MarketInput[]): Promise<string[]> {
  if (markets.length === 0) return [];
  const { rows } = await sql<{ id: string; n: number }>`
    with input as (
      select * from jsonb_to_recordset(${JSON.stringify(markets.map((m, n) => ({ ...m, n })))}::jsonb)
        as i(name text, admin1 text, admin2 text, "sourceCode" text, latitude float8, longitude float8, n int)),
    added as (
      insert into markets (name, admin1, admin2, source_code, latitude, longitude)
      select name, admin1, admin2, "sourceCode", latitude, longitude from input
      on conflict (name, admin1, admin2) do nothing returning id, name, admin1, admin2)
    select coalesce(a.id, m.id) as id, i.n from input i
      left join added a on (a.name, a.admin1, a.admin2) = (i.name, i.admin1, i.admin2)
      left join markets m on (m.name, m.admin1, m.admin2) = (i.name, i.admin1, i.admin2)
     order by i.n`.execute(tx);
  return rows.map((r) => r.id);
}

export async function upsertCommodities(
  tx: Db,
  commodities: Array<{ name: string; category: string; sourceCode: string | null }>,
): Promise<string[]> {
  if (commodities.length === 0) return [];
  const { rows } = await sql<{ id: string; n: number }>`
    with input as (
      select * from jsonb_to_recordset(${JSON.stringify(commodities.map((c, n) => ({ ...c, n })))}::jsonb)
        as i(name text, category text, "sourceCode" text, n int)),
    added as (
      insert into commodities (name, category, source_code)
      select name, category, "sourceCode" from input on conflict (name) do nothing returning id, name)
    select coalesce(a.id, c.id) as id, i.n from input i
      left join added a on a.name = i.name left join commodities c on c.name = i.name
     order by i.n`.execute(tx);
  return rows.map((r) => r.id);
}

export interface StoredKey {
  key: string;
  priceCents: number;
}

/** Stored prices of the given series (market, commodity pairs), keyed as the import keys them. */
export async function storedPrices(
  db: Db,
  pairs: Array<{ marketId: string; commodityId: string }>,
): Promise<Map<string, number>> {
  if (pairs.length === 0) return new Map();
  const { rows } = await sql<{ k: string; price_cents: string }>`
    select o.market_id || '/' || o.commodity_id || '/' || o.price_type || '/' || o.unit_label || '/' || o.currency
             || '/' || to_char(o.observed_on, 'YYYY-MM-DD') as k, o.price_cents::text as price_cents
      from price_observations o
      join jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb) as p("marketId" uuid, "commodityId" uuid)
        on o.market_id = p."marketId" and o.commodity_id = p."commodityId"`.execute(db);
  return new Map(rows.map((r) => [r.k, Number(r.price_cents)]));
}

export interface NewObservation {
  marketId: string;
  commodityId: string;
  priceType: string;
  unitLabel: string;
  baseUnit: string;
  baseQuantity: number;
  currency: string;
  observedOn: string;
  priceCents: number;
  basePriceCents: number;
  /** The file's own screening verdict; final for a series nothing was stored of before. */
  isOutlier: boolean;
  outlierReason: string | null;
  outlierRatio: number | null;
}

/** Inserts a chunk; a key stored meanwhile by another import is skipped. Returns how many were new. */
export async function insertObservations(tx: Db, importId: string, chunk: NewObservation[]): Promise<number> {
  if (chunk.length === 0) return 0;
  const { rows } = await sql<{ n: number }>`
    with added as (
      insert into price_observations (market_id, commodity_id, price_type, unit_label, base_unit, base_quantity,
                                      currency, observed_on, price_cents, base_price_cents, is_outlier, outlier_reason,
                                      outlier_ratio, import_id)
      select "marketId", "commodityId", "priceType", "unitLabel", "baseUnit", "baseQuantity", currency,
             "observedOn"::date, "priceCents", "basePriceCents", "isOutlier", "outlierReason", "outlierRatio", ${importId}
        from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as o("marketId" uuid, "commodityId" uuid,
             "priceType" text, "unitLabel" text, "baseUnit" text, "baseQuantity" float8, currency text,
             "observedOn" text, "priceCents" bigint, "basePriceCents" float8, "isOutlier" boolean,
             "outlierReason" text, "outlierRatio" float8)
      on conflict (market_id, commodity_id, price_type, unit_label, currency, observed_on) do nothing
      returning 1)
    select count(*)::int as n from added`.execute(tx);
  return rows[0]?.n ?? 0;
}

export interface SeriesObservationRow {
  id: string;
  market_id: string;
  commodity_id: string;
  price_type: string;
  unit_label: string;
  currency: string;
  observed_on: string;
  price_cents: number;
  base_price_cents: number;
  base_unit: string;
  is_outlier: boolean;
  outlier_reason: string | null;
  outlier_ratio: number | null;
}

const observationColumns = sql`o.id::text as id, o.market_id, o.commodity_id, o.price_type, o.unit_label,
  o.currency, to_char(o.observed_on, 'YYYY-MM-DD') as observed_on, o.price_cents::float8 as price_cents,
  o.base_price_cents, o.base_unit, o.is_outlier, o.outlier_reason, o.outlier_ratio`;

/** Every observation of the given commodities (all markets, or one), in series and date order. */
export async function observationsOf(
  db: Db,
  q: { commodityIds?: string[]; marketId?: string; pairs?: Array<{ marketId: string; commodityId: string }> },
): Promise<SeriesObservationRow[]> {
  const pairs = q.pairs ? JSON.stringify(q.pairs) : null;
  const { rows } = await sql<SeriesObservationRow>`
    select ${observationColumns} from price_observations o
     where (${q.commodityIds ?? null}::uuid[] is null or o.commodity_id = any(${q.commodityIds ?? null}::uuid[]))
       and (${q.marketId ?? null}::uuid is null or o.market_id = ${q.marketId ?? null}::uuid)
       and (${pairs}::jsonb is null or exists (
             select 1 from jsonb_to_recordset(${pairs}::jsonb) as p("marketId" uuid, "commodityId" uuid)
              where p."marketId" = o.market_id and p."commodityId" = o.commodity_id))
     order by o.market_id, o.commodity_id, o.price_type, o.unit_label, o.currency, o.observed_on, o.id`.execute(
    db,
  );
  return rows;
}

/** How many stored observations of these series are flagged outliers. */
export async function outliersAmong(
  db: Db,
  pairs: Array<{ marketId: string; commodityId: string }>,
): Promise<number> {
  if (pairs.length === 0) return 0;
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from price_observations o
      join jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb) as p("marketId" uuid, "commodityId" uuid)
        on o.market_id = p."marketId" and o.commodity_id = p."commodityId"
     where o.is_outlier`.execute(db);
  return rows[0]?.n ?? 0;
}

/** Writes the screening verdicts that changed. */
export async function setOutlierFlags(
  tx: Db,
  flags: Array<{ id: string; isOutlier: boolean; reason: string | null; ratio: number | null }>,
): Promise<void> {
  if (flags.length === 0) return;
  await sql`
    update price_observations o set is_outlier = f."isOutlier", outlier_reason = f.reason, outlier_ratio = f.ratio
      from jsonb_to_recordset(${JSON.stringify(flags)}::jsonb) as f(id bigint, "isOutlier" boolean, reason text, ratio float8)
     where o.id = f.id`.execute(tx);
}

export interface MarketRow {
  id: string;
  name: string;
  admin1: string;
  admin2: string;
  latitude: number | null;
  longitude: number | null;
  observations: number;
}

export async function listMarkets(db: Db): Promise<MarketRow[]> {
  const { rows } = await sql<MarketRow>`
    select m.id, m.name, m.admin1, m.admin2, m.latitude, m.longitude,
           (select count(*)::int from price_observations o where o.market_id = m.id) as observations
      from markets m order by m.admin1, m.name`.execute(db);
  return rows;
}

export interface CommodityRow {
  id: string;
  name: string;
  category: string;
  item_id: string | null;
  observations: number;
}

export async function listCommodities(db: Db): Promise<CommodityRow[]> {
  const { rows } = await sql<CommodityRow>`
    select c.id, c.name, c.category, c.item_id,
           (select count(*)::int from price_observations o where o.commodity_id = c.id) as observations
      from commodities c order by c.category, c.name`.execute(db);
  return rows;
}

export async function findCommodity(db: Db, id: string): Promise<CommodityRow | undefined> {
  const { rows } = await sql<CommodityRow>`
    select c.id, c.name, c.category, c.item_id, 0 as observations from commodities c where c.id = ${id}`.execute(
    db,
  );
  return rows[0];
}
