// The leading officers of the body execute a draft plan: every line becomes a transfer from the body's
// depot to the requesting council's depot (send-transfer.ts, the sending leg only — each receiving
// council confirms its own receipt), and the requisitions become planned, all in one transaction. If a
// depot no longer holds what the plan counted on, the stock ledger refuses the transfer and nothing is
// sent: plan again. Locks: the plan FOR UPDATE; the depots' balance rows in depot order (lines are
// sorted so), then the ledger head.

import { formatMilli } from '../../core/supply/stock-ledger.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { authorizeCouncil } from './depot-access.ts';
import { findItem } from './items.store.ts';
import { findPlan, markExecuted, planLines } from './requisitions.store.ts';
import { sendTransferIn } from './send-transfer.ts';
import { supplyError } from './supply-errors.ts';

export async function executeShipmentPlan(db: Db, viewer: Viewer, planId: string): Promise<string[]> {
  return db.transaction().execute(async (tx) => {
    const plan = await findPlan(tx, planId, true);
    if (!plan) throw supplyError('plan-not-found', 'id');
    await authorizeCouncil(tx, viewer, plan.council_id, 'plan-shipments', 'id');
    if (plan.status !== 'draft') throw supplyError('plan-not-draft', 'id');
    const item = await findItem(tx, plan.item_id);
    if (!item) throw supplyError('item-not-found');
    const lines = await planLines(tx, plan.id);
    const sent: Array<{ requisitionId: string; fromDepotId: string; transferId: string }> = [];
    for (const line of lines) {
      const transferId = await sendTransferIn(tx, viewer, {
        fromDepotId: line.from_depot_id,
        toDepotId: line.to_depot_id,
        itemId: item.id,
        quantity: formatMilli(BigInt(line.quantity_milli)),
        note: `shipment plan ${plan.id}`,
      });
      sent.push({ requisitionId: line.requisition_id, fromDepotId: line.from_depot_id, transferId });
    }
    await markExecuted(tx, plan.id, viewer.personId, sent);
    await appendLedgerEntry(tx, {
      chainId: plan.council_id,
      kind: 'shipment-plan.executed',
      actorPersonId: viewer.personId,
      payload: { planId: plan.id, transfers: sent.map((s) => s.transferId) },
    });
    return sent.map((s) => s.transferId);
  });
}
