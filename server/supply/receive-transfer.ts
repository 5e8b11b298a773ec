// An officer of the receiving council confirms a transfer's delivery (proof of delivery): the accepted
// quantity goes onto the receiving depot's shelf (transfer-in), the rejected quantity back onto the
// sending depot's shelf (transfer-return), and the transfer leaves transit — all in one transaction, so
// at every committed instant sender shelf + receiver shelf + in transit is what it was before the act.
//
// The rejected quantity is returned to the sender's shelf in this act rather than left in transit for a
// second confirmation by the sender: the goods the receiver refused ride back on the same delivery, and
// nothing can stay in transit forever because the sender never confirms. The return event is the one
// record this act writes at the sender's depot; it is recorded by the receiving officer, carries the
// transfer's id, and the act's single ledger entry is the receiving council's (invariant 7: one entry).
// Officers of the sending council, or of any other, cannot confirm: each council writes its own leg.
//
// Locks: the transfer row FOR UPDATE first (two concurrent confirmations: the second waits, then finds
// it received); then the balance rows of the receiving and sending depots in depot-id order (two
// receipts between the same depots cannot deadlock); the receiving council's ledger head last.
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { appendStockEvent } from './append-stock-event.ts';
import { authorizeCouncil } from './depot-access.ts';
import { milliOf } from './item-quantity.ts';
import { findItem } from './items.store.ts';
import { instantsAfterLock, lockBalance } from './stock-events.store.ts';
import { supplyError } from './supply-errors.ts';
import { lockTransfer, markReceived } from './transfers.store.ts';

export interface ReceiveTransferInput {
  accepted: string;
  rejected?: string | undefined;
  unit?: string | undefined;
  rejectionNote?: string | undefined;
}

export async function receiveTransfer(
  db: Db,
  viewer: Viewer,
  transferId: string,
  input: ReceiveTransferInput,
): Promise<void> {
  return db.transaction().execute(async (tx) => {
    const transfer = await lockTransfer(tx, transferId);
    if (!transfer) throw supplyError('transfer-not-found');
    const { council } = await authorizeCouncil(tx, viewer, transfer.to_council_id, 'receive-transfer', 'id');
    if (transfer.status !== 'in-transit') throw supplyError('transfer-already-received');
    const item = (await findItem(tx, transfer.item_id))!;
    const acceptedMilli = milliOf(item, input.accepted, input.unit, { allowZero: true, field: 'accepted' });
    const rejectedMilli = milliOf(item, input.rejected ?? '0', input.unit, {
      allowZero: true,
      field: 'rejected',
    });
    if (acceptedMilli + rejectedMilli !== transfer.quantity_milli)
      throw supplyError('quantities-do-not-add-up');
    for (const depotId of [transfer.to_depot_id, transfer.from_depot_id].sort())
      if (depotId === transfer.to_depot_id ? acceptedMilli > 0n : rejectedMilli > 0n)
        await lockBalance(tx, depotId, item.id);
    const { now } = await instantsAfterLock(tx, null);
    const leg = (kind: 'transfer-in' | 'transfer-return', depotId: string, milli: bigint) =>
      appendStockEvent(tx, {
        depotId,
        itemId: item.id,
        kind,
        deltaMilli: milli,
        occurredAt: now,
        source: null,
        reason: null,
        countedMilli: null,
        reversesEventId: null,
        transferId,
        recordedBy: viewer.personId,
        note: kind === 'transfer-return' ? (input.rejectionNote ?? null) : null,
      });
    const accepted =
      acceptedMilli > 0n ? await leg('transfer-in', transfer.to_depot_id, acceptedMilli) : null;
    const returned =
      rejectedMilli > 0n ? await leg('transfer-return', transfer.from_depot_id, rejectedMilli) : null;
    await markReceived(tx, transferId, {
      acceptedMilli,
      rejectedMilli,
      rejectionNote: input.rejectionNote ?? null,
      at: now,
      by: viewer.personId,
    });
    await appendLedgerEntry(
      tx,
      {
        chainId: council.id,
        kind: 'transfer.received',
        actorPersonId: viewer.personId,
        payload: {
          transferId,
          itemId: item.id,
          fromDepotId: transfer.from_depot_id,
          fromCouncilId: transfer.from_council_id,
          toDepotId: transfer.to_depot_id,
          quantityMilli: transfer.quantity_milli.toString(),
          acceptedMilli: acceptedMilli.toString(),
          acceptedEventId: accepted?.id ?? null,
          toBalanceMilli: accepted?.balanceMilli.toString() ?? null,
          rejectedMilli: rejectedMilli.toString(),
          returnEventId: returned?.id ?? null,
          fromBalanceMilli: returned?.balanceMilli.toString() ?? null,
          ...(input.rejectionNote ? { rejectionNote: input.rejectionNote } : {}),
        },
      },
      new Date(now),
    );
  });
}
