// The only file of the decisions context that runs SQL on polls, poll_voters, secret_ballots and
// named_ballots. The one rule it keeps by construction (ADR 0005): nothing written for a secret poll
// puts a voter and a ballot in one row, and no statement here joins poll_voters to secret_ballots.
import { sql } from 'kysely';
import type {
  BallotContents,
  Electorate,
  Majority,
  MajorityBase,
  PollKind,
  PollMethod,
  PollResult,
  Secrecy,
} from '../../core/decisions/index.ts';
import { type Db, isoUs } from '../platform/database.ts';

export interface PollOption {
  label: string;
  personId: string | null;
}

export interface PollRow {
  id: string;
  council_id: string;
  assembly_id: string | null;
  kind: PollKind;
  title: string;
  body: string | null;
  method: PollMethod;
  options: PollOption[];
  seats: number;
  max_marks: number;
  allow_split: boolean;
  majority: Majority;
  majority_base: MajorityBase;
  secrecy: Secrecy;
  electorate: Electorate;
  recall_petition_id: string | null;
  subject_mandate_id: string | null;
  seat_council_id: string | null;
  term_ends_at: string | null;
  fills_vacancies: boolean;
  status: 'open' | 'closed' | 'cancelled';
  opened_at: string;
  opened_by: string | null;
  closes_at: string | null;
  closed_at: string | null;
  entitled_millis: number;
  present_at_open_millis: number | null;
  present_at_close_millis: number | null;
  seed: string;
  result: PollResult | null;
  outcome: 'adopted' | 'rejected' | 'elected' | 'no-valid-ballots' | null;
  /** A vote on a motion (motion_id), or on one of its amendments (both set). */
  motion_id: string | null;
  amendment_id: string | null;
  /** A subject another context decides by this poll (poll-subjects.ts), e.g. 'ration-rule'. */
  subject_kind: string | null;
  subject_id: string | null;
}

const pollColumns = sql`p.id, p.council_id, p.assembly_id, p.kind, p.title, p.body, p.method, p.options,
  p.seats, p.max_marks, p.allow_split, p.majority, p.majority_base, p.secrecy, p.electorate,
  p.recall_petition_id, p.subject_mandate_id, p.seat_council_id, ${isoUs(sql`p.term_ends_at`)} as term_ends_at,
  p.fills_vacancies,
  p.status, ${isoUs(sql`p.opened_at`)} as opened_at, p.opened_by, ${isoUs(sql`p.closes_at`)} as closes_at,
  ${isoUs(sql`p.closed_at`)} as closed_at, p.entitled_millis::float8 as entitled_millis,
  p.present_at_open_millis::float8 as present_at_open_millis,
  p.present_at_close_millis::float8 as present_at_close_millis, p.seed, p.result, p.outcome,
  p.motion_id, p.amendment_id, p.subject_kind, p.subject_id`;

export interface NewPoll {
  councilId: string;
  assemblyId: string | null;
  kind: PollKind;
  title: string;
  body: string | null;
  method: PollMethod;
  options: PollOption[];
  seats: number;
  maxMarks: number;
  allowSplit: boolean;
  majority: Majority;
  majorityBase: MajorityBase;
  secrecy: Secrecy;
  electorate: Electorate;
  recallPetitionId: string | null;
  subjectMandateId: string | null;
  seatCouncilId: string | null;
  termEndsAt: string | null;
  fillsVacancies?: boolean;
  openedAt: string;
  openedBy: string | null;
  closesAt: string | null;
  entitledMillis: number;
  presentAtOpenMillis: number | null;
  seed: string;
  motionId?: string | null;
  amendmentId?: string | null;
  subjectKind?: string | null;
  subjectId?: string | null;
}

export async function insertPoll(tx: Db, p: NewPoll): Promise<string> {
  const { rows } = await sql<{ id: string }>`
    insert into polls (council_id, assembly_id, kind, title, body, method, options, seats, max_marks,
                       allow_split, majority, majority_base, secrecy, electorate, recall_petition_id,
                       subject_mandate_id, seat_council_id, term_ends_at, status, opened_at, opened_by,
                       closes_at, entitled_millis, present_at_open_millis, seed, motion_id, amendment_id,
                       fills_vacancies, subject_kind, subject_id)
    values (${p.councilId}, ${p.assemblyId}, ${p.kind}, ${p.title}, ${p.body}, ${p.method},
            ${JSON.stringify(p.options)}::jsonb, ${p.seats}, ${p.maxMarks}, ${p.allowSplit}, ${p.majority},
            ${p.majorityBase}, ${p.secrecy}, ${p.electorate}, ${p.recallPetitionId}, ${p.subjectMandateId},
            ${p.seatCouncilId}, ${p.termEndsAt}::timestamptz, 'open', ${p.openedAt}::timestamptz, ${p.openedBy},
            ${p.closesAt}::timestamptz, ${p.entitledMillis}, ${p.presentAtOpenMillis}, ${p.seed},
            ${p.motionId ?? null}, ${p.amendmentId ?? null}, ${p.fillsVacancies ?? false},
            ${p.subjectKind ?? null}, ${p.subjectId ?? null})
    returning id`.execute(tx);
  return rows[0]!.id;
}

export async function findPoll(db: Db, id: string): Promise<PollRow | undefined> {
  return (await sql<PollRow>`select ${pollColumns} from polls p where p.id = ${id}`.execute(db)).rows[0];
}

/** 'share' to cast a ballot (many at once), 'update' to close: a close waits for ballots in flight. */
export async function lockPoll(tx: Db, id: string, mode: 'share' | 'update'): Promise<PollRow | undefined> {
  const lock = mode === 'update' ? sql`for update` : sql`for share`;
  return (await sql<PollRow>`select ${pollColumns} from polls p where p.id = ${id} ${lock}`.execute(tx))
    .rows[0];
}

export async function pollsOfCouncil(db: Db, councilId: string): Promise<PollRow[]> {
  return (
    await sql<PollRow>`select ${pollColumns} from polls p where p.council_id = ${councilId}
                        order by p.opened_at desc, p.id limit 200`.execute(db)
  ).rows;
}

export async function pollsOfAssembly(db: Db, assemblyId: string): Promise<PollRow[]> {
  return (
    await sql<PollRow>`select ${pollColumns} from polls p where p.assembly_id = ${assemblyId}
                        order by p.opened_at, p.id`.execute(db)
  ).rows;
}

/** Open polls the person may still vote in as a member of the body, or through a mandate on its roll. */
export async function openPollIdsFor(db: Db, personId: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    select p.id from polls p
     where p.status = 'open' and (p.closes_at is null or p.closes_at > clock_timestamp())
       and (
         (p.electorate = 'members' and exists (select 1 from memberships ms where ms.council_id = p.council_id
                and ms.person_id = ${personId} and ms.status = 'active')
          and not exists (select 1 from poll_voters v where v.poll_id = p.id and v.person_id = ${personId} and v.mandate_id is null))
         or (p.electorate = 'members-below' and exists (select 1 from memberships ms join councils c on c.id = ms.council_id
                join councils b on b.id = p.council_id
                where ms.person_id = ${personId} and ms.status = 'active' and c.path >= b.path
                  and c.path < rtrim(b.path, '/') || '0')
          and not exists (select 1 from poll_voters v where v.poll_id = p.id and v.person_id = ${personId} and v.mandate_id is null))
         or (p.electorate = 'mandates' and exists (select 1 from mandates m where m.seat_council_id = p.council_id
                and m.holder_person_id = ${personId} and m.active_until > clock_timestamp()
                and not exists (select 1 from poll_voters v where v.poll_id = p.id and v.mandate_id = m.id)))
       )
     order by p.opened_at desc limit 100`.execute(db);
  return rows.map((r) => r.id);
}

/** Records that the voter took part; false when they (or the mandate) already had — invariant 1. */
export async function insertVoter(
  tx: Db,
  pollId: string,
  personId: string,
  mandateId: string | null,
  at: string,
): Promise<boolean> {
  const { rows } = await sql<{ poll_id: string }>`
    insert into poll_voters (poll_id, person_id, mandate_id, voted_at)
    values (${pollId}, ${personId}, ${mandateId}, ${at}::timestamptz)
    on conflict do nothing returning poll_id`.execute(tx);
  return rows.length === 1;
}

export interface NewBallot {
  pollId: string;
  receiptCode: string;
  contents: BallotContents;
  weightMillis: number;
  baseCouncilId: string | null;
}

/** A secret ballot: no voter, no time (ADR 0005). */
export async function insertSecretBallot(tx: Db, b: NewBallot): Promise<void> {
  await sql`insert into secret_ballots (poll_id, receipt_code, contents, weight_millis, base_council_id)
            values (${b.pollId}, ${b.receiptCode}, ${JSON.stringify(b.contents)}::jsonb, ${b.weightMillis},
                    ${b.baseCouncilId})`.execute(tx);
}

export async function insertNamedBallot(
  tx: Db,
  b: NewBallot & {
    personId: string;
    mandateId: string | null;
    castAt: string;
    /** A delegate's ballot on a motion: the sending council's instruction, and whether it departs. */
    instruction?: string | null;
    departsFromInstruction?: boolean | null;
  },
): Promise<void> {
  await sql`insert into named_ballots (poll_id, person_id, mandate_id, receipt_code, contents, weight_millis,
                                       base_council_id, cast_at, instruction, departs_from_instruction)
            values (${b.pollId}, ${b.personId}, ${b.mandateId}, ${b.receiptCode},
                    ${JSON.stringify(b.contents)}::jsonb, ${b.weightMillis}, ${b.baseCouncilId},
                    ${b.castAt}::timestamptz, ${b.instruction ?? null}, ${b.departsFromInstruction ?? null})`.execute(
    tx,
  );
}

export interface PublishedBallotRow {
  receipt_code: string;
  contents: BallotContents;
  weight_millis: number;
  base_council_id: string | null;
  /** Roll-call polls only: the voter's name. */
  voter_name: string | null;
}

/** Every ballot of the poll in receipt-code order: the published list, and what the tally counts. */
export async function ballotsOfPoll(
  db: Db,
  poll: Pick<PollRow, 'id' | 'secrecy'>,
): Promise<PublishedBallotRow[]> {
  if (poll.secrecy === 'secret') {
    return (
      await sql<PublishedBallotRow>`
        select receipt_code, contents, weight_millis, base_council_id, null::text as voter_name
          from secret_ballots where poll_id = ${poll.id} order by receipt_code`.execute(db)
    ).rows;
  }
  const name = poll.secrecy === 'roll-call' ? sql`p.full_name` : sql`null::text`;
  return (
    await sql<PublishedBallotRow>`
      select b.receipt_code, b.contents, b.weight_millis, b.base_council_id, ${name} as voter_name
        from named_ballots b join persons p on p.id = b.person_id
       where b.poll_id = ${poll.id} order by b.receipt_code`.execute(db)
  ).rows;
}

/** Sorted `person:mandate` keys of everyone who took part (the seal's voter digest). */
export async function voterKeysOfPoll(db: Db, pollId: string): Promise<string[]> {
  const { rows } = await sql<{ k: string }>`
    select person_id::text || ':' || coalesce(mandate_id::text, '') as k from poll_voters
     where poll_id = ${pollId} order by 1`.execute(db);
  return rows.map((r) => r.k);
}

export async function countVoters(db: Db, pollId: string): Promise<number> {
  const { rows } = await sql<{
    n: number;
  }>`select count(*)::int as n from poll_voters where poll_id = ${pollId}`.execute(db);
  return rows[0]?.n ?? 0;
}

export async function hasVoted(db: Db, pollId: string, personId: string): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from poll_voters where poll_id = ${pollId} and person_id = ${personId}`.execute(
    db,
  );
  return (rows[0]?.n ?? 0) > 0;
}

export async function closePollRow(
  tx: Db,
  id: string,
  c: { at: string; by: string | null; presentAtCloseMillis: number | null; result: PollResult },
): Promise<void> {
  await sql`update polls set status = 'closed', closed_at = ${c.at}::timestamptz, closed_by = ${c.by},
              present_at_close_millis = ${c.presentAtCloseMillis}, result = ${JSON.stringify(c.result)}::jsonb,
              outcome = ${c.result.outcome}
            where id = ${id}`.execute(tx);
}

/** Open polls whose closing time has passed (the closing task). */
export async function duePollIds(db: Db): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    select id from polls where status = 'open' and closes_at is not null and closes_at <= clock_timestamp()
     order by closes_at limit 100`.execute(db);
  return rows.map((r) => r.id);
}

export async function recallPollIdOf(db: Db, petitionId: string): Promise<string | undefined> {
  const { rows } = await sql<{
    id: string;
  }>`select id from polls where recall_petition_id = ${petitionId}`.execute(db);
  return rows[0]?.id;
}

/** A poll on this subject is open (one at a time: polls_one_open_per_subject). */
export async function hasOpenPollOn(db: Db, kind: string, id: string): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from polls where subject_kind = ${kind} and subject_id = ${id} and status = 'open'`.execute(
    db,
  );
  return (rows[0]?.n ?? 0) > 0;
}

export interface MemberBallotOutcome {
  /** The poll was open (and before its closing time) under its share lock. */
  is_open: boolean;
  /** The person is an active member of the body (or, referendums, of a base council under it). */
  is_entitled: boolean;
  /** Sitting polls: the person is checked in (no mandate). Always true outside a sitting. */
  is_present: boolean;
  /** The voter row was new: false means they had voted already. */
  is_new: boolean;
}

export interface MemberBallotGroup {
  pollId: string;
  secrecy: Secrecy;
  electorate: 'members' | 'members-below';
  weightMillis: number;
  /** Distinct persons (the caller answers a second ballot of one person in a group itself). */
  ballots: { personId: string; receiptCode: string; contents: BallotContents }[];
}

/**
 * Members' ballots of one poll in one statement — one round trip and one commit for the whole group
 * (group commit, ADR 0007), all under the poll's FOR SHARE (close-poll.ts takes FOR UPDATE). For each
 * ballot: the poll is open, the voter entitled and present, the voter row new (invariant 1: the unique
 * index; a concurrent duplicate in another group waits for the first and then does nothing), and only
 * then the ballot — into secret_ballots without the voter and in a random order within the group, or
 * into named_ballots with them. Answers come back in the order of `ballots`.
 * Delegates do not come here: their rights need the mandate's lock and instant (cast-ballot.ts).
 */
export async function castMemberBallots(db: Db, g: MemberBallotGroup): Promise<MemberBallotOutcome[]> {
  const persons = g.ballots.map((b) => b.personId);
  const receipts = g.ballots.map((b) => b.receiptCode);
  const contents = g.ballots.map((b) => JSON.stringify(b.contents));
  const eligible =
    g.electorate === 'members'
      ? sql`select i.person_id, null::uuid as base_council_id from input i
             where exists (select 1 from memberships m where m.council_id = (select council_id from p)
                              and m.person_id = i.person_id and m.status = 'active')`
      : sql`select i.person_id, b.id as base_council_id from input i
             cross join lateral (
               select c.id from memberships m join councils c on c.id = m.council_id
                where m.person_id = i.person_id and m.status = 'active' and c.dissolved_at is null
                  and c.path >= (select path from p) and c.path < (select rtrim(path, '/') || '0' from p)
                order by c.path limit 1) b`;
  const ballot =
    g.secrecy === 'secret'
      ? sql`insert into secret_ballots (poll_id, receipt_code, contents, weight_millis, base_council_id)
            select ${g.pollId}, i.receipt_code, i.contents, ${g.weightMillis}, e.base_council_id
              from input i join voter v on v.person_id = i.person_id join eligible e on e.person_id = i.person_id
             order by random()`
      : sql`insert into named_ballots (poll_id, person_id, mandate_id, receipt_code, contents, weight_millis,
                                       base_council_id, cast_at)
            select ${g.pollId}, i.person_id, null, i.receipt_code, i.contents, ${g.weightMillis},
                   e.base_council_id, v.at
              from input i join voter v on v.person_id = i.person_id join eligible e on e.person_id = i.person_id`;
  const { rows } = await sql<MemberBallotOutcome & { n: string }>`
    with input as (
      select * from unnest(${persons}::uuid[], ${receipts}::text[], ${contents}::jsonb[])
               with ordinality as i(person_id, receipt_code, contents, n)),
    p as (
      select po.id, po.council_id, po.assembly_id, c.path from polls po join councils c on c.id = po.council_id
       where po.id = ${g.pollId} and po.status = 'open'
         and (po.closes_at is null or po.closes_at > clock_timestamp())
       for share of po),
    eligible as (${eligible}),
    present as (
      select i.person_id from input i cross join p
       where p.assembly_id is null
          or exists (select 1 from attendance a where a.assembly_id = p.assembly_id and a.person_id = i.person_id
                      and a.checked_out_at is null and a.mandate_id is null)),
    voter as (
      insert into poll_voters (poll_id, person_id, mandate_id, voted_at)
      select ${g.pollId}, e.person_id, null, clock_timestamp()
        from eligible e join present pr on pr.person_id = e.person_id
      on conflict do nothing returning person_id, voted_at as at),
    ballot as (${ballot})
    select i.n, exists (select 1 from p) as is_open, e.person_id is not null as is_entitled,
           pr.person_id is not null as is_present, v.person_id is not null as is_new
      from input i left join eligible e on e.person_id = i.person_id
           left join present pr on pr.person_id = i.person_id left join voter v on v.person_id = i.person_id
     order by i.n`.execute(db);
  if (rows.length !== g.ballots.length) throw new Error('castMemberBallots: one answer per ballot expected');
  return rows.map(({ is_open, is_entitled, is_present, is_new }) => ({
    is_open,
    is_entitled,
    is_present,
    is_new,
  }));
}
