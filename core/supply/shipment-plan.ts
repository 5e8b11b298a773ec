// Shipment plan: how much each depot of a parent body ships to each child council once requisitions
// are approved. Quantities are whole units of one item (the caller picks the unit: pieces, or milli-
// units) and costs whole units per unit shipped (metres, cents); a pair with no route cannot ship.
//
// The plan is optimal for three objectives, each only among the plans optimal for the ones before:
//   1. the fair fill ratio f* — the largest t ≤ 1 such that every council with demand > 0 could get at
//      least t × its demand — is met in whole units: council j gets at least floor(f* × demand_j).
//      Those lower bounds are always feasible: a plan meeting f* × demand exists, and a flow network
//      with whole-number bounds that has a fractional flow has a whole-number one;
//   2. the total shipped is as large as possible, never more than a council's demand or a depot's
//      supply (the lower bounds do not lower this maximum: from any plan meeting them, augmenting
//      paths to the largest flow only add to what councils receive);
//   3. the total cost Σ quantity × costPerUnit is as small as possible.
// f* is computed exactly, as a fraction, by Dinkelbach's method on maximum flows (fair-fill-ratio.ts).
// Objectives 2 and 3 are one minimum-cost circulation, solved by the network simplex
// (network-simplex.ts): source → depot (its supply), depot → council (the route's cost), council →
// sink split into the guaranteed part (cost −2W) and the rest (cost −W), and sink → source. W is more
// than any simple path can cost, so a cycle that ships one more unit, or fills one more guaranteed
// unit, always pays: the cheapest circulation fills every guarantee, ships the most, and among those
// plans costs least. For 100 depots × 1,000 councils with all 100,000 routes this takes ~20,000
// pivots, each pricing a block of ~320 arcs and walking one cycle and one subtree.
import { maxMinFillRatio } from './fair-fill-ratio.ts';
import { ArcList } from './flow-network.ts';
import { minCostCirculation } from './network-simplex.ts';

export interface ShipmentPlanInput {
  depots: ReadonlyArray<{ id: string; supply: number }>;
  councils: ReadonlyArray<{ id: string; demand: number }>;
  routes: ReadonlyArray<{ depotId: string; councilId: string; costPerUnit: number }>;
}

export interface Shipment {
  depotId: string;
  councilId: string;
  quantity: number;
  costPerUnit: number;
}

export interface CouncilFill {
  councilId: string;
  demand: number;
  served: number;
  /** floor(f* × demand): what the plan had to give this council before anything else. */
  guaranteed: number;
  /** served ÷ demand; 1 when demand is 0. */
  fillRatio: number;
}

export interface ShipmentPlan {
  ok: true;
  /** Pairs that ship something, in the order of input.routes. */
  shipments: Shipment[];
  /** In the order of input.councils. */
  councils: CouncilFill[];
  /** In the order of input.depots. */
  depots: Array<{ depotId: string; supply: number; shipped: number }>;
  /** f* = numerator ÷ denominator in lowest terms; value is the same as a float. */
  fairRatio: { numerator: number; denominator: number; value: number };
  /**
   * Councils whose reaching depots hold exactly f* × their demand, which proves no plan does better
   * (all councils with demand when supply is short overall). Empty when f* = 1.
   */
  bottleneckCouncilIds: string[];
  totalShipped: number;
  totalCost: number;
}

/** Error codes of the shipment plan, each with when it happens. */
export const SHIPMENT_PLAN_ERRORS = {
  'quantity-invalid': 'a supply or demand is not a whole number ≥ 0, or the totals pass 2^53',
  'cost-invalid': 'a cost per unit is not a whole number ≥ 0',
  'duplicate-depot': 'two depots have the same id',
  'duplicate-council': 'two councils have the same id',
  'duplicate-route': 'the same depot and council are paired by two routes',
  'unknown-depot': 'a route starts at a depot that is not listed',
  'unknown-council': 'a route ends at a council that is not listed',
  'too-large':
    'exact arithmetic would pass 2^53: total demand × min(total supply, total demand), largest cost × total demand, or 16 × (depots + councils + 2) × (largest cost + 1)',
} as const;
export type ShipmentPlanError = keyof typeof SHIPMENT_PLAN_ERRORS;

export type ShipmentPlanResult = ShipmentPlan | { ok: false; error: ShipmentPlanError; field: string };

interface Indexed {
  supply: number[];
  demand: number[];
  routes: Array<{ depot: number; council: number; cost: number }>;
}

export function planShipments(input: ShipmentPlanInput): ShipmentPlanResult {
  const indexed = indexInput(input);
  if (!indexed.ok) return indexed;
  const { supply, demand, routes } = indexed;
  const depotCount = supply.length;
  const councilCount = demand.length;

  const ratio = maxMinFillRatio({ supply, demand, routes });
  const { numerator: p, denominator: q } = ratio;
  // p × demand ≤ p × total demand, which indexInput bounded; % keeps the floor exact where a float
  // quotient could round up to the next whole number.
  const guaranteed = demand.map((d) => (p * d - ((p * d) % q)) / q);

  const source = 0;
  const sink = depotCount + councilCount + 1;
  const nodeCount = sink + 1;
  const councilNode = (j: number) => 1 + depotCount + j;
  const largestCost = routes.reduce((max, r) => Math.max(max, r.cost), 0);
  // More than any simple path costs: at most nodeCount arcs, each ≤ largestCost.
  const weight = nodeCount * largestCost + 1;

  const arcs = new ArcList(1 + depotCount + routes.length + 2 * councilCount);
  const totalDemand = demand.reduce((sum, d) => sum + d, 0);
  const totalSupply = supply.reduce((sum, x) => sum + x, 0);
  // Every arc gets a finite capacity > 0, as the network simplex requires.
  if (Math.min(totalSupply, totalDemand) > 0) arcs.add(sink, source, Math.min(totalSupply, totalDemand));
  for (let i = 0; i < depotCount; i += 1) if (supply[i]! > 0) arcs.add(source, 1 + i, supply[i]!);
  const routeArcs = routes.map(({ depot, council, cost }) => {
    const room = Math.min(supply[depot]!, demand[council]!);
    return room > 0 ? arcs.add(1 + depot, councilNode(council), room, cost) : -1;
  });
  for (let j = 0; j < councilCount; j += 1) {
    if (guaranteed[j]! > 0) arcs.add(councilNode(j), sink, guaranteed[j]!, -2 * weight);
    if (demand[j]! > guaranteed[j]!) arcs.add(councilNode(j), sink, demand[j]! - guaranteed[j]!, -weight);
  }
  const flows = minCostCirculation(nodeCount, arcs);

  const served = demand.map(() => 0);
  const shipped = supply.map(() => 0);
  const shipments: Shipment[] = [];
  let totalShipped = 0;
  let totalCost = 0;
  routes.forEach(({ depot, council, cost }, k) => {
    const quantity = routeArcs[k] === -1 ? 0 : flows[routeArcs[k]!]!;
    if (quantity === 0) return;
    const route = input.routes[k]!;
    shipments.push({ depotId: route.depotId, councilId: route.councilId, quantity, costPerUnit: cost });
    served[council]! += quantity;
    shipped[depot]! += quantity;
    totalShipped += quantity;
    totalCost += quantity * cost;
  });
  // Cannot happen (see the opening comment); a plan that broke it must not reach a council.
  for (let j = 0; j < councilCount; j += 1)
    if (served[j]! < guaranteed[j]!)
      throw new Error(`shipment plan broke its guarantee to council ${input.councils[j]!.id}`);

  return {
    ok: true,
    shipments,
    councils: input.councils.map(({ id }, j) => ({
      councilId: id,
      demand: demand[j]!,
      served: served[j]!,
      guaranteed: guaranteed[j]!,
      fillRatio: demand[j] === 0 ? 1 : served[j]! / demand[j]!,
    })),
    depots: input.depots.map(({ id }, i) => ({ depotId: id, supply: supply[i]!, shipped: shipped[i]! })),
    fairRatio: { numerator: p, denominator: q, value: p / q },
    bottleneckCouncilIds: ratio.bottleneck.map((j) => input.councils[j]!.id),
    totalShipped,
    totalCost,
  };
}

function indexInput(
  input: ShipmentPlanInput,
): (Indexed & { ok: true }) | { ok: false; error: ShipmentPlanError; field: string } {
  const isQuantity = (n: number) => Number.isSafeInteger(n) && n >= 0;
  const depotIndex = new Map<string, number>();
  for (const [i, { id, supply }] of input.depots.entries()) {
    if (!isQuantity(supply)) return { ok: false, error: 'quantity-invalid', field: `depots.${i}.supply` };
    if (depotIndex.has(id)) return { ok: false, error: 'duplicate-depot', field: `depots.${i}.id` };
    depotIndex.set(id, i);
  }
  const councilIndex = new Map<string, number>();
  for (const [j, { id, demand }] of input.councils.entries()) {
    if (!isQuantity(demand)) return { ok: false, error: 'quantity-invalid', field: `councils.${j}.demand` };
    if (councilIndex.has(id)) return { ok: false, error: 'duplicate-council', field: `councils.${j}.id` };
    councilIndex.set(id, j);
  }
  const routes: Indexed['routes'] = [];
  const paired = new Set<number>();
  for (const [k, { depotId, councilId, costPerUnit }] of input.routes.entries()) {
    const depot = depotIndex.get(depotId);
    if (depot === undefined) return { ok: false, error: 'unknown-depot', field: `routes.${k}.depotId` };
    const council = councilIndex.get(councilId);
    if (council === undefined) return { ok: false, error: 'unknown-council', field: `routes.${k}.councilId` };
    if (!isQuantity(costPerUnit))
      return { ok: false, error: 'cost-invalid', field: `routes.${k}.costPerUnit` };
    const pair = depot * input.councils.length + council;
    if (paired.has(pair)) return { ok: false, error: 'duplicate-route', field: `routes.${k}` };
    paired.add(pair);
    routes.push({ depot, council, cost: costPerUnit });
  }

  const supply = input.depots.map((d) => d.supply);
  const demand = input.councils.map((c) => c.demand);
  const totalSupply = supply.reduce((sum, s) => sum + s, 0);
  const totalDemand = demand.reduce((sum, d) => sum + d, 0);
  if (!Number.isSafeInteger(totalSupply)) return { ok: false, error: 'quantity-invalid', field: 'depots' };
  if (!Number.isSafeInteger(totalDemand)) return { ok: false, error: 'quantity-invalid', field: 'councils' };
  // Bounds that keep every number in the two flow computations an exact integer: the ratio's flows
  // stay within total demand × min(totals) (fair-fill-ratio.ts); the simplex's potentials within 5W and
  // its reduced costs within 12W, W = nodeCount × largestCost + 1 (at most two arcs of a simple path
  // touch the sink); the plan's cost within largestCost × total demand.
  const safe = Number.MAX_SAFE_INTEGER;
  if (totalDemand * Math.min(totalSupply, totalDemand) > safe)
    return { ok: false, error: 'too-large', field: 'councils' };
  const largestCost = routes.reduce((max, r) => Math.max(max, r.cost), 0);
  const nodeCount = supply.length + demand.length + 2;
  if (16 * nodeCount * (largestCost + 1) > safe || largestCost * totalDemand > safe)
    return { ok: false, error: 'too-large', field: 'routes' };
  return { ok: true, supply, demand, routes };
}
