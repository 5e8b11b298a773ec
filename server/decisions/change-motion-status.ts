// The officer's acts on a motion that only move its status (admit-motion.ts, refer-motion.ts,
// withdraw-motion.ts): one transaction, FOR UPDATE on the motion (so the act and a concurrent vote
// opening, support or merge are ordered), the transition checked against the state table, the ledger head last.
import {
  type DecisionAction,
  type MotionAct,
  mayDecide,
  nextMotionStatus,
} from '../../core/decisions/index.ts';
import { databaseInstant, findCouncil, loadViewerFacts } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { decisionError } from './decisions-errors.ts';
import { hasOpenPoll, lockMotion, type MotionRow, setMotionStatus } from './motions.store.ts';

export async function changeMotionStatus(
  db: Db,
  viewer: Viewer,
  motionId: string,
  act: Extract<MotionAct, 'admit' | 'refer' | 'withdraw'>,
  permission: DecisionAction,
  mayAlso: (motion: MotionRow) => boolean = () => false,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const motion = await lockMotion(tx, motionId, 'update');
    if (!motion) throw decisionError('motion-not-found');
    const council = await findCouncil(tx, motion.council_id);
    if (!council) throw decisionError('motion-not-found');
    if (!mayDecide(permission, await loadViewerFacts(tx, viewer, council)) && !mayAlso(motion))
      throw decisionError('not-permitted');
    const next = nextMotionStatus(motion.status, act);
    if (!next.ok) throw decisionError(next.error, next.field);
    // An amendment's vote may be open while the motion is debated: it must close first.
    if (await hasOpenPoll(tx, motion.id)) throw decisionError('motion-in-vote');
    const at = await databaseInstant(tx);
    await setMotionStatus(tx, motion.id, next.value, at);
    await appendLedgerEntry(
      tx,
      {
        chainId: council.id,
        kind: `motion.${next.value}`,
        actorPersonId: viewer.personId,
        payload: { motionId: motion.id, from: motion.status, to: next.value },
      },
      new Date(at),
    );
  });
}
