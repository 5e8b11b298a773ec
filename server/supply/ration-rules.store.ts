// The only file of the supply context that runs SQL on ration_rules and ration_limits.
import { sql } from 'kysely';
import type { ParentLimits, RationRule } from '../../core/supply/ration-rule.ts';
import { type Db, isoUs } from '../platform/database.ts';

export type RationRuleStatus = 'proposed' | 'in-vote' | 'adopted' | 'rejected' | 'superseded' | 'withdrawn';

export interface RationRuleRow {
  id: string;
  council_id: string;
  item_id: string;
  version: number;
  rule: RationRule;
  note: string | null;
  status: RationRuleStatus;
  proposed_at: string;
  proposed_by: string;
  poll_id: string | null;
  decided_at: string | null;
  decision_summary: string | null;
}

const columns = sql`r.id, r.council_id, r.item_id, r.version, r.rule, r.note, r.status,
  ${isoUs(sql`r.proposed_at`)} as proposed_at, r.proposed_by, r.poll_id, ${isoUs(sql`r.decided_at`)} as decided_at,
  r.decision_summary`;

export async function findRationRule(db: Db, id: string, lock = false): Promise<RationRuleRow | undefined> {
  const { rows } = await sql<RationRuleRow>`
    select ${columns} from ration_rules r where r.id = ${id} ${lock ? sql`for update` : sql``}`.execute(db);
  return rows[0];
}

export async function listRationRules(
  db: Db,
  councilId: string,
  itemId: string | null,
): Promise<RationRuleRow[]> {
  const { rows } = await sql<RationRuleRow>`
    select ${columns} from ration_rules r
     where r.council_id = ${councilId} and (${itemId}::uuid is null or r.item_id = ${itemId}::uuid)
     order by r.item_id, r.version desc`.execute(db);
  return rows;
}

/** The rule in force for a council and item (ration_rules_one_in_force keeps it to one). */
export async function ruleInForce(
  db: Db,
  councilId: string,
  itemId: string,
): Promise<RationRuleRow | undefined> {
  const { rows } = await sql<RationRuleRow>`
    select ${columns} from ration_rules r
     where r.council_id = ${councilId} and r.item_id = ${itemId} and r.status = 'adopted'`.execute(db);
  return rows[0];
}

/**
 * A new version, numbered after the council's last for the item. Two proposals at once: the unique
 * (council, item, version) refuses the second, which the caller reports as a conflict.
 */
export async function insertRationRule(
  tx: Db,
  r: { councilId: string; itemId: string; rule: RationRule; note: string | null; proposedBy: string },
): Promise<RationRuleRow> {
  const { rows } = await sql<RationRuleRow>`
    insert into ration_rules as r (council_id, item_id, version, rule, note, proposed_by)
    values (${r.councilId}, ${r.itemId},
            coalesce((select max(version) from ration_rules where council_id = ${r.councilId} and item_id = ${r.itemId}), 0) + 1,
            ${JSON.stringify(r.rule)}::jsonb, ${r.note}, ${r.proposedBy})
    returning ${columns}`.execute(tx);
  return rows[0]!;
}

export async function setRuleInVote(tx: Db, id: string, pollId: string | null): Promise<void> {
  await sql`update ration_rules set status = 'in-vote', poll_id = ${pollId} where id = ${id}`.execute(tx);
}

/** The decision of the poll: adopted (superseding the version in force) or rejected. */
export async function decideRationRule(
  tx: Db,
  id: string,
  d: { adopted: boolean; pollId: string; at: string; summary: string },
): Promise<void> {
  if (d.adopted)
    await sql`
      update ration_rules o set status = 'superseded', decided_at = coalesce(o.decided_at, ${d.at}::timestamptz)
        from ration_rules n
       where n.id = ${id} and o.council_id = n.council_id and o.item_id = n.item_id and o.status = 'adopted'`.execute(
      tx,
    );
  await sql`
    update ration_rules set status = ${d.adopted ? 'adopted' : 'rejected'}, poll_id = ${d.pollId},
           decided_at = ${d.at}::timestamptz, decision_summary = ${d.summary}
     where id = ${id}`.execute(tx);
}

export async function withdrawRationRule(tx: Db, id: string): Promise<void> {
  await sql`update ration_rules set status = 'withdrawn' where id = ${id}`.execute(tx);
}

export interface LimitsRow {
  council_id: string;
  council_name: string;
  limits: ParentLimits;
  set_at: string;
}

/** The limits in force set by each body above the council (its ancestors by path), nearest first. */
export async function limitsAbove(db: Db, councilId: string, itemId: string): Promise<LimitsRow[]> {
  const { rows } = await sql<LimitsRow>`
    select * from (
      select distinct on (a.id) a.id as council_id, a.name as council_name, l.limits,
             ${isoUs(sql`l.set_at`)} as set_at, a.depth
        from councils me
        join councils a on starts_with(me.path, a.path) and a.id <> me.id
        join ration_limits l on l.council_id = a.id and l.item_id = ${itemId}
       where me.id = ${councilId}
       order by a.id, l.set_at desc, l.id desc) t
     order by t.depth desc`.execute(db);
  return rows;
}

/** The limits this body itself has in force for an item. */
export async function ownLimits(db: Db, councilId: string, itemId: string): Promise<LimitsRow | undefined> {
  const { rows } = await sql<LimitsRow>`
    select l.council_id, c.name as council_name, l.limits, ${isoUs(sql`l.set_at`)} as set_at
      from ration_limits l join councils c on c.id = l.council_id
     where l.council_id = ${councilId} and l.item_id = ${itemId}
     order by l.set_at desc, l.id desc limit 1`.execute(db);
  return rows[0];
}

export async function insertLimits(
  tx: Db,
  councilId: string,
  itemId: string,
  limits: ParentLimits,
  by: string,
): Promise<void> {
  await sql`insert into ration_limits (council_id, item_id, limits, set_by)
            values (${councilId}, ${itemId}, ${JSON.stringify(limits)}::jsonb, ${by})`.execute(tx);
}
