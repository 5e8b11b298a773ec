// A member of a base council in the scope pledges to take part in a called action — unconditionally, or
// "if at least N of my council do, me included". A second pledge by the same person replaces the first
// (its threshold; a withdrawn pledge is pledged again): one row per person per action (unique index),
// and the request can be retried safely.
// Conditional pledges resolve in the same transaction as the pledge that crosses their threshold, and
// never before (core/actions/conditional-pledges.ts). Locks, in this order:
//  1. the council's counter row in action_councils FOR UPDATE: the council's pledges are serialised, and
//     each resolution reads and writes a stable set (instants of resolution are read after it);
//  2. the council's ledger head (appendLedgerEntry);
//  3. last, the action row FOR SHARE, checking again that it is called: a suspension or lifting takes it
//     FOR NO KEY UPDATE at its vote's closing, so a pledge either commits before the change or sees it
//     and is refused (rolled back). Last, because the closing holds the calling body's ledger head when
//     it takes the action: a pledge in that same council holding the action while waiting for the
//     head would deadlock with it. (The status is also read without a lock at the start, to refuse
//     early.) Councils never wait for each other, except on that one share lock at a change of status.
// Ledger: one entry in the pledger's council chain, naming the pledge and the pledges it activated by
// id, with no actor — ledger readers see actors' names, and who pledged is for the council's officers.
import { resolvePledges, takesPledges } from '../../core/actions/index.ts';
import { retryOnDeadlock } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { authorizeCollectiveAction } from './action-access.ts';
import { actionsError } from './actions-errors.ts';
import { findCollectiveAction } from './collective-actions.store.ts';
import {
  applyResolution,
  councilPledges,
  findPledge,
  lockActionCouncil,
  type PledgeRow,
  pendingThresholds,
  scopeMemberships,
  upsertPledge,
} from './pledges.store.ts';

export interface PledgeOutcome {
  pledge: PledgeRow;
  activeInCouncil: number;
  pendingInCouncil: number;
  /** Conditional pledges of the council (the pledger's own included) that this act made active. */
  activated: number;
}

export async function pledgeToAction(
  db: Db,
  viewer: Viewer,
  actionId: string,
  input: { councilId: string | null; threshold: number | null },
): Promise<PledgeOutcome> {
  return retryOnDeadlock(() =>
    db.transaction().execute(async (tx) => {
      const action = await findCollectiveAction(tx, actionId);
      if (!action) throw actionsError('action-not-found');
      if (!takesPledges(action.status))
        throw actionsError('action-not-called', undefined, `the action is ${action.status}`);
      const councilId = await pledgeCouncil(tx, viewer, actionId, input.councilId);
      await authorizeCollectiveAction(tx, viewer, councilId, 'pledge', 'councilId');
      const counter = await lockActionCouncil(tx, actionId, councilId);
      if (!counter) throw actionsError('council-not-in-scope');
      const before = await findPledge(tx, actionId, viewer.personId, true);
      const isLive = before !== undefined && before.status !== 'withdrawn';
      if (isLive && before.council_id !== councilId)
        throw actionsError(
          'council-not-in-scope',
          'councilId',
          'the person pledged in another council: withdraw first',
        );
      if (isLive && before.threshold === input.threshold)
        return {
          pledge: before,
          activeInCouncil: counter.active_pledges,
          pendingInCouncil: counter.pending_pledges,
          activated: 0,
        };
      const pledge = await upsertPledge(tx, {
        actionId,
        personId: viewer.personId,
        councilId,
        threshold: input.threshold,
      });
      // A new pledge only adds: resolve from the active count and the pending thresholds. A changed
      // threshold may remove support (a raised one): resolve the whole council again.
      let count: number;
      if (isLive) {
        const all = await councilPledges(tx, actionId, councilId);
        count = resolvePledges(all.unconditional, all.thresholds);
      } else {
        const fixed = counter.active_pledges + (pledge.status === 'active' ? 1 : 0);
        count = resolvePledges(fixed, await pendingThresholds(tx, actionId, councilId));
      }
      const changed = await applyResolution(tx, actionId, councilId, count, pledge.id);
      const after = (await findPledge(tx, actionId, viewer.personId))!;
      const pendingInCouncil = await pendingCount(tx, actionId, councilId);
      await appendLedgerEntry(tx, {
        chainId: councilId,
        kind: isLive ? 'collective-action.pledge-changed' : 'collective-action.pledged',
        actorPersonId: null,
        payload: {
          actionId,
          pledgeId: pledge.id,
          threshold: pledge.threshold,
          activeInCouncil: count,
          activatedPledgeIds: changed.activated,
          deactivatedPledgeIds: changed.deactivated,
        },
      });
      await assertStillCalled(tx, actionId);
      return { pledge: after, activeInCouncil: count, pendingInCouncil, activated: changed.activated.length };
    }),
  );
}

/** The last lock of a pledge act (see the file comment): refuses if a change of status got in first. */
export async function assertStillCalled(tx: Db, actionId: string): Promise<void> {
  const action = await findCollectiveAction(tx, actionId, 'share');
  if (!action || !takesPledges(action.status))
    throw actionsError('action-not-called', undefined, `the action is ${action?.status}`);
}

/** The council named, or the person's only council in scope. */
async function pledgeCouncil(
  tx: Db,
  viewer: Viewer,
  actionId: string,
  named: string | null,
): Promise<string> {
  if (named !== null) return named;
  const councils = await scopeMemberships(tx, actionId, viewer.personId);
  if (councils.length === 0) throw actionsError('not-a-member');
  if (councils.length > 1) throw actionsError('pledge-council-ambiguous');
  return councils[0]!;
}

async function pendingCount(tx: Db, actionId: string, councilId: string): Promise<number> {
  return (await lockActionCouncil(tx, actionId, councilId))?.pending_pledges ?? 0;
}
