// The only file of the prices context that runs SQL on price_reports and price_violations' insert.
// Amounts travel as text (int8, numeric) and become bigint or stay decimal text.
import { sql } from 'kysely';
import { type Db, isoUs } from '../platform/database.ts';

export interface PriceReportRow {
  id: string;
  council_id: string;
  reported_by: string;
  seller: string;
  seller_key: string;
  market: string | null;
  item_id: string;
  item_name: string;
  base_unit: string;
  quantity_milli: bigint;
  unit: string;
  price_cents: bigint;
  currency: string;
  /** Per base unit, in hundredths, decimal text (numeric). */
  base_price_cents: string;
  observed_on: string;
  note: string | null;
  reported_at: string;
  violation_id: string | null;
  /** Milli base units in one `unit` (1000 for the base unit): the quantity as reported is quantity ÷ it. */
  milli_per_unit: bigint;
}

type RawReport = Omit<PriceReportRow, 'quantity_milli' | 'price_cents' | 'milli_per_unit'> & {
  quantity_milli: string;
  price_cents: string;
  milli_per_unit: string;
};
const toReport = (r: RawReport): PriceReportRow => ({
  ...r,
  quantity_milli: BigInt(r.quantity_milli),
  price_cents: BigInt(r.price_cents),
  milli_per_unit: BigInt(r.milli_per_unit),
});

const columns = sql`r.id, r.council_id, r.reported_by, r.seller, r.seller_key, r.market, r.item_id,
  i.name as item_name, i.base_unit, r.quantity_milli::text as quantity_milli, r.unit,
  r.price_cents::text as price_cents, r.currency, r.base_price_cents::text as base_price_cents,
  r.observed_on::text as observed_on, r.note, ${isoUs(sql`r.reported_at`)} as reported_at,
  v.id as violation_id,
  coalesce((select u.milli_per_unit from item_units u where u.item_id = r.item_id and u.unit = r.unit),
           1000)::text as milli_per_unit`;

export interface NewPriceReport {
  councilId: string;
  reportedBy: string;
  seller: string;
  sellerKey: string;
  market: string | null;
  itemId: string;
  quantityMilli: bigint;
  unit: string;
  priceCents: bigint;
  currency: string;
  basePriceCents: string;
  observedOn: string;
  note: string | null;
}

export async function insertPriceReport(tx: Db, r: NewPriceReport): Promise<string> {
  const { rows } = await sql<{ id: string }>`
    insert into price_reports (council_id, reported_by, seller, seller_key, market, item_id, quantity_milli,
                               unit, price_cents, currency, base_price_cents, observed_on, note)
    values (${r.councilId}, ${r.reportedBy}, ${r.seller}, ${r.sellerKey}, ${r.market}, ${r.itemId},
            ${r.quantityMilli.toString()}::bigint, ${r.unit}, ${r.priceCents.toString()}::bigint, ${r.currency},
            ${r.basePriceCents}::numeric, ${r.observedOn}::date, ${r.note})
    returning id`.execute(tx);
  return rows[0]!.id;
}

export async function insertViolation(
  tx: Db,
  v: { reportId: string; capId: string; councilId: string },
): Promise<string> {
  const { rows } = await sql<{ id: string }>`
    insert into price_violations (report_id, cap_id, council_id)
    values (${v.reportId}, ${v.capId}, ${v.councilId}) returning id`.execute(tx);
  return rows[0]!.id;
}

export async function findPriceReport(db: Db, id: string): Promise<PriceReportRow | undefined> {
  const { rows } = await sql<RawReport>`
    select ${columns} from price_reports r join items i on i.id = r.item_id
      left join price_violations v on v.report_id = r.id
     where r.id = ${id}`.execute(db);
  return rows[0] ? toReport(rows[0]) : undefined;
}

/** A council's reports, newest first; `sellerKey` and `itemId` narrow them. */
export async function listPriceReports(
  db: Db,
  councilId: string,
  q: { itemId: string | null; sellerKey: string | null; limit: number; offset: number },
): Promise<PriceReportRow[]> {
  const { rows } = await sql<RawReport>`
    select ${columns} from price_reports r join items i on i.id = r.item_id
      left join price_violations v on v.report_id = r.id
     where r.council_id = ${councilId}
       and (${q.itemId}::uuid is null or r.item_id = ${q.itemId}::uuid)
       and (${q.sellerKey}::text is null or r.seller_key = ${q.sellerKey}::text)
     order by r.reported_at desc, r.id
     limit ${q.limit} offset ${q.offset}`.execute(db);
  return rows.map(toReport);
}
