// The only file of the decisions context that runs SQL on assemblies, agenda_items and attendance — and
// the weight queries of quorum, which read memberships and mandates (federation's tables) as facts.
// Instants come from the database clock as ISO text with microseconds (see federation's mandates.store).
import { sql } from 'kysely';
import type { QuorumRule } from '../../core/decisions/index.ts';
import { subtreeEnd } from '../federation/index.ts';
import { type Db, isoUs } from '../platform/database.ts';

export type AssemblyStatus = 'convened' | 'in-session' | 'closed' | 'cancelled';

export interface AssemblyRow {
  id: string;
  council_id: string;
  title: string;
  place: string | null;
  online_url: string | null;
  starts_at: string;
  is_extraordinary: boolean;
  convened_at: string;
  convened_by: string | null;
  quorum_rule: QuorumRule['kind'];
  quorum_percent: number | null;
  status: AssemblyStatus;
  opened_at: string | null;
  closed_at: string | null;
}

const assemblyColumns = sql`a.id, a.council_id, a.title, a.place, a.online_url,
  ${isoUs(sql`a.starts_at`)} as starts_at, a.is_extraordinary, ${isoUs(sql`a.convened_at`)} as convened_at, a.convened_by,
  a.quorum_rule, a.quorum_percent, a.status, ${isoUs(sql`a.opened_at`)} as opened_at,
  ${isoUs(sql`a.closed_at`)} as closed_at`;

export const quorumRuleOf = (a: Pick<AssemblyRow, 'quorum_rule' | 'quorum_percent'>): QuorumRule =>
  a.quorum_rule === 'percent'
    ? { kind: 'percent', percent: a.quorum_percent ?? 50 }
    : { kind: 'more-than-half' };

export interface NewAssembly {
  councilId: string;
  title: string;
  place: string | null;
  onlineUrl: string | null;
  startsAt: string;
  isExtraordinary: boolean;
  convenedAt: string;
  convenedBy: string | null;
  quorum: QuorumRule;
}

export async function insertAssembly(tx: Db, a: NewAssembly): Promise<string> {
  const percent = a.quorum.kind === 'percent' ? a.quorum.percent : null;
  const { rows } = await sql<{ id: string }>`
    insert into assemblies (council_id, title, place, online_url, starts_at, is_extraordinary, convened_at, convened_by,
                            quorum_rule, quorum_percent, status)
    values (${a.councilId}, ${a.title}, ${a.place}, ${a.onlineUrl}, ${a.startsAt}::timestamptz,
            ${a.isExtraordinary}, ${a.convenedAt}::timestamptz, ${a.convenedBy}, ${a.quorum.kind}, ${percent}, 'convened')
    returning id`.execute(tx);
  return rows[0]!.id;
}

export async function insertAgendaItems(
  tx: Db,
  assemblyId: string,
  items: ReadonlyArray<{ title: string; notes: string | null }>,
): Promise<void> {
  for (const [i, item] of items.entries()) {
    await sql`insert into agenda_items (assembly_id, position, title, notes)
              values (${assemblyId}, ${i + 1}, ${item.title}, ${item.notes})`.execute(tx);
  }
}

export async function findAssembly(db: Db, id: string): Promise<AssemblyRow | undefined> {
  return (await sql<AssemblyRow>`select ${assemblyColumns} from assemblies a where a.id = ${id}`.execute(db))
    .rows[0];
}

/** Row lock on the assembly: quorum-deciding acts (opening a binding poll, check-in/out) take turns on it. */
export async function lockAssembly(tx: Db, id: string): Promise<AssemblyRow | undefined> {
  return (
    await sql<AssemblyRow>`select ${assemblyColumns} from assemblies a where a.id = ${id} for update`.execute(
      tx,
    )
  ).rows[0];
}

export async function setAssemblyStatus(
  tx: Db,
  id: string,
  status: AssemblyStatus,
  at: string,
): Promise<void> {
  await sql`update assemblies set status = ${status},
              opened_at = case when ${status} = 'in-session' then ${at}::timestamptz else opened_at end,
              closed_at = case when ${status} in ('closed', 'cancelled') then ${at}::timestamptz else closed_at end
            where id = ${id}`.execute(tx);
}

export async function assembliesOfCouncil(db: Db, councilId: string): Promise<AssemblyRow[]> {
  return (
    await sql<AssemblyRow>`select ${assemblyColumns} from assemblies a where a.council_id = ${councilId}
                            order by a.starts_at desc, a.id limit 200`.execute(db)
  ).rows;
}

export interface AgendaItemRow {
  id: string;
  position: number;
  title: string;
  notes: string | null;
}

export async function agendaOf(db: Db, assemblyId: string): Promise<AgendaItemRow[]> {
  return (
    await sql<AgendaItemRow>`select id, position, title, notes from agenda_items
                              where assembly_id = ${assemblyId} order by position`.execute(db)
  ).rows;
}

export async function insertAttendance(
  tx: Db,
  a: {
    assemblyId: string;
    personId: string;
    mandateId: string | null;
    at: string;
    recordedBy: string | null;
  },
): Promise<boolean> {
  const { rows } = await sql<{ id: string }>`
    insert into attendance (assembly_id, person_id, mandate_id, checked_in_at, recorded_by)
    values (${a.assemblyId}, ${a.personId}, ${a.mandateId}, ${a.at}::timestamptz, ${a.recordedBy})
    on conflict do nothing returning id`.execute(tx);
  return rows.length === 1;
}

export async function checkOutAttendance(
  tx: Db,
  assemblyId: string,
  personId: string,
  at: string,
): Promise<number> {
  const { rows } = await sql<{ id: string }>`
    update attendance set checked_out_at = ${at}::timestamptz
     where assembly_id = ${assemblyId} and person_id = ${personId} and checked_out_at is null
     returning id`.execute(tx);
  return rows.length;
}

/** Whether the person is in the room now (with `mandateId`, sitting on that mandate). */
export async function isPresent(
  db: Db,
  assemblyId: string,
  personId: string,
  mandateId: string | null,
): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from attendance
     where assembly_id = ${assemblyId} and person_id = ${personId} and checked_out_at is null
       and mandate_id is not distinct from ${mandateId}`.execute(db);
  return (rows[0]?.n ?? 0) > 0;
}

export interface AttendeeRow {
  person_id: string;
  full_name: string;
  mandate_id: string | null;
  weight_millis: number;
  checked_in_at: string;
}

/**
 * FOR SHARE on the mandates of the delegates in the room (opening a binding poll): a recall of one of
 * them waits for the poll's opening to commit, so the quorum it saw held at its instant.
 */
export async function shareLockPresentMandates(tx: Db, assemblyId: string): Promise<void> {
  await sql`select m.id from mandates m
             where m.id in (select mandate_id from attendance
                             where assembly_id = ${assemblyId} and checked_out_at is null and mandate_id is not null)
             order by m.id for share`.execute(tx);
}

/**
 * Who is present at `at` and with what weight: members count 1000; a delegate counts their mandate's
 * weight only while it is active — a recalled delegate's weight leaves the quorum at the instant.
 */
export async function presentAt(db: Db, assemblyId: string, at: string): Promise<AttendeeRow[]> {
  const { rows } = await sql<AttendeeRow>`
    select a.person_id, p.full_name, a.mandate_id,
           case when a.mandate_id is null then 1000 else m.weight_millis end as weight_millis,
           ${isoUs(sql`a.checked_in_at`)} as checked_in_at
      from attendance a
      join persons p on p.id = a.person_id
      left join mandates m on m.id = a.mandate_id
     where a.assembly_id = ${assemblyId} and a.checked_out_at is null
       and (a.mandate_id is null
            or (m.active_until > ${at}::timestamptz and m.term_starts_at <= ${at}::timestamptz))
     order by p.full_name, a.person_id`.execute(db);
  return rows;
}

/** The weight entitled to vote in a council at `at`: its active members, or its roll's mandates. */
export async function entitledMillis(
  db: Db,
  council: { id: string; kind: string; path: string },
  electorate: 'members' | 'mandates' | 'members-below',
  at: string,
): Promise<number> {
  if (electorate === 'mandates') {
    const { rows } = await sql<{ w: number }>`
      select coalesce(sum(weight_millis), 0)::bigint::float8 as w from mandates
       where seat_council_id = ${council.id} and active_until > ${at}::timestamptz
         and term_starts_at <= ${at}::timestamptz`.execute(db);
    return Number(rows[0]?.w ?? 0);
  }
  if (electorate === 'members') {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from memberships where council_id = ${council.id} and status = 'active'`.execute(
      db,
    );
    return (rows[0]?.n ?? 0) * 1000;
  }
  const { rows } = await sql<{ n: number }>`
    select coalesce(sum(direct_members), 0)::int as n from councils
     where path >= ${council.path} and path < ${subtreeEnd(council.path)} and dissolved_at is null`.execute(
    db,
  );
  return (rows[0]?.n ?? 0) * 1000;
}

/** The person's mandates on the council's roll now (a delegate may hold more than one seat). */
export async function activeMandatesOf(
  db: Db,
  councilId: string,
  personId: string,
): Promise<Array<{ mandateId: string; weightMillis: number }>> {
  const { rows } = await sql<{ id: string; weight_millis: number }>`
    select id, weight_millis from mandates
     where seat_council_id = ${councilId} and holder_person_id = ${personId}
       and active_until > clock_timestamp() and term_starts_at <= clock_timestamp()
     order by id`.execute(db);
  return rows.map((r) => ({ mandateId: r.id, weightMillis: r.weight_millis }));
}

/** Which of the mandates already voted in the poll. */
export async function mandatesThatVoted(
  db: Db,
  pollId: string,
  mandateIds: readonly string[],
): Promise<Set<string>> {
  if (mandateIds.length === 0) return new Set();
  const { rows } = await sql<{ mandate_id: string }>`
    select mandate_id from poll_voters where poll_id = ${pollId} and mandate_id = any(${mandateIds}::uuid[])`.execute(
    db,
  );
  return new Set(rows.map((r) => r.mandate_id));
}
