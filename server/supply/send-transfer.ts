// An officer of the council that owns the sending depot sends stock to another depot (of another
// council, or of its own): one transaction writes the transfer-out event at the sender and the transfer
// row, in transit from that instant — on neither shelf until the receiving council confirms it
// (receive-transfer.ts). The sender writes only its own records: nothing at the receiving depot.
//
// Locks: the sending (depot, item) balance row first (append-stock-event.ts, taken here before the row
// so the transfer's sent_at is the event's instant); the sending council's ledger head last.
import type { Db } from '../platform/database.ts';
import type { Viewer } from '../platform/sessions.ts';
import { appendStockEvent } from './append-stock-event.ts';
import { authorizeDepot } from './depot-access.ts';
import { findDepot } from './depots.store.ts';
import { quantityOf } from './item-quantity.ts';
import { instantsAfterLock, lockBalance } from './stock-events.store.ts';
import { enterStockEvent } from './stock-ledger-entry.ts';
import { supplyError } from './supply-errors.ts';
import { insertTransfer } from './transfers.store.ts';

export interface SendTransferInput {
  fromDepotId: string;
  toDepotId: string;
  itemId: string;
  quantity: string;
  unit?: string | undefined;
  note?: string | undefined;
}

export async function sendTransfer(db: Db, viewer: Viewer, input: SendTransferInput): Promise<string> {
  return db.transaction().execute((tx) => sendTransferIn(tx, viewer, input));
}

/** The same act inside the caller's transaction (an executed shipment plan sends several at once). */
export async function sendTransferIn(tx: Db, viewer: Viewer, input: SendTransferInput): Promise<string> {
  if (input.fromDepotId === input.toDepotId) throw supplyError('same-depot');
  const { council } = await authorizeDepot(tx, viewer, input.fromDepotId, 'send-transfer', 'fromDepotId');
  const to = await findDepot(tx, input.toDepotId);
  if (!to) throw supplyError('depot-not-found', 'toDepotId');
  const { item, milli } = await quantityOf(tx, input.itemId, input.quantity, input.unit);
  await lockBalance(tx, input.fromDepotId, item.id);
  const { now } = await instantsAfterLock(tx, null);
  const transferId = await insertTransfer(tx, {
    itemId: item.id,
    fromDepotId: input.fromDepotId,
    fromCouncilId: council.id,
    toDepotId: to.id,
    toCouncilId: to.council_id,
    quantityMilli: milli,
    note: input.note ?? null,
    sentAt: now,
    sentBy: viewer.personId,
  });
  const event = await appendStockEvent(tx, {
    depotId: input.fromDepotId,
    itemId: item.id,
    kind: 'transfer-out',
    deltaMilli: -milli,
    occurredAt: now,
    source: null,
    reason: null,
    countedMilli: null,
    reversesEventId: null,
    transferId,
    recordedBy: viewer.personId,
    note: input.note ?? null,
  });
  await enterStockEvent(
    tx,
    council.id,
    viewer.personId,
    'transfer.sent',
    { ...event, depotId: input.fromDepotId, itemId: item.id },
    { transferId, toDepotId: to.id, toCouncilId: to.council_id, quantityMilli: milli.toString() },
  );
  return transferId;
}
