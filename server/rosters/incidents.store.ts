// The only file of the incident log that runs SQL.
import { sql } from 'kysely';
import { type Db, isoUs } from '../platform/database.ts';

export interface IncidentRow {
  id: string;
  shift_id: string;
  author_person_id: string;
  author_name: string;
  body: string;
  occurred_at: string;
  recorded_at: string;
  role: string;
  place: string;
}

const incidentSelect = sql`
  select i.id, i.shift_id, i.author_person_id, p.full_name as author_name, i.body,
         ${isoUs(sql`i.occurred_at`)} as occurred_at, ${isoUs(sql`i.recorded_at`)} as recorded_at, s.role, s.place
    from shift_incidents i join persons p on p.id = i.author_person_id join shifts s on s.id = i.shift_id`;

export async function insertIncident(
  tx: Db,
  shift: { id: string; council_id: string },
  author: string,
  body: string,
  occurredAt: string | null,
): Promise<IncidentRow> {
  const { rows } = await sql<{ id: string }>`
    insert into shift_incidents (shift_id, council_id, author_person_id, body, occurred_at)
    values (${shift.id}, ${shift.council_id}, ${author}, ${body}, coalesce(${occurredAt}::timestamptz, now()))
    returning id`.execute(tx);
  return (await sql<IncidentRow>`${incidentSelect} where i.id = ${rows[0]!.id}`.execute(tx)).rows[0]!;
}

export async function incidentsOfShift(db: Db, shiftId: string): Promise<IncidentRow[]> {
  return (
    await sql<IncidentRow>`${incidentSelect} where i.shift_id = ${shiftId} order by i.occurred_at, i.id`.execute(
      db,
    )
  ).rows;
}

export async function incidentsOfCouncil(
  db: Db,
  councilId: string,
  from: string,
  to: string,
): Promise<IncidentRow[]> {
  return (
    await sql<IncidentRow>`${incidentSelect}
      where i.council_id = ${councilId} and i.occurred_at >= ${from} and i.occurred_at < ${to}
      order by i.occurred_at desc, i.id limit 2000`.execute(db)
  ).rows;
}
