import { describe, expect, it } from 'vitest';
import { allocateRound, type RoundAllocation, type RoundHousehold } from './allocate-round.ts';

// Every expected figure below is worked by hand in the comment beside it, from the definition at the top
// of allocate-round.ts: the k-th step of a household of weight w has priority k / w, and a short class
// gets the steps of lowest priority, ties by id.

type Row = [id: string, entitlementMilli: number, weightMillis: number, priorityClass: number];
const rows = (list: Row[]): RoundHousehold[] =>
  list.map(([id, entitlementMilli, weightMillis, priorityClass]) => ({
    id,
    entitlementMilli,
    weightMillis,
    priorityClass,
  }));

function byId(households: readonly RoundHousehold[], result: RoundAllocation): Record<string, number> {
  return Object.fromEntries(households.map((h, i) => [h.id, result.allocatedMilli[i]!]));
}

interface Example {
  name: string;
  stockMilli: number;
  stepMilli: number;
  households: Row[];
  expected: Record<string, number>;
  undistributedMilli: number;
  statuses: Array<'full' | 'short' | 'none'>;
  levelMilliPerPerson?: number;
}

const EXAMPLES: Example[] = [
  {
    name: 'gives everyone their entitlement when the stock covers it',
    stockMilli: 10_000,
    stepMilli: 1,
    households: [
      ['a', 3000, 1000, 0],
      ['b', 4000, 2000, 1],
    ],
    expected: { a: 3000, b: 4000 },
    undistributedMilli: 3000,
    statuses: ['full', 'full'],
  },
  {
    // Class 0 takes 5000 of 12,000; class 1 needs 17,000 of the 7000 left. g3 is full at level 1
    // (2000 / 2000); the other 5000 share weight 3000: level 5/3, so g1 1666.67 and g2 3333.33. Rounded
    // down, 6999 go out; the last step is g1's 1667th (1667/1000) or g2's 3334th (3334/2000): equal, so
    // by id, g1. Class 2 gets nothing.
    name: 'serves the first class in full and water-fills the second when the stock runs short there',
    stockMilli: 12_000,
    stepMilli: 1,
    households: [
      ['p1', 2000, 1000, 0],
      ['p2', 3000, 1500, 0],
      ['g1', 5000, 1000, 1],
      ['g2', 10_000, 2000, 1],
      ['g3', 2000, 2000, 1],
      ['x', 1000, 1000, 2],
    ],
    expected: { p1: 2000, p2: 3000, g1: 1667, g2: 3333, g3: 2000, x: 0 },
    undistributedMilli: 0,
    statuses: ['full', 'short', 'none'],
    levelMilliPerPerson: 1667,
  },
  {
    // 6000 among weights 1000, 1000, 3000 would be 1200 per 1000; h1 is entitled to only 500, so 5500
    // over 4000: 1375 per 1000, above h3's entitlement (4000 for 3000 = 1333 per 1000); h3 gets 4000, and
    // h2 the remaining 1500.
    name: 'meets small entitlements in full and shares the rest by weight (caps)',
    stockMilli: 6000,
    stepMilli: 1,
    households: [
      ['h1', 500, 1000, 0],
      ['h2', 4000, 1000, 0],
      ['h3', 4000, 3000, 0],
    ],
    expected: { h1: 500, h2: 1500, h3: 4000 },
    undistributedMilli: 0,
    statuses: ['short'],
    levelMilliPerPerson: 1500,
  },
  {
    // Whole cylinders: 3 of them (the half cylinder stays). First-cylinder priorities: f 1/9000 <
    // a 1/8000 < d 1/6000 < c 1/5000 < (f's second 2/9000) < b 1/4000 = a's second 2/8000. Level 1/6000:
    // 166.67 milli a person.
    name: 'hands out indivisible cylinders to the largest households first',
    stockMilli: 3500,
    stepMilli: 1000,
    households: [
      ['a', 2000, 8000, 0],
      ['b', 1000, 4000, 0],
      ['c', 1000, 5000, 0],
      ['d', 1000, 6000, 0],
      ['f', 2000, 9000, 0],
    ],
    expected: { a: 1000, b: 0, c: 0, d: 1000, f: 1000 },
    undistributedMilli: 500,
    statuses: ['short'],
    levelMilliPerPerson: 166,
  },
  {
    // Five cylinders, in the same order: f, a, d, c, then f's second (2/9000) before b (1/4000).
    name: 'gives a second cylinder before a first when that is the lower priority',
    stockMilli: 5000,
    stepMilli: 1000,
    households: [
      ['a', 2000, 8000, 0],
      ['b', 1000, 4000, 0],
      ['c', 1000, 5000, 0],
      ['d', 1000, 6000, 0],
      ['f', 2000, 9000, 0],
    ],
    expected: { a: 1000, b: 0, c: 1000, d: 1000, f: 2000 },
    undistributedMilli: 0,
    statuses: ['short'],
    levelMilliPerPerson: 222,
  },
  {
    // Four equal households, two cylinders: every first cylinder has priority 1/3000; ids decide.
    name: 'breaks ties between equal shares by id',
    stockMilli: 2000,
    stepMilli: 1000,
    households: [
      ['h4', 1000, 3000, 0],
      ['h2', 1000, 3000, 0],
      ['h3', 1000, 3000, 0],
      ['h1', 1000, 3000, 0],
    ],
    expected: { h1: 1000, h2: 1000, h3: 0, h4: 0 },
    undistributedMilli: 0,
    statuses: ['short'],
    levelMilliPerPerson: 333,
  },
  {
    // Ids compare by UTF-16 code units, not by locale: 'B' (66) < 'a' (97) < 'é' (233).
    name: 'orders ids by code unit, whatever the locale',
    stockMilli: 2,
    stepMilli: 1,
    households: [
      ['é', 1, 1000, 0],
      ['a', 1, 1000, 0],
      ['B', 1, 1000, 0],
    ],
    expected: { B: 1, a: 1, é: 0 },
    undistributedMilli: 0,
    statuses: ['short'],
    levelMilliPerPerson: 1,
  },
  {
    // Class 0 needs 5000 of 4000: short; classes 1 and 2 get nothing.
    name: 'gives later classes nothing when an earlier class exhausts the stock',
    stockMilli: 4000,
    stepMilli: 1,
    households: [
      ['ill', 5000, 1000, 0],
      ['old', 1000, 1000, 1],
      ['any', 1000, 1000, 2],
    ],
    expected: { ill: 4000, old: 0, any: 0 },
    undistributedMilli: 0,
    statuses: ['short', 'none', 'none'],
    levelMilliPerPerson: 4000,
  },
  {
    // Class 0 takes 2000 exactly; the 999 left are less than a 1000 step.
    name: 'leaves less than one step when that is all that is left for the next class',
    stockMilli: 2999,
    stepMilli: 1000,
    households: [
      ['a', 2000, 2000, 0],
      ['b', 1000, 1000, 1],
    ],
    expected: { a: 2000, b: 0 },
    undistributedMilli: 999,
    statuses: ['full', 'none'],
  },
  {
    name: 'gives nothing out of no stock',
    stockMilli: 0,
    stepMilli: 1,
    households: [['a', 1000, 1000, 0]],
    expected: { a: 0 },
    undistributedMilli: 0,
    statuses: ['none'],
  },
  {
    // z is entitled to nothing (weight 0): it never competes.
    name: 'leaves households entitled to nothing out of the water-filling',
    stockMilli: 3,
    stepMilli: 1,
    households: [
      ['z', 0, 0, 0],
      ['a', 2, 1000, 0],
      ['b', 2, 1000, 0],
    ],
    expected: { z: 0, a: 2, b: 1 },
    undistributedMilli: 0,
    statuses: ['short'],
    levelMilliPerPerson: 2,
  },
  {
    // Classes are numbered by the rule: a class without households is skipped, not reported.
    name: 'serves classes by number, skipping numbers without households',
    stockMilli: 1500,
    stepMilli: 1,
    households: [
      ['general', 1000, 1000, 3],
      ['first', 1000, 1000, 0],
    ],
    expected: { first: 1000, general: 500 },
    undistributedMilli: 0,
    statuses: ['full', 'short'],
    levelMilliPerPerson: 500,
  },
];

describe('allocateRound', () => {
  it.each(EXAMPLES)('$name', (example) => {
    const households = rows(example.households);
    const result = allocateRound({
      stockMilli: example.stockMilli,
      stepMilli: example.stepMilli,
      households,
    });
    expect(byId(households, result)).toEqual(example.expected);
    expect(result.undistributedMilli).toBe(example.undistributedMilli);
    expect(result.allocatedTotalMilli).toBe(example.stockMilli - example.undistributedMilli);
    expect(result.classes.map((c) => c.status)).toEqual(example.statuses);
    const short = result.classes.find((c) => c.status === 'short');
    expect(short?.levelMilliPerPerson).toBe(example.levelMilliPerPerson);
    for (const c of result.classes) if (c.status !== 'short') expect(c.levelMilliPerPerson).toBeNull();
  });

  it('reports each class’s households, entitlement and allocation, and the round’s totals', () => {
    const households = rows(EXAMPLES[1]!.households);
    const result = allocateRound({ stockMilli: 12_000, stepMilli: 1, households });
    expect(result.classes).toEqual([
      {
        priorityClass: 0,
        households: 2,
        entitlementMilli: 5000,
        allocatedMilli: 5000,
        status: 'full',
        levelMilliPerPerson: null,
      },
      {
        priorityClass: 1,
        households: 3,
        entitlementMilli: 17_000,
        allocatedMilli: 7000,
        status: 'short',
        levelMilliPerPerson: 1667,
      },
      {
        priorityClass: 2,
        households: 1,
        entitlementMilli: 1000,
        allocatedMilli: 0,
        status: 'none',
        levelMilliPerPerson: null,
      },
    ]);
    expect(result).toMatchObject({
      stockMilli: 12_000,
      entitlementMilli: 23_000,
      allocatedTotalMilli: 12_000,
    });
  });

  it('returns an empty allocation for a round without households', () => {
    const result = allocateRound({ stockMilli: 5000, stepMilli: 1, households: [] });
    expect(result.allocatedMilli).toHaveLength(0);
    expect(result.classes).toEqual([]);
    expect(result.undistributedMilli).toBe(5000);
  });

  it('breaks ties by the seed’s order when given one, the same whatever the input order', () => {
    const ids = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
    const winnersFor = (seed: string, order: string[]) => {
      const households = rows(order.map((id): Row => [id, 1000, 3000, 0]));
      const result = allocateRound({ stockMilli: 3000, stepMilli: 1000, households, tieBreakSeed: seed });
      return order.filter((_, i) => result.allocatedMilli[i] === 1000).sort();
    };
    const seeds = ['round-1', 'round-2', 'round-3', 'round-4', 'round-5'];
    const winners = seeds.map((seed) => winnersFor(seed, ids));
    for (const [s, seed] of seeds.entries()) {
      expect(winners[s]).toHaveLength(3);
      expect(winnersFor(seed, [...ids].reverse())).toEqual(winners[s]);
    }
    // Rounds with different seeds do not all favour the same households.
    expect(new Set(winners.map((w) => w.join())).size).toBeGreaterThan(1);
  });

  it('breaks a tie among more households than are sorted one by one', () => {
    // 3000 households of weights 1000, 2000, 3000 (by i mod 3), 10 steps each; 10,001 steps. Below
    // priority 2/1000 they hold 1, 3 and 5 steps (9000 in all); 2/1000 = 4/2000 = 6/3000 is the next
    // step of every one of them, so 3000 steps tie for the last 1001: ids h0000 … h1000 win.
    const households: RoundHousehold[] = [];
    for (let i = 0; i < 3000; i += 1)
      households.push({
        id: `h${String(i).padStart(4, '0')}`,
        entitlementMilli: 10,
        weightMillis: 1000 * (1 + (i % 3)),
        priorityClass: 0,
      });
    const result = allocateRound({ stockMilli: 10_001, stepMilli: 1, households });
    const expected = households.map((_, i) => [1, 3, 5][i % 3]! + (i <= 1000 ? 1 : 0));
    expect([...result.allocatedMilli]).toEqual(expected);
    expect(result.classes[0]?.levelMilliPerPerson).toBe(2);
  });

  const malformed: Array<[string, Parameters<typeof allocateRound>[0]]> = [
    ['a zero step', { stockMilli: 10, stepMilli: 0, households: [] }],
    ['a negative stock', { stockMilli: -1, stepMilli: 1, households: [] }],
    ['a fractional stock', { stockMilli: 1.5, stepMilli: 1, households: [] }],
    [
      'an entitlement that is not whole steps',
      { stockMilli: 10, stepMilli: 1000, households: rows([['a', 1500, 1000, 0]]) },
    ],
    ['a negative entitlement', { stockMilli: 10, stepMilli: 1, households: rows([['a', -1, 1000, 0]]) }],
    ['an entitlement without weight', { stockMilli: 10, stepMilli: 1, households: rows([['a', 5, 0, 0]]) }],
    [
      'a weight above the maximum',
      { stockMilli: 10, stepMilli: 1, households: rows([['a', 5, 1_000_001, 0]]) },
    ],
    ['a fractional weight', { stockMilli: 10, stepMilli: 1, households: rows([['a', 5, 2.5, 0]]) }],
    ['a negative class', { stockMilli: 10, stepMilli: 1, households: rows([['a', 5, 1000, -1]]) }],
    ['a class beyond the last', { stockMilli: 10, stepMilli: 1, households: rows([['a', 5, 1000, 64]]) }],
    [
      'one id twice where it decides a tie',
      {
        stockMilli: 1,
        stepMilli: 1,
        households: rows([
          ['a', 1, 1000, 0],
          ['a', 1, 1000, 0],
        ]),
      },
    ],
  ];
  it.each(malformed)('refuses %s as a programmer error', (_, input) => {
    expect(() => allocateRound(input)).toThrow(RangeError);
  });
});
