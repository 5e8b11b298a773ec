// A leading officer of the endorsing council withdraws its endorsement of a demand. The row stays, with
// the instant and who withdrew it, so the demand's page keeps the history of who stood behind it; the
// council may endorse it again later (a new row). Recorded in the endorsing council's ledger.
// Lock: none taken here; the withdrawal is one UPDATE of the endorsement in force, so of two at once
// one ends it and the other finds none (demand-endorsement-not-found).
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { actionsError } from './actions-errors.ts';
import { authorizeDemands } from './demand-access.ts';
import { type EndorsementRow, findDemand, withdrawEndorsement } from './demands.store.ts';

export async function withdrawDemandEndorsement(
  db: Db,
  viewer: Viewer,
  demandId: string,
  councilId: string,
): Promise<EndorsementRow> {
  return db.transaction().execute(async (tx) => {
    const demand = await findDemand(tx, demandId);
    if (!demand) throw actionsError('demand-not-found');
    const council = await authorizeDemands(tx, viewer, councilId, 'endorse-demand', 'councilId');
    const withdrawn = await withdrawEndorsement(tx, demand.id, council.id, viewer.personId);
    if (!withdrawn) throw actionsError('demand-endorsement-not-found');
    await appendLedgerEntry(tx, {
      chainId: council.id,
      kind: 'demand.endorsement-withdrawn',
      actorPersonId: viewer.personId,
      payload: { demandId: demand.id, demandCouncilId: demand.council_id, endorsementId: withdrawn.id },
    });
    return withdrawn;
  });
}
