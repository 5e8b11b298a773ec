// The only file of the supply context that runs SQL on requisitions, shipment_plans and shipment_lines.
import { sql } from 'kysely';
import type { CouncilFill } from '../../core/supply/shipment-plan.ts';
import { type Db, isoUs } from '../platform/database.ts';

export type RequisitionStatus = 'submitted' | 'approved' | 'rejected' | 'planned' | 'withdrawn';

export interface RequisitionRow {
  id: string;
  council_id: string;
  council_name: string;
  parent_id: string;
  item_id: string;
  to_depot_id: string;
  requested_milli: string;
  stock_milli: string;
  consumption_30d_milli: string;
  note: string | null;
  status: RequisitionStatus;
  approved_milli: string | null;
  decision_note: string | null;
  submitted_at: string;
  decided_at: string | null;
  plan_id: string | null;
}

const columns = sql`r.id, r.council_id, c.name as council_name, r.parent_id, r.item_id, r.to_depot_id,
  r.requested_milli::text as requested_milli, r.stock_milli::text as stock_milli,
  r.consumption_30d_milli::text as consumption_30d_milli, r.note, r.status, r.approved_milli::text as approved_milli,
  r.decision_note, ${isoUs(sql`r.submitted_at`)} as submitted_at, ${isoUs(sql`r.decided_at`)} as decided_at,
  r.plan_id`;

/** What the council holds of the item on all its shelves, and what left them in the last 30 days. */
export async function councilStockEvidence(
  db: Db,
  councilId: string,
  itemId: string,
): Promise<{ stockMilli: bigint; consumptionMilli: bigint }> {
  const { rows } = await sql<{ stock: string; used: string }>`
    select (select coalesce(sum(b.quantity_milli), 0)::text from stock_balances b join depots d on d.id = b.depot_id
             where d.council_id = ${councilId} and b.item_id = ${itemId}) as stock,
           (select coalesce(-sum(e.delta_milli), 0)::text from stock_events e join depots d on d.id = e.depot_id
             where d.council_id = ${councilId} and e.item_id = ${itemId}
               and e.kind in ('issue', 'distribution', 'loss') and e.occurred_at > now() - interval '30 days') as used`.execute(
    db,
  );
  return { stockMilli: BigInt(rows[0]?.stock ?? 0), consumptionMilli: BigInt(rows[0]?.used ?? 0) };
}

export async function insertRequisition(
  tx: Db,
  r: {
    councilId: string;
    parentId: string;
    itemId: string;
    toDepotId: string;
    requestedMilli: bigint;
    stockMilli: bigint;
    consumptionMilli: bigint;
    note: string | null;
    by: string;
  },
): Promise<string> {
  const { rows } = await sql<{ id: string }>`
    insert into requisitions (council_id, parent_id, item_id, to_depot_id, requested_milli, stock_milli,
                              consumption_30d_milli, note, submitted_by)
    values (${r.councilId}, ${r.parentId}, ${r.itemId}, ${r.toDepotId}, ${r.requestedMilli.toString()}::bigint,
            ${r.stockMilli.toString()}::bigint, ${r.consumptionMilli.toString()}::bigint, ${r.note}, ${r.by})
    returning id`.execute(tx);
  return rows[0]!.id;
}

export async function findRequisition(db: Db, id: string, lock = false): Promise<RequisitionRow | undefined> {
  if (lock) await sql`select 1 from requisitions where id = ${id} for update`.execute(db);
  const { rows } = await sql<RequisitionRow>`
    select ${columns} from requisitions r join councils c on c.id = r.council_id where r.id = ${id}`.execute(
    db,
  );
  return rows[0];
}

export async function listRequisitions(
  db: Db,
  q: { councilId?: string; parentId?: string; status?: RequisitionStatus; itemId?: string },
): Promise<RequisitionRow[]> {
  const { rows } = await sql<RequisitionRow>`
    select ${columns} from requisitions r join councils c on c.id = r.council_id
     where (${q.councilId ?? null}::uuid is null or r.council_id = ${q.councilId ?? null}::uuid)
       and (${q.parentId ?? null}::uuid is null or r.parent_id = ${q.parentId ?? null}::uuid)
       and (${q.status ?? null}::text is null or r.status = ${q.status ?? null}::text)
       and (${q.itemId ?? null}::uuid is null or r.item_id = ${q.itemId ?? null}::uuid)
     order by r.submitted_at desc, r.id limit 500`.execute(db);
  return rows;
}

export async function decideRequisition(
  tx: Db,
  id: string,
  d: { approvedMilli: bigint | null; note: string | null; by: string },
): Promise<void> {
  await sql`
    update requisitions set status = ${d.approvedMilli === null ? 'rejected' : 'approved'},
           approved_milli = ${d.approvedMilli?.toString() ?? null}::bigint, decision_note = ${d.note},
           decided_at = now(), decided_by = ${d.by}
     where id = ${id}`.execute(tx);
}

/** Approved requisitions of a body for an item not yet in an executed plan, locked for planning. */
export async function approvedForPlanning(
  tx: Db,
  parentId: string,
  itemId: string,
): Promise<RequisitionRow[]> {
  await sql`select 1 from requisitions where parent_id = ${parentId} and item_id = ${itemId} and status = 'approved'
            order by id for update`.execute(tx);
  return listRequisitions(tx, { parentId, itemId, status: 'approved' });
}

export interface PlanRow {
  id: string;
  council_id: string;
  item_id: string;
  fair_ratio_numerator: string;
  fair_ratio_denominator: string;
  total_shipped_milli: string;
  total_cost_km: string;
  fills: Array<CouncilFill & { requisitionId: string; councilName: string; unitMilli: number }>;
  status: 'draft' | 'executed' | 'discarded';
  created_at: string;
  executed_at: string | null;
}

export interface PlanLineRow {
  requisition_id: string;
  from_depot_id: string;
  from_depot_name: string;
  to_depot_id: string;
  to_depot_name: string;
  to_council_name: string;
  quantity_milli: string;
  distance_km: number;
  transfer_id: string | null;
}

const planColumns = sql`p.id, p.council_id, p.item_id, p.fair_ratio_numerator::text as fair_ratio_numerator,
  p.fair_ratio_denominator::text as fair_ratio_denominator, p.total_shipped_milli::text as total_shipped_milli,
  p.total_cost_km::text as total_cost_km, p.fills, p.status, ${isoUs(sql`p.created_at`)} as created_at,
  ${isoUs(sql`p.executed_at`)} as executed_at`;

export async function discardDrafts(tx: Db, councilId: string, itemId: string): Promise<void> {
  await sql`update shipment_plans set status = 'discarded'
             where council_id = ${councilId} and item_id = ${itemId} and status = 'draft'`.execute(tx);
}

export async function insertPlan(
  tx: Db,
  p: {
    councilId: string;
    itemId: string;
    numerator: number;
    denominator: number;
    totalShippedMilli: bigint;
    totalCostKm: number;
    fills: PlanRow['fills'];
    by: string;
  },
  lines: Array<{
    requisitionId: string;
    fromDepotId: string;
    toDepotId: string;
    quantityMilli: bigint;
    distanceKm: number;
  }>,
): Promise<string> {
  const { rows } = await sql<{ id: string }>`
    insert into shipment_plans (council_id, item_id, fair_ratio_numerator, fair_ratio_denominator,
                                total_shipped_milli, total_cost_km, fills, created_by)
    values (${p.councilId}, ${p.itemId}, ${p.numerator}, ${p.denominator}, ${p.totalShippedMilli.toString()}::bigint,
            ${p.totalCostKm}, ${JSON.stringify(p.fills)}::jsonb, ${p.by})
    returning id`.execute(tx);
  const id = rows[0]!.id;
  if (lines.length > 0)
    await sql`
      insert into shipment_lines (plan_id, requisition_id, from_depot_id, to_depot_id, quantity_milli, distance_km)
      select ${id}, l.requisition_id, l.from_depot_id, l.to_depot_id, l.quantity_milli, l.distance_km
        from jsonb_to_recordset(${JSON.stringify(
          lines.map((l) => ({
            requisition_id: l.requisitionId,
            from_depot_id: l.fromDepotId,
            to_depot_id: l.toDepotId,
            quantity_milli: l.quantityMilli.toString(),
            distance_km: l.distanceKm,
          })),
        )}::jsonb) as l(requisition_id uuid, from_depot_id uuid, to_depot_id uuid, quantity_milli bigint,
                        distance_km int)`.execute(tx);
  return id;
}

export async function findPlan(db: Db, id: string, lock = false): Promise<PlanRow | undefined> {
  const { rows } = await sql<PlanRow>`
    select ${planColumns} from shipment_plans p where p.id = ${id} ${lock ? sql`for update` : sql``}`.execute(
    db,
  );
  return rows[0];
}

export async function listPlans(db: Db, councilId: string): Promise<PlanRow[]> {
  const { rows } = await sql<PlanRow>`
    select ${planColumns} from shipment_plans p where p.council_id = ${councilId}
     order by p.created_at desc limit 100`.execute(db);
  return rows;
}

export async function planLines(db: Db, planId: string): Promise<PlanLineRow[]> {
  const { rows } = await sql<PlanLineRow>`
    select l.requisition_id, l.from_depot_id, f.name as from_depot_name, l.to_depot_id, t.name as to_depot_name,
           c.name as to_council_name, l.quantity_milli::text as quantity_milli, l.distance_km, l.transfer_id
      from shipment_lines l join depots f on f.id = l.from_depot_id join depots t on t.id = l.to_depot_id
      join councils c on c.id = t.council_id
     where l.plan_id = ${planId}
     order by l.from_depot_id, l.to_depot_id`.execute(db);
  return rows;
}

export async function markExecuted(
  tx: Db,
  planId: string,
  by: string,
  transfers: Array<{ requisitionId: string; fromDepotId: string; transferId: string }>,
): Promise<void> {
  for (const t of transfers)
    await sql`update shipment_lines set transfer_id = ${t.transferId}
               where plan_id = ${planId} and requisition_id = ${t.requisitionId} and from_depot_id = ${t.fromDepotId}`.execute(
      tx,
    );
  await sql`update requisitions set status = 'planned', plan_id = ${planId}
             where id in (select requisition_id from shipment_lines where plan_id = ${planId})`.execute(tx);
  await sql`update shipment_plans set status = 'executed', executed_at = now(), executed_by = ${by}
             where id = ${planId}`.execute(tx);
}

export interface SupplyDepotRow {
  id: string;
  name: string;
  latitude: number | null;
  longitude: number | null;
  quantity_milli: string;
}

/** The body's own depots holding the item, with their locations. */
export async function depotsHolding(db: Db, councilId: string, itemId: string): Promise<SupplyDepotRow[]> {
  const { rows } = await sql<SupplyDepotRow>`
    select d.id, d.name, d.latitude, d.longitude, b.quantity_milli::text as quantity_milli
      from depots d join stock_balances b on b.depot_id = d.id and b.item_id = ${itemId}
     where d.council_id = ${councilId} and b.quantity_milli > 0
     order by d.id`.execute(db);
  return rows;
}
