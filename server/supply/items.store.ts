// The only file of the catalogue that runs SQL: items and the units they are counted in. Amounts in
// bigint columns travel as text (pg returns int8 as a string, PGlite as a number) and become bigint.
import { sql } from 'kysely';
import type { Db } from '../platform/database.ts';

export interface ItemRow {
  id: string;
  name: string;
  category: string;
  base_unit: string;
  step_milli: bigint;
  units: Array<{ unit: string; milliPerUnit: bigint }>;
}

interface RawItem {
  id: string;
  name: string;
  category: string;
  base_unit: string;
  step_milli: string;
  units: Array<{ unit: string; milli_per_unit: string }> | null;
}

const itemSelect = sql`
  select i.id, i.name, i.category, i.base_unit, i.step_milli::text as step_milli,
         (select json_agg(json_build_object('unit', u.unit, 'milli_per_unit', u.milli_per_unit::text)
                          order by u.milli_per_unit, u.unit)
            from item_units u where u.item_id = i.id) as units
    from items i`;

const toItem = (r: RawItem): ItemRow => ({
  id: r.id,
  name: r.name,
  category: r.category,
  base_unit: r.base_unit,
  step_milli: BigInt(r.step_milli),
  units: (r.units ?? []).map((u) => ({ unit: u.unit, milliPerUnit: BigInt(u.milli_per_unit) })),
});

export async function findItem(db: Db, id: string): Promise<ItemRow | undefined> {
  const row = (await sql<RawItem>`${itemSelect} where i.id = ${id}`.execute(db)).rows[0];
  return row ? toItem(row) : undefined;
}

export async function listItems(db: Db, category: string | undefined): Promise<ItemRow[]> {
  const { rows } = await sql<RawItem>`${itemSelect}
     where (${category ?? null}::text is null or i.category = ${category ?? null})
     order by lower(i.name) limit 1000`.execute(db);
  return rows.map(toItem);
}

export async function itemNameTaken(db: Db, name: string): Promise<boolean> {
  const { rows } = await sql`select 1 from items where lower(name) = lower(${name})`.execute(db);
  return rows.length > 0;
}

export interface NewItem {
  name: string;
  category: string;
  baseUnit: string;
  stepMilli: bigint;
  units: ReadonlyArray<{ unit: string; milliPerUnit: bigint }>;
}

export async function insertItem(tx: Db, item: NewItem, createdBy: string): Promise<string> {
  const id = (
    await sql<{ id: string }>`
      insert into items (name, category, base_unit, step_milli, created_by)
      values (${item.name}, ${item.category}, ${item.baseUnit}, ${item.stepMilli.toString()}::bigint, ${createdBy})
      returning id`.execute(tx)
  ).rows[0]!.id;
  for (const u of item.units)
    await sql`insert into item_units (item_id, unit, milli_per_unit)
              values (${id}, ${u.unit}, ${u.milliPerUnit.toString()}::bigint)`.execute(tx);
  return id;
}

/** Milli base units in one `unit` of the item (the base unit is 1000), or undefined for a unit it lacks. */
export function milliPerUnit(item: ItemRow, unit: string | undefined): bigint | undefined {
  if (unit === undefined || unit === item.base_unit) return 1000n;
  return item.units.find((u) => u.unit === unit)?.milliPerUnit;
}
