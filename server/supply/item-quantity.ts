// A quantity as a request gives it (a decimal in some unit of an item) in milli base units, checked
// against the item's units and step; errors name the request's fields.
import { toMilli } from '../../core/supply/stock-ledger.ts';
import type { Db } from '../platform/database.ts';
import { findItem, type ItemRow, milliPerUnit } from './items.store.ts';
import { supplyError } from './supply-errors.ts';

export async function quantityOf(
  db: Db,
  itemId: string,
  quantity: string,
  unit: string | undefined,
  options: { allowZero?: boolean; field?: string } = {},
): Promise<{ item: ItemRow; milli: bigint }> {
  const item = await findItem(db, itemId);
  if (!item) throw supplyError('item-not-found', 'itemId');
  return { item, milli: milliOf(item, quantity, unit, options) };
}

export function milliOf(
  item: ItemRow,
  quantity: string,
  unit: string | undefined,
  options: { allowZero?: boolean; field?: string } = {},
): bigint {
  const perUnit = milliPerUnit(item, unit);
  if (perUnit === undefined) throw supplyError('unit-unknown');
  const result = toMilli(quantity, perUnit, item.step_milli, options.allowZero ?? false);
  if (!result.ok) throw supplyError(result.error, options.field);
  return result.milli;
}
