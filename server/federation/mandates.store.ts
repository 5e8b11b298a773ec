// The only file of the federation context that runs SQL on election_results, mandates and
// mandate_substitutes. Instants that decide rights (a mandate's end, the moment a right is used) come
// from the database clock with microseconds and travel as ISO text, never through a JavaScript Date
// (milliseconds), so "before the instant" and "after it" compare exactly what PostgreSQL compares.
import { sql } from 'kysely';
import type { MandateStatus } from '../../core/federation/index.ts';
import { type Db, isoUs } from '../platform/database.ts';

/** An instant as ISO 8601 UTC text with microseconds, e.g. 2026-11-29T10:00:00.123456Z. */
export type InstantIso = string;

export interface MandateRow {
  id: string;
  seat_council_id: string;
  sending_council_id: string;
  holder_person_id: string;
  weight_millis: number;
  term_starts_at: InstantIso;
  term_ends_at: InstantIso;
  status: MandateStatus;
  ended_at: InstantIso | null;
  end_reason: string | null;
  depends_on_mandate_id: string | null;
  election_result_id: string;
  replaces_mandate_id: string | null;
}

const mandateColumns = sql`m.id, m.seat_council_id, m.sending_council_id, m.holder_person_id, m.weight_millis,
  ${isoUs(sql`m.term_starts_at`)} as term_starts_at, ${isoUs(sql`m.term_ends_at`)} as term_ends_at, m.status,
  ${isoUs(sql`m.ended_at`)} as ended_at, m.end_reason, m.depends_on_mandate_id, m.election_result_id,
  m.replaces_mandate_id`;

/**
 * The database clock now, read as a statement of its own: after the locks the caller has just taken,
 * not at the start of the transaction (now() would date an act before the waits it went through).
 */
export async function databaseInstant(tx: Db): Promise<InstantIso> {
  return (await sql<{ at: string }>`select ${isoUs(sql`clock_timestamp()`)} as at`.execute(tx)).rows[0]!.at;
}

export async function findMandate(db: Db, id: string): Promise<MandateRow | undefined> {
  return (await sql<MandateRow>`select ${mandateColumns} from mandates m where m.id = ${id}`.execute(db))
    .rows[0];
}

/** Row lock on one mandate: 'update' to end it, 'share' to use a right it confers (mandate-rights.ts). */
export async function lockMandate(
  tx: Db,
  id: string,
  mode: 'update' | 'share',
): Promise<MandateRow | undefined> {
  const lock = mode === 'update' ? sql`for update` : sql`for share`;
  return (
    await sql<MandateRow>`select ${mandateColumns} from mandates m where m.id = ${id} ${lock}`.execute(tx)
  ).rows[0];
}

/** The sending council's current mandates in the seat council, locked in id order (to supersede them). */
export async function lockActiveMandatesOfSender(
  tx: Db,
  seatCouncilId: string,
  sendingCouncilId: string,
): Promise<MandateRow[]> {
  const { rows } = await sql<MandateRow>`
    select ${mandateColumns} from mandates m
     where m.seat_council_id = ${seatCouncilId} and m.sending_council_id = ${sendingCouncilId} and m.ended_at is null
     order by m.id for update`.execute(tx);
  return rows;
}

/**
 * Every unended mandate that depends on one of `rootIds`, transitively, locked upward: nearest level
 * first, then by id (the lock order of ADR 0004). The `ended_at is null` filter is re-checked on each
 * row once its lock is granted, so a dependent ended meanwhile by another act is skipped, not ended twice.
 */
export async function lockDependentsOf(
  tx: Db,
  rootIds: readonly string[],
): Promise<Array<MandateRow & { depth: number }>> {
  if (rootIds.length === 0) return [];
  const { rows } = await sql<MandateRow & { depth: number }>`
    with recursive closure (id, depth) as (
      select d.id, 1 from mandates d where d.depends_on_mandate_id = any(${rootIds}::uuid[]) and d.ended_at is null
      union all
      select d.id, c.depth + 1 from mandates d join closure c on d.depends_on_mandate_id = c.id where d.ended_at is null
    )
    select ${mandateColumns}, c.depth from mandates m join closure c on c.id = m.id
     where m.ended_at is null
     order by c.depth, m.id
     for update of m`.execute(tx);
  return rows;
}

/** Ends the given mandates at `at`; returns the ids actually ended (rows ended meanwhile are left alone). */
export async function endMandates(
  tx: Db,
  ids: readonly string[],
  at: InstantIso,
  status: Exclude<MandateStatus, 'active'>,
  reason: string,
): Promise<string[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<{ id: string }>`
    update mandates set status = ${status}, ended_at = ${at}::timestamptz, end_reason = ${reason}
     where id = any(${ids}::uuid[]) and ended_at is null returning id`.execute(tx);
  return rows.map((r) => r.id);
}

/**
 * Ends the offices the holders of `endedIds` took in those seat councils while seated (started at or
 * after the mandate's term start), unless they still sit there by another mandate: an officer of a
 * federated council holds the office by virtue of the seat. Offices taken before the seat are kept.
 */
export async function endOfficesHeldByVirtueOf(
  tx: Db,
  endedIds: readonly string[],
  at: InstantIso,
): Promise<Array<{ id: string; council_id: string; office: string; person_id: string }>> {
  if (endedIds.length === 0) return [];
  const { rows } = await sql<{ id: string; council_id: string; office: string; person_id: string }>`
    update offices o set ended_at = ${at}::timestamptz
      from mandates e
     where e.id = any(${endedIds}::uuid[])
       and o.council_id = e.seat_council_id and o.person_id = e.holder_person_id and o.ended_at is null
       and o.started_at >= e.term_starts_at
       and not exists (select 1 from mandates k
                        where k.seat_council_id = e.seat_council_id and k.holder_person_id = e.holder_person_id
                          and k.ended_at is null and k.term_starts_at <= ${at}::timestamptz
                          and k.term_ends_at > ${at}::timestamptz)
    returning o.id, o.council_id, o.office, o.person_id`.execute(tx);
  return rows;
}

/** Moves the unended dependents of `fromId` onto `toId` (the same holder's new mandate); row-locks them. */
export async function repointDependents(tx: Db, fromId: string, toId: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    update mandates set depends_on_mandate_id = ${toId}
     where depends_on_mandate_id = ${fromId} and ended_at is null returning id`.execute(tx);
  return rows.map((r) => r.id);
}

/** Persons among `personIds` with an active membership of the (base) council. */
export async function activeMembersAmong(
  db: Db,
  councilId: string,
  personIds: readonly string[],
): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const { rows } = await sql<{ person_id: string }>`
    select person_id from memberships
     where council_id = ${councilId} and person_id = any(${personIds}::uuid[]) and status = 'active'`.execute(
    db,
  );
  return new Set(rows.map((r) => r.person_id));
}

/**
 * For a federated sending council: each person's mandate in it, active at `at`, share-locked so that it
 * cannot end before the mandate that will depend on it commits (a recall of it waits, then cascades).
 */
export async function shareLockSeatsInSender(
  tx: Db,
  sendingCouncilId: string,
  personIds: readonly string[],
  at: InstantIso,
): Promise<Map<string, string>> {
  if (personIds.length === 0) return new Map();
  const { rows } = await sql<{ id: string; holder_person_id: string }>`
    select m.id, m.holder_person_id from mandates m
     where m.seat_council_id = ${sendingCouncilId} and m.holder_person_id = any(${personIds}::uuid[])
       and m.ended_at is null and m.term_starts_at <= ${at}::timestamptz and m.term_ends_at > ${at}::timestamptz
     order by m.id for share`.execute(tx);
  const seats = new Map<string, string>();
  for (const r of rows) if (!seats.has(r.holder_person_id)) seats.set(r.holder_person_id, r.id);
  return seats;
}

export interface NewElectionResult {
  sendingCouncilId: string;
  seatCouncilId: string;
  apportionmentId: string;
  seats: number;
  sheetReference: string;
  /** Paper counts: the two tellers; polls: null (the poll is the record). */
  tellers: readonly [string, string] | null;
  pollId: string | null;
  tally: Array<{ personId: string; votes: number; elected: boolean }>;
  recordedAt: InstantIso;
  recordedBy: string | null;
}

export async function insertElectionResult(tx: Db, r: NewElectionResult): Promise<string> {
  return (
    await sql<{ id: string }>`
      insert into election_results (sending_council_id, seat_council_id, apportionment_id, seats, source,
                                    sheet_reference, tellers, poll_id, tally, recorded_at, recorded_by)
      values (${r.sendingCouncilId}, ${r.seatCouncilId}, ${r.apportionmentId}, ${r.seats},
              ${r.pollId ? 'poll' : 'paper-count'}, ${r.sheetReference}, ${r.tellers ? [...r.tellers] : null}::text[],
              ${r.pollId}, ${JSON.stringify(r.tally)}::jsonb, ${r.recordedAt}::timestamptz, ${r.recordedBy})
      returning id`.execute(tx)
  ).rows[0]!.id;
}

export interface NewMandate {
  seatCouncilId: string;
  sendingCouncilId: string;
  holderPersonId: string;
  weightMillis: number;
  termStartsAt: InstantIso;
  termEndsAt: InstantIso;
  dependsOnMandateId: string | null;
  electionResultId: string;
  replacesMandateId: string | null;
}

export async function insertMandate(tx: Db, m: NewMandate): Promise<string> {
  return (
    await sql<{ id: string }>`
      insert into mandates (seat_council_id, sending_council_id, holder_person_id, weight_millis, term_starts_at,
                            term_ends_at, status, depends_on_mandate_id, election_result_id, replaces_mandate_id)
      values (${m.seatCouncilId}, ${m.sendingCouncilId}, ${m.holderPersonId}, ${m.weightMillis},
              ${m.termStartsAt}::timestamptz, ${m.termEndsAt}::timestamptz, 'active', ${m.dependsOnMandateId},
              ${m.electionResultId}, ${m.replacesMandateId})
      returning id`.execute(tx)
  ).rows[0]!.id;
}

export async function insertSubstitutes(
  tx: Db,
  result: { id: string; seatCouncilId: string; sendingCouncilId: string },
  personIds: readonly string[],
): Promise<void> {
  if (personIds.length === 0) return;
  await sql`
    insert into mandate_substitutes (election_result_id, seat_council_id, sending_council_id, person_id, rank)
    select ${result.id}, ${result.seatCouncilId}, ${result.sendingCouncilId}, p.person_id, p.rank::int
      from unnest(${personIds}::uuid[]) with ordinality as p(person_id, rank)`.execute(tx);
}

export interface SubstituteRow {
  id: string;
  person_id: string;
  rank: number;
}

/** Unused substitutes of an election result in rank order, locked so two acts cannot seat the same one. */
export async function lockUnusedSubstitutes(tx: Db, electionResultId: string): Promise<SubstituteRow[]> {
  const { rows } = await sql<SubstituteRow>`
    select id, person_id, rank from mandate_substitutes
     where election_result_id = ${electionResultId} and used_at is null
     order by rank for update`.execute(tx);
  return rows;
}

export async function markSubstituteUsed(
  tx: Db,
  id: string,
  mandateId: string,
  at: InstantIso,
): Promise<void> {
  await sql`update mandate_substitutes set used_at = ${at}::timestamptz, used_for_mandate_id = ${mandateId}
             where id = ${id}`.execute(tx);
}

/** Whether the person already sits in the seat council for this sending council. */
export async function sitsFor(
  tx: Db,
  seatCouncilId: string,
  sendingCouncilId: string,
  personId: string,
): Promise<boolean> {
  const { rows } = await sql<{ ok: boolean }>`
    select exists(select 1 from mandates where seat_council_id = ${seatCouncilId}
                    and sending_council_id = ${sendingCouncilId} and holder_person_id = ${personId}
                    and ended_at is null) as ok`.execute(tx);
  return rows[0]?.ok === true;
}

export interface RollRow {
  mandate_id: string;
  holder_person_id: string;
  holder_name: string;
  weight_millis: number;
  sending_council_id: string;
  sending_council_name: string;
  term_starts_at: InstantIso;
  term_ends_at: InstantIso;
  depends_on_mandate_id: string | null;
}

/**
 * The roll of a council at `at`: who sits, with which weight, through which mandate and sending council.
 * Active means term_starts_at <= at < least(ended_at, term_ends_at) (the generated active_until); one
 * range read of mandates_roll for the council's rows still active at `at`.
 */
export async function rollAt(db: Db, councilId: string, at: InstantIso): Promise<RollRow[]> {
  const { rows } = await sql<RollRow>`
    select m.id as mandate_id, m.holder_person_id, p.full_name as holder_name, m.weight_millis,
           m.sending_council_id, c.name as sending_council_name,
           ${isoUs(sql`m.term_starts_at`)} as term_starts_at, ${isoUs(sql`m.term_ends_at`)} as term_ends_at,
           m.depends_on_mandate_id
      from mandates m
      join persons p on p.id = m.holder_person_id
      join councils c on c.id = m.sending_council_id
     where m.seat_council_id = ${councilId} and m.active_until > ${at}::timestamptz
       and m.term_starts_at <= ${at}::timestamptz
     order by c.name, p.full_name, m.id`.execute(db);
  return rows;
}

export interface TraceRow extends MandateRow {
  depth: number;
  seat_council_name: string;
  sending_council_name: string;
  sending_council_kind: string;
  holder_name: string;
}

/** The mandate and the ones it depends on, down to the one issued by a base council (depth 0 first). */
export async function traceToBase(db: Db, mandateId: string): Promise<TraceRow[]> {
  const { rows } = await sql<TraceRow>`
    with recursive chain (id, depth) as (
      select id, 0 from mandates where id = ${mandateId}
      union all
      select d.depends_on_mandate_id, c.depth + 1 from chain c join mandates d on d.id = c.id
       where d.depends_on_mandate_id is not null and c.depth < 64
    )
    select ${mandateColumns}, ch.depth, sc.name as seat_council_name, se.name as sending_council_name,
           se.kind as sending_council_kind, p.full_name as holder_name
      from chain ch join mandates m on m.id = ch.id
      join councils sc on sc.id = m.seat_council_id
      join councils se on se.id = m.sending_council_id
      join persons p on p.id = m.holder_person_id
     order by ch.depth`.execute(db);
  return rows;
}

/**
 * The base council each mandate ultimately represents (the sender at the bottom of its depends-on
 * chain), for a whole roll in one recursive query rather than one trace per seat.
 */
export async function baseCouncilsOf(
  db: Db,
  mandateIds: string[],
): Promise<Map<string, { id: string; name: string }>> {
  if (mandateIds.length === 0) return new Map();
  const { rows } = await sql<{ root: string; id: string; name: string }>`
    with recursive chain (root, id, depth) as (
      select id, id, 0 from mandates where id = any(${mandateIds}::uuid[])
      union all
      select c.root, m.depends_on_mandate_id, c.depth + 1 from chain c join mandates m on m.id = c.id
       where m.depends_on_mandate_id is not null and c.depth < 64
    )
    select distinct on (c.root) c.root, s.id, s.name
      from chain c join mandates m on m.id = c.id join councils s on s.id = m.sending_council_id
     order by c.root, c.depth desc`.execute(db);
  return new Map(rows.map((r) => [r.root, { id: r.id, name: r.name }]));
}

/** Every mandate a sending council has issued for a seat council, newest term first. */
export async function mandateHistory(
  db: Db,
  seatCouncilId: string,
  sendingCouncilId: string,
  limit: number,
): Promise<Array<MandateRow & { holder_name: string }>> {
  const { rows } = await sql<MandateRow & { holder_name: string }>`
    select ${mandateColumns}, p.full_name as holder_name
      from mandates m join persons p on p.id = m.holder_person_id
     where m.seat_council_id = ${seatCouncilId} and m.sending_council_id = ${sendingCouncilId}
     order by m.term_starts_at desc, m.id limit ${limit}`.execute(db);
  return rows;
}

export async function mandatesOfPerson(
  db: Db,
  personId: string,
): Promise<Array<MandateRow & { seat_council_name: string; sending_council_name: string }>> {
  const { rows } = await sql<MandateRow & { seat_council_name: string; sending_council_name: string }>`
    select ${mandateColumns}, sc.name as seat_council_name, se.name as sending_council_name
      from mandates m
      join councils sc on sc.id = m.seat_council_id
      join councils se on se.id = m.sending_council_id
     where m.holder_person_id = ${personId}
     order by m.term_starts_at desc, m.id limit 200`.execute(db);
  return rows;
}

/** Mandates still marked active whose term has run out (the expiry task), oldest first. */
export async function termEndedMandateIds(db: Db): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    select id from mandates where ended_at is null and term_ends_at <= clock_timestamp()
     order by term_ends_at, id limit 500`.execute(db);
  return rows.map((r) => r.id);
}

/** The mandate ended at its term's end: status 'expired', ended_at = term_ends_at (under its row lock). */
export async function markTermEnded(tx: Db, id: string): Promise<void> {
  await sql`update mandates set status = 'expired', ended_at = term_ends_at, end_reason = 'term-ended'
             where id = ${id} and ended_at is null`.execute(tx);
}

/** How many of the sending council's seats in the seat council are held now (read without locks). */
export async function heldSeatsOfSender(
  db: Db,
  seatCouncilId: string,
  sendingCouncilId: string,
): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from mandates
     where seat_council_id = ${seatCouncilId} and sending_council_id = ${sendingCouncilId}
       and active_until > clock_timestamp() and term_starts_at <= clock_timestamp()`.execute(db);
  return rows[0]?.n ?? 0;
}
