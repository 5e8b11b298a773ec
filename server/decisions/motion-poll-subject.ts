// What a poll on a motion or an amendment needs at opening (open-poll.ts): the motion before this body,
// open to a vote — its own (admitted or debated → voted) or one of its amendments' (the motion becomes
// debated; the amendment must still be pending and still apply to the current text). A yes-no motion poll.
// Locks: the motion FOR UPDATE, then the amendment FOR UPDATE (the order closing uses), so one poll per
// motion opens at a time (also the partial unique index polls_one_open_per_motion), instructions stop
// changing (set-instruction.ts holds FOR SHARE), and an amendment is not withdrawn while its vote opens.
import { applyAmendment, nextMotionStatus } from '../../core/decisions/index.ts';
import type { CouncilRow } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import { attachAmendmentPoll, findAmendment, lockAmendment } from './amendments.store.ts';
import { decisionError } from './decisions-errors.ts';
import { hasOpenPoll, lockMotion, setMotionStatus, versionOf } from './motions.store.ts';

export interface MotionPollRequest {
  kind: string;
  method: string;
  delegatesTermEndsAt?: string | null | undefined;
  motionId?: string | null | undefined;
  amendmentId?: string | null | undefined;
}

export interface MotionPollSubject {
  motionId: string;
  amendmentId: string | null;
  /** Links the amendment to its poll once the poll row exists. */
  opened(tx: Db, pollId: string): Promise<void>;
}

export async function bindPollToMotion(
  tx: Db,
  council: CouncilRow,
  input: MotionPollRequest,
  at: () => Promise<string>,
): Promise<MotionPollSubject | null> {
  if (!input.motionId && !input.amendmentId) return null;
  if (input.kind !== 'motion') throw decisionError('poll-shape-invalid', 'kind');
  if (input.method !== 'yes-no') throw decisionError('poll-shape-invalid', 'method');
  if (input.delegatesTermEndsAt) throw decisionError('poll-shape-invalid', 'delegatesTermEndsAt');
  let motionId = input.motionId ?? null;
  if (input.amendmentId) {
    const found = await findAmendment(tx, input.amendmentId);
    if (!found) throw decisionError('amendment-not-found', 'amendmentId');
    if (motionId && motionId !== found.motion_id) throw decisionError('poll-shape-invalid', 'motionId');
    motionId = found.motion_id;
  }
  if (!motionId) return null;
  const motion = await lockMotion(tx, motionId, 'update');
  if (!motion || motion.council_id !== council.id) throw decisionError('motion-not-found', 'motionId');
  if (await hasOpenPoll(tx, motion.id)) throw decisionError('motion-in-vote');
  const next = nextMotionStatus(motion.status, input.amendmentId ? 'debate' : 'open-vote');
  if (!next.ok) throw decisionError(next.error, next.field);
  const amendmentId = input.amendmentId ?? null;
  if (amendmentId) {
    const amendment = await lockAmendment(tx, amendmentId);
    if (amendment?.status !== 'submitted' || amendment.poll_id !== null)
      throw decisionError('amendment-not-pending', 'amendmentId');
    const base = await versionOf(tx, motion.id, amendment.base_version);
    if (!base) throw decisionError('amendment-base-invalid', 'amendmentId');
    const applied = applyAmendment(
      base,
      { version: motion.current_version, text: motion.text },
      {
        baseVersion: amendment.base_version,
        lineFrom: amendment.line_from,
        lineTo: amendment.line_to,
        replacementLines: amendment.replacement_lines,
      },
    );
    if (!applied.ok) throw decisionError(applied.error, 'amendmentId');
  }
  if (next.value !== motion.status) await setMotionStatus(tx, motion.id, next.value, await at());
  return {
    motionId: motion.id,
    amendmentId,
    async opened(t, pollId) {
      if (amendmentId) await attachAmendmentPoll(t, amendmentId, pollId);
    },
  };
}
