import { describe, expect, it } from 'vitest';
import { planShipments, type ShipmentPlan, type ShipmentPlanInput } from './shipment-plan.ts';

type Route = [depotId: string, councilId: string, costPerUnit: number];

function instance(
  depots: Record<string, number>,
  councils: Record<string, number>,
  routes: Route[],
): ShipmentPlanInput {
  return {
    depots: Object.entries(depots).map(([id, supply]) => ({ id, supply })),
    councils: Object.entries(councils).map(([id, demand]) => ({ id, demand })),
    routes: routes.map(([depotId, councilId, costPerUnit]) => ({ depotId, councilId, costPerUnit })),
  };
}

function plan(input: ShipmentPlanInput): ShipmentPlan {
  const result = planShipments(input);
  if (!result.ok) throw new Error(`expected a plan, got ${result.error} at ${result.field}`);
  return result;
}

const shipped = (p: ShipmentPlan) => p.shipments.map((s) => [s.depotId, s.councilId, s.quantity]);
const served = (p: ShipmentPlan) => Object.fromEntries(p.councils.map((c) => [c.councilId, c.served]));

describe('planShipments', () => {
  it('meets every demand at least cost when supply is ample, moving the cheapest units off a full depot', () => {
    // South is the cheaper depot for b and c but holds 8 of their 10 units; moving 2 units of b to North
    // costs 2 more each, moving c would cost 3 more.
    const result = plan(
      instance({ north: 10, south: 8 }, { a: 6, b: 6, c: 4 }, [
        ['north', 'a', 1],
        ['north', 'b', 4],
        ['north', 'c', 6],
        ['south', 'a', 5],
        ['south', 'b', 2],
        ['south', 'c', 3],
      ]),
    );
    expect(shipped(result)).toEqual([
      ['north', 'a', 6],
      ['north', 'b', 2],
      ['south', 'b', 4],
      ['south', 'c', 4],
    ]);
    expect(result.fairRatio).toEqual({ numerator: 1, denominator: 1, value: 1 });
    expect(result.bottleneckCouncilIds).toEqual([]);
    expect(result.totalShipped).toBe(16);
    expect(result.totalCost).toBe(34);
    expect(result.depots).toEqual([
      { depotId: 'north', supply: 10, shipped: 8 },
      { depotId: 'south', supply: 8, shipped: 8 },
    ]);
  });

  it('fills every council to the same ratio when supply is short overall', () => {
    const result = plan(
      instance({ a: 10, b: 5 }, { x: 8, y: 8, z: 4 }, [
        ['a', 'x', 1],
        ['a', 'y', 5],
        ['b', 'y', 1],
        ['b', 'z', 2],
      ]),
    );
    expect(result.fairRatio).toEqual({ numerator: 3, denominator: 4, value: 0.75 });
    expect(result.councils.map((c) => [c.councilId, c.guaranteed, c.served, c.fillRatio])).toEqual([
      ['x', 6, 6, 0.75],
      ['y', 6, 6, 0.75],
      ['z', 3, 3, 0.75],
    ]);
    // z and x have one depot each; y takes what is left of both.
    expect(shipped(result)).toEqual([
      ['a', 'x', 6],
      ['a', 'y', 4],
      ['b', 'y', 2],
      ['b', 'z', 3],
    ]);
    expect(result.totalCost).toBe(6 + 20 + 2 + 6);
  });

  it('gives each council its fair share before saving cost', () => {
    // Sending everything to x would cost 10; fairness halves the supply between x and y.
    const result = plan(
      instance({ a: 10 }, { x: 10, y: 10 }, [
        ['a', 'x', 1],
        ['a', 'y', 50],
      ]),
    );
    expect(result.fairRatio.value).toBe(0.5);
    expect(served(result)).toEqual({ x: 5, y: 5 });
    expect(result.totalCost).toBe(5 + 250);
  });

  it('keeps the supply of the only depot that reaches a council for that council', () => {
    const result = plan(
      instance({ a: 10, b: 10 }, { x: 10, y: 10 }, [
        ['a', 'x', 5],
        ['a', 'y', 1],
        ['b', 'y', 9],
      ]),
    );
    expect(shipped(result)).toEqual([
      ['a', 'x', 10],
      ['b', 'y', 10],
    ]);
    expect(result.totalCost).toBe(140);
  });

  it('names the council that only a small depot reaches as the bottleneck, and still fills the others', () => {
    const result = plan(
      instance({ small: 3, large: 10 }, { x: 10, y: 10 }, [
        ['small', 'x', 1],
        ['large', 'y', 1],
      ]),
    );
    expect(result.fairRatio).toEqual({ numerator: 3, denominator: 10, value: 0.3 });
    expect(result.bottleneckCouncilIds).toEqual(['x']);
    expect(result.councils.map((c) => [c.councilId, c.guaranteed, c.served])).toEqual([
      ['x', 3, 3],
      ['y', 3, 10],
    ]);
    expect(result.totalShipped).toBe(13);
  });

  it('ships as much as it can even when the last units are dear', () => {
    const result = plan(
      instance({ near: 10, far: 5 }, { x: 12 }, [
        ['near', 'x', 1],
        ['far', 'x', 1000],
      ]),
    );
    expect(result.totalShipped).toBe(12);
    expect(result.totalCost).toBe(10 + 2 * 1000);
  });

  it('rounds each guarantee down to whole units and spends the rest where it is cheapest', () => {
    const result = plan(
      instance({ a: 2 }, { x: 1, y: 1, z: 1 }, [
        ['a', 'x', 1],
        ['a', 'y', 2],
        ['a', 'z', 3],
      ]),
    );
    expect(result.fairRatio).toEqual({ numerator: 2, denominator: 3, value: 2 / 3 });
    expect(result.councils.map((c) => c.guaranteed)).toEqual([0, 0, 0]);
    expect(served(result)).toEqual({ x: 1, y: 1, z: 0 });
    expect(result.totalCost).toBe(3);
  });

  it('leaves a council with no demand out of the ratio and ships it nothing', () => {
    const result = plan(
      instance({ a: 3 }, { idle: 0, b: 5 }, [
        ['a', 'idle', 0],
        ['a', 'b', 4],
      ]),
    );
    expect(result.fairRatio.value).toBe(0.6);
    expect(result.councils[0]).toEqual({
      councilId: 'idle',
      demand: 0,
      served: 0,
      guaranteed: 0,
      fillRatio: 1,
    });
    expect(served(result)).toEqual({ idle: 0, b: 3 });
  });

  it('ships nothing and reports a ratio of 1 when no council asks for anything', () => {
    const result = plan(instance({ a: 3 }, { x: 0, y: 0 }, [['a', 'x', 1]]));
    expect(result.fairRatio).toEqual({ numerator: 1, denominator: 1, value: 1 });
    expect(result.shipments).toEqual([]);
    expect(result.totalShipped).toBe(0);
  });

  it('drops the ratio to 0 when a council with demand has no route, and still ships to the rest', () => {
    const result = plan(instance({ a: 5 }, { cut: 5, y: 5 }, [['a', 'y', 2]]));
    expect(result.fairRatio).toEqual({ numerator: 0, denominator: 1, value: 0 });
    expect(result.bottleneckCouncilIds).toEqual(['cut']);
    expect(served(result)).toEqual({ cut: 0, y: 5 });
  });

  it('plans an empty shipment for no depots or no councils', () => {
    expect(plan(instance({}, { x: 4 }, [])).totalShipped).toBe(0);
    expect(plan(instance({ a: 4 }, {}, [])).fairRatio.value).toBe(1);
  });

  const valid = (): ShipmentPlanInput => instance({ a: 5, b: 5 }, { x: 4, y: 4 }, [['a', 'x', 1]]);
  it.each([
    [
      'a negative supply',
      (i: ShipmentPlanInput) => ({ ...i, depots: [{ id: 'a', supply: -1 }] }),
      'quantity-invalid',
      'depots.0.supply',
    ],
    [
      'a fractional demand',
      (i: ShipmentPlanInput) => ({ ...i, councils: [{ id: 'x', demand: 2.5 }] }),
      'quantity-invalid',
      'councils.0.demand',
    ],
    [
      'a supply that is not a number',
      (i: ShipmentPlanInput) => ({ ...i, depots: [{ id: 'a', supply: Number.NaN }] }),
      'quantity-invalid',
      'depots.0.supply',
    ],
    [
      'a negative cost',
      (i: ShipmentPlanInput) => ({ ...i, routes: [{ depotId: 'a', councilId: 'x', costPerUnit: -3 }] }),
      'cost-invalid',
      'routes.0.costPerUnit',
    ],
    [
      'a repeated depot',
      (i: ShipmentPlanInput) => ({
        ...i,
        depots: [
          { id: 'a', supply: 1 },
          { id: 'a', supply: 2 },
        ],
      }),
      'duplicate-depot',
      'depots.1.id',
    ],
    [
      'a repeated council',
      (i: ShipmentPlanInput) => ({
        ...i,
        councils: [
          { id: 'x', demand: 1 },
          { id: 'x', demand: 2 },
        ],
      }),
      'duplicate-council',
      'councils.1.id',
    ],
    [
      'a repeated route',
      (i: ShipmentPlanInput) => ({
        ...i,
        routes: [...i.routes, { depotId: 'a', councilId: 'x', costPerUnit: 2 }],
      }),
      'duplicate-route',
      'routes.1',
    ],
    [
      'a route from an unlisted depot',
      (i: ShipmentPlanInput) => ({ ...i, routes: [{ depotId: 'z', councilId: 'x', costPerUnit: 1 }] }),
      'unknown-depot',
      'routes.0.depotId',
    ],
    [
      'a route to an unlisted council',
      (i: ShipmentPlanInput) => ({ ...i, routes: [{ depotId: 'a', councilId: 'z', costPerUnit: 1 }] }),
      'unknown-council',
      'routes.0.councilId',
    ],
    [
      'totals too large for exact fractions',
      (i: ShipmentPlanInput) => ({
        ...i,
        depots: [{ id: 'a', supply: 1e8 }],
        councils: [{ id: 'x', demand: 1e8 }],
      }),
      'too-large',
      'councils',
    ],
    [
      'a cost too large for exact potentials',
      (i: ShipmentPlanInput) => ({ ...i, routes: [{ depotId: 'a', councilId: 'x', costPerUnit: 1e14 }] }),
      'too-large',
      'routes',
    ],
  ] as const)('refuses %s', (_, change, error, field) => {
    expect(planShipments(change(valid()))).toEqual({ ok: false, error, field });
  });
});
