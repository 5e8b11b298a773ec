// The leading officers of a body plan how its depots' stock of an item goes to the approved requisitions
// of the councils under it: core/supply/shipment-plan.ts — first the largest fill ratio every requisition
// can get (max-min fair when stock is short), then the most shipped, then the fewest kilometres (great-
// circle distance between depots × quantity). The plan is a draft: nothing moves until it is executed
// (execute-shipment-plan.ts), and a new plan for the same item discards the old draft.
//
// Units: the solver counts whole planning units — the item's step, or whole base units (1 kg, 1 L) if
// the step is finer — so its exact arithmetic has room for a national federation's quantities.
// Locks: the approved requisitions of the body and item FOR UPDATE (decisions and other plans wait).
import { greatCircleKm } from '../../core/supply/great-circle.ts';
import { planShipments as solve } from '../../core/supply/shipment-plan.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { authorizeCouncil } from './depot-access.ts';
import { findDepot } from './depots.store.ts';
import { findItem } from './items.store.ts';
import {
  approvedForPlanning,
  depotsHolding,
  discardDrafts,
  insertPlan,
  type PlanRow,
} from './requisitions.store.ts';
import { supplyError } from './supply-errors.ts';

export async function planShipments(
  db: Db,
  viewer: Viewer,
  councilId: string,
  itemId: string,
): Promise<string> {
  return db.transaction().execute(async (tx) => {
    const { council } = await authorizeCouncil(tx, viewer, councilId, 'plan-shipments');
    const item = await findItem(tx, itemId);
    if (!item) throw supplyError('item-not-found', 'itemId');
    const stepMilli = BigInt(item.step_milli);
    const unitMilli = stepMilli >= 1000n ? stepMilli : stepMilli * ((1000n + stepMilli - 1n) / stepMilli);
    const requisitions = await approvedForPlanning(tx, council.id, item.id);
    if (requisitions.length === 0) throw supplyError('nothing-to-plan', 'itemId');
    const depots = await depotsHolding(tx, council.id, item.id);
    if (depots.length === 0) throw supplyError('nothing-on-shelf', 'itemId');
    const unlocated = depots.find((d) => d.latitude === null || d.longitude === null);
    if (unlocated) throw supplyError('depot-location-missing', 'itemId', unlocated.name);
    const destinations = new Map<string, { latitude: number; longitude: number }>();
    for (const r of requisitions) {
      const to = await findDepot(tx, r.to_depot_id);
      if (!to || to.latitude === null || to.longitude === null)
        throw supplyError(
          'depot-location-missing',
          'itemId',
          `${r.council_name}: ${to?.name ?? r.to_depot_id}`,
        );
      destinations.set(r.id, { latitude: to.latitude, longitude: to.longitude });
    }
    const distance = new Map<string, number>();
    const routes = depots.flatMap((d) =>
      requisitions.map((r) => {
        const km = greatCircleKm({ latitude: d.latitude!, longitude: d.longitude! }, destinations.get(r.id)!);
        distance.set(`${d.id}/${r.id}`, km);
        return { depotId: d.id, councilId: r.id, costPerUnit: km };
      }),
    );
    const plan = solve({
      depots: depots.map((d) => ({ id: d.id, supply: Number(BigInt(d.quantity_milli) / unitMilli) })),
      councils: requisitions.map((r) => ({
        id: r.id,
        demand: Number(BigInt(r.approved_milli ?? 0) / unitMilli),
      })),
      routes,
    });
    if (!plan.ok) throw supplyError('plan-too-large', 'itemId', plan.error);
    const byId = new Map(requisitions.map((r) => [r.id, r]));
    const fills: PlanRow['fills'] = plan.councils.map((c) => ({
      ...c,
      requisitionId: c.councilId,
      councilId: byId.get(c.councilId)!.council_id,
      councilName: byId.get(c.councilId)!.council_name,
      unitMilli: Number(unitMilli),
    }));
    await discardDrafts(tx, council.id, item.id);
    const planId = await insertPlan(
      tx,
      {
        councilId: council.id,
        itemId: item.id,
        numerator: plan.fairRatio.numerator,
        denominator: plan.fairRatio.denominator,
        totalShippedMilli: BigInt(plan.totalShipped) * unitMilli,
        totalCostKm: plan.totalCost,
        fills,
        by: viewer.personId,
      },
      plan.shipments.map((s) => ({
        requisitionId: s.councilId,
        fromDepotId: s.depotId,
        toDepotId: byId.get(s.councilId)!.to_depot_id,
        quantityMilli: BigInt(s.quantity) * unitMilli,
        distanceKm: distance.get(`${s.depotId}/${s.councilId}`) ?? 0,
      })),
    );
    await appendLedgerEntry(tx, {
      chainId: council.id,
      kind: 'shipment-plan.drafted',
      actorPersonId: viewer.personId,
      payload: {
        planId,
        itemId: item.id,
        requisitions: requisitions.length,
        depots: depots.length,
        fairRatio: `${plan.fairRatio.numerator}/${plan.fairRatio.denominator}`,
        totalShippedMilli: (BigInt(plan.totalShipped) * unitMilli).toString(),
        totalCostKm: plan.totalCost,
      },
    });
    return planId;
  });
}
