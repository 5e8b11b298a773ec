// The set-based statements of a group of pledges (ADR 0010): each reads or writes every pledge of the
// group at once, whatever the number of persons and councils in it. With pledges.store.ts, the only SQL
// on pledges and on the pledge counters of action_councils.
import { sql } from 'kysely';
import type { Db } from '../platform/database.ts';
import { type ActionCouncilRow, type PledgeRow, pledgeColumns } from './pledges.store.ts';

/** Per person: the councils of the action's scope where the person is an active member. */
export async function scopeMembershipsOf(
  tx: Db,
  actionId: string,
  personIds: readonly string[],
): Promise<Map<string, string[]>> {
  const { rows } = await sql<{ person_id: string; council_id: string }>`
    select m.person_id, m.council_id from memberships m
      join action_councils ac on ac.council_id = m.council_id and ac.action_id = ${actionId}
     where m.person_id = any(${personIds}::uuid[]) and m.status = 'active' order by m.council_id`.execute(tx);
  const byPerson = new Map<string, string[]>(personIds.map((id) => [id, []]));
  for (const r of rows) byPerson.get(r.person_id)?.push(r.council_id);
  return byPerson;
}

export interface PledgerFacts {
  councilFound: boolean;
  councilDissolved: boolean;
  isMember: boolean;
}

/** For each (person, council) pair, in order: does the council exist, is it dissolved, is the person an active member. */
export async function pledgerFacts(
  tx: Db,
  pairs: readonly { personId: string; councilId: string }[],
): Promise<PledgerFacts[]> {
  const { rows } = await sql<{ n: string; found: boolean; dissolved: boolean; is_member: boolean }>`
    select k.n, c.id is not null as found, c.dissolved_at is not null as dissolved,
           exists(select 1 from memberships m where m.council_id = k.council_id and m.person_id = k.person_id
                     and m.status = 'active') as is_member
      from unnest(${pairs.map((p) => p.personId)}::uuid[], ${pairs.map((p) => p.councilId)}::uuid[])
           with ordinality as k(person_id, council_id, n)
      left join councils c on c.id = k.council_id
     order by k.n`.execute(tx);
  return rows.map((r) => ({ councilFound: r.found, councilDissolved: r.dissolved, isMember: r.is_member }));
}

/**
 * Row locks on the councils' counters for the action, taken in the order of the council ids (two groups
 * with councils in common wait for each other, never in a circle). Councils not in scope are absent.
 */
export async function lockActionCouncils(
  tx: Db,
  actionId: string,
  councilIds: readonly string[],
): Promise<Map<string, ActionCouncilRow>> {
  const { rows } = await sql<ActionCouncilRow>`
    select action_id, council_id, path, active_pledges, pending_pledges from action_councils
     where action_id = ${actionId} and council_id = any(${[...councilIds].sort()}::uuid[])
     order by council_id for update`.execute(tx);
  return new Map(rows.map((r) => [r.council_id, r]));
}

/** Every pledge to the action of the councils (read under their counter locks) or of the persons. */
export async function pledgesOfCouncilsOrPersons(
  tx: Db,
  actionId: string,
  councilIds: readonly string[],
  personIds: readonly string[],
): Promise<PledgeRow[]> {
  const { rows } = await sql<PledgeRow>`
    select ${pledgeColumns} from pledges p
     where p.action_id = ${actionId}
       and (p.council_id = any(${councilIds}::uuid[]) or p.person_id = any(${personIds}::uuid[]))`.execute(
    tx,
  );
  return rows;
}

/**
 * Creates or replaces the persons' pledges (a withdrawn one is pledged again; a live one gets the new
 * threshold). An unconditional pledge is active at once; a conditional one waits for resolution, except
 * that a live conditional keeps its status until the resolution that follows decides it. A live pledge
 * of the person in another council is left as it is and its row is not returned: the caller refuses that
 * pledge (it may have been made since the caller read, by a group that committed meanwhile).
 */
export async function upsertPledges(
  tx: Db,
  actionId: string,
  pledges: readonly { personId: string; councilId: string; threshold: number | null }[],
): Promise<PledgeRow[]> {
  const { rows } = await sql<PledgeRow>`
    insert into pledges as p (action_id, person_id, council_id, threshold, status, resolved_at)
    select ${actionId}, k.person_id, k.council_id, k.threshold,
           case when k.threshold is null then 'active' else 'pending' end,
           case when k.threshold is null then clock_timestamp() end
      from unnest(${pledges.map((p) => p.personId)}::uuid[], ${pledges.map((p) => p.councilId)}::uuid[],
                  ${pledges.map((p) => p.threshold)}::int[]) as k(person_id, council_id, threshold)
    on conflict (action_id, person_id) do update
       set council_id = excluded.council_id,
           threshold = excluded.threshold,
           status = case when excluded.threshold is null then 'active'
                         when p.status = 'withdrawn' then 'pending' else p.status end,
           resolved_at = case when excluded.threshold is null then coalesce(case when p.status = 'active' then p.resolved_at end, clock_timestamp())
                              when p.status = 'active' then p.resolved_at end,
           resolved_count = case when p.status = 'active' then p.resolved_count end,
           pledged_at = case when p.status = 'withdrawn' then clock_timestamp() else p.pledged_at end,
           withdrawn_at = null
     where p.council_id = excluded.council_id or p.status = 'withdrawn'
    returning ${pledgeColumns}`.execute(tx);
  return rows;
}

/**
 * Writes the resolved state of pledges: status and the count each joined with; `resolvedAnew` ones get
 * the instant of this statement (one instant for the whole group), pending ones none. Returns the rows.
 */
export async function writeResolvedPledges(
  tx: Db,
  pledges: readonly {
    id: string;
    status: 'active' | 'pending';
    resolvedCount: number | null;
    resolvedAnew: boolean;
  }[],
): Promise<PledgeRow[]> {
  const { rows } = await sql<PledgeRow>`
    update pledges as p
       set status = k.status,
           resolved_count = k.resolved_count,
           resolved_at = case when k.status = 'pending' then null
                              when k.anew then (select clock_timestamp()) else p.resolved_at end
      from unnest(${pledges.map((x) => x.id)}::uuid[], ${pledges.map((x) => x.status)}::text[],
                  ${pledges.map((x) => x.resolvedCount)}::int[], ${pledges.map((x) => x.resolvedAnew)}::boolean[])
           as k(id, status, resolved_count, anew)
     where p.id = k.id
    returning ${pledgeColumns}`.execute(tx);
  return rows;
}

/** Sets the councils' counters (read under their locks, resolved by the caller). */
export async function writeCouncilCounters(
  tx: Db,
  actionId: string,
  counters: readonly { councilId: string; active: number; pending: number }[],
): Promise<void> {
  await sql`
    update action_councils ac set active_pledges = k.active, pending_pledges = k.pending
      from unnest(${counters.map((c) => c.councilId)}::uuid[], ${counters.map((c) => c.active)}::int[],
                  ${counters.map((c) => c.pending)}::int[]) as k(council_id, active, pending)
     where ac.action_id = ${actionId} and ac.council_id = k.council_id`.execute(tx);
}
