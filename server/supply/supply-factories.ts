// Factories and checks for the supply tests: items and depots built through the product's use cases,
// and the assertion that the balance cache is exact.
import { sql } from 'kysely';
import type { Db } from '../platform/database.ts';
import type { Viewer } from '../platform/sessions.ts';
import { createDepot } from './create-depot.ts';
import { type CreateItemInput, createItem } from './create-item.ts';

let counter = 0;

export async function buildItem(db: Db, admin: Viewer, overrides: Partial<CreateItemInput> = {}) {
  counter += 1;
  return createItem(db, admin, {
    name: `Rice ${Date.now().toString(36)}-${counter}`,
    category: 'food',
    baseUnit: 'kg',
    step: '0.001',
    units: [{ unit: 'sack 50 kg', baseUnits: '50' }],
    ...overrides,
  });
}

export async function buildDepot(db: Db, officer: Viewer, councilId: string, name?: string) {
  counter += 1;
  return createDepot(db, officer, councilId, { name: name ?? `Depot ${counter}`, kind: 'depot' });
}

/** Every cached balance against the sum and count of its events (and no events without a cache row). */
export async function cacheMismatches(db: Db) {
  const { rows } = await sql<{ depot_id: string; item_id: string; cached: string; summed: string }>`
    select coalesce(b.depot_id, e.depot_id) as depot_id, coalesce(b.item_id, e.item_id) as item_id,
           coalesce(b.quantity_milli, -1)::text || '/' || coalesce(b.event_count, -1)::text as cached,
           coalesce(e.total, 0)::text || '/' || coalesce(e.n, 0)::text as summed
      from stock_balances b
      full join (select depot_id, item_id, sum(delta_milli) as total, count(*) as n
                   from stock_events group by depot_id, item_id) e
        on e.depot_id = b.depot_id and e.item_id = b.item_id
     where b.depot_id is null or e.depot_id is null and b.event_count <> 0
        or b.quantity_milli <> e.total or b.event_count <> e.n`.execute(db);
  return rows;
}

/** Every running balance of every depot and item, in (occurred_at, id) order, that is below zero. */
export async function negativeRunningBalances(db: Db) {
  const { rows } = await sql<{ id: string }>`
    select id::text from (
      select id, sum(delta_milli) over (partition by depot_id, item_id order by occurred_at, id) as running
        from stock_events) r
     where running < 0`.execute(db);
  return rows;
}

export async function balanceMilli(db: Db, depotId: string, itemId: string): Promise<bigint> {
  const { rows } = await sql<{ q: string }>`
    select quantity_milli::text as q from stock_balances where depot_id = ${depotId} and item_id = ${itemId}`.execute(
    db,
  );
  return BigInt(rows[0]?.q ?? 0);
}
