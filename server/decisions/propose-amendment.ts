// A member (or a delegate on the roll) proposes an amendment: lines lineFrom..lineTo of a version of the
// motion's text replaced by new lines (an insertion when lineTo = lineFrom - 1). Drafted on an older
// version, it is accepted only if it still applies to the current one (core applyAmendment); it is
// checked again when its vote opens. FOR SHARE on the motion: its text and status hold meanwhile (an
// adopted amendment's new version takes FOR UPDATE).
import { applyAmendment, nextMotionStatus } from '../../core/decisions/index.ts';
import { databaseInstant, findCouncil } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { insertAmendment } from './amendments.store.ts';
import { decisionError } from './decisions-errors.ts';
import { assertMotionVoice } from './motion-rights.ts';
import { lockMotion, versionOf } from './motions.store.ts';

export interface AmendmentInput {
  baseVersion: number;
  lineFrom: number;
  lineTo: number;
  replacementLines: string[];
}

export async function proposeAmendment(
  db: Db,
  viewer: Viewer,
  motionId: string,
  input: AmendmentInput,
): Promise<string> {
  return db.transaction().execute(async (tx) => {
    const motion = await lockMotion(tx, motionId, 'share');
    if (!motion) throw decisionError('motion-not-found');
    const council = await findCouncil(tx, motion.council_id);
    if (!council) throw decisionError('motion-not-found');
    const mandateId = await assertMotionVoice(tx, viewer, council);
    const allowed = nextMotionStatus(motion.status, 'amend');
    if (!allowed.ok) throw decisionError(allowed.error, allowed.field);
    const base = await versionOf(tx, motion.id, input.baseVersion);
    if (!base) throw decisionError('amendment-base-invalid', 'baseVersion');
    const applied = applyAmendment(
      { version: base.version, text: base.text },
      { version: motion.current_version, text: motion.text },
      input,
    );
    if (!applied.ok) throw decisionError(applied.error, applied.field);
    if (applied.value.length > 20_000) throw decisionError('amendment-base-invalid', 'replacementLines');
    const at = await databaseInstant(tx);
    const id = await insertAmendment(tx, { motionId: motion.id, ...input, proposedBy: viewer.personId, at });
    await appendLedgerEntry(
      tx,
      {
        chainId: council.id,
        kind: 'amendment.proposed',
        actorPersonId: viewer.personId,
        payload: { amendmentId: id, motionId: motion.id, ...input, mandateId },
      },
      new Date(at),
    );
    return id;
  });
}
