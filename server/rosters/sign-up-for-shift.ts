// A member signs up for a shift of their council.
//
// Concurrency invariants, enforced here:
// - Places: the shift row is locked FOR UPDATE before its live sign-ups are counted, so of two sign-ups
//   for the last place the second waits, counts the first, and is refused as shift-full.
// - Collisions and the weekly hours cap: after the shift lock, a transaction-scoped advisory lock on the
//   person (`lockPersonRoster`, one key per person across all councils) serialises that person's
//   sign-ups, so two overlapping sign-ups at once see each other (at most one wins) and concurrent
//   sign-ups cannot together pass the weekly cap. The partial unique index shift_sign_ups_one_live backs
//   "one live sign-up per person and shift".
// - Lock order is always shift, then person, then the council's ledger head (appendLedgerEntry);
//   cancel-sign-up, cancel-shift and mark-attendance take only the shift, and a transaction locks one
//   shift, so these locks cannot deadlock. Each check is a new statement after the locks, so under
//   READ COMMITTED it sees what the previous holder committed.
// - The clock is read from the database after the locks: the horizon and "has it started" are judged at
//   that instant, not at the request's arrival.
import { checkSignUpWindow, checkWeeklyHours } from '../../core/rosters/fairness.ts';
import { type Interval, overlaps } from '../../core/rosters/shift-hours.ts';
import { databaseInstant } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { authorizeRoster } from './roster-access.ts';
import { loadRosterSettings } from './roster-settings.store.ts';
import { isUniqueViolation, rostersError } from './rosters-errors.ts';
import {
  busyShifts,
  countLiveSignUps,
  insertSignUp,
  liveSignUpOf,
  lockPersonRoster,
  lockShift,
  type SignUpRow,
} from './shifts.store.ts';
import { hasTraining } from './trainings.store.ts';

const WEEK_MARGIN_MS = 8 * 86_400_000;

export const intervalOf = (s: { starts_at: string; ends_at: string }): Interval => ({
  startsAt: Date.parse(s.starts_at),
  endsAt: Date.parse(s.ends_at),
});

export async function signUpForShift(db: Db, viewer: Viewer, shiftId: string): Promise<SignUpRow> {
  try {
    return await db.transaction().execute(async (tx) => {
      const shift = await lockShift(tx, shiftId);
      if (!shift) throw rostersError('shift-not-found', 'id');
      await authorizeRoster(tx, viewer, shift.council_id, 'sign-up', { field: 'id' });
      if (shift.cancelled_at) throw rostersError('shift-cancelled', 'id');
      const settings = await loadRosterSettings(tx, shift.council_id);
      const interval = intervalOf(shift);
      if (
        shift.required_training &&
        !(await hasTraining(tx, shift.council_id, viewer.personId, shift.required_training))
      )
        throw rostersError('training-required', 'id', shift.required_training);
      await lockPersonRoster(tx, viewer.personId);
      const now = Date.parse(await databaseInstant(tx));
      const window = checkSignUpWindow(now, interval, settings);
      if (!window.ok) throw rostersError(window.error, 'id', window.detail);
      if (await liveSignUpOf(tx, shift.id, viewer.personId)) throw rostersError('already-signed-up', 'id');
      if ((await countLiveSignUps(tx, shift.id)) >= shift.needed) throw rostersError('shift-full', 'id');
      // Shifts anywhere that could overlap it or share its ISO week (a week is at most 7 local days).
      const busy = await busyShifts(
        tx,
        viewer.personId,
        new Date(interval.startsAt - WEEK_MARGIN_MS).toISOString(),
        new Date(interval.endsAt + WEEK_MARGIN_MS).toISOString(),
      );
      const collision = busy.find((b) => overlaps(intervalOf(b), interval));
      if (collision)
        throw rostersError(
          'overlapping-shift',
          'id',
          `${collision.role} at ${collision.place}, ${collision.starts_at} to ${collision.ends_at}`,
        );
      const sameCouncil = busy.filter((b) => b.council_id === shift.council_id).map(intervalOf);
      const weekly = checkWeeklyHours(interval, sameCouncil, settings);
      if (!weekly.ok) throw rostersError(weekly.error, 'id', weekly.detail);
      const signUp = await insertSignUp(tx, shift, viewer.personId);
      await appendLedgerEntry(tx, {
        chainId: shift.council_id,
        kind: 'shift.signed-up',
        actorPersonId: viewer.personId,
        payload: { shiftId: shift.id, signUpId: signUp.id, personId: viewer.personId },
      });
      return signUp;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw rostersError('already-signed-up', 'id');
    throw error;
  }
}
