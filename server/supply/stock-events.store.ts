// The only file of the stock ledger that runs SQL: stock events (append-only), the exact balance cache
// and the stock card. Events of one depot and item are ordered by (occurred_at, id); the index
// stock_events_card covers that order and carries delta_milli, so the scans below read the index only.
// Amounts travel as text and become bigint.
import { sql } from 'kysely';
import { type Db, isoUs } from '../platform/database.ts';

export interface BalanceRow {
  quantityMilli: bigint;
  eventCount: bigint;
}

/**
 * The row lock that serialises every writer of one depot and item (created on the first event). Taken
 * first by each stock act and held to commit: the balance read here, the later events scanned next and
 * the event written after all belong to one consistent history.
 */
export async function lockBalance(tx: Db, depotId: string, itemId: string): Promise<BalanceRow> {
  await sql`insert into stock_balances (depot_id, item_id) values (${depotId}, ${itemId})
            on conflict (depot_id, item_id) do nothing`.execute(tx);
  const row = (
    await sql<{ quantity_milli: string; event_count: string }>`
      select quantity_milli::text as quantity_milli, event_count::text as event_count
        from stock_balances where depot_id = ${depotId} and item_id = ${itemId} for update`.execute(tx)
  ).rows[0]!;
  return { quantityMilli: BigInt(row.quantity_milli), eventCount: BigInt(row.event_count) };
}

/** The cached balance, no lock: what GET /depots/:id/stock shows for one item (one primary-key probe). */
export async function balanceOf(db: Db, depotId: string, itemId: string): Promise<bigint> {
  const row = (
    await sql<{ quantity_milli: string }>`
      select quantity_milli::text as quantity_milli from stock_balances
       where depot_id = ${depotId} and item_id = ${itemId}`.execute(db)
  ).rows[0];
  return BigInt(row?.quantity_milli ?? 0);
}

/**
 * The database clock read after the lock (so a current-time event is ordered after every event already
 * committed), and `occurredAt` as the same microsecond text, with whether it lies after that instant.
 */
export async function instantsAfterLock(
  tx: Db,
  occurredAt: string | null,
): Promise<{ now: string; at: string; isFuture: boolean }> {
  const row = (
    await sql<{ now: string; at: string | null; is_future: boolean | null }>`
      with c as (select clock_timestamp() as now)
      select ${isoUs(sql`c.now`)} as now, ${isoUs(sql`${occurredAt}::timestamptz`)} as at,
             ${occurredAt}::timestamptz > c.now as is_future
        from c`.execute(tx)
  ).rows[0]!;
  return { now: row.now, at: row.at ?? row.now, isFuture: row.is_future === true };
}

/**
 * The events ordered after an event placed at `at` (those with occurred_at > at: an event at the same
 * instant with a smaller id is before it): their total, and their lowest running sum (0 if never below).
 * A current-time event scans an empty range; a back-dated one scans only the events after it.
 */
export async function laterEvents(
  tx: Db,
  depotId: string,
  itemId: string,
  at: string,
): Promise<{ laterSumMilli: bigint; lowestLaterPrefixMilli: bigint }> {
  const row = (
    await sql<{ later_sum: string; lowest: string }>`
      select coalesce(sum(p.delta_milli), 0)::text as later_sum,
             least(0, coalesce(min(p.prefix), 0))::text as lowest
        from (select e.delta_milli,
                     sum(e.delta_milli) over (order by e.occurred_at, e.id
                                              rows between unbounded preceding and current row) as prefix
                from stock_events e
               where e.depot_id = ${depotId} and e.item_id = ${itemId} and e.occurred_at > ${at}::timestamptz) p`.execute(
      tx,
    )
  ).rows[0]!;
  return { laterSumMilli: BigInt(row.later_sum), lowestLaterPrefixMilli: BigInt(row.lowest) };
}

export interface NewStockEvent {
  depotId: string;
  itemId: string;
  kind: string;
  deltaMilli: bigint;
  occurredAt: string;
  /** The database clock after the lock (instantsAfterLock): never before occurredAt. */
  recordedAt: string;
  source: string | null;
  reason: string | null;
  countedMilli: bigint | null;
  reversesEventId: string | null;
  transferId: string | null;
  recordedBy: string;
  note: string | null;
}

/** Appends one event and moves the cache by its delta, in the caller's transaction under lockBalance. */
export async function insertStockEvent(tx: Db, e: NewStockEvent): Promise<string> {
  const row = (
    await sql<{ id: string }>`
      insert into stock_events (depot_id, item_id, kind, delta_milli, occurred_at, recorded_at, source, reason,
                                counted_milli, reverses_event_id, transfer_id, recorded_by, note)
      values (${e.depotId}, ${e.itemId}, ${e.kind}, ${e.deltaMilli.toString()}::bigint, ${e.occurredAt}::timestamptz,
              ${e.recordedAt}::timestamptz, ${e.source}, ${e.reason}, ${e.countedMilli?.toString() ?? null}::bigint,
              ${e.reversesEventId}::bigint, ${e.transferId}, ${e.recordedBy}, ${e.note})
      returning id::text as id`.execute(tx)
  ).rows[0]!;
  await sql`update stock_balances
               set quantity_milli = quantity_milli + ${e.deltaMilli.toString()}::bigint, event_count = event_count + 1
             where depot_id = ${e.depotId} and item_id = ${e.itemId}`.execute(tx);
  return row.id;
}

export interface StockEventRow {
  id: string;
  depot_id: string;
  item_id: string;
  kind: string;
  delta_milli: bigint;
  occurred_at: string;
  recorded_at: string;
  source: string | null;
  reason: string | null;
  counted_milli: bigint | null;
  reverses_event_id: string | null;
  reversed_by_event_id: string | null;
  transfer_id: string | null;
  recorded_by: string;
  recorded_by_name: string;
  note: string | null;
}

interface RawEvent extends Omit<StockEventRow, 'delta_milli' | 'counted_milli'> {
  delta_milli: string;
  counted_milli: string | null;
}

const eventColumns = sql`
  e.id::text as id, e.depot_id, e.item_id, e.kind, e.delta_milli::text as delta_milli,
  ${isoUs(sql`e.occurred_at`)} as occurred_at, ${isoUs(sql`e.recorded_at`)} as recorded_at, e.source, e.reason,
  e.counted_milli::text as counted_milli, e.reverses_event_id::text as reverses_event_id,
  (select r.id::text from stock_events r where r.reverses_event_id = e.id) as reversed_by_event_id,
  e.transfer_id, e.recorded_by, p.full_name as recorded_by_name, e.note`;

const toEvent = (r: RawEvent): StockEventRow => ({
  ...r,
  delta_milli: BigInt(r.delta_milli),
  counted_milli: r.counted_milli === null ? null : BigInt(r.counted_milli),
});

export async function findStockEvent(db: Db, id: string): Promise<StockEventRow | undefined> {
  const row = (
    await sql<RawEvent>`select ${eventColumns} from stock_events e join persons p on p.id = e.recorded_by
                         where e.id = ${id}::bigint`.execute(db)
  ).rows[0];
  return row ? toEvent(row) : undefined;
}

export interface CardPage {
  balanceMilli: bigint;
  /** Newest first; balanceAfterMilli is the depot's balance of the item right after each event. */
  events: Array<StockEventRow & { balanceAfterMilli: bigint }>;
}

/**
 * One page of the stock card, newest first, before the event `before` (or from the newest). The running
 * balance comes from the cache backwards: after the newest event it is the balance; after each older
 * one, the newer balance minus the newer delta. A later page first sums the events from its cursor on
 * (an index-only range scan of the events newer than the page).
 */
export async function stockCard(
  db: Db,
  depotId: string,
  itemId: string,
  before: { occurredAt: string; id: string } | null,
  limit: number,
): Promise<CardPage> {
  const balanceMilli = await balanceOf(db, depotId, itemId);
  let newerMilli = 0n;
  if (before) {
    const row = (
      await sql<{ newer: string }>`
        select coalesce(sum(delta_milli), 0)::text as newer from stock_events
         where depot_id = ${depotId} and item_id = ${itemId}
           and (occurred_at, id) >= (${before.occurredAt}::timestamptz, ${before.id}::bigint)`.execute(db)
    ).rows[0]!;
    newerMilli = BigInt(row.newer);
  }
  const { rows } = await sql<RawEvent>`
    select ${eventColumns} from stock_events e join persons p on p.id = e.recorded_by
     where e.depot_id = ${depotId} and e.item_id = ${itemId}
       ${before ? sql`and (e.occurred_at, e.id) < (${before.occurredAt}::timestamptz, ${before.id}::bigint)` : sql``}
     order by e.occurred_at desc, e.id desc
     limit ${limit}`.execute(db);
  let running = balanceMilli - newerMilli;
  const events = rows.map((r) => {
    const event = toEvent(r);
    const withBalance = { ...event, balanceAfterMilli: running };
    running -= event.delta_milli;
    return withBalance;
  });
  return { balanceMilli, events };
}

/** The events of a transfer (its legs), for the transfer's view. */
export async function transferLegs(db: Db, transferId: string): Promise<StockEventRow[]> {
  const { rows } = await sql<RawEvent>`
    select ${eventColumns} from stock_events e join persons p on p.id = e.recorded_by
     where e.transfer_id = ${transferId} order by e.id`.execute(db);
  return rows.map(toEvent);
}
