// The actions benchmark's check after the pledges: what the database holds against what the clients
// were told and against the pure resolution (core/actions/conditional-pledges.ts). One SQL pass groups
// every council's pledges of the action; JS resolves each council from scratch and compares its
// counters and its pledges' statuses.
import { sql } from 'kysely';
import { resolveCouncilPledges } from '../core/actions/index.ts';
import type { Db } from '../server/platform/database.ts';

export interface PledgeCheck {
  pledgeRows: number;
  distinctPersons: number;
  councilsChecked: number;
  /** Councils whose counters or statuses differ from the pure resolution. */
  councilsWrong: number;
  firstWrong: string | undefined;
  /** Active conditional pledges whose threshold is above their council's active count. */
  activeBelowThreshold: number;
  /** Pending conditional pledges the resolution would have made active. */
  pendingButSatisfied: number;
  activePledges: number;
  pendingPledges: number;
}

export async function checkPledges(db: Db, actionId: string): Promise<PledgeCheck> {
  const totals = (
    await sql<{ rows: number; persons: number }>`
      select count(*)::int as rows, count(distinct person_id)::int as persons
        from pledges where action_id = ${actionId}`.execute(db)
  ).rows[0]!;
  const { rows } = await sql<{
    council_id: string;
    active_pledges: number;
    pending_pledges: number;
    unconditional: number;
    thresholds: number[] | null;
    statuses: string[] | null;
  }>`
    select ac.council_id, ac.active_pledges, ac.pending_pledges,
           (count(p.id) filter (where p.threshold is null and p.status <> 'withdrawn'))::int as unconditional,
           array_agg(p.threshold order by p.id) filter (where p.threshold is not null and p.status <> 'withdrawn') as thresholds,
           array_agg(p.status order by p.id) filter (where p.threshold is not null and p.status <> 'withdrawn') as statuses
      from action_councils ac
      left join pledges p on p.action_id = ac.action_id and p.council_id = ac.council_id
     where ac.action_id = ${actionId}
     group by ac.council_id, ac.active_pledges, ac.pending_pledges`.execute(db);
  let councilsWrong = 0;
  let firstWrong: string | undefined;
  let activeBelowThreshold = 0;
  let pendingButSatisfied = 0;
  let activePledges = 0;
  let pendingPledges = 0;
  for (const r of rows) {
    const thresholds = r.thresholds ?? [];
    const statuses = r.statuses ?? [];
    const { count, isActive } = resolveCouncilPledges(r.unconditional, thresholds);
    const pending = thresholds.filter((t) => !isActive(t)).length;
    let statusesWrong = 0;
    for (const [i, t] of thresholds.entries()) {
      const s = statuses[i];
      if (s === 'active' && t > r.active_pledges) activeBelowThreshold += 1;
      if (s === 'pending' && t <= r.active_pledges) pendingButSatisfied += 1;
      if ((s === 'active') !== isActive(t)) statusesWrong += 1;
    }
    activePledges += r.active_pledges;
    pendingPledges += r.pending_pledges;
    if (r.active_pledges !== count || r.pending_pledges !== pending || statusesWrong > 0) {
      councilsWrong += 1;
      firstWrong ??= `council ${r.council_id}: counters ${r.active_pledges}/${r.pending_pledges}, pure ${count}/${pending}, ${statusesWrong} statuses differ`;
    }
  }
  return {
    pledgeRows: totals.rows,
    distinctPersons: totals.persons,
    councilsChecked: rows.length,
    councilsWrong,
    firstWrong,
    activeBelowThreshold,
    pendingButSatisfied,
    activePledges,
    pendingPledges,
  };
}
