// An officer closes a round: no more pick-ups. What was not collected stays on the shelf (pick-ups are
// the only stock the round moved). Lock: the round FOR UPDATE (pick-ups hold FOR SHARE).
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { authorizeCouncil } from './depot-access.ts';
import { closeRound, findRound } from './distribution-rounds.store.ts';
import { supplyError } from './supply-errors.ts';

export async function closeDistributionRound(db: Db, viewer: Viewer, roundId: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const round = await findRound(tx, roundId, 'update');
    if (!round) throw supplyError('round-not-found', 'id');
    await authorizeCouncil(tx, viewer, round.council_id, 'run-round', 'id');
    if (round.status !== 'open') throw supplyError('round-closed', 'id');
    await closeRound(tx, round.id, viewer.personId);
    await appendLedgerEntry(tx, {
      chainId: round.council_id,
      kind: 'distribution-round.closed',
      actorPersonId: viewer.personId,
      payload: {
        roundId: round.id,
        households: round.households,
        pickedUp: round.picked_up,
        pickedUpMilli: round.picked_up_milli,
        allocatedMilli: round.allocated_milli,
      },
    });
  });
}
