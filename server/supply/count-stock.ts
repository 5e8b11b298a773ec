// An officer records a physical count of an item at a depot, now or back-dated: the count sets the
// quantity at that instant by an adjustment event of (counted − balance at that instant), which may be
// zero (the count confirms the books); an adjustment that changes the balance gives a reason from the
// fixed list (damage, theft, expiry, miscount, …). A back-dated count that lowers the balance is
// checked against the later events like any other event (append-stock-event.ts, same lock).
import type { Db } from '../platform/database.ts';
import type { Viewer } from '../platform/sessions.ts';
import { type AppendedStockEvent, appendStockEvent } from './append-stock-event.ts';
import { authorizeDepot } from './depot-access.ts';
import { quantityOf } from './item-quantity.ts';
import { enterStockEvent } from './stock-ledger-entry.ts';
import { supplyError } from './supply-errors.ts';

export interface CountStockInput {
  itemId: string;
  counted: string;
  unit?: string | undefined;
  occurredAt?: string | undefined;
  reason?: string | undefined;
  note?: string | undefined;
}

export async function countStock(
  db: Db,
  viewer: Viewer,
  depotId: string,
  input: CountStockInput,
): Promise<AppendedStockEvent & { countedMilli: bigint }> {
  return db.transaction().execute(async (tx) => {
    const { council } = await authorizeDepot(tx, viewer, depotId, 'record-stock');
    const { item, milli: countedMilli } = await quantityOf(tx, input.itemId, input.counted, input.unit, {
      allowZero: true,
      field: 'counted',
    });
    const event = await appendStockEvent(tx, {
      depotId,
      itemId: item.id,
      kind: 'count',
      deltaMilli: (balanceAtMilli) => {
        const adjustment = countedMilli - balanceAtMilli;
        if (adjustment !== 0n && !input.reason) throw supplyError('reason-required');
        return adjustment;
      },
      occurredAt: input.occurredAt ?? null,
      source: null,
      reason: input.reason ?? null,
      countedMilli,
      reversesEventId: null,
      transferId: null,
      recordedBy: viewer.personId,
      note: input.note ?? null,
    });
    await enterStockEvent(
      tx,
      council.id,
      viewer.personId,
      'stock.count',
      { ...event, depotId, itemId: item.id },
      { countedMilli: countedMilli.toString(), ...(input.reason ? { reason: input.reason } : {}) },
    );
    return { ...event, countedMilli };
  });
}
