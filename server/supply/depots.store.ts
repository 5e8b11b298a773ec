// The only file of depots that runs SQL: depots and distribution points, and the balances on their
// shelves (read from the exact cache, stock_balances).
import { sql } from 'kysely';
import type { Db } from '../platform/database.ts';

export interface DepotRow {
  id: string;
  council_id: string;
  name: string;
  kind: string;
  place: string | null;
  /** WGS 84 degrees; both or neither (shipment plans measure distances with them). */
  latitude: number | null;
  longitude: number | null;
  created_at: Date;
}

const depotColumns = sql`id, council_id, name, kind, place, latitude, longitude, created_at`;

export async function findDepot(db: Db, id: string): Promise<DepotRow | undefined> {
  return (await sql<DepotRow>`select ${depotColumns} from depots where id = ${id}`.execute(db)).rows[0];
}

export async function listDepots(db: Db, councilId: string): Promise<DepotRow[]> {
  const { rows } = await sql<DepotRow>`
    select ${depotColumns} from depots
     where council_id = ${councilId} order by lower(name) limit 1000`.execute(db);
  return rows;
}

export async function depotNameTaken(db: Db, councilId: string, name: string): Promise<boolean> {
  const { rows } = await sql`
    select 1 from depots where council_id = ${councilId} and lower(name) = lower(${name})`.execute(db);
  return rows.length > 0;
}

export async function insertDepot(
  tx: Db,
  d: {
    councilId: string;
    name: string;
    kind: string;
    place: string | null;
    location: { latitude: number; longitude: number } | null;
  },
  createdBy: string,
): Promise<DepotRow> {
  return (
    await sql<DepotRow>`
      insert into depots (council_id, name, kind, place, latitude, longitude, created_by)
      values (${d.councilId}, ${d.name}, ${d.kind}, ${d.place}, ${d.location?.latitude ?? null},
              ${d.location?.longitude ?? null}, ${createdBy})
      returning ${depotColumns}`.execute(tx)
  ).rows[0]!;
}

export interface ShelfRow {
  item_id: string;
  item_name: string;
  base_unit: string;
  step_milli: bigint;
  quantity_milli: bigint;
  event_count: number;
}

/**
 * What a depot holds now, item by item: the cached balances (one index range of stock_balances'
 * primary key), never a sum over events. Items whose every event was reversed show 0.
 */
export async function depotShelf(db: Db, depotId: string): Promise<ShelfRow[]> {
  const { rows } = await sql<{
    item_id: string;
    item_name: string;
    base_unit: string;
    step_milli: string;
    quantity_milli: string;
    event_count: string;
  }>`
    select b.item_id, i.name as item_name, i.base_unit, i.step_milli::text as step_milli,
           b.quantity_milli::text as quantity_milli, b.event_count::text as event_count
      from stock_balances b join items i on i.id = b.item_id
     where b.depot_id = ${depotId} and b.event_count > 0
     order by lower(i.name)`.execute(db);
  return rows.map((r) => ({
    ...r,
    step_milli: BigInt(r.step_milli),
    quantity_milli: BigInt(r.quantity_milli),
    event_count: Number(r.event_count),
  }));
}
