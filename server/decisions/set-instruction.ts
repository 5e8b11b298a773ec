// An officer of a sending council records the council's position on a motion before its parent body —
// the instruction its delegates there vote under (for, against, abstain, free, split). A later decision
// replaces the earlier one, until the motion's vote opens: FOR SHARE on the motion here, FOR UPDATE when
// its vote opens (motion-poll-subject.ts), so every ballot sees the instruction that stood at opening.
// The ledger entry is on the sending council's chain: it is that council's decision.
import { type InstructionPosition, mayDecide } from '../../core/decisions/index.ts';
import { databaseInstant, federationError, findCouncil, loadViewerFacts } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { decisionError } from './decisions-errors.ts';
import { upsertInstruction } from './instructions.store.ts';
import { lockMotion } from './motions.store.ts';

const INSTRUCTABLE = ['submitted', 'admitted', 'debated'];

export async function setInstruction(
  db: Db,
  viewer: Viewer,
  motionId: string,
  sendingCouncilId: string,
  position: InstructionPosition,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const motion = await lockMotion(tx, motionId, 'share');
    if (!motion) throw decisionError('motion-not-found');
    const sending = await findCouncil(tx, sendingCouncilId);
    if (!sending) throw federationError('council-not-found');
    if (sending.parent_id !== motion.council_id)
      throw decisionError('instruction-council-invalid', 'councilId');
    if (!mayDecide('set-instruction', await loadViewerFacts(tx, viewer, sending)))
      throw decisionError('not-permitted');
    if (!INSTRUCTABLE.includes(motion.status)) throw decisionError('motion-transition-not-allowed', 'status');
    const at = await databaseInstant(tx);
    await upsertInstruction(tx, {
      sendingCouncilId: sending.id,
      motionId: motion.id,
      position,
      at,
      by: viewer.personId,
    });
    await appendLedgerEntry(
      tx,
      {
        chainId: sending.id,
        kind: 'instruction.set',
        actorPersonId: viewer.personId,
        payload: { motionId: motion.id, bodyCouncilId: motion.council_id, position },
      },
      new Date(at),
    );
  });
}
