// The only file of the prices context that runs SQL on price_caps. Amounts travel as text (int8) and
// become bigint; dates as ISO text ('2026-11-29').
import { sql } from 'kysely';
import { type Db, isoUs } from '../platform/database.ts';

export type PriceCapStatus = 'proposed' | 'in-vote' | 'adopted' | 'rejected' | 'superseded' | 'withdrawn';

export interface PriceCapRow {
  id: string;
  council_id: string;
  item_id: string;
  currency: string;
  cap_cents: bigint;
  valid_from: string;
  valid_to: string | null;
  note: string | null;
  status: PriceCapStatus;
  proposed_at: string;
  proposed_by: string;
  poll_id: string | null;
  decided_at: string | null;
  decision_summary: string | null;
}

type RawCap = Omit<PriceCapRow, 'cap_cents'> & { cap_cents: string };
const toCap = (r: RawCap): PriceCapRow => ({ ...r, cap_cents: BigInt(r.cap_cents) });

const columns = sql`p.id, p.council_id, p.item_id, p.currency, p.cap_cents::text as cap_cents,
  p.valid_from::text as valid_from, p.valid_to::text as valid_to, p.note, p.status,
  ${isoUs(sql`p.proposed_at`)} as proposed_at, p.proposed_by, p.poll_id,
  ${isoUs(sql`p.decided_at`)} as decided_at, p.decision_summary`;

export async function findPriceCap(db: Db, id: string, lock = false): Promise<PriceCapRow | undefined> {
  const { rows } = await sql<RawCap>`
    select ${columns} from price_caps p where p.id = ${id} ${lock ? sql`for update` : sql``}`.execute(db);
  return rows[0] ? toCap(rows[0]) : undefined;
}

/** A council's own caps, every status, newest proposal first (the proposals and their decisions). */
export async function councilCaps(db: Db, councilId: string, limit: number): Promise<PriceCapRow[]> {
  const { rows } = await sql<RawCap>`
    select ${columns} from price_caps p where p.council_id = ${councilId}
     order by p.proposed_at desc, p.id limit ${limit}`.execute(db);
  return rows.map(toCap);
}

export interface NewPriceCap {
  councilId: string;
  itemId: string;
  currency: string;
  capCents: bigint;
  validFrom: string;
  validTo: string | null;
  note: string | null;
  proposedBy: string;
}

export async function insertPriceCap(tx: Db, c: NewPriceCap): Promise<PriceCapRow> {
  const { rows } = await sql<RawCap>`
    insert into price_caps as p (council_id, item_id, currency, cap_cents, valid_from, valid_to, note, proposed_by)
    values (${c.councilId}, ${c.itemId}, ${c.currency}, ${c.capCents.toString()}::bigint, ${c.validFrom}::date,
            ${c.validTo}::date, ${c.note}, ${c.proposedBy})
    returning ${columns}`.execute(tx);
  return toCap(rows[0]!);
}

export async function setCapInVote(tx: Db, id: string, pollId: string): Promise<void> {
  await sql`update price_caps set status = 'in-vote', poll_id = ${pollId} where id = ${id}`.execute(tx);
}

/**
 * The decision of the poll: adopted — superseding the council's cap in force for the item and currency
 * (price_caps_one_in_force keeps one; the superseded one keeps its own decision instant) — or rejected.
 * Two votes on caps of the same council, item and currency closing at once: a transaction-scoped
 * advisory lock on that triple orders them, so the second, once the first has committed, supersedes the
 * cap the first adopted (each statement reads what is committed) instead of breaking the unique index.
 */
export async function decidePriceCap(
  tx: Db,
  id: string,
  d: { adopted: boolean; pollId: string; at: string; summary: string },
): Promise<void> {
  if (d.adopted) {
    await sql`
      select pg_advisory_xact_lock(hashtextextended('price-cap:' || council_id || ':' || item_id || ':' || currency, 0))
        from price_caps where id = ${id}`.execute(tx);
    await sql`
      update price_caps o set status = 'superseded'
        from price_caps n
       where n.id = ${id} and o.council_id = n.council_id and o.item_id = n.item_id
         and o.currency = n.currency and o.status = 'adopted'`.execute(tx);
  }
  await sql`
    update price_caps set status = ${d.adopted ? 'adopted' : 'rejected'}, poll_id = ${d.pollId},
           decided_at = ${d.at}::timestamptz, decision_summary = ${d.summary}
     where id = ${id}`.execute(tx);
}

export interface CapAboveRow {
  council_id: string;
  council_name: string;
  cap_cents: bigint;
  valid_from: string;
  valid_to: string | null;
}

/** The caps in force (adopted) of every body above the council for an item and currency. */
export async function capsAbove(
  db: Db,
  ancestorSeqs: readonly number[],
  itemId: string,
  currency: string,
): Promise<CapAboveRow[]> {
  if (ancestorSeqs.length === 0) return [];
  const { rows } = await sql<Omit<CapAboveRow, 'cap_cents'> & { cap_cents: string }>`
    select a.id as council_id, a.name as council_name, p.cap_cents::text as cap_cents,
           p.valid_from::text as valid_from, p.valid_to::text as valid_to
      from councils a
      join price_caps p on p.council_id = a.id and p.item_id = ${itemId} and p.currency = ${currency}
                       and p.status = 'adopted'
     where a.seq = any(${ancestorSeqs}::bigint[]) and a.dissolved_at is null
     order by a.depth desc`.execute(db);
  return rows.map((r) => ({ ...r, cap_cents: BigInt(r.cap_cents) }));
}

export interface CapInForceRow {
  id: string;
  cap_cents: bigint;
  council_id: string;
}

/**
 * THE violation check's query: the lowest adopted cap for the item and currency of the council or any
 * body above it (`lineageSeqs`: the seqs of its path), valid on `on`. One index probe per body of the
 * lineage — councils by seq (unique), then price_caps_one_in_force (council, item, currency) where
 * adopted, which holds at most one row: the `limit 1` keeps the lateral subquery a per-body probe
 * instead of a scan of every council's caps on the item — so it reads a handful of rows whatever the
 * number of councils, caps or reports.
 */
export async function capInForce(
  db: Db,
  lineageSeqs: readonly number[],
  itemId: string,
  currency: string,
  on: string,
): Promise<CapInForceRow | undefined> {
  const { rows } = await sql<Omit<CapInForceRow, 'cap_cents'> & { cap_cents: string }>`
    ${capInForceQuery(lineageSeqs, itemId, currency, on)}`.execute(db);
  return rows[0] ? { ...rows[0], cap_cents: BigInt(rows[0].cap_cents) } : undefined;
}

/** The SQL of capInForce, apart so the benchmark can EXPLAIN the very statement the product runs. */
export const capInForceQuery = (
  lineageSeqs: readonly number[],
  itemId: string,
  currency: string,
  on: string,
) => sql`
    select p.id, p.cap_cents::text as cap_cents, p.council_id
      from councils a
      cross join lateral (
        select p.id, p.cap_cents, p.council_id from price_caps p
         where p.council_id = a.id and p.item_id = ${itemId} and p.currency = ${currency}
           and p.status = 'adopted' and p.valid_from <= ${on}::date
           and (p.valid_to is null or p.valid_to >= ${on}::date)
         limit 1) p
     where a.seq = any(${lineageSeqs}::bigint[]) and a.dissolved_at is null
     order by p.cap_cents, a.depth desc
     limit 1`;

export interface CapListRow {
  id: string;
  item_id: string;
  item_name: string;
  base_unit: string;
  currency: string;
  cap_cents: bigint;
  valid_from: string;
  valid_to: string | null;
  council_id: string;
  council_name: string;
  decided_at: string;
}

/**
 * The cap list of a council on a day: for each item and currency the lowest cap in force there — its
 * own or a body's above — with the body it comes from (the nearer body on a tie).
 */
export async function capList(db: Db, lineageSeqs: readonly number[], on: string): Promise<CapListRow[]> {
  const { rows } = await sql<Omit<CapListRow, 'cap_cents'> & { cap_cents: string }>`
    select * from (
      select distinct on (p.item_id, p.currency)
             p.id, p.item_id, i.name as item_name, i.base_unit, p.currency, p.cap_cents::text as cap_cents,
             p.valid_from::text as valid_from, p.valid_to::text as valid_to, a.id as council_id,
             a.name as council_name, ${isoUs(sql`p.decided_at`)} as decided_at
        from councils a
        join price_caps p on p.council_id = a.id and p.status = 'adopted'
        join items i on i.id = p.item_id
       where a.seq = any(${lineageSeqs}::bigint[]) and a.dissolved_at is null
         and p.valid_from <= ${on}::date and (p.valid_to is null or p.valid_to >= ${on}::date)
       order by p.item_id, p.currency, p.cap_cents, a.depth desc) t
     order by lower(t.item_name), t.currency`.execute(db);
  return rows.map((r) => ({ ...r, cap_cents: BigInt(r.cap_cents) }));
}

/** The database's date today (the day reports and cap lists are judged on). */
export async function today(db: Db): Promise<string> {
  const { rows } = await sql<{ d: string }>`select current_date::text as d`.execute(db);
  return rows[0]!.d;
}
