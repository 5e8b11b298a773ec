// An officer of a council asks its parent body for an item, to be delivered to one of its depots. The
// council's stock of the item on all its shelves and what left them in the last 30 days are attached as
// computed from its own stock ledger — evidence the body above reads, not a figure anyone types.
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { authorizeCouncil } from './depot-access.ts';
import { findDepot } from './depots.store.ts';
import { quantityOf } from './item-quantity.ts';
import { councilStockEvidence, insertRequisition } from './requisitions.store.ts';
import { supplyError } from './supply-errors.ts';

export interface RequisitionInput {
  itemId: string;
  quantity: string;
  unit?: string | undefined;
  toDepotId: string;
  note?: string | null | undefined;
}

export async function submitRequisition(
  db: Db,
  viewer: Viewer,
  councilId: string,
  input: RequisitionInput,
): Promise<string> {
  return db.transaction().execute(async (tx) => {
    const { council } = await authorizeCouncil(tx, viewer, councilId, 'request-supply');
    if (!council.parent_id) throw supplyError('no-parent-body');
    const depot = await findDepot(tx, input.toDepotId);
    if (!depot || depot.council_id !== council.id) throw supplyError('depot-not-found', 'toDepotId');
    const { item, milli } = await quantityOf(tx, input.itemId, input.quantity, input.unit);
    const evidence = await councilStockEvidence(tx, council.id, item.id);
    const id = await insertRequisition(tx, {
      councilId: council.id,
      parentId: council.parent_id,
      itemId: item.id,
      toDepotId: depot.id,
      requestedMilli: milli,
      stockMilli: evidence.stockMilli,
      consumptionMilli: evidence.consumptionMilli,
      note: input.note ?? null,
      by: viewer.personId,
    });
    await appendLedgerEntry(tx, {
      chainId: council.id,
      kind: 'requisition.submitted',
      actorPersonId: viewer.personId,
      payload: {
        requisitionId: id,
        parentId: council.parent_id,
        itemId: item.id,
        toDepotId: depot.id,
        requestedMilli: milli.toString(),
        stockMilli: evidence.stockMilli.toString(),
        consumption30dMilli: evidence.consumptionMilli.toString(),
      },
    });
    return id;
  });
}
