// The only file of member trainings that runs SQL: which trainings an officer recorded for whom.
import { sql } from 'kysely';
import { type Db, isoUs } from '../platform/database.ts';

export interface TrainingRow {
  id: string;
  person_id: string;
  full_name: string;
  training: string;
  recorded_at: string;
}

export async function hasTraining(
  db: Db,
  councilId: string,
  personId: string,
  training: string,
): Promise<boolean> {
  const { rows } = await sql`
    select 1 from member_trainings
     where council_id = ${councilId} and person_id = ${personId} and lower(training) = lower(${training})`.execute(
    db,
  );
  return rows.length > 0;
}

export async function insertTraining(
  tx: Db,
  councilId: string,
  personId: string,
  training: string,
  by: string,
): Promise<TrainingRow> {
  const { rows } = await sql<{ id: string }>`
    insert into member_trainings (council_id, person_id, training, recorded_by)
    values (${councilId}, ${personId}, ${training}, ${by}) returning id`.execute(tx);
  return (await trainingsOf(tx, councilId, rows[0]!.id))[0]!;
}

export async function trainingsOf(db: Db, councilId: string, id?: string): Promise<TrainingRow[]> {
  const { rows } = await sql<TrainingRow>`
    select t.id, t.person_id, p.full_name, t.training, ${isoUs(sql`t.recorded_at`)} as recorded_at
      from member_trainings t join persons p on p.id = t.person_id
     where t.council_id = ${councilId} ${id ? sql`and t.id = ${id}` : sql``}
     order by p.full_name, lower(t.training)
     limit 5000`.execute(db);
  return rows;
}
