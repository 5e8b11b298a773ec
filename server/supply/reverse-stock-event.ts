// An officer of the depot's council corrects a mistaken event by reversing it: a new 'reversal' event
// with the opposite delta, referencing the original, at the original's business time (ordered after
// every event up to that instant), so the history reads as if the original had not happened from then
// on. The reversal obeys the same non-negativity check (reversing a receipt whose stock was issued
// since is refused). Each event is reversed at most once; reversals, counts that changed nothing and
// transfer legs are not reversible (a transfer is one act of two councils: neither undoes it alone).
//
// Locks: the (depot, item) balance row first (append-stock-event.ts); the "already reversed?" question
// is asked after it, so of two concurrent reversals the second sees the first (and the unique index
// stock_events_reversed_once stands behind that); the council's ledger head last.
import type { Db } from '../platform/database.ts';
import type { Viewer } from '../platform/sessions.ts';
import { type AppendedStockEvent, appendStockEvent } from './append-stock-event.ts';
import { authorizeDepot } from './depot-access.ts';
import { findStockEvent, lockBalance } from './stock-events.store.ts';
import { enterStockEvent } from './stock-ledger-entry.ts';
import { supplyError } from './supply-errors.ts';

export async function reverseStockEvent(
  db: Db,
  viewer: Viewer,
  eventId: string,
  note: string,
): Promise<AppendedStockEvent> {
  return db.transaction().execute(async (tx) => {
    const original = await findStockEvent(tx, eventId);
    if (!original) throw supplyError('stock-event-not-found');
    const { council } = await authorizeDepot(tx, viewer, original.depot_id, 'record-stock');
    if (original.kind === 'reversal' || original.transfer_id !== null || original.delta_milli === 0n)
      throw supplyError('not-reversible');
    await lockBalance(tx, original.depot_id, original.item_id);
    if ((await findStockEvent(tx, eventId))?.reversed_by_event_id) throw supplyError('already-reversed');
    const event = await appendStockEvent(tx, {
      depotId: original.depot_id,
      itemId: original.item_id,
      kind: 'reversal',
      deltaMilli: -original.delta_milli,
      occurredAt: original.occurred_at,
      source: null,
      reason: null,
      countedMilli: null,
      reversesEventId: original.id,
      transferId: null,
      recordedBy: viewer.personId,
      note,
    });
    await enterStockEvent(
      tx,
      council.id,
      viewer.personId,
      'stock.reversal',
      { ...event, depotId: original.depot_id, itemId: original.item_id },
      { reversesEventId: original.id, reversedKind: original.kind, note },
    );
    return event;
  });
}
