// The only file of the federation context that runs SQL on apportionment_rules and apportionments.
// A council's apportionments form one chain (seq 1, 2, …, each previous_id the record before); the
// writers here assume the caller holds the federated council's row lock, which serialises the chain.
import { sql } from 'kysely';
import type { ApportionmentMethod, ApportionmentTie, WeightRule } from '../../core/federation/index.ts';
import type { Db } from '../platform/database.ts';

export interface RuleRow {
  council_id: string;
  method: ApportionmentMethod;
  total_seats: number | null;
  seats_per_child: number | null;
  minimum_per_child: number;
  weight_rule: WeightRule;
  set_at: Date;
}

export interface NewRule {
  method: ApportionmentMethod;
  totalSeats: number | null;
  seatsPerChild: number | null;
  minimumPerChild: number;
  weightRule: WeightRule;
}

/** One child's line of a published table (stored as jsonb, so camelCase as the API shows it). */
export interface ApportionmentLine {
  councilId: string;
  name: string;
  members: number;
  seats: number;
  quotient: string | null;
  remainder: string | null;
  minimumApplied: boolean;
}

export interface ApportionmentRecordRow {
  id: string;
  council_id: string;
  seq: number;
  method: ApportionmentMethod;
  total_seats: number;
  seats_per_child: number | null;
  minimum_per_child: number;
  seed: string;
  effective_at: Date;
  computed_at: Date;
  rows: ApportionmentLine[];
  ties: ApportionmentTie[];
  previous_id: string | null;
  actor_person_id: string | null;
}

export interface NewApportionment {
  councilId: string;
  method: ApportionmentMethod;
  totalSeats: number;
  seatsPerChild: number | null;
  minimumPerChild: number;
  seed: string;
  effectiveAt: Date;
  computedAt: Date;
  rows: ApportionmentLine[];
  ties: ApportionmentTie[];
  actorPersonId: string | null;
}

export async function findRule(db: Db, councilId: string): Promise<RuleRow | undefined> {
  return (await sql<RuleRow>`select * from apportionment_rules where council_id = ${councilId}`.execute(db))
    .rows[0];
}

export async function upsertRule(tx: Db, councilId: string, rule: NewRule, by: string | null, at: Date) {
  await sql`
    insert into apportionment_rules (council_id, method, total_seats, seats_per_child, minimum_per_child, weight_rule,
                                     set_at, set_by)
    values (${councilId}, ${rule.method}, ${rule.totalSeats}, ${rule.seatsPerChild}, ${rule.minimumPerChild},
            ${rule.weightRule}, ${at}, ${by})
    on conflict (council_id) do update
       set method = excluded.method, total_seats = excluded.total_seats, seats_per_child = excluded.seats_per_child,
           minimum_per_child = excluded.minimum_per_child, weight_rule = excluded.weight_rule,
           set_at = excluded.set_at, set_by = excluded.set_by`.execute(tx);
}

/** Federated councils among `ids` that have chosen a rule. */
export async function councilsWithRules(db: Db, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<{ council_id: string }>`
    select council_id from apportionment_rules where council_id = any(${ids}::uuid[])`.execute(db);
  return rows.map((r) => r.council_id);
}

/** The head of the council's chain: its latest record (which may take effect later). */
export async function latestApportionment(
  db: Db,
  councilId: string,
): Promise<ApportionmentRecordRow | undefined> {
  return (
    await sql<ApportionmentRecordRow>`
      select * from apportionments where council_id = ${councilId} order by seq desc limit 1`.execute(db)
  ).rows[0];
}

export async function findApportionment(db: Db, id: string): Promise<ApportionmentRecordRow | undefined> {
  return (await sql<ApportionmentRecordRow>`select * from apportionments where id = ${id}`.execute(db))
    .rows[0];
}

/** Appends after `previous` (the head read under the council's row lock). */
export async function insertApportionment(
  tx: Db,
  a: NewApportionment,
  previous: ApportionmentRecordRow | undefined,
): Promise<ApportionmentRecordRow> {
  return (
    await sql<ApportionmentRecordRow>`
      insert into apportionments (council_id, seq, method, total_seats, seats_per_child, minimum_per_child, seed,
                                  effective_at, computed_at, rows, ties, previous_id, actor_person_id)
      values (${a.councilId}, ${(previous?.seq ?? 0) + 1}, ${a.method}, ${a.totalSeats}, ${a.seatsPerChild},
              ${a.minimumPerChild}, ${a.seed}, ${a.effectiveAt}, ${a.computedAt}, ${JSON.stringify(a.rows)}::jsonb,
              ${JSON.stringify(a.ties)}::jsonb, ${previous?.id ?? null}, ${a.actorPersonId})
      returning *`.execute(tx)
  ).rows[0]!;
}

/** Newest first, `limit` records with seq below `beforeSeq`. */
export async function apportionmentHistory(
  db: Db,
  councilId: string,
  beforeSeq: number,
  limit: number,
): Promise<ApportionmentRecordRow[]> {
  const { rows } = await sql<ApportionmentRecordRow>`
    select * from apportionments where council_id = ${councilId} and seq < ${beforeSeq}
     order by seq desc limit ${limit}`.execute(db);
  return rows;
}
