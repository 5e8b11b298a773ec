// The only file that runs SQL on join applications.
import { sql } from 'kysely';
import type { ApplicationStatus } from '../../core/members/index.ts';
import type { Db } from '../platform/database.ts';

export interface ApplicationRow {
  id: string;
  reference: string;
  council_id: string;
  full_name: string;
  email: string | null;
  phone: string | null;
  home_place: string | null;
  work_place: string | null;
  message: string | null;
  locale: string;
  status: ApplicationStatus;
  decline_reason: string | null;
  due_at: Date;
  created_at: Date;
  contacted_at: Date | null;
  decided_at: Date | null;
  decided_by: string | null;
  person_id: string | null;
}

export interface NewApplication {
  reference: string;
  councilId: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  homePlace: string | null;
  workPlace: string | null;
  message: string | null;
  locale: string;
  dueAt: Date;
  receivedAt: Date;
}

export async function insertApplication(tx: Db, a: NewApplication): Promise<ApplicationRow> {
  const { rows } = await sql<ApplicationRow>`
    insert into join_applications (reference, council_id, full_name, email, phone, home_place, work_place, message, locale,
                                   status, due_at, created_at)
    values (${a.reference}, ${a.councilId}, ${a.fullName}, ${a.email}, ${a.phone}, ${a.homePlace}, ${a.workPlace},
            ${a.message}, ${a.locale}, 'pending', ${a.dueAt}, ${a.receivedAt})
    returning *`.execute(tx);
  return rows[0]!;
}

/** Row lock on the application: two officers deciding at once are serialised here, the second sees the first's decision. */
export async function lockApplication(tx: Db, id: string): Promise<ApplicationRow | undefined> {
  return (await sql<ApplicationRow>`select * from join_applications where id = ${id} for update`.execute(tx))
    .rows[0];
}

export async function queueOfCouncil(
  db: Db,
  councilId: string,
  openOnly: boolean,
): Promise<ApplicationRow[]> {
  const { rows } = await sql<ApplicationRow>`
    select * from join_applications
     where council_id = ${councilId} and (${openOnly}::boolean = false or status in ('pending', 'contacted'))
     order by (status in ('pending', 'contacted')) desc, due_at, created_at
     limit 500`.execute(db);
  return rows;
}

export async function markContacted(tx: Db, id: string, at: Date): Promise<ApplicationRow> {
  return (
    await sql<ApplicationRow>`update join_applications set status = 'contacted', contacted_at = ${at} where id = ${id} returning *`.execute(
      tx,
    )
  ).rows[0]!;
}

export async function markDecided(
  tx: Db,
  id: string,
  d: {
    status: 'accepted' | 'declined';
    by: string;
    at: Date;
    reason: string | null;
    personId: string | null;
  },
): Promise<ApplicationRow> {
  return (
    await sql<ApplicationRow>`
      update join_applications
         set status = ${d.status}, decided_by = ${d.by}, decided_at = ${d.at}, decline_reason = ${d.reason},
             person_id = ${d.personId}
       where id = ${id} returning *`.execute(tx)
  ).rows[0]!;
}
