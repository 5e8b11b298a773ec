// A member withdraws their pledge while the action is called or suspended. Withdrawing may take support
// away from conditional pledges of the same council: the council is resolved again from scratch and a
// conditional whose threshold is no longer met goes back to pending (and becomes active again if enough
// pledge later) — an active pledge is one whose condition holds now, never a promise that outlived it.
// Locks: as pledge-to-action.ts — the council's counter row FOR UPDATE, the pledge row FOR UPDATE, the
// council's ledger head, and last the action FOR SHARE to check it still runs.
import { resolvePledges, takesStatusReports } from '../../core/actions/index.ts';
import { retryOnDeadlock } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { actionsError } from './actions-errors.ts';
import { findCollectiveAction } from './collective-actions.store.ts';
import {
  applyResolution,
  councilPledges,
  findPledge,
  lockActionCouncil,
  markWithdrawn,
} from './pledges.store.ts';

export async function withdrawPledge(
  db: Db,
  viewer: Viewer,
  actionId: string,
): Promise<{ activeInCouncil: number; deactivated: number }> {
  return retryOnDeadlock(() =>
    db.transaction().execute(async (tx) => {
      const action = await findCollectiveAction(tx, actionId);
      if (!action) throw actionsError('action-not-found');
      // Pledges of an action that still runs (a suspended one may resume); a lifted action's are history.
      if (!takesStatusReports(action.status))
        throw actionsError('action-not-running', undefined, `the action is ${action.status}`);
      const seen = await findPledge(tx, actionId, viewer.personId);
      if (!seen || seen.status === 'withdrawn') throw actionsError('pledge-not-found');
      await lockActionCouncil(tx, actionId, seen.council_id);
      const pledge = await findPledge(tx, actionId, viewer.personId, true);
      if (!pledge || pledge.status === 'withdrawn' || pledge.council_id !== seen.council_id)
        throw actionsError('pledge-not-found');
      await markWithdrawn(tx, pledge.id);
      const all = await councilPledges(tx, actionId, pledge.council_id);
      const count = resolvePledges(all.unconditional, all.thresholds);
      const changed = await applyResolution(tx, actionId, pledge.council_id, count);
      await appendLedgerEntry(tx, {
        chainId: pledge.council_id,
        kind: 'collective-action.pledge-withdrawn',
        actorPersonId: null,
        payload: {
          actionId,
          pledgeId: pledge.id,
          activeInCouncil: count,
          activatedPledgeIds: changed.activated,
          deactivatedPledgeIds: changed.deactivated,
        },
      });
      const still = await findCollectiveAction(tx, actionId, 'share');
      if (!still || !takesStatusReports(still.status))
        throw actionsError('action-not-running', undefined, `the action is ${still?.status}`);
      return { activeInCouncil: count, deactivated: changed.deactivated.length };
    }),
  );
}
