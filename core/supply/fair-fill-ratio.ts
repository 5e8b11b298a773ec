// The max-min fair fill ratio f*: the largest t ≤ 1 such that some shipment gives every council with
// demand at least t × its demand. By the supply–demand theorem (Gale, Hall) t is feasible exactly
// when every set S of councils has t × demand(S) ≤ supply of the depots that reach S, so
//   f* = min(1, min over S of supply(depots reaching S) ÷ demand(S)),
// an exact fraction. Dinkelbach's method finds it: test t = p/q by one maximum flow (source → depot
// q × supply, depot → council unlimited, council → sink p × demand); if the flow falls short, the
// councils beyond the minimum cut form a set with a smaller ratio, which becomes the next t. t falls
// strictly at each step and is always the ratio of a real set, so it stops at f* exactly, usually
// within a handful of flows. Bisection would need a tolerance and still not give the fraction.
import { ArcList, FlowNetwork, maxFlow, residualReach } from './flow-network.ts';

export interface FairRatioInput {
  /** Whole units, by depot index. */
  supply: readonly number[];
  demand: readonly number[];
  routes: ReadonlyArray<{ depot: number; council: number }>;
}

export interface FairRatio {
  /** f* = numerator ÷ denominator, in lowest terms; 1/1 when nothing is short. */
  numerator: number;
  denominator: number;
  /**
   * Councils (input indices, ascending) whose reaching depots hold exactly f* × their demand: the proof
   * that no plan does better. Empty when f* = 1.
   */
  bottleneck: number[];
}

/**
 * Exact while totalDemand × min(totalSupply, totalDemand) ≤ 2^53 − 1: at t = p/q < 1 the numbers in
 * the flow are at most p × totalDemand, and p ≤ both totals. The caller checks this bound.
 */
export function maxMinFillRatio({ supply, demand, routes }: FairRatioInput): FairRatio {
  const depotCount = supply.length;
  const councilCount = demand.length;
  const source = 0;
  const sink = depotCount + councilCount + 1;
  const depotNode = (i: number) => 1 + i;
  const councilNode = (j: number) => 1 + depotCount + j;
  const totalDemand = demand.reduce((sum, d) => sum + d, 0);

  const arcs = new ArcList(depotCount + councilCount + routes.length);
  for (let i = 0; i < depotCount; i += 1) arcs.add(source, depotNode(i), 0);
  for (let j = 0; j < councilCount; j += 1) arcs.add(councilNode(j), sink, 0);
  for (const { depot, council } of routes)
    arcs.add(depotNode(depot), councilNode(council), Number.POSITIVE_INFINITY);
  const network = new FlowNetwork(sink + 1, arcs);

  // Start from the set of all councils with demand: its ratio is an upper bound on f*, and when
  // supply is short overall it often is f*, leaving one flow to confirm it.
  const isAnyReaching = new Uint8Array(depotCount);
  for (const { depot, council } of routes) if (demand[council]! > 0) isAnyReaching[depot] = 1;
  const reachingSupply = supply.reduce((sum, s, i) => (isAnyReaching[i] ? sum + s : sum), 0);
  let p = 1;
  let q = 1;
  let bottleneck: number[] = [];
  if (reachingSupply < totalDemand) {
    const divisor = gcd(reachingSupply, totalDemand);
    p = reachingSupply / divisor;
    q = totalDemand / divisor;
    bottleneck = demand.flatMap((d, j) => (d > 0 ? [j] : []));
  }
  for (;;) {
    const target = p * totalDemand;
    network.resetCapacities((k) => {
      if (k < depotCount) return Math.min(q * supply[k]!, target); // above target is never used
      if (k < depotCount + councilCount) return p * demand[k - depotCount]!;
      return Number.POSITIVE_INFINITY;
    });
    if (maxFlow(network, source, sink) === target) break;

    // Councils cut off from the source: the depots reaching them are all saturated, and together
    // they cannot give t × demand, so supply(reaching) ÷ demand(S) < t.
    const reached = residualReach(network, source);
    const inSet = demand.map((d, j) => d > 0 && !reached[councilNode(j)]);
    const reaching = new Uint8Array(depotCount);
    for (const { depot, council } of routes) if (inSet[council]) reaching[depot] = 1;
    let setSupply = 0;
    for (let i = 0; i < depotCount; i += 1) if (reaching[i]) setSupply += supply[i]!;
    let setDemand = 0;
    for (let j = 0; j < councilCount; j += 1) if (inSet[j]) setDemand += demand[j]!;
    const divisor = gcd(setSupply, setDemand);
    p = setSupply / divisor;
    q = setDemand / divisor;
    bottleneck = inSet.flatMap((isIn, j) => (isIn ? [j] : []));
  }
  return { numerator: p, denominator: q, bottleneck };
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}
