// A member cancels their own sign-up, until the council's cancellation window before the start (then
// they tell the shift lead, who can mark a no-show or not). Lock: the shift row FOR UPDATE, the same
// lock a sign-up takes first, so a freed place is counted by the next sign-up exactly once.
import { checkCancellation } from '../../core/rosters/fairness.ts';
import { databaseInstant } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { loadRosterSettings } from './roster-settings.store.ts';
import { rostersError } from './rosters-errors.ts';
import { liveSignUpOf, lockShift, markSignUpCancelled } from './shifts.store.ts';
import { intervalOf } from './sign-up-for-shift.ts';

export async function cancelSignUp(db: Db, viewer: Viewer, shiftId: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const shift = await lockShift(tx, shiftId);
    if (!shift) throw rostersError('shift-not-found', 'id');
    const signUp = await liveSignUpOf(tx, shift.id, viewer.personId);
    if (!signUp) throw rostersError('not-signed-up', 'id');
    if (!shift.cancelled_at) {
      const now = Date.parse(await databaseInstant(tx));
      const check = checkCancellation(now, intervalOf(shift), await loadRosterSettings(tx, shift.council_id));
      if (!check.ok) throw rostersError(check.error, 'id');
    }
    await markSignUpCancelled(tx, signUp.id);
    await appendLedgerEntry(tx, {
      chainId: shift.council_id,
      kind: 'shift.sign-up-cancelled',
      actorPersonId: viewer.personId,
      payload: { shiftId: shift.id, signUpId: signUp.id, personId: viewer.personId },
    });
  });
}
