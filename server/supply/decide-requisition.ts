// The leading officers of the body asked approve a requisition — all of it or less — or reject it.
// Lock: the requisition FOR UPDATE, so two officers deciding at once decide once.
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { authorizeCouncil } from './depot-access.ts';
import { milliOf } from './item-quantity.ts';
import { findItem } from './items.store.ts';
import { findRequisition, decideRequisition as writeDecision } from './requisitions.store.ts';
import { supplyError } from './supply-errors.ts';

export type RequisitionDecision =
  | {
      decision: 'approve';
      quantity?: string | undefined;
      unit?: string | undefined;
      note?: string | null | undefined;
    }
  | { decision: 'reject'; note?: string | null | undefined };

export async function decideRequisition(
  db: Db,
  viewer: Viewer,
  requisitionId: string,
  input: RequisitionDecision,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const requisition = await findRequisition(tx, requisitionId, true);
    if (!requisition) throw supplyError('requisition-not-found', 'id');
    await authorizeCouncil(tx, viewer, requisition.parent_id, 'decide-requisition', 'id');
    if (requisition.status !== 'submitted') throw supplyError('requisition-decided', 'id');
    let approvedMilli: bigint | null = null;
    if (input.decision === 'approve') {
      const item = await findItem(tx, requisition.item_id);
      if (!item) throw supplyError('item-not-found');
      approvedMilli =
        input.quantity === undefined
          ? BigInt(requisition.requested_milli)
          : milliOf(item, input.quantity, input.unit);
      if (approvedMilli > BigInt(requisition.requested_milli))
        throw supplyError('more-than-requested', 'quantity');
    }
    await writeDecision(tx, requisition.id, { approvedMilli, note: input.note ?? null, by: viewer.personId });
    await appendLedgerEntry(tx, {
      chainId: requisition.parent_id,
      kind: approvedMilli === null ? 'requisition.rejected' : 'requisition.approved',
      actorPersonId: viewer.personId,
      payload: {
        requisitionId: requisition.id,
        councilId: requisition.council_id,
        itemId: requisition.item_id,
        requestedMilli: requisition.requested_milli,
        approvedMilli: approvedMilli?.toString() ?? null,
      },
    });
  });
}
