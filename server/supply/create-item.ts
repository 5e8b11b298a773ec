// The instance administrator adds an item to the shared catalogue: its name, category, base unit, the
// smallest step it moves in (1 for an indivisible cylinder, 0.001 for rice by the gram) and the other
// units it is counted in, each worth a whole number of steps (a 50 kg sack is 50 kg). The catalogue is
// no council's: the entry goes to the instance ledger. Names are unique ignoring case (unique index; a
// concurrent twin gets item-name-taken).
import { maySupply } from '../../core/supply/permissions.ts';
import { type ItemCategory, toMilli } from '../../core/supply/stock-ledger.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry, INSTANCE_CHAIN } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { findItem, type ItemRow, insertItem, itemNameTaken } from './items.store.ts';
import { isUniqueViolation, supplyError } from './supply-errors.ts';

export interface CreateItemInput {
  name: string;
  category: ItemCategory;
  baseUnit: string;
  /** Decimal of the base unit: "1" (whole units only) down to "0.001". */
  step: string;
  units: ReadonlyArray<{ unit: string; baseUnits: string }>;
}

export async function createItem(db: Db, viewer: Viewer, input: CreateItemInput): Promise<ItemRow> {
  if (!maySupply('create-item', { isSignedIn: true, isAdmin: viewer.isAdmin, ...NO_COUNCIL }))
    throw supplyError('not-permitted');
  const step = toMilli(input.step, 1000n, 1n);
  if (!step.ok) throw supplyError(step.error, 'step');
  // The columns' bounds (items.step_milli, item_units.milli_per_unit): a million base units per step,
  // a thousand million per unit.
  if (step.milli > MAX_STEP_MILLI) throw supplyError('quantity-too-large', 'step');
  const units: Array<{ unit: string; milliPerUnit: bigint }> = [];
  for (const [i, u] of input.units.entries()) {
    const perUnit = toMilli(u.baseUnits, 1000n, 1n);
    if (!perUnit.ok) throw supplyError(perUnit.error, `units.${i}.baseUnits`);
    if (perUnit.milli > MAX_UNIT_MILLI) throw supplyError('quantity-too-large', `units.${i}.baseUnits`);
    if (perUnit.milli % step.milli !== 0n) throw supplyError('unit-off-step', `units.${i}.baseUnits`);
    if (u.unit === input.baseUnit || units.some((x) => x.unit === u.unit))
      throw supplyError('unit-duplicate', `units.${i}.unit`);
    units.push({ unit: u.unit, milliPerUnit: perUnit.milli });
  }
  try {
    const id = await db.transaction().execute(async (tx) => {
      if (await itemNameTaken(tx, input.name)) throw supplyError('item-name-taken');
      const id = await insertItem(
        tx,
        {
          name: input.name,
          category: input.category,
          baseUnit: input.baseUnit,
          stepMilli: step.milli,
          units,
        },
        viewer.personId,
      );
      await appendLedgerEntry(tx, {
        chainId: INSTANCE_CHAIN,
        kind: 'item.created',
        actorPersonId: viewer.personId,
        payload: {
          itemId: id,
          name: input.name,
          category: input.category,
          baseUnit: input.baseUnit,
          stepMilli: step.milli.toString(),
          units: units.map((u) => ({ unit: u.unit, milliPerUnit: u.milliPerUnit.toString() })),
        },
      });
      return id;
    });
    return (await findItem(db, id))!;
  } catch (error) {
    if (isUniqueViolation(error)) throw supplyError('item-name-taken');
    throw error;
  }
}

const MAX_STEP_MILLI = 10n ** 9n;
const MAX_UNIT_MILLI = 10n ** 12n;
const NO_COUNCIL = { isMember: false, isMemberBelow: false, officesHere: [], officesAbove: [] };
