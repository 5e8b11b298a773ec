// The only file of shifts that runs SQL: shifts, sign-ups and attendance, the locks that keep places
// and collisions exact, the roster of a council and a person's shifts. Instants travel as ISO text
// (isoUs), never as driver-dependent Date objects.
import { sql } from 'kysely';
import { type Db, isoUs } from '../platform/database.ts';

export interface ShiftRow {
  id: string;
  council_id: string;
  place: string;
  role: string;
  starts_at: string;
  ends_at: string;
  needed: number;
  required_training: string | null;
  depot_id: string | null;
  distribution_round_id: string | null;
  lead_person_id: string | null;
  lead_name: string | null;
  template_slot_id: string | null;
  cancelled_at: string | null;
  cancellation_reason: string | null;
  created_at: string;
}

const shiftColumns = sql`s.id, s.council_id, s.place, s.role, ${isoUs(sql`s.starts_at`)} as starts_at,
  ${isoUs(sql`s.ends_at`)} as ends_at, s.needed, s.required_training, s.depot_id, s.distribution_round_id,
  s.lead_person_id, (select p.full_name from persons p where p.id = s.lead_person_id) as lead_name,
  s.template_slot_id, ${isoUs(sql`s.cancelled_at`)} as cancelled_at, s.cancellation_reason,
  ${isoUs(sql`s.created_at`)} as created_at`;

export async function findShift(db: Db, id: string): Promise<ShiftRow | undefined> {
  return (await sql<ShiftRow>`select ${shiftColumns} from shifts s where s.id = ${id}`.execute(db)).rows[0];
}

/** Row lock on the shift: serialises every act that counts or changes its places (see sign-up-for-shift.ts). */
export async function lockShift(tx: Db, id: string): Promise<ShiftRow | undefined> {
  return (
    await sql<ShiftRow>`select ${shiftColumns} from shifts s where s.id = ${id} for update of s`.execute(tx)
  ).rows[0];
}

/**
 * Transaction-scoped advisory lock on one person's rosters (all councils): every sign-up of the person
 * takes it after its shift lock, so collision and weekly-hours checks see each other's writes.
 */
export async function lockPersonRoster(tx: Db, personId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`rosters:person:${personId}`}, 0))`.execute(tx);
}

export interface NewShift {
  councilId: string;
  place: string;
  role: string;
  startsAt: string;
  endsAt: string;
  needed: number;
  requiredTraining: string | null;
  depotId: string | null;
  distributionRoundId: string | null;
  leadPersonId: string | null;
  templateSlotId: string | null;
}

/** Inserts a shift; a template's slot already expanded at that instant inserts nothing (undefined). */
export async function insertShift(tx: Db, s: NewShift, by: string): Promise<ShiftRow | undefined> {
  const { rows } = await sql<{ id: string }>`
    insert into shifts (council_id, place, role, starts_at, ends_at, needed, required_training, depot_id,
                        distribution_round_id, lead_person_id, template_slot_id, created_by)
    values (${s.councilId}, ${s.place}, ${s.role}, ${s.startsAt}, ${s.endsAt}, ${s.needed}, ${s.requiredTraining},
            ${s.depotId}, ${s.distributionRoundId}, ${s.leadPersonId}, ${s.templateSlotId}, ${by})
    on conflict (template_slot_id, starts_at) where template_slot_id is not null do nothing
    returning id`.execute(tx);
  return rows[0] ? findShift(tx, rows[0].id) : undefined;
}

export async function markShiftCancelled(tx: Db, id: string, by: string, reason: string): Promise<void> {
  await sql`update shifts set cancelled_at = now(), cancelled_by = ${by}, cancellation_reason = ${reason}
             where id = ${id}`.execute(tx);
}

export interface SignUpRow {
  id: string;
  shift_id: string;
  person_id: string;
  full_name: string;
  signed_up_at: string;
  attendance: 'attended' | 'no-show' | null;
}

const signUpColumns = sql`u.id, u.shift_id, u.person_id, p.full_name, ${isoUs(sql`u.signed_up_at`)} as signed_up_at,
  u.attendance`;

export async function liveSignUps(db: Db, shiftId: string): Promise<SignUpRow[]> {
  const { rows } = await sql<SignUpRow>`
    select ${signUpColumns} from shift_sign_ups u join persons p on p.id = u.person_id
     where u.shift_id = ${shiftId} and u.cancelled_at is null
     order by u.signed_up_at, u.id`.execute(db);
  return rows;
}

export async function liveSignUpOf(
  db: Db,
  shiftId: string,
  personId: string,
): Promise<SignUpRow | undefined> {
  return (
    await sql<SignUpRow>`
      select ${signUpColumns} from shift_sign_ups u join persons p on p.id = u.person_id
       where u.shift_id = ${shiftId} and u.person_id = ${personId} and u.cancelled_at is null`.execute(db)
  ).rows[0];
}

export async function countLiveSignUps(db: Db, shiftId: string): Promise<number> {
  return (
    await sql<{ n: number }>`
      select count(*)::int as n from shift_sign_ups where shift_id = ${shiftId} and cancelled_at is null`.execute(
      db,
    )
  ).rows[0]!.n;
}

export interface BusyRow {
  shift_id: string;
  council_id: string;
  role: string;
  place: string;
  starts_at: string;
  ends_at: string;
}

/**
 * The person's live sign-ups on shifts not cancelled that end after `from` and start before `to`, in
 * every council (a person is in one place at a time).
 */
export async function busyShifts(db: Db, personId: string, from: string, to: string): Promise<BusyRow[]> {
  const { rows } = await sql<BusyRow>`
    select s.id as shift_id, s.council_id, s.role, s.place, ${isoUs(sql`s.starts_at`)} as starts_at,
           ${isoUs(sql`s.ends_at`)} as ends_at
      from shift_sign_ups u join shifts s on s.id = u.shift_id
     where u.person_id = ${personId} and u.cancelled_at is null and s.cancelled_at is null
       and s.ends_at > ${from} and s.starts_at < ${to}
     order by s.starts_at`.execute(db);
  return rows;
}

export async function insertSignUp(tx: Db, shift: ShiftRow, personId: string): Promise<SignUpRow> {
  await sql`insert into shift_sign_ups (shift_id, council_id, person_id)
            values (${shift.id}, ${shift.council_id}, ${personId})`.execute(tx);
  return (await liveSignUpOf(tx, shift.id, personId))!;
}

export async function markSignUpCancelled(tx: Db, signUpId: string): Promise<void> {
  await sql`update shift_sign_ups set cancelled_at = now() where id = ${signUpId}`.execute(tx);
}

export async function markAttendance(
  tx: Db,
  signUpId: string,
  attendance: 'attended' | 'no-show',
  by: string,
): Promise<void> {
  await sql`update shift_sign_ups set attendance = ${attendance}, attendance_marked_at = now(),
                   attendance_marked_by = ${by}
             where id = ${signUpId}`.execute(tx);
}

export interface RosterShiftRow extends ShiftRow {
  signed_up: number;
  mine: boolean;
}

/** The council's shifts starting in [from, to), with their live sign-up counts and whether `viewerId` is in. */
export async function rosterOf(
  db: Db,
  councilId: string,
  from: string,
  to: string,
  viewerId: string,
): Promise<RosterShiftRow[]> {
  const { rows } = await sql<RosterShiftRow>`
    select ${shiftColumns},
           (select count(*)::int from shift_sign_ups u where u.shift_id = s.id and u.cancelled_at is null) as signed_up,
           exists(select 1 from shift_sign_ups u where u.shift_id = s.id and u.cancelled_at is null
                     and u.person_id = ${viewerId}) as mine
      from shifts s
     where s.council_id = ${councilId} and s.starts_at >= ${from} and s.starts_at < ${to}
     order by s.starts_at, s.place, s.role, s.id
     limit 2000`.execute(db);
  return rows;
}

export interface MyShiftRow extends ShiftRow {
  council_name: string;
  sign_up_id: string;
  signed_up_at: string;
  attendance: 'attended' | 'no-show' | null;
  signed_up: number;
}

/** The person's live sign-ups in every council, shifts starting in [from, to). */
export async function shiftsOfPerson(
  db: Db,
  personId: string,
  from: string,
  to: string,
): Promise<MyShiftRow[]> {
  const { rows } = await sql<MyShiftRow>`
    select ${shiftColumns}, c.name as council_name, u.id as sign_up_id,
           ${isoUs(sql`u.signed_up_at`)} as signed_up_at, u.attendance,
           (select count(*)::int from shift_sign_ups v where v.shift_id = s.id and v.cancelled_at is null) as signed_up
      from shift_sign_ups u join shifts s on s.id = u.shift_id join councils c on c.id = s.council_id
     where u.person_id = ${personId} and u.cancelled_at is null
       and s.starts_at >= ${from} and s.starts_at < ${to}
     order by s.starts_at, s.id
     limit 1000`.execute(db);
  return rows;
}

export interface AttendanceCountRow {
  person_id: string;
  full_name: string;
  attended: number;
  no_shows: number;
}

/** Attended and no-show counts per member who ever had a sign-up marked in the council. */
export async function attendanceCounts(
  db: Db,
  councilId: string,
  personId?: string,
): Promise<AttendanceCountRow[]> {
  const { rows } = await sql<AttendanceCountRow>`
    select u.person_id, p.full_name,
           count(*) filter (where u.attendance = 'attended')::int as attended,
           count(*) filter (where u.attendance = 'no-show')::int as no_shows
      from shift_sign_ups u join persons p on p.id = u.person_id
     where u.council_id = ${councilId} and u.cancelled_at is null and u.attendance is not null
       ${personId ? sql`and u.person_id = ${personId}` : sql``}
     group by u.person_id, p.full_name
     order by no_shows desc, p.full_name
     limit 5000`.execute(db);
  return rows;
}

/** The person's attended and no-show counts in every council they were marked in. */
export async function attendanceOfPerson(
  db: Db,
  personId: string,
): Promise<Array<{ council_id: string; attended: number; no_shows: number }>> {
  const { rows } = await sql<{ council_id: string; attended: number; no_shows: number }>`
    select council_id,
           count(*) filter (where attendance = 'attended')::int as attended,
           count(*) filter (where attendance = 'no-show')::int as no_shows
      from shift_sign_ups
     where person_id = ${personId} and cancelled_at is null and attendance is not null
     group by council_id order by council_id`.execute(db);
  return rows;
}
