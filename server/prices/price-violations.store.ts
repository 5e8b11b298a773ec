// The only file of the prices context that runs SQL on price_violations (reads and status) and
// violation_followups.
import { type RawBuilder, sql } from 'kysely';
import { type Db, isoUs } from '../platform/database.ts';

export type ViolationStatus = 'open' | 'warning' | 'inspection' | 'resolved';
export type FollowupAction = 'warning' | 'inspection' | 'resolved' | 'note';

export interface ViolationRow {
  id: string;
  council_id: string;
  status: ViolationStatus;
  created_at: string;
  report_id: string;
  cap_id: string;
  cap_cents: string;
  cap_council_id: string;
  cap_council_name: string;
  seller: string;
  seller_key: string;
  market: string | null;
  item_id: string;
  item_name: string;
  base_unit: string;
  quantity_milli: string;
  unit: string;
  /** Milli base units in one `unit` (1000 for the base unit). */
  milli_per_unit: string;
  price_cents: string;
  currency: string;
  base_price_cents: string;
  observed_on: string;
  /** The seller's history in the council: every report, the latest five, violations before this one. */
  seller_reports: number;
  last_reports: Array<{
    report_id: string;
    item_name: string;
    observed_on: string;
    price_cents: string;
    quantity_milli: string;
    unit: string;
    milli_per_unit: string;
    base_price_cents: string;
    currency: string;
  }>;
  earlier_violations: number;
  followups: Array<{ action: FollowupAction; note: string | null; acted_by: string; acted_at: string }>;
}

export async function findViolation(
  db: Db,
  id: string,
  lock = false,
): Promise<{ id: string; council_id: string; status: ViolationStatus } | undefined> {
  const { rows } = await sql<{ id: string; council_id: string; status: ViolationStatus }>`
    select id, council_id, status from price_violations where id = ${id}
    ${lock ? sql`for update` : sql``}`.execute(db);
  return rows[0];
}

const milliPerUnit = (report: RawBuilder<unknown>) =>
  sql`coalesce((select u.milli_per_unit from item_units u
                 where u.item_id = ${report}.item_id and u.unit = ${report}.unit), 1000)::text`;

/**
 * A council's violations, newest first, each with the seller's history in the council (by seller_key,
 * through price_reports_seller) and the follow-up so far.
 */
export async function listViolations(
  db: Db,
  councilId: string,
  q: { status: ViolationStatus | null; id?: string; limit: number; offset: number },
): Promise<ViolationRow[]> {
  const { rows } = await sql<ViolationRow>`
    select v.id, v.council_id, v.status, ${isoUs(sql`v.created_at`)} as created_at, v.report_id, v.cap_id,
           p.cap_cents::text as cap_cents, p.council_id as cap_council_id, pc.name as cap_council_name,
           r.seller, r.seller_key, r.market, r.item_id, i.name as item_name, i.base_unit,
           r.quantity_milli::text as quantity_milli, r.unit, ${milliPerUnit(sql`r`)} as milli_per_unit,
           r.price_cents::text as price_cents, r.currency,
           r.base_price_cents::text as base_price_cents, r.observed_on::text as observed_on,
           (select count(*)::int from price_reports h
             where h.council_id = r.council_id and h.seller_key = r.seller_key) as seller_reports,
           (select coalesce(json_agg(json_build_object(
                     'report_id', h.id, 'item_name', hi.name, 'observed_on', h.observed_on::text,
                     'price_cents', h.price_cents::text, 'quantity_milli', h.quantity_milli::text,
                     'unit', h.unit, 'milli_per_unit', ${milliPerUnit(sql`h`)},
                     'base_price_cents', h.base_price_cents::text, 'currency', h.currency)
                   order by h.observed_on desc, h.reported_at desc), '[]'::json)
              from (select * from price_reports h
                     where h.council_id = r.council_id and h.seller_key = r.seller_key
                     order by h.observed_on desc, h.reported_at desc limit 5) h
              join items hi on hi.id = h.item_id) as last_reports,
           (select count(*)::int from price_reports h join price_violations hv on hv.report_id = h.id
             where h.council_id = r.council_id and h.seller_key = r.seller_key
               and (hv.created_at, hv.id) < (v.created_at, v.id)) as earlier_violations,
           (select coalesce(json_agg(json_build_object(
                     'action', f.action, 'note', f.note, 'acted_by', f.acted_by,
                     'acted_at', ${isoUs(sql`f.acted_at`)}) order by f.acted_at, f.id), '[]'::json)
              from violation_followups f where f.violation_id = v.id) as followups
      from price_violations v
      join price_reports r on r.id = v.report_id
      join items i on i.id = r.item_id
      join price_caps p on p.id = v.cap_id
      join councils pc on pc.id = p.council_id
     where v.council_id = ${councilId}
       and (${q.status}::text is null or v.status = ${q.status}::text)
       and (${q.id ?? null}::uuid is null or v.id = ${q.id ?? null}::uuid)
     order by v.created_at desc, v.id
     limit ${q.limit} offset ${q.offset}`.execute(db);
  return rows;
}

export async function insertFollowup(
  tx: Db,
  f: { violationId: string; action: FollowupAction; note: string | null; actedBy: string },
): Promise<string> {
  const { rows } = await sql<{ id: string }>`
    insert into violation_followups (violation_id, action, note, acted_by)
    values (${f.violationId}, ${f.action}, ${f.note}, ${f.actedBy}) returning id`.execute(tx);
  return rows[0]!.id;
}

export async function setViolationStatus(tx: Db, id: string, status: ViolationStatus): Promise<void> {
  await sql`update price_violations set status = ${status} where id = ${id}`.execute(tx);
}
