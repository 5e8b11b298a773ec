// The only file of the decisions context that runs SQL on minutes and minutes_approvals — and the
// queries that gather a closed sitting's facts for its minutes (attendance over the whole sitting, the
// weight present at its opening and closing instants, and the motion each poll decided, when motions
// exist in this database).
import { sql } from 'kysely';
import type { MinutesAttendee, MinutesLanguage } from '../../core/decisions/index.ts';
import { type Db, isoUs } from '../platform/database.ts';

export interface MinutesRow {
  id: string;
  assembly_id: string;
  language: MinutesLanguage;
  markdown: string;
  generated_markdown: string;
  generated_at: string;
  status: 'draft' | 'approved';
  edited_at: string | null;
  edited_by: string | null;
  approved_at: string | null;
  approved_by_poll_id: string | null;
  document_digest: string | null;
}

const minutesColumns = sql`n.id, n.assembly_id, n.language, n.markdown, n.generated_markdown,
  ${isoUs(sql`n.generated_at`)} as generated_at, n.status, ${isoUs(sql`n.edited_at`)} as edited_at, n.edited_by,
  ${isoUs(sql`n.approved_at`)} as approved_at, n.approved_by_poll_id, n.document_digest`;

export async function findMinutes(db: Db, assemblyId: string): Promise<MinutesRow | undefined> {
  return (
    await sql<MinutesRow>`select ${minutesColumns} from minutes n where n.assembly_id = ${assemblyId}`.execute(
      db,
    )
  ).rows[0];
}

/** Row lock on a sitting's minutes: generating, editing, proposing and approving them take turns on it. */
export async function lockMinutes(tx: Db, assemblyId: string): Promise<MinutesRow | undefined> {
  return (
    await sql<MinutesRow>`select ${minutesColumns} from minutes n where n.assembly_id = ${assemblyId}
                           for update`.execute(tx)
  ).rows[0];
}

export async function lockMinutesById(tx: Db, id: string): Promise<MinutesRow | undefined> {
  return (
    await sql<MinutesRow>`select ${minutesColumns} from minutes n where n.id = ${id} for update`.execute(tx)
  ).rows[0];
}

export async function insertMinutes(
  tx: Db,
  m: { assemblyId: string; language: MinutesLanguage; markdown: string; at: string },
): Promise<string | undefined> {
  // Two first generations at once: one inserts, the other finds the row and locks it (lockMinutes).
  const { rows } = await sql<{ id: string }>`
    insert into minutes (assembly_id, language, markdown, generated_markdown, generated_at, status)
    values (${m.assemblyId}, ${m.language}, ${m.markdown}, ${m.markdown}, ${m.at}::timestamptz, 'draft')
    on conflict (assembly_id) do nothing
    returning id`.execute(tx);
  return rows[0]?.id;
}

export async function setGeneratedMinutes(
  tx: Db,
  id: string,
  m: { language: MinutesLanguage; generated: string; markdown: string; at: string },
): Promise<void> {
  await sql`update minutes set language = ${m.language}, generated_markdown = ${m.generated},
              markdown = ${m.markdown}, generated_at = ${m.at}::timestamptz
            where id = ${id}`.execute(tx);
}

export async function setEditedMinutes(
  tx: Db,
  id: string,
  m: { markdown: string; by: string; at: string },
): Promise<void> {
  await sql`update minutes set markdown = ${m.markdown}, edited_at = ${m.at}::timestamptz, edited_by = ${m.by}
            where id = ${id}`.execute(tx);
}

export async function setApprovedMinutes(
  tx: Db,
  id: string,
  a: { pollId: string; digest: string; at: string },
): Promise<void> {
  await sql`update minutes set status = 'approved', approved_at = ${a.at}::timestamptz,
              approved_by_poll_id = ${a.pollId}, document_digest = ${a.digest}
            where id = ${id}`.execute(tx);
}

export async function insertMinutesApproval(
  tx: Db,
  a: { minutesId: string; pollId: string; proposedDigest: string },
): Promise<void> {
  await sql`insert into minutes_approvals (minutes_id, poll_id, proposed_digest)
            values (${a.minutesId}, ${a.pollId}, ${a.proposedDigest})`.execute(tx);
}

/** The minutes a poll votes on approving, if it is such a poll. */
export async function approvalOfPoll(
  db: Db,
  pollId: string,
): Promise<{ minutes_id: string; proposed_digest: string } | undefined> {
  return (
    await sql<{ minutes_id: string; proposed_digest: string }>`
      select minutes_id, proposed_digest from minutes_approvals where poll_id = ${pollId}`.execute(db)
  ).rows[0];
}

/** The open vote on approving the minutes, if there is one. */
export async function openApprovalPoll(db: Db, minutesId: string): Promise<string | undefined> {
  return (
    await sql<{ id: string }>`
      select p.id from minutes_approvals a join polls p on p.id = a.poll_id
       where a.minutes_id = ${minutesId} and p.status = 'open'`.execute(db)
  ).rows[0]?.id;
}

/**
 * Everyone recorded present during the sitting, in order of arrival: members count 1000, a delegate
 * the weight of the mandate they sat on.
 */
export async function attendanceOfSitting(db: Db, assemblyId: string): Promise<MinutesAttendee[]> {
  const { rows } = await sql<{
    name: string;
    mandate_id: string | null;
    weight_millis: number;
    checked_in_at: string;
    checked_out_at: string | null;
  }>`
    select p.full_name as name, a.mandate_id,
           case when a.mandate_id is null then 1000 else m.weight_millis end as weight_millis,
           ${isoUs(sql`a.checked_in_at`)} as checked_in_at, ${isoUs(sql`a.checked_out_at`)} as checked_out_at
      from attendance a
      join persons p on p.id = a.person_id
      left join mandates m on m.id = a.mandate_id
     where a.assembly_id = ${assemblyId}
     order by a.checked_in_at, p.full_name, a.id`.execute(db);
  return rows.map((r) => ({
    name: r.name,
    mandateId: r.mandate_id,
    weightMillis: Number(r.weight_millis),
    checkedInAt: r.checked_in_at,
    checkedOutAt: r.checked_out_at,
  }));
}

/** The weight in the room at an instant of the sitting (a delegate's only while the mandate was active). */
export async function presentMillisAt(db: Db, assemblyId: string, at: string): Promise<number> {
  const { rows } = await sql<{ w: number }>`
    select coalesce(sum(case when a.mandate_id is null then 1000 else m.weight_millis end), 0)::float8 as w
      from attendance a
      left join mandates m on m.id = a.mandate_id
     where a.assembly_id = ${assemblyId}
       and a.checked_in_at <= ${at}::timestamptz
       and (a.checked_out_at is null or a.checked_out_at > ${at}::timestamptz)
       and (a.mandate_id is null
            or (m.active_until > ${at}::timestamptz and m.term_starts_at <= ${at}::timestamptz))`.execute(db);
  return Number(rows[0]?.w ?? 0);
}

/**
 * The motion each poll of the sitting decided (poll id → motion id and title). Motions arrive with
 * their own migration; until `polls.motion_id` exists this answers an empty map.
 */
export async function motionsOfPolls(
  db: Db,
  assemblyId: string,
): Promise<Map<string, { motionId: string; motionTitle: string }>> {
  const { rows: columns } = await sql<{ n: number }>`
    select count(*)::int as n from information_schema.columns
     where table_schema = current_schema()
       and ((table_name = 'polls' and column_name = 'motion_id')
            or (table_name = 'motions' and column_name = 'title'))`.execute(db);
  if (Number(columns[0]?.n ?? 0) < 2) return new Map();
  const { rows } = await sql<{ poll_id: string; motion_id: string; title: string }>`
    select p.id as poll_id, mo.id as motion_id, mo.title
      from polls p join motions mo on mo.id = p.motion_id
     where p.assembly_id = ${assemblyId}`.execute(db);
  return new Map(rows.map((r) => [r.poll_id, { motionId: r.motion_id, motionTitle: r.title }]));
}
