// The only file of the actions context that runs SQL on demands, demand_answers and
// demand_endorsements. Dates travel as ISO text ('2026-11-29'), instants as ISO text with µs.
import { sql } from 'kysely';
import type { DemandStatus } from '../../core/actions/index.ts';
import { type Db, isoUs } from '../platform/database.ts';

export interface DemandRow {
  id: string;
  council_id: string;
  batch_id: string;
  position: number;
  number: number | null;
  text: string;
  addressee: string;
  raised_on: string | null;
  status: DemandStatus;
  proposed_at: string;
  poll_id: string | null;
  decided_at: string | null;
  status_changed_at: string | null;
}

const columns = sql`d.id, d.council_id, d.batch_id, d.position, d.number, d.text, d.addressee,
  d.raised_on::text as raised_on, d.status, ${isoUs(sql`d.proposed_at`)} as proposed_at, d.poll_id,
  ${isoUs(sql`d.decided_at`)} as decided_at, ${isoUs(sql`d.status_changed_at`)} as status_changed_at`;

export async function findDemand(db: Db, id: string, lock = false): Promise<DemandRow | undefined> {
  const { rows } = await sql<DemandRow>`
    select ${columns} from demands d where d.id = ${id} ${lock ? sql`for update` : sql``}`.execute(db);
  return rows[0];
}

/** The demands of one batch in their order; `lock` takes each row FOR UPDATE (the vote's hooks). */
export async function batchDemands(db: Db, batchId: string, lock = false): Promise<DemandRow[]> {
  const { rows } = await sql<DemandRow>`
    select ${columns} from demands d where d.batch_id = ${batchId}
     order by d.position ${lock ? sql`for update` : sql``}`.execute(db);
  return rows;
}

export interface NewDemand {
  text: string;
  addressee: string;
  raisedOn: string | null;
}

/** One batch of proposed demands, in the given order, under a new batch id (one statement). */
export async function insertDemandBatch(
  tx: Db,
  councilId: string,
  proposedBy: string,
  demands: readonly NewDemand[],
): Promise<DemandRow[]> {
  const { rows } = await sql<DemandRow>`
    with b as (select gen_random_uuid() as id)
    insert into demands as d (council_id, batch_id, position, text, addressee, raised_on, proposed_by)
    select ${councilId}, b.id, t.ord::int, t.text, t.addressee, nullif(t.raised_on, '')::date, ${proposedBy}
      from b, unnest(${demands.map((x) => x.text)}::text[], ${demands.map((x) => x.addressee)}::text[],
                     ${demands.map((x) => x.raisedOn ?? '')}::text[])
              with ordinality as t(text, addressee, raised_on, ord)
    returning ${columns}`.execute(tx);
  return rows.sort((a, b) => a.position - b.position);
}

export async function setBatchPoll(tx: Db, batchId: string, pollId: string): Promise<void> {
  await sql`update demands set poll_id = ${pollId} where batch_id = ${batchId}`.execute(tx);
}

/**
 * The vote adopted the batch: each demand gets the council's next number in the batch's order, the
 * status 'raised' (raised on the day given at proposal, else the day of adoption) and a first history
 * row. Numbers are gap-free per council because every numbering takes a transaction-scoped advisory
 * lock on the council first: two votes closing at once number one after the other, and the second
 * statement reads the first's numbers once it has committed (READ COMMITTED: a new snapshot per
 * statement). A rollback releases the lock with the numbers unused, so no gap is left either.
 */
export async function adoptBatch(
  tx: Db,
  councilId: string,
  batchId: string,
  d: { pollId: string; at: string; summary: string },
): Promise<DemandRow[]> {
  await sql`select pg_advisory_xact_lock(hashtextextended('demands:' || ${councilId}::text, 0))`.execute(tx);
  const { rows } = await sql<DemandRow>`
    with last as (select coalesce(max(number), 0) as n from demands where council_id = ${councilId})
    update demands d
       set number = last.n + d.position, status = 'raised', poll_id = ${d.pollId},
           raised_on = coalesce(d.raised_on, (${d.at}::timestamptz)::date),
           decided_at = ${d.at}::timestamptz, status_changed_at = ${d.at}::timestamptz
      from last
     where d.batch_id = ${batchId} and d.status = 'proposed'
    returning ${columns}`.execute(tx);
  await insertHistoryOfBatch(tx, batchId, 'raised', d);
  return rows.sort((a, b) => a.position - b.position);
}

/** The vote did not adopt the batch: its demands are rejected, unnumbered. */
export async function rejectBatch(
  tx: Db,
  batchId: string,
  d: { pollId: string; at: string; summary: string },
): Promise<void> {
  await sql`
    update demands set status = 'rejected', poll_id = ${d.pollId}, decided_at = ${d.at}::timestamptz,
           status_changed_at = ${d.at}::timestamptz
     where batch_id = ${batchId} and status = 'proposed'`.execute(tx);
  await insertHistoryOfBatch(tx, batchId, 'rejected', d);
}

async function insertHistoryOfBatch(
  tx: Db,
  batchId: string,
  to: 'raised' | 'rejected',
  d: { at: string; summary: string },
): Promise<void> {
  await sql`
    insert into demand_answers (demand_id, at, by_person_id, kind, from_status, to_status, text)
    select id, ${d.at}::timestamptz, null, 'status-change', 'proposed', ${to}, ${d.summary.slice(0, 4000)}
      from demands where batch_id = ${batchId} order by position`.execute(tx);
}

export async function setDemandStatus(tx: Db, id: string, status: DemandStatus): Promise<string> {
  const { rows } = await sql<{ at: string }>`
    update demands set status = ${status}, status_changed_at = now() where id = ${id}
    returning ${isoUs(sql`status_changed_at`)} as at`.execute(tx);
  return rows[0]!.at;
}

export type AnswerKind = 'answer-received' | 'status-change' | 'note';

export interface AnswerRow {
  id: string;
  demand_id: string;
  at: string;
  kind: AnswerKind;
  from_status: DemandStatus | null;
  to_status: DemandStatus | null;
  answered_on: string | null;
  text: string | null;
  by_vote: boolean;
}

const answerColumns = sql`a.id::text as id, a.demand_id, ${isoUs(sql`a.at`)} as at, a.kind, a.from_status,
  a.to_status, a.answered_on::text as answered_on, a.text, (a.by_person_id is null) as by_vote`;

export async function insertAnswer(
  tx: Db,
  a: {
    demandId: string;
    byPersonId: string;
    kind: AnswerKind;
    fromStatus: DemandStatus | null;
    toStatus: DemandStatus | null;
    answeredOn: string | null;
    text: string | null;
  },
): Promise<AnswerRow> {
  const { rows } = await sql<AnswerRow>`
    insert into demand_answers as a (demand_id, by_person_id, kind, from_status, to_status, answered_on, text)
    values (${a.demandId}, ${a.byPersonId}, ${a.kind}, ${a.fromStatus}, ${a.toStatus}, ${a.answeredOn}::date,
            ${a.text})
    returning ${answerColumns}`.execute(tx);
  return rows[0]!;
}

/** A demand's history, oldest first. */
export async function demandHistory(db: Db, demandId: string): Promise<AnswerRow[]> {
  const { rows } = await sql<AnswerRow>`
    select ${answerColumns} from demand_answers a where a.demand_id = ${demandId} order by a.id`.execute(db);
  return rows;
}

export interface EndorsementRow {
  id: string;
  demand_id: string;
  council_id: string;
  council_name: string;
  endorsed_at: string;
  withdrawn_at: string | null;
}

const endorsementColumns = sql`e.id, e.demand_id, e.council_id, c.name as council_name,
  ${isoUs(sql`e.endorsed_at`)} as endorsed_at, ${isoUs(sql`e.withdrawn_at`)} as withdrawn_at`;

/**
 * The council's endorsement, unless one is in force already: the partial unique index
 * demand_endorsements_in_force decides between two officers endorsing at once (undefined: in force).
 */
export async function insertEndorsement(
  tx: Db,
  demandId: string,
  councilId: string,
  by: string,
): Promise<EndorsementRow | undefined> {
  const { rows } = await sql<EndorsementRow>`
    with e as (
      insert into demand_endorsements (demand_id, council_id, endorsed_by)
      values (${demandId}, ${councilId}, ${by})
      on conflict (demand_id, council_id) where withdrawn_at is null do nothing
      returning *)
    select ${endorsementColumns} from e join councils c on c.id = e.council_id`.execute(tx);
  return rows[0];
}

/** Withdraws the endorsement in force, if any (one statement: two withdrawals at once end one row). */
export async function withdrawEndorsement(
  tx: Db,
  demandId: string,
  councilId: string,
  by: string,
): Promise<EndorsementRow | undefined> {
  const { rows } = await sql<EndorsementRow>`
    with e as (
      update demand_endorsements set withdrawn_at = greatest(now(), endorsed_at), withdrawn_by = ${by}
       where demand_id = ${demandId} and council_id = ${councilId} and withdrawn_at is null
      returning *)
    select ${endorsementColumns} from e join councils c on c.id = e.council_id`.execute(tx);
  return rows[0];
}

/** Every endorsement of a demand, in force and withdrawn, oldest first. */
export async function demandEndorsements(db: Db, demandId: string): Promise<EndorsementRow[]> {
  const { rows } = await sql<EndorsementRow>`
    select ${endorsementColumns} from demand_endorsements e join councils c on c.id = e.council_id
     where e.demand_id = ${demandId} order by e.endorsed_at, e.id`.execute(db);
  return rows;
}

export interface ListedDemandRow extends DemandRow {
  endorsements: number;
  last_answer_at: string | null;
}

/** Every demand of a council, by number (proposals and rejected ones after, in the order proposed). */
export async function demandList(db: Db, councilId: string): Promise<ListedDemandRow[]> {
  const { rows } = await sql<ListedDemandRow>`
    select ${columns},
           (select count(*)::int from demand_endorsements e
             where e.demand_id = d.id and e.withdrawn_at is null) as endorsements,
           (select ${isoUs(sql`max(a.at)`)} from demand_answers a
             where a.demand_id = d.id and a.kind = 'answer-received') as last_answer_at
      from demands d
     where d.council_id = ${councilId}
     order by d.number nulls last, d.proposed_at, d.batch_id, d.position`.execute(db);
  return rows;
}

/** The database's date today (the day raised and answered days are judged on). */
export async function today(db: Db): Promise<string> {
  const { rows } = await sql<{ d: string }>`select current_date::text as d`.execute(db);
  return rows[0]!.d;
}
