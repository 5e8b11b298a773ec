// An officer of the council that owns a depot records a receipt (donation, purchase or delivery), an
// issue, a distribution to households or a loss (with its reason), now or back-dated. The quantity is a
// decimal in the item's base unit or one of its units; it must be a whole number of the item's steps.
// Locks and the non-negativity check: append-stock-event.ts; the council's ledger head last.
import type { RecordedKind } from '../../core/supply/stock-ledger.ts';
import type { Db } from '../platform/database.ts';
import type { Viewer } from '../platform/sessions.ts';
import { type AppendedStockEvent, appendStockEvent } from './append-stock-event.ts';
import { authorizeDepot } from './depot-access.ts';
import { quantityOf } from './item-quantity.ts';
import { enterStockEvent } from './stock-ledger-entry.ts';
import { supplyError } from './supply-errors.ts';

export interface RecordStockEventInput {
  kind: RecordedKind;
  itemId: string;
  quantity: string;
  unit?: string | undefined;
  occurredAt?: string | undefined;
  source?: 'donation' | 'purchase' | 'delivery' | undefined;
  reason?: string | undefined;
  note?: string | undefined;
}

export async function recordStockEvent(
  db: Db,
  viewer: Viewer,
  depotId: string,
  input: RecordStockEventInput,
): Promise<AppendedStockEvent> {
  if (input.kind === 'receipt' && !input.source) throw supplyError('source-required');
  if (input.kind !== 'receipt' && input.source) throw supplyError('source-not-allowed');
  if (input.kind === 'loss' && !input.reason) throw supplyError('reason-required');
  if (input.kind !== 'loss' && input.reason) throw supplyError('reason-not-allowed');
  return db.transaction().execute(async (tx) => {
    const { council } = await authorizeDepot(tx, viewer, depotId, 'record-stock');
    const { item, milli } = await quantityOf(tx, input.itemId, input.quantity, input.unit);
    const increases = input.kind === 'receipt';
    const event = await appendStockEvent(tx, {
      depotId,
      itemId: item.id,
      kind: input.kind,
      deltaMilli: increases ? milli : -milli,
      occurredAt: input.occurredAt ?? null,
      source: input.source ?? null,
      reason: input.reason ?? null,
      countedMilli: null,
      reversesEventId: null,
      transferId: null,
      recordedBy: viewer.personId,
      note: input.note ?? null,
    });
    await enterStockEvent(
      tx,
      council.id,
      viewer.personId,
      `stock.${input.kind}`,
      {
        ...event,
        depotId,
        itemId: item.id,
      },
      {
        ...(input.source ? { source: input.source } : {}),
        ...(input.reason ? { reason: input.reason } : {}),
      },
    );
    return event;
  });
}
