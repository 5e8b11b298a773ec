// An officer cancels a shift (whoever may define it). Its sign-ups stay on record but no longer count
// for collisions or weekly hours. Lock: the shift row FOR UPDATE, as every sign-up takes it first, so a
// sign-up either commits before the cancellation or is refused as shift-cancelled.
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { authorizeRoster } from './roster-access.ts';
import { rostersError } from './rosters-errors.ts';
import { findShift, lockShift, markShiftCancelled, type ShiftRow } from './shifts.store.ts';

export async function cancelShift(
  db: Db,
  viewer: Viewer,
  shiftId: string,
  reason: string,
): Promise<ShiftRow> {
  return db.transaction().execute(async (tx) => {
    const shift = await lockShift(tx, shiftId);
    if (!shift) throw rostersError('shift-not-found', 'id');
    const tied = Boolean(shift.depot_id || shift.distribution_round_id);
    await authorizeRoster(tx, viewer, shift.council_id, tied ? 'define-distribution-shift' : 'define-shift', {
      field: 'id',
    });
    if (shift.cancelled_at) throw rostersError('shift-cancelled', 'id');
    await markShiftCancelled(tx, shift.id, viewer.personId, reason);
    await appendLedgerEntry(tx, {
      chainId: shift.council_id,
      kind: 'shift.cancelled',
      actorPersonId: viewer.personId,
      payload: { shiftId: shift.id, reason },
    });
    return (await findShift(tx, shift.id))!;
  });
}
