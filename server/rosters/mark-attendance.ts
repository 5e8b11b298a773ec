// The shift's lead, or an officer of the council, marks a signed-up member as attended or a no-show
// once the shift has started; a later mark corrects an earlier one (each is in the ledger). Lock: the
// shift row FOR UPDATE, so a mark and a late cancellation of the same sign-up do not interleave.
import { databaseInstant } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { authorizeRoster } from './roster-access.ts';
import { rostersError } from './rosters-errors.ts';
import { liveSignUpOf, lockShift, markAttendance, type SignUpRow } from './shifts.store.ts';

export async function markShiftAttendance(
  db: Db,
  viewer: Viewer,
  shiftId: string,
  personId: string,
  attendance: 'attended' | 'no-show',
): Promise<SignUpRow> {
  return db.transaction().execute(async (tx) => {
    const shift = await lockShift(tx, shiftId);
    if (!shift) throw rostersError('shift-not-found', 'id');
    await authorizeRoster(tx, viewer, shift.council_id, 'mark-attendance', {
      field: 'id',
      leadPersonId: shift.lead_person_id,
    });
    if (shift.cancelled_at) throw rostersError('shift-cancelled', 'id');
    const now = Date.parse(await databaseInstant(tx));
    if (Date.parse(shift.starts_at) > now) throw rostersError('shift-not-started', 'id');
    const signUp = await liveSignUpOf(tx, shift.id, personId);
    if (!signUp) throw rostersError('not-signed-up', 'personId');
    await markAttendance(tx, signUp.id, attendance, viewer.personId);
    await appendLedgerEntry(tx, {
      chainId: shift.council_id,
      kind: 'shift.attendance-marked',
      actorPersonId: viewer.personId,
      payload: { shiftId: shift.id, signUpId: signUp.id, personId, attendance },
    });
    return { ...signUp, attendance };
  });
}
