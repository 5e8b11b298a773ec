// A leading officer of another council endorses a demand on that council's behalf; the endorsement is
// that council's act, so it goes into the endorsing council's ledger, not the demand's council's.
// Only demands on the list (adopted) are endorsed, and a council does not endorse its own.
// Lock: none taken here. Two officers of the same council endorsing at once: the partial unique index
// demand_endorsements_in_force lets one insert through and the other gets demand-already-endorsed
// (insert … on conflict do nothing, in demands.store.ts). A listed demand stays listed, so the check
// of its status cannot go stale.
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { actionsError } from './actions-errors.ts';
import { authorizeDemands } from './demand-access.ts';
import { type EndorsementRow, findDemand, insertEndorsement } from './demands.store.ts';

export async function endorseDemand(
  db: Db,
  viewer: Viewer,
  demandId: string,
  councilId: string,
): Promise<EndorsementRow> {
  return db.transaction().execute(async (tx) => {
    const demand = await findDemand(tx, demandId);
    if (!demand) throw actionsError('demand-not-found');
    const council = await authorizeDemands(tx, viewer, councilId, 'endorse-demand', 'councilId');
    if (council.id === demand.council_id) throw actionsError('demand-own-council');
    if (demand.status === 'proposed' || demand.status === 'rejected') throw actionsError('demand-not-listed');
    const endorsement = await insertEndorsement(tx, demand.id, council.id, viewer.personId);
    if (!endorsement) throw actionsError('demand-already-endorsed');
    await appendLedgerEntry(tx, {
      chainId: council.id,
      kind: 'demand.endorsed',
      actorPersonId: viewer.personId,
      payload: {
        demandId: demand.id,
        demandCouncilId: demand.council_id,
        number: demand.number,
        endorsementId: endorsement.id,
      },
    });
    return endorsement;
  });
}
