// The only file of the actions context that runs SQL on pledges and on the pledge counters of
// action_councils. The counter row of (action, council) is the lock every pledge act of that council
// takes first: it serialises the council's pledges so that resolving conditional ones reads and writes
// a stable set.
import { sql } from 'kysely';
import { type Db, isoUs } from '../platform/database.ts';

export interface ActionCouncilRow {
  action_id: string;
  council_id: string;
  path: string;
  active_pledges: number;
  pending_pledges: number;
}

/** Row lock on the council's counters for the action; undefined when the council is not in scope. */
export async function lockActionCouncil(
  tx: Db,
  actionId: string,
  councilId: string,
): Promise<ActionCouncilRow | undefined> {
  const { rows } = await sql<ActionCouncilRow>`
    select action_id, council_id, path, active_pledges, pending_pledges from action_councils
     where action_id = ${actionId} and council_id = ${councilId} for update`.execute(tx);
  return rows[0];
}

/** The councils of the action's scope where the person is an active member. */
export async function scopeMemberships(db: Db, actionId: string, personId: string): Promise<string[]> {
  const { rows } = await sql<{ council_id: string }>`
    select m.council_id from memberships m
      join action_councils ac on ac.council_id = m.council_id and ac.action_id = ${actionId}
     where m.person_id = ${personId} and m.status = 'active' order by m.council_id`.execute(db);
  return rows.map((r) => r.council_id);
}

export interface PledgeRow {
  id: string;
  action_id: string;
  person_id: string;
  council_id: string;
  threshold: number | null;
  status: 'pending' | 'active' | 'withdrawn';
  pledged_at: string;
  resolved_at: string | null;
  resolved_count: number | null;
  withdrawn_at: string | null;
}

const pledgeColumns = sql`p.id, p.action_id, p.person_id, p.council_id, p.threshold, p.status,
  ${isoUs(sql`p.pledged_at`)} as pledged_at, ${isoUs(sql`p.resolved_at`)} as resolved_at, p.resolved_count,
  ${isoUs(sql`p.withdrawn_at`)} as withdrawn_at`;

export async function findPledge(
  db: Db,
  actionId: string,
  personId: string,
  lock = false,
): Promise<PledgeRow | undefined> {
  const { rows } = await sql<PledgeRow>`
    select ${pledgeColumns} from pledges p where p.action_id = ${actionId} and p.person_id = ${personId}
    ${lock ? sql`for update` : sql``}`.execute(db);
  return rows[0];
}

/**
 * Creates or replaces the person's pledge (a withdrawn one is pledged again; a live one gets the new
 * threshold). An unconditional pledge is active at once; a conditional one waits for resolution, except
 * that a live conditional keeps its status until the resolution that follows decides it.
 */
export async function upsertPledge(
  tx: Db,
  p: { actionId: string; personId: string; councilId: string; threshold: number | null },
): Promise<PledgeRow> {
  const { rows } = await sql<PledgeRow>`
    insert into pledges as p (action_id, person_id, council_id, threshold, status, resolved_at)
    values (${p.actionId}, ${p.personId}, ${p.councilId}, ${p.threshold}::int,
            case when ${p.threshold}::int is null then 'active' else 'pending' end,
            case when ${p.threshold}::int is null then clock_timestamp() end)
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
    returning ${pledgeColumns}`.execute(tx);
  return rows[0]!;
}

export async function markWithdrawn(tx: Db, id: string): Promise<void> {
  await sql`update pledges set status = 'withdrawn', resolved_at = null, resolved_count = null,
                                withdrawn_at = clock_timestamp()
             where id = ${id}`.execute(tx);
}

/** What resolution needs: the active count now, and the thresholds of the pending conditionals. */
export async function pendingThresholds(tx: Db, actionId: string, councilId: string): Promise<number[]> {
  const { rows } = await sql<{ threshold: number }>`
    select threshold from pledges
     where action_id = ${actionId} and council_id = ${councilId} and status = 'pending'`.execute(tx);
  return rows.map((r) => r.threshold);
}

/** The whole council from scratch (after a withdrawal or a changed threshold, the set may shrink). */
export async function councilPledges(
  tx: Db,
  actionId: string,
  councilId: string,
): Promise<{ unconditional: number; thresholds: number[] }> {
  const { rows } = await sql<{ threshold: number | null }>`
    select threshold from pledges
     where action_id = ${actionId} and council_id = ${councilId} and status <> 'withdrawn'`.execute(tx);
  const thresholds = rows.flatMap((r) => (r.threshold === null ? [] : [r.threshold]));
  return { unconditional: rows.length - thresholds.length, thresholds };
}

/**
 * Applies a resolution whose active count is `count`: pending conditionals with threshold ≤ count become
 * active (at the database clock, read after the counter lock, with the count they joined), active
 * conditionals above it go back to pending; the counters are set, and `ownId` (the pledge of the act, if
 * it became active unconditionally) gets the count it joined. Returns the ids that changed.
 */
export async function applyResolution(
  tx: Db,
  actionId: string,
  councilId: string,
  count: number,
  ownId: string | null = null,
): Promise<{ activated: string[]; deactivated: string[] }> {
  // One instant for every pledge this resolution activates (an uncorrelated subquery runs once).
  const { rows } = await sql<{ id: string; status: 'active' | 'pending' }>`
    update pledges
       set status = case when status = 'pending' then 'active' else 'pending' end,
           resolved_at = case when status = 'pending' then (select clock_timestamp()) end,
           resolved_count = case when status = 'pending' then ${count}::int end
     where action_id = ${actionId} and council_id = ${councilId} and threshold is not null
       and ((status = 'pending' and threshold <= ${count}) or (status = 'active' and threshold > ${count}))
    returning id, status`.execute(tx);
  if (ownId)
    await sql`update pledges set resolved_count = ${count}::int
               where id = ${ownId} and status = 'active' and resolved_count is null`.execute(tx);
  await sql`
    update action_councils ac
       set active_pledges = ${count},
           pending_pledges = (select count(*) from pledges p where p.action_id = ac.action_id
                               and p.council_id = ac.council_id and p.status = 'pending')
     where ac.action_id = ${actionId} and ac.council_id = ${councilId}`.execute(tx);
  return {
    activated: rows.filter((r) => r.status === 'active').map((r) => r.id),
    deactivated: rows.filter((r) => r.status === 'pending').map((r) => r.id),
  };
}

/** Pledges of one council with names: for the council's officers only (see permissions). */
export async function pledgersOf(db: Db, actionId: string, councilId: string) {
  const { rows } = await sql<PledgeRow & { full_name: string }>`
    select ${pledgeColumns}, pe.full_name from pledges p join persons pe on pe.id = p.person_id
     where p.action_id = ${actionId} and p.council_id = ${councilId} and p.status <> 'withdrawn'
     order by p.pledged_at, p.id`.execute(db);
  return rows;
}
