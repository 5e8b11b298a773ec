// The only file of the supply context that runs SQL on distribution_rounds and round_entitlements.
import { sql } from 'kysely';
import type { ClassOutcome } from '../../core/supply/allocate-round.ts';
import type { PeopleByBand, PriorityFlag, RationRule } from '../../core/supply/ration-rule.ts';
import { type Db, isoUs } from '../platform/database.ts';

export interface RoundRow {
  id: string;
  council_id: string;
  depot_id: string;
  item_id: string;
  rule_id: string;
  rule_version: number;
  rule: RationRule;
  stock_milli: string;
  step_milli: string;
  tie_break_seed: string;
  entitlement_milli: string;
  allocated_milli: string;
  classes: ClassOutcome[];
  title: string;
  status: 'open' | 'closed';
  opened_at: string;
  closed_at: string | null;
  households: number;
  picked_up: number;
  picked_up_milli: string;
}

const columns = sql`d.id, d.council_id, d.depot_id, d.item_id, d.rule_id, r.version as rule_version, d.rule,
  d.stock_milli::text as stock_milli, d.step_milli::text as step_milli, d.tie_break_seed,
  d.entitlement_milli::text as entitlement_milli, d.allocated_milli::text as allocated_milli, d.classes, d.title,
  d.status, ${isoUs(sql`d.opened_at`)} as opened_at, ${isoUs(sql`d.closed_at`)} as closed_at,
  (select count(*)::int from round_entitlements e where e.round_id = d.id) as households,
  (select count(*)::int from round_entitlements e where e.round_id = d.id and e.picked_up_at is not null) as picked_up,
  (select coalesce(sum(e.allocated_milli), 0)::text from round_entitlements e
    where e.round_id = d.id and e.picked_up_at is not null) as picked_up_milli`;

/** `update`: the close; `share`: a pick-up (many at once, none after the close). */
export async function findRound(
  db: Db,
  id: string,
  lock: 'update' | 'share' | null = null,
): Promise<RoundRow | undefined> {
  if (lock === 'update') await sql`select 1 from distribution_rounds where id = ${id} for update`.execute(db);
  if (lock === 'share') await sql`select 1 from distribution_rounds where id = ${id} for share`.execute(db);
  const { rows } = await sql<RoundRow>`
    select ${columns} from distribution_rounds d join ration_rules r on r.id = d.rule_id where d.id = ${id}`.execute(
    db,
  );
  return rows[0];
}

export async function listRounds(db: Db, councilId: string): Promise<RoundRow[]> {
  const { rows } = await sql<RoundRow>`
    select ${columns} from distribution_rounds d join ration_rules r on r.id = d.rule_id
     where d.council_id = ${councilId} order by d.opened_at desc limit 200`.execute(db);
  return rows;
}

export interface NewRound {
  councilId: string;
  depotId: string;
  itemId: string;
  ruleId: string;
  rule: RationRule;
  stockMilli: number;
  stepMilli: number;
  tieBreakSeed: string;
  entitlementMilli: number;
  allocatedMilli: number;
  classes: ClassOutcome[];
  title: string;
  openedBy: string;
}

export interface NewEntitlement {
  householdId: string;
  people: PeopleByBand;
  flags: PriorityFlag[];
  priorityClass: number;
  weightMillis: number;
  entitlementMilli: number;
  allocatedMilli: number;
}

/** The round and every household's line in two statements, whatever the number of households. */
export async function insertRound(tx: Db, r: NewRound, lines: NewEntitlement[]): Promise<string> {
  const { rows } = await sql<{ id: string }>`
    insert into distribution_rounds (council_id, depot_id, item_id, rule_id, rule, stock_milli, step_milli,
                                     tie_break_seed, entitlement_milli, allocated_milli, classes, title, opened_by)
    values (${r.councilId}, ${r.depotId}, ${r.itemId}, ${r.ruleId}, ${JSON.stringify(r.rule)}::jsonb, ${r.stockMilli},
            ${r.stepMilli}, ${r.tieBreakSeed}, ${r.entitlementMilli}, ${r.allocatedMilli},
            ${JSON.stringify(r.classes)}::jsonb, ${r.title}, ${r.openedBy})
    returning id`.execute(tx);
  const id = rows[0]!.id;
  if (lines.length > 0)
    await sql`
      insert into round_entitlements (round_id, household_id, people, flags, priority_class, weight_millis,
                                      entitlement_milli, allocated_milli)
      select ${id}, l.household_id, l.people, coalesce(l.flags::text[], '{}'), l.priority_class, l.weight_millis,
             l.entitlement_milli, l.allocated_milli
        from jsonb_to_recordset(${JSON.stringify(
          lines.map((l) => ({
            household_id: l.householdId,
            people: l.people,
            flags: `{${l.flags.join(',')}}`,
            priority_class: l.priorityClass,
            weight_millis: l.weightMillis,
            entitlement_milli: l.entitlementMilli,
            allocated_milli: l.allocatedMilli,
          })),
        )}::jsonb) as l(household_id uuid, people jsonb, flags text, priority_class int, weight_millis int,
                        entitlement_milli bigint, allocated_milli bigint)`.execute(tx);
  return id;
}

export interface EntitlementRow {
  household_id: string;
  head_name: string;
  address: string;
  people: PeopleByBand;
  flags: PriorityFlag[];
  priority_class: number;
  weight_millis: number;
  entitlement_milli: string;
  allocated_milli: string;
  picked_up_at: string | null;
  handed_out_by: string | null;
  handed_out_by_name: string | null;
  stock_event_id: string | null;
}

/** The round's list, by priority class then head of household (the printed list's order). */
export async function roundEntitlements(db: Db, roundId: string): Promise<EntitlementRow[]> {
  const { rows } = await sql<EntitlementRow>`
    select e.household_id, h.head_name, h.address, e.people, e.flags, e.priority_class, e.weight_millis,
           e.entitlement_milli::text as entitlement_milli, e.allocated_milli::text as allocated_milli,
           ${isoUs(sql`e.picked_up_at`)} as picked_up_at, e.handed_out_by, p.full_name as handed_out_by_name,
           e.stock_event_id::text as stock_event_id
      from round_entitlements e join households h on h.id = e.household_id
      left join persons p on p.id = e.handed_out_by
     where e.round_id = ${roundId}
     order by e.priority_class, lower(h.head_name), e.household_id`.execute(db);
  return rows;
}

export async function lockEntitlement(
  tx: Db,
  roundId: string,
  householdId: string,
): Promise<{ allocated_milli: string; picked_up_at: string | null } | undefined> {
  const { rows } = await sql<{ allocated_milli: string; picked_up_at: string | null }>`
    select allocated_milli::text as allocated_milli, ${isoUs(sql`picked_up_at`)} as picked_up_at
      from round_entitlements where round_id = ${roundId} and household_id = ${householdId} for update`.execute(
    tx,
  );
  return rows[0];
}

export async function markPickedUp(
  tx: Db,
  roundId: string,
  householdId: string,
  by: string,
  stockEventId: string,
  at: string,
): Promise<void> {
  await sql`update round_entitlements set picked_up_at = ${at}::timestamptz, handed_out_by = ${by},
                   stock_event_id = ${stockEventId}::bigint
             where round_id = ${roundId} and household_id = ${householdId}`.execute(tx);
}

export async function closeRound(tx: Db, id: string, by: string): Promise<void> {
  await sql`update distribution_rounds set status = 'closed', closed_at = now(), closed_by = ${by} where id = ${id}`.execute(
    tx,
  );
}
