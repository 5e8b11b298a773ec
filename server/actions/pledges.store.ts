// With pledge-group.store.ts (the statements of a group of pledges), the only SQL of the actions context
// on pledges and on the pledge counters of action_councils. The counter row of (action, council) is the
// lock every pledge act of that council takes first: it serialises the council's pledges so that
// resolving conditional ones reads and writes a stable set.
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

export const pledgeColumns = sql`p.id, p.action_id, p.person_id, p.council_id, p.threshold, p.status,
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

export async function markWithdrawn(tx: Db, id: string): Promise<void> {
  await sql`update pledges set status = 'withdrawn', resolved_at = null, resolved_count = null,
                                withdrawn_at = clock_timestamp()
             where id = ${id}`.execute(tx);
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
 * conditionals above it go back to pending, and the counters are set (a withdrawal). Returns the ids
 * that changed.
 */
export async function applyResolution(
  tx: Db,
  actionId: string,
  councilId: string,
  count: number,
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
