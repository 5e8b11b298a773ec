// The only file of shift templates that runs SQL: templates and their weekly slots.
import { sql } from 'kysely';
import { type Db, isoUs } from '../platform/database.ts';

export interface SlotRow {
  id: string;
  position: number;
  weekday: number;
  start_time: string;
  end_time: string;
  place: string;
  role: string;
  needed: number;
  required_training: string | null;
  depot_id: string | null;
}

export interface TemplateRow {
  id: string;
  council_id: string;
  name: string;
  created_at: string;
  slots: SlotRow[];
}

export interface NewSlot {
  weekday: number;
  startTime: string;
  endTime: string;
  place: string;
  role: string;
  needed: number;
  requiredTraining: string | null;
  depotId: string | null;
}

export async function templateNameTaken(db: Db, councilId: string, name: string): Promise<boolean> {
  const { rows } = await sql`
    select 1 from shift_templates where council_id = ${councilId} and lower(name) = lower(${name})`.execute(
    db,
  );
  return rows.length > 0;
}

export async function insertTemplate(
  tx: Db,
  councilId: string,
  name: string,
  slots: readonly NewSlot[],
  by: string,
): Promise<TemplateRow> {
  const { rows } = await sql<{ id: string }>`
    insert into shift_templates (council_id, name, created_by) values (${councilId}, ${name}, ${by})
    returning id`.execute(tx);
  const id = rows[0]!.id;
  for (const [i, s] of slots.entries())
    await sql`
      insert into shift_template_slots (template_id, position, weekday, start_time, end_time, place, role, needed,
                                        required_training, depot_id)
      values (${id}, ${i + 1}, ${s.weekday}, ${s.startTime}, ${s.endTime}, ${s.place}, ${s.role}, ${s.needed},
              ${s.requiredTraining}, ${s.depotId})`.execute(tx);
  return (await findTemplate(tx, id))!;
}

const templateSelect = sql`
  select t.id, t.council_id, t.name, ${isoUs(sql`t.created_at`)} as created_at,
         coalesce((select json_agg(json_build_object(
             'id', s.id, 'position', s.position, 'weekday', s.weekday, 'start_time', s.start_time,
             'end_time', s.end_time, 'place', s.place, 'role', s.role, 'needed', s.needed,
             'required_training', s.required_training, 'depot_id', s.depot_id) order by s.position)
            from shift_template_slots s where s.template_id = t.id), '[]'::json) as slots
    from shift_templates t`;

const parsed = (r: TemplateRow & { slots: unknown }): TemplateRow => ({
  ...r,
  slots: (typeof r.slots === 'string' ? JSON.parse(r.slots) : r.slots) as SlotRow[],
});

export async function findTemplate(db: Db, id: string): Promise<TemplateRow | undefined> {
  const row = (await sql<TemplateRow>`${templateSelect} where t.id = ${id}`.execute(db)).rows[0];
  return row ? parsed(row) : undefined;
}

export async function templatesOf(db: Db, councilId: string): Promise<TemplateRow[]> {
  return (
    await sql<TemplateRow>`${templateSelect} where t.council_id = ${councilId} order by lower(t.name) limit 500`.execute(
      db,
    )
  ).rows.map(parsed);
}
