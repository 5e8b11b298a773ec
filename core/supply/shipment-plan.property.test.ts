import fc from 'fast-check';
import type { Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
// The LP formulation is shared with the benchmark; the fences let tests (not core code) import it.
import { loadLpSolver, solveShipmentLp } from '../../bench/shipment-lp.ts';
import { planShipments, type ShipmentPlan, type ShipmentPlanInput } from './shipment-plan.ts';

const SEED = 20_250_606;

// Small supplies and demands make ties, exact ratios, zero rows and unreachable councils common; the
// occasional wider instance gives the network simplex longer pivot sequences.
const instanceArbitrary = fc
  .oneof(
    {
      weight: 3,
      arbitrary: fc.record({
        depots: fc.integer({ min: 1, max: 4 }),
        councils: fc.integer({ min: 1, max: 6 }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        depots: fc.integer({ min: 1, max: 8 }),
        councils: fc.integer({ min: 1, max: 25 }),
      }),
    },
  )
  .chain(({ depots, councils }) =>
    fc.record({
      supply: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: depots, maxLength: depots }),
      demand: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 20 })), {
        minLength: councils,
        maxLength: councils,
      }),
      // null: no route for that pair.
      costs: fc.array(fc.option(fc.integer({ min: 0, max: 9 }), { freq: 4 }), {
        minLength: depots * councils,
        maxLength: depots * councils,
      }),
    }),
  )
  .map(
    ({ supply, demand, costs }): ShipmentPlanInput => ({
      depots: supply.map((s, i) => ({ id: `d${i}`, supply: s })),
      councils: demand.map((d, j) => ({ id: `c${j}`, demand: d })),
      routes: costs.flatMap((cost, k) => {
        const i = Math.floor(k / demand.length);
        const j = k % demand.length;
        return cost === null ? [] : [{ depotId: `d${i}`, councilId: `c${j}`, costPerUnit: cost }];
      }),
    }),
  );

function plan(input: ShipmentPlanInput): ShipmentPlan {
  const result = planShipments(input);
  if (!result.ok) throw new Error(`expected a plan, got ${result.error} at ${result.field}`);
  return result;
}

const run = <Ts extends [unknown, ...unknown[]]>(property: fc.IRawProperty<Ts>) =>
  fc.assert(property, { seed: SEED, numRuns: 300 });

describe('planShipments properties', () => {
  let highs: Highs;
  beforeAll(async () => {
    highs = await loadLpSolver();
  });

  it('ships only on listed routes, within supplies and demands, and its totals add up', () => {
    run(
      fc.property(instanceArbitrary, (input) => {
        const result = plan(input);
        const cost = new Map(input.routes.map((r) => [`${r.depotId}→${r.councilId}`, r.costPerUnit]));
        const fromDepot = new Map<string, number>();
        const toCouncil = new Map<string, number>();
        let total = 0;
        let totalCost = 0;
        for (const s of result.shipments) {
          expect(Number.isInteger(s.quantity) && s.quantity > 0).toBe(true);
          expect(cost.get(`${s.depotId}→${s.councilId}`)).toBe(s.costPerUnit);
          fromDepot.set(s.depotId, (fromDepot.get(s.depotId) ?? 0) + s.quantity);
          toCouncil.set(s.councilId, (toCouncil.get(s.councilId) ?? 0) + s.quantity);
          total += s.quantity;
          totalCost += s.quantity * s.costPerUnit;
        }
        for (const [i, d] of input.depots.entries()) {
          expect(result.depots[i]).toEqual({
            depotId: d.id,
            supply: d.supply,
            shipped: fromDepot.get(d.id) ?? 0,
          });
          expect(result.depots[i]!.shipped).toBeLessThanOrEqual(d.supply);
        }
        for (const [j, c] of input.councils.entries()) {
          expect(result.councils[j]!.served).toBe(toCouncil.get(c.id) ?? 0);
          expect(result.councils[j]!.served).toBeLessThanOrEqual(c.demand);
        }
        // Conservation: what leaves the depots is what reaches the councils.
        expect(result.totalShipped).toBe(total);
        expect(result.depots.reduce((sum, d) => sum + d.shipped, 0)).toBe(total);
        expect(result.councils.reduce((sum, c) => sum + c.served, 0)).toBe(total);
        expect(result.totalCost).toBe(totalCost);
      }),
    );
  });

  it('gives every council at least floor(f* × demand), and the bottleneck councils prove f* cannot be higher', () => {
    run(
      fc.property(instanceArbitrary, (input) => {
        const result = plan(input);
        const { numerator: p, denominator: q } = result.fairRatio;
        for (const c of result.councils) {
          expect(c.guaranteed).toBe(Math.floor((p * c.demand) / q));
          expect(c.served).toBeGreaterThanOrEqual(c.guaranteed);
        }
        if (result.bottleneckCouncilIds.length === 0) {
          expect(p / q).toBe(1);
          return;
        }
        // The depots reaching the bottleneck hold exactly f* × its demand: no plan can give it more.
        const inSet = new Set(result.bottleneckCouncilIds);
        const reaching = new Set(input.routes.filter((r) => inSet.has(r.councilId)).map((r) => r.depotId));
        const setSupply = input.depots
          .filter((d) => reaching.has(d.id))
          .reduce((sum, d) => sum + d.supply, 0);
        const setDemand = input.councils.filter((c) => inSet.has(c.id)).reduce((sum, c) => sum + c.demand, 0);
        expect(setSupply * q).toBe(p * setDemand);
      }),
    );
  });

  it('finds the max-min fill ratio of the LP, and its largest total and least cost on the same guarantees', () => {
    run(
      fc.property(instanceArbitrary, (input) => {
        const result = plan(input);
        const lp = solveShipmentLp(
          highs,
          input,
          result.councils.map((c) => c.guaranteed),
        );
        expect(result.fairRatio.value).toBeCloseTo(lp.fairRatio, 9);
        expect(result.totalShipped).toBe(Math.round(lp.totalShipped));
        expect(Math.abs(lp.totalShipped - result.totalShipped)).toBeLessThan(1e-6);
        expect(result.totalCost).toBe(Math.round(lp.totalCost));
        expect(Math.abs(lp.totalCost - result.totalCost)).toBeLessThan(1e-6);
      }),
    );
  });

  it('plans the same ratio, total and cost whatever order the routes are listed in', () => {
    run(
      fc.property(instanceArbitrary, fc.infiniteStream(fc.double({ noNaN: true })), (input, keys) => {
        const routes = input.routes
          .map((route) => ({ route, key: keys.next().value as number }))
          .sort((a, b) => a.key - b.key)
          .map(({ route }) => route);
        const original = plan(input);
        const reordered = plan({ ...input, routes });
        expect(reordered.fairRatio).toEqual(original.fairRatio);
        expect(reordered.totalShipped).toBe(original.totalShipped);
        expect(reordered.totalCost).toBe(original.totalCost);
      }),
    );
  });
});
