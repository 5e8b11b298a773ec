// The only file of the decisions context that runs SQL on motions, motion_versions, motion_supporters and
// composite_origins. A motion's text is its current version's (motion_versions); every read joins it.
import { sql } from 'kysely';
import type { MotionStatus } from '../../core/decisions/index.ts';
import { type Db, isoUs } from '../platform/database.ts';

export interface MotionRow {
  id: string;
  council_id: string;
  assembly_id: string | null;
  agenda_position: number | null;
  title: string;
  text: string;
  status: MotionStatus;
  submitted_by: string | null;
  submitted_by_council: string | null;
  origin_motion_id: string | null;
  is_composite: boolean;
  current_version: number;
  submitted_at: string;
  status_changed_at: string;
  decided_at: string | null;
  outcome_poll_id: string | null;
  parent_outcome: 'adopted' | 'rejected' | null;
  parent_decided_at: string | null;
}

const motionColumns = sql`m.id, m.council_id, m.assembly_id, m.agenda_position, m.title, v.text, m.status,
  m.submitted_by, m.submitted_by_council, m.origin_motion_id, m.is_composite, m.current_version,
  ${isoUs(sql`m.submitted_at`)} as submitted_at, ${isoUs(sql`m.status_changed_at`)} as status_changed_at,
  ${isoUs(sql`m.decided_at`)} as decided_at, m.outcome_poll_id, m.parent_outcome,
  ${isoUs(sql`m.parent_decided_at`)} as parent_decided_at`;
const withText = sql`motions m join motion_versions v on v.motion_id = m.id and v.version = m.current_version`;

export interface NewMotion {
  councilId: string;
  assemblyId: string | null;
  agendaPosition: number | null;
  title: string;
  text: string;
  submittedBy: string | null;
  submittedByCouncil: string | null;
  originMotionId: string | null;
  isComposite: boolean;
  at: string;
}

/** Inserts the motion as submitted, with its text as version 1. */
export async function insertMotion(tx: Db, m: NewMotion): Promise<string> {
  const { rows } = await sql<{ id: string }>`
    insert into motions (council_id, assembly_id, agenda_position, title, status, submitted_by,
                         submitted_by_council, origin_motion_id, is_composite, current_version, submitted_at,
                         status_changed_at)
    values (${m.councilId}, ${m.assemblyId}, ${m.agendaPosition}, ${m.title}, 'submitted', ${m.submittedBy},
            ${m.submittedByCouncil}, ${m.originMotionId}, ${m.isComposite}, 1, ${m.at}::timestamptz,
            ${m.at}::timestamptz)
    returning id`.execute(tx);
  const id = rows[0]!.id;
  await sql`insert into motion_versions (motion_id, version, text, made_by_amendment_id, made_at)
            values (${id}, 1, ${m.text}, null, ${m.at}::timestamptz)`.execute(tx);
  return id;
}

export async function findMotion(db: Db, id: string): Promise<MotionRow | undefined> {
  return (await sql<MotionRow>`select ${motionColumns} from ${withText} where m.id = ${id}`.execute(db))
    .rows[0];
}

/**
 * 'update' for acts that change the motion's status or text (admit, withdraw, refer, merge, open its
 * vote, adopt an amendment, forward it); 'share' for acts that need it to stay open meanwhile (support,
 * amend, instruct).
 */
export async function lockMotion(
  tx: Db,
  id: string,
  mode: 'share' | 'update',
): Promise<MotionRow | undefined> {
  const lock = mode === 'update' ? sql`for update of m` : sql`for share of m`;
  return (
    await sql<MotionRow>`select ${motionColumns} from ${withText} where m.id = ${id} ${lock}`.execute(tx)
  ).rows[0];
}

/** Several motions FOR UPDATE in id order, so two acts over overlapping sets cannot deadlock. */
export async function lockMotions(tx: Db, ids: readonly string[]): Promise<MotionRow[]> {
  const sorted = [...ids].sort();
  return (
    await sql<MotionRow>`select ${motionColumns} from ${withText} where m.id = any(${sorted}::uuid[])
                          order by m.id for update of m`.execute(tx)
  ).rows;
}

export async function motionsOfCouncil(db: Db, councilId: string): Promise<MotionRow[]> {
  return (
    await sql<MotionRow>`select ${motionColumns} from ${withText} where m.council_id = ${councilId}
                          order by m.submitted_at desc, m.id limit 500`.execute(db)
  ).rows;
}

export async function setMotionStatus(
  tx: Db,
  id: string,
  status: MotionStatus,
  at: string,
  decision: { outcomePollId: string } | null = null,
): Promise<void> {
  await sql`update motions set status = ${status}, status_changed_at = ${at}::timestamptz,
              decided_at = case when ${decision !== null} then ${at}::timestamptz else decided_at end,
              outcome_poll_id = coalesce(${decision?.outcomePollId ?? null}::uuid, outcome_poll_id)
            where id = ${id}`.execute(tx);
}

export interface VersionRow {
  version: number;
  text: string;
  made_by_amendment_id: string | null;
  made_at: string;
}

export async function versionsOf(db: Db, motionId: string): Promise<VersionRow[]> {
  return (
    await sql<VersionRow>`select version, text, made_by_amendment_id, ${isoUs(sql`made_at`)} as made_at
                            from motion_versions where motion_id = ${motionId} order by version`.execute(db)
  ).rows;
}

export async function versionOf(db: Db, motionId: string, version: number): Promise<VersionRow | undefined> {
  return (
    await sql<VersionRow>`select version, text, made_by_amendment_id, ${isoUs(sql`made_at`)} as made_at
                            from motion_versions where motion_id = ${motionId} and version = ${version}`.execute(
      db,
    )
  ).rows[0];
}

/** The next version, made by an adopted amendment; the caller holds the motion FOR UPDATE. */
export async function insertNextVersion(
  tx: Db,
  motion: Pick<MotionRow, 'id' | 'current_version'>,
  text: string,
  amendmentId: string,
  at: string,
): Promise<number> {
  const version = motion.current_version + 1;
  await sql`insert into motion_versions (motion_id, version, text, made_by_amendment_id, made_at)
            values (${motion.id}, ${version}, ${text}, ${amendmentId}, ${at}::timestamptz)`.execute(tx);
  await sql`update motions set current_version = ${version} where id = ${motion.id}`.execute(tx);
  return version;
}

/** False when the person already supported the motion (the primary key: concurrent duplicates count once). */
export async function insertSupporter(
  tx: Db,
  motionId: string,
  personId: string,
  at: string,
): Promise<boolean> {
  const { rows } = await sql<{ motion_id: string }>`
    insert into motion_supporters (motion_id, person_id, supported_at) values (${motionId}, ${personId}, ${at}::timestamptz)
    on conflict do nothing returning motion_id`.execute(tx);
  return rows.length === 1;
}

export async function countSupporters(db: Db, motionId: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from motion_supporters where motion_id = ${motionId}`.execute(db);
  return rows[0]?.n ?? 0;
}

export async function isSupporter(db: Db, motionId: string, personId: string): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from motion_supporters where motion_id = ${motionId} and person_id = ${personId}`.execute(
    db,
  );
  return (rows[0]?.n ?? 0) > 0;
}

/** Whether a poll on the motion or one of its amendments is open. */
export async function hasOpenPoll(db: Db, motionId: string): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from polls where motion_id = ${motionId} and status = 'open'`.execute(db);
  return (rows[0]?.n ?? 0) > 0;
}

export async function insertCompositeOrigins(
  tx: Db,
  compositeId: string,
  origins: ReadonlyArray<{ motionId: string; councilId: string; supportersCount: number }>,
): Promise<void> {
  for (const o of origins)
    await sql`insert into composite_origins (composite_motion_id, origin_motion_id, origin_council_id, supporters_count)
              values (${compositeId}, ${o.motionId}, ${o.councilId}, ${o.supportersCount})`.execute(tx);
}

export interface LinkedMotionRow {
  motion_id: string;
  council_id: string;
  council_name: string;
  title: string;
  status: MotionStatus;
}

const linked = sql`m.id as motion_id, m.council_id, c.name as council_name, m.title, m.status`;

/** The motion this one was forwarded from (down the federation). */
export async function originOf(
  db: Db,
  motion: Pick<MotionRow, 'origin_motion_id'>,
): Promise<LinkedMotionRow | undefined> {
  if (!motion.origin_motion_id) return undefined;
  return (
    await sql<LinkedMotionRow>`select ${linked} from motions m join councils c on c.id = m.council_id
                                where m.id = ${motion.origin_motion_id}`.execute(db)
  ).rows[0];
}

/** The motion this one was forwarded as (up the federation). */
export async function forwardedAsOf(db: Db, motionId: string): Promise<LinkedMotionRow | undefined> {
  return (
    await sql<LinkedMotionRow>`select ${linked} from motions m join councils c on c.id = m.council_id
                                where m.origin_motion_id = ${motionId}`.execute(db)
  ).rows[0];
}

/** The composite this motion was merged into. */
export async function mergedIntoOf(db: Db, motionId: string): Promise<LinkedMotionRow | undefined> {
  return (
    await sql<LinkedMotionRow>`select ${linked} from composite_origins o join motions m on m.id = o.composite_motion_id
                                join councils c on c.id = m.council_id where o.origin_motion_id = ${motionId}`.execute(
      db,
    )
  ).rows[0];
}

export interface CompositeOriginRow extends LinkedMotionRow {
  origin_council_id: string;
  origin_council_name: string;
  supporters_count: number;
  /** The origin's own origin: the motion the child council adopted. */
  source_motion_id: string | null;
}

export async function compositeOriginsOf(db: Db, compositeId: string): Promise<CompositeOriginRow[]> {
  return (
    await sql<CompositeOriginRow>`
      select ${linked}, o.origin_council_id, oc.name as origin_council_name, o.supporters_count,
             m.origin_motion_id as source_motion_id
        from composite_origins o join motions m on m.id = o.origin_motion_id
        join councils c on c.id = m.council_id join councils oc on oc.id = o.origin_council_id
       where o.composite_motion_id = ${compositeId} order by oc.name, m.id`.execute(db)
  ).rows;
}

/** Records the body's decision on motions below it (their lineage); returns those updated with their councils. */
export async function recordParentOutcome(
  tx: Db,
  motionIds: readonly string[],
  outcome: 'adopted' | 'rejected',
  at: string,
): Promise<Array<{ id: string; council_id: string }>> {
  if (motionIds.length === 0) return [];
  return (
    await sql<{ id: string; council_id: string }>`
      update motions set parent_outcome = ${outcome}, parent_decided_at = ${at}::timestamptz
       where id = any(${[...motionIds]}::uuid[]) returning id, council_id`.execute(tx)
  ).rows;
}

export async function setMotionSitting(
  tx: Db,
  id: string,
  assemblyId: string | null,
  agendaPosition: number | null,
): Promise<void> {
  await sql`update motions set assembly_id = ${assemblyId}, agenda_position = ${agendaPosition}
             where id = ${id}`.execute(tx);
}
