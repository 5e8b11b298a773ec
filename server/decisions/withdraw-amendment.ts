// The proposer of an amendment, or an officer of the body, withdraws it before its vote opens. FOR
// UPDATE on the amendment: opening its vote locks it too, so the two are ordered.
import { mayDecide } from '../../core/decisions/index.ts';
import { databaseInstant, findCouncil, loadViewerFacts } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { lockAmendment, setAmendmentStatus } from './amendments.store.ts';
import { decisionError } from './decisions-errors.ts';
import { findMotion } from './motions.store.ts';

export async function withdrawAmendment(db: Db, viewer: Viewer, amendmentId: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const amendment = await lockAmendment(tx, amendmentId);
    if (!amendment) throw decisionError('amendment-not-found');
    const motion = await findMotion(tx, amendment.motion_id);
    const council = motion && (await findCouncil(tx, motion.council_id));
    if (!council) throw decisionError('amendment-not-found');
    const isProposer = amendment.proposed_by === viewer.personId;
    if (!isProposer && !mayDecide('withdraw-motion', await loadViewerFacts(tx, viewer, council)))
      throw decisionError('not-permitted');
    if (amendment.status !== 'submitted' || amendment.poll_id !== null)
      throw decisionError('amendment-not-pending');
    const at = await databaseInstant(tx);
    await setAmendmentStatus(tx, amendment.id, 'withdrawn', at);
    await appendLedgerEntry(
      tx,
      {
        chainId: council.id,
        kind: 'amendment.withdrawn',
        actorPersonId: viewer.personId,
        payload: { amendmentId: amendment.id, motionId: amendment.motion_id },
      },
      new Date(at),
    );
  });
}
