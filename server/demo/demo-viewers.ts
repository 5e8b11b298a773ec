// The demo acts through the use cases as the people who may act: a viewer for an account's login, or for
// whoever holds an office in a council now.
import { sql } from 'kysely';
import type { Db } from '../platform/database.ts';
import type { Viewer } from '../platform/sessions.ts';

const viewer = (id: string, fullName: string, isAdmin: boolean): Viewer => ({
  personId: id,
  fullName,
  isAdmin,
  csrfToken: '',
  sessionHash: '',
});

export async function viewerByLogin(db: Db, login: string): Promise<Viewer> {
  const { rows } = await sql<{ id: string; full_name: string; is_admin: boolean }>`
    select p.id, p.full_name, a.is_admin from accounts a join persons p on p.id = a.person_id
     where a.login = ${login}`.execute(db);
  if (!rows[0]) throw new Error(`demo: no account ${login}`);
  return viewer(rows[0].id, rows[0].full_name, rows[0].is_admin);
}

export async function officerOf(db: Db, councilId: string, office: string): Promise<Viewer> {
  const { rows } = await sql<{ id: string; full_name: string }>`
    select p.id, p.full_name from offices o join persons p on p.id = o.person_id
     where o.council_id = ${councilId} and o.office = ${office} and o.ended_at is null
     order by o.started_at limit 1`.execute(db);
  if (!rows[0]) throw new Error(`demo: council ${councilId} has no ${office}`);
  return viewer(rows[0].id, rows[0].full_name, false);
}
