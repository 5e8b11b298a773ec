// The only file of the decisions context that runs SQL on speaker_requests and speaker_settings. Callers
// that change the list hold the assembly row lock (assemblies.store.ts lockAssembly); the two partial
// unique indexes of 0007-speakers.sql hold one waiting request per person and one speaker per sitting
// even so. Instants are database-clock ISO text with microseconds.
import { sql } from 'kysely';
import {
  DEFAULT_SPEAKING_SECONDS,
  type SpeakerKind,
  type SpeakerSide,
  type SpeakerStatus,
} from '../../core/decisions/index.ts';
import { type Db, isoUs } from '../platform/database.ts';

export interface SpeakerSettings {
  timeLimitSeconds: number;
  alternatesSides: boolean;
}

export interface SpeakerRequestRow {
  id: string;
  assembly_id: string;
  agenda_item_id: string | null;
  person_id: string;
  full_name: string;
  mandate_id: string | null;
  kind: SpeakerKind;
  side: SpeakerSide | null;
  requested_at: string;
  status: SpeakerStatus;
  started_at: string | null;
  ended_at: string | null;
  time_limit_seconds: number | null;
}

const requestColumns = sql`r.id, r.assembly_id, r.agenda_item_id, r.person_id, p.full_name, r.mandate_id, r.kind,
  r.side, ${isoUs(sql`r.requested_at`)} as requested_at, r.status, ${isoUs(sql`r.started_at`)} as started_at,
  ${isoUs(sql`r.ended_at`)} as ended_at, r.time_limit_seconds`;

export async function speakerSettingsOf(db: Db, assemblyId: string): Promise<SpeakerSettings> {
  const { rows } = await sql<{ time_limit_seconds: number; alternates_sides: boolean }>`
    select time_limit_seconds, alternates_sides from speaker_settings where assembly_id = ${assemblyId}`.execute(
    db,
  );
  const row = rows[0];
  return row
    ? { timeLimitSeconds: row.time_limit_seconds, alternatesSides: row.alternates_sides }
    : { timeLimitSeconds: DEFAULT_SPEAKING_SECONDS, alternatesSides: false };
}

export async function saveSpeakerSettings(
  tx: Db,
  assemblyId: string,
  settings: SpeakerSettings,
  at: string,
  by: string,
): Promise<void> {
  await sql`insert into speaker_settings (assembly_id, time_limit_seconds, alternates_sides, updated_at, updated_by)
            values (${assemblyId}, ${settings.timeLimitSeconds}, ${settings.alternatesSides}, ${at}::timestamptz, ${by})
            on conflict (assembly_id) do update
              set time_limit_seconds = excluded.time_limit_seconds, alternates_sides = excluded.alternates_sides,
                  updated_at = excluded.updated_at, updated_by = excluded.updated_by`.execute(tx);
}

export interface NewSpeakerRequest {
  assemblyId: string;
  agendaItemId: string | null;
  personId: string;
  mandateId: string | null;
  kind: SpeakerKind;
  side: SpeakerSide | null;
  at: string;
}

/** The new request's id, or null when the person already has one waiting (the partial unique index). */
export async function insertSpeakerRequest(tx: Db, r: NewSpeakerRequest): Promise<string | null> {
  const { rows } = await sql<{ id: string }>`
    insert into speaker_requests (assembly_id, agenda_item_id, person_id, mandate_id, kind, side, requested_at, status)
    values (${r.assemblyId}, ${r.agendaItemId}, ${r.personId}, ${r.mandateId}, ${r.kind}, ${r.side},
            ${r.at}::timestamptz, 'waiting')
    on conflict do nothing returning id`.execute(tx);
  return rows[0]?.id ?? null;
}

export async function findSpeakerRequest(db: Db, id: string): Promise<SpeakerRequestRow | undefined> {
  return (
    await sql<SpeakerRequestRow>`select ${requestColumns} from speaker_requests r join persons p on p.id = r.person_id
                                  where r.id = ${id}`.execute(db)
  ).rows[0];
}

export async function waitingRequests(db: Db, assemblyId: string): Promise<SpeakerRequestRow[]> {
  return (
    await sql<SpeakerRequestRow>`select ${requestColumns} from speaker_requests r join persons p on p.id = r.person_id
                                  where r.assembly_id = ${assemblyId} and r.status = 'waiting'
                                  order by r.requested_at, r.id`.execute(db)
  ).rows;
}

export async function currentSpeaker(db: Db, assemblyId: string): Promise<SpeakerRequestRow | undefined> {
  return (
    await sql<SpeakerRequestRow>`select ${requestColumns} from speaker_requests r join persons p on p.id = r.person_id
                                  where r.assembly_id = ${assemblyId} and r.status = 'speaking'`.execute(db)
  ).rows[0];
}

/** The side of the latest turn that took one (the current speaker's while someone speaks): alternation starts after it. */
export async function lastSideHeard(db: Db, assemblyId: string): Promise<SpeakerSide | null> {
  const { rows } = await sql<{ side: SpeakerSide }>`
    select side from speaker_requests
     where assembly_id = ${assemblyId} and status in ('speaking', 'done') and side is not null
     order by started_at desc, id desc limit 1`.execute(db);
  return rows[0]?.side ?? null;
}

/** The viewer's own request that is waiting or has the floor. */
export async function openRequestOf(
  db: Db,
  assemblyId: string,
  personId: string,
): Promise<SpeakerRequestRow | undefined> {
  return (
    await sql<SpeakerRequestRow>`select ${requestColumns} from speaker_requests r join persons p on p.id = r.person_id
                                  where r.assembly_id = ${assemblyId} and r.person_id = ${personId}
                                    and r.status in ('waiting', 'speaking')
                                  order by r.status = 'speaking' desc limit 1`.execute(db)
  ).rows[0];
}

export async function giveFloor(
  tx: Db,
  requestId: string,
  at: string,
  timeLimitSeconds: number,
): Promise<void> {
  await sql`update speaker_requests set status = 'speaking', started_at = ${at}::timestamptz,
              time_limit_seconds = ${timeLimitSeconds}
            where id = ${requestId} and status = 'waiting'`.execute(tx);
}

export async function endSpeechRow(tx: Db, requestId: string, at: string): Promise<void> {
  await sql`update speaker_requests set status = 'done', ended_at = greatest(${at}::timestamptz, started_at)
            where id = ${requestId} and status = 'speaking'`.execute(tx);
}

/** Takes a waiting request off the list: withdrawn by its person or the chair, or refused for want of the right. */
export async function closeWaitingRequest(
  tx: Db,
  requestId: string,
  status: 'withdrawn' | 'refused',
  at: string,
): Promise<number> {
  const { rows } = await sql<{ id: string }>`
    update speaker_requests set status = ${status}, ended_at = ${at}::timestamptz
     where id = ${requestId} and status = 'waiting' returning id`.execute(tx);
  return rows.length;
}

export async function isAgendaItemOf(db: Db, assemblyId: string, agendaItemId: string): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from agenda_items where id = ${agendaItemId} and assembly_id = ${assemblyId}`.execute(
    db,
  );
  return (rows[0]?.n ?? 0) > 0;
}

/** What the person is checked in to the sitting with: null for a member, else each mandate they sit on. */
export async function presenceOf(
  db: Db,
  assemblyId: string,
  personId: string,
): Promise<Array<string | null>> {
  const { rows } = await sql<{ mandate_id: string | null }>`
    select mandate_id from attendance
     where assembly_id = ${assemblyId} and person_id = ${personId} and checked_out_at is null
     order by mandate_id nulls first`.execute(db);
  return rows.map((r) => r.mandate_id);
}

/** A new limit for the speech under way, in seconds. */
export async function setSpeechLimit(tx: Db, requestId: string, timeLimitSeconds: number): Promise<void> {
  await sql`update speaker_requests set time_limit_seconds = ${timeLimitSeconds}
            where id = ${requestId} and status = 'speaking'`.execute(tx);
}

/** The sitting closes: the speech in progress ends and the waiting requests are withdrawn. */
export async function closeSpeakersList(
  tx: Db,
  assemblyId: string,
  at: string,
): Promise<{ ended: number; withdrawn: number }> {
  const { rows } = await sql<{ status: string }>`
    update speaker_requests
       set status = case when status = 'speaking' then 'done' else 'withdrawn' end,
           ended_at = case when status = 'speaking' then greatest(${at}::timestamptz, started_at)
                           else ${at}::timestamptz end
     where assembly_id = ${assemblyId} and status in ('speaking', 'waiting')
     returning status`.execute(tx);
  return {
    ended: rows.filter((r) => r.status === 'done').length,
    withdrawn: rows.filter((r) => r.status === 'withdrawn').length,
  };
}
