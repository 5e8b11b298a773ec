// An officer of the council records a step of its follow-up of a violation: a warning to the seller, an
// inspection, its resolution, or a note. The step moves the status (a note leaves it); a resolved
// violation takes only notes. Each step is a violation_followups row and a ledger entry.
// Lock: the violation's row FOR UPDATE, so two officers acting at once are ordered and the second sees
// the status the first left (no step after a resolution).
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { authorizePrices } from './price-access.ts';
import {
  type FollowupAction,
  findViolation,
  insertFollowup,
  setViolationStatus,
  type ViolationStatus,
} from './price-violations.store.ts';
import { pricesError } from './prices-errors.ts';

export async function followUpViolation(
  db: Db,
  viewer: Viewer,
  violationId: string,
  input: { action: FollowupAction; note: string | null },
): Promise<{ followupId: string; status: ViolationStatus }> {
  return db.transaction().execute(async (tx) => {
    const violation = await findViolation(tx, violationId, true);
    if (!violation) throw pricesError('violation-not-found', 'id');
    if (input.action === 'note' && input.note === null) throw pricesError('note-required');
    await authorizePrices(tx, viewer, violation.council_id, 'follow-up-violation', 'id');
    if (violation.status === 'resolved' && input.action !== 'note')
      throw pricesError('violation-resolved', 'action');
    const status: ViolationStatus = input.action === 'note' ? violation.status : input.action;
    const followupId = await insertFollowup(tx, {
      violationId: violation.id,
      action: input.action,
      note: input.note,
      actedBy: viewer.personId,
    });
    if (status !== violation.status) await setViolationStatus(tx, violation.id, status);
    await appendLedgerEntry(tx, {
      chainId: violation.council_id,
      kind: 'price-violation.followed-up',
      actorPersonId: viewer.personId,
      payload: {
        violationId: violation.id,
        followupId,
        action: input.action,
        from: violation.status,
        status,
      },
    });
    return { followupId, status };
  });
}
