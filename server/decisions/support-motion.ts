// A member (or a delegate on the roll) supports a motion before their council. One support per person:
// the primary key of motion_supporters, so concurrent duplicates leave one row and answer
// `already-supporting`. FOR SHARE on the motion keeps it open meanwhile (withdrawing, referring or
// opening its vote take FOR UPDATE); supporters do not wait on each other except at the ledger head.

import { nextMotionStatus } from '../../core/decisions/index.ts';
import { databaseInstant, findCouncil } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { decisionError } from './decisions-errors.ts';
import { assertMotionVoice } from './motion-rights.ts';
import { insertSupporter, lockMotion } from './motions.store.ts';

export async function supportMotion(db: Db, viewer: Viewer, motionId: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const motion = await lockMotion(tx, motionId, 'share');
    if (!motion) throw decisionError('motion-not-found');
    const council = await findCouncil(tx, motion.council_id);
    if (!council) throw decisionError('motion-not-found');
    const mandateId = await assertMotionVoice(tx, viewer, council);
    const allowed = nextMotionStatus(motion.status, 'support');
    if (!allowed.ok) throw decisionError(allowed.error, allowed.field);
    const at = await databaseInstant(tx);
    if (!(await insertSupporter(tx, motion.id, viewer.personId, at)))
      throw decisionError('already-supporting');
    await appendLedgerEntry(
      tx,
      {
        chainId: council.id,
        kind: 'motion.supported',
        actorPersonId: viewer.personId,
        payload: { motionId: motion.id, mandateId },
      },
      new Date(at),
    );
  });
}
