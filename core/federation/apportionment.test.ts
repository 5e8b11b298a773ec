import { describe, expect, it } from 'vitest';
import { type ApportionmentInput, type ApportionmentResult, apportionSeats } from './apportionment.ts';

// Every expected seat count below is the figure printed in the cited source, not this code's output.
// Only the tests of the minimum per child and of lots use hand-worked figures: they check choices this
// module documents, which no textbook makes.

type Method = ApportionmentInput['method'];

function apportion(
  method: Method,
  totalSeats: number,
  members: Record<string, number>,
  extra: Partial<ApportionmentInput> = {},
): ApportionmentResult {
  const children = Object.entries(members).map(([councilId, n]) => ({ councilId, members: n }));
  return apportionSeats({ method, totalSeats, children, seed: 'test', ...extra });
}

function seatsOf(result: ApportionmentResult): Record<string, number> {
  if (!result.ok) throw new Error(`expected an apportionment, got ${result.error}`);
  return Object.fromEntries(result.rows.map((row) => [row.councilId, row.seats]));
}

function rowOf(result: ApportionmentResult, councilId: string) {
  if (!result.ok) throw new Error(`expected an apportionment, got ${result.error}`);
  const row = result.rows.find((r) => r.councilId === councilId);
  if (!row) throw new Error(`no row for ${councilId}`);
  return row;
}

// 1790 census apportionment populations (as tabulated in Garfunkel (COMAP), For All Practical Purposes,
// 10th ed., ch. 14, and in the project exercise "The First Apportionment of the House of
// Representatives"); total 3,615,920.
const CENSUS_1790: Record<string, number> = {
  CT: 236_841,
  DE: 55_540,
  GA: 70_835,
  KY: 68_705,
  MD: 278_514,
  MA: 475_327,
  NH: 141_822,
  NJ: 179_570,
  NY: 331_589,
  NC: 353_523,
  PA: 432_879,
  RI: 68_446,
  SC: 206_236,
  VT: 85_533,
  VA: 630_560,
};

// Wikipedia, "D'Hondt method" and "Sainte-Laguë method", § Example: 230,000 voters, 8 seats.
const WIKIPEDIA_8_SEATS = { A: 100_000, B: 80_000, C: 30_000, D: 20_000 };
// staatsrecht.honikel.de, "Berechnungsbeispiele – Lösungen": one result counted three ways, 10 seats.
const HONIKEL_10_SEATS = { A: 6100, B: 5000, C: 900 };
// electowiki.org, "Sainte-Laguë method", 35-seat example. (Its note's D'Hondt figures, 18/10/6, sum to 34
// and are not used.)
const ELECTOWIKI_35_SEATS = { A: 503, B: 304, C: 193 };

describe("apportionSeats: D'Hondt", () => {
  it('gives the Wikipedia 8-seat example 4, 3, 1, 0', () => {
    expect(seatsOf(apportion('dhondt', 8, WIKIPEDIA_8_SEATS))).toEqual({ A: 4, B: 3, C: 1, D: 0 });
  });

  it('publishes the quotient each child won its last seat with, truncated to 6 places', () => {
    const result = apportion('dhondt', 8, WIKIPEDIA_8_SEATS);
    // Wikipedia's table: A's 4th seat at 100,000/4, B's 3rd at 80,000/3, C's only one at 30,000/1.
    expect(rowOf(result, 'A').quotient).toBe('25000.000000');
    expect(rowOf(result, 'B').quotient).toBe('26666.666666');
    expect(rowOf(result, 'C').quotient).toBe('30000.000000');
    expect(rowOf(result, 'D').quotient).toBeUndefined();
    expect(rowOf(result, 'A').remainder).toBeUndefined();
  });

  it('gives the Honikel 10-seat example 6, 4, 0', () => {
    expect(seatsOf(apportion('dhondt', 10, HONIKEL_10_SEATS))).toEqual({ A: 6, B: 4, C: 0 });
  });

  it('splits the electowiki two-seat example 300 v 290 one each', () => {
    // electowiki.org, "D'Hondt method", § Example.
    expect(seatsOf(apportion('dhondt', 2, { A: 300, B: 290 }))).toEqual({ A: 1, B: 1 });
  });

  it("reproduces the House of 1792: Jefferson's method (D'Hondt) with 105 seats on the 1790 census", () => {
    // Apportionment Act of 1792 (1 Stat. 253), ratio one per 33,000; seats as tabulated in St. George
    // Tucker's Blackstone (1803), vol. 1, Note D, footnote 56, "according to the First Census".
    expect(seatsOf(apportion('dhondt', 105, CENSUS_1790))).toEqual({
      CT: 7,
      DE: 1,
      GA: 2,
      KY: 2,
      MD: 8,
      MA: 14,
      NH: 4,
      NJ: 5,
      NY: 10,
      NC: 10,
      PA: 13,
      RI: 2,
      SC: 6,
      VT: 2,
      VA: 19,
    });
  });

  it('gives the FAPP priority-table example 7, 6, 3, 3, 1 for 20 seats', () => {
    // For All Practical Purposes, 10th ed., ch. 14 supplementary solutions (exercise 56 page): priority
    // table with divisors 1, 2, 3, …
    const members = {
      Demopublicans: 44_856,
      Repocrats: 34_944,
      Greenocrats: 20_004,
      Greenicans: 19_002,
      Independents: 9_804,
    };
    expect(seatsOf(apportion('dhondt', 20, members))).toEqual({
      Demopublicans: 7,
      Repocrats: 6,
      Greenocrats: 3,
      Greenicans: 3,
      Independents: 1,
    });
  });
});

describe('apportionSeats: Sainte-Laguë', () => {
  it('gives the Wikipedia 8-seat example 3, 3, 1, 1', () => {
    expect(seatsOf(apportion('sainte-lague', 8, WIKIPEDIA_8_SEATS))).toEqual({ A: 3, B: 3, C: 1, D: 1 });
  });

  it('gives the Honikel 10-seat example 5, 4, 1', () => {
    expect(seatsOf(apportion('sainte-lague', 10, HONIKEL_10_SEATS))).toEqual({ A: 5, B: 4, C: 1 });
  });

  it('gives the Electoral Reform wiki 10-seat example 4, 3, 2, 1', () => {
    // electoralreform.wikia.com, "Sainte-Laguë Method": 25,000 / 19,000 / 12,000 / 8,000 votes.
    const members = { A: 25_000, B: 19_000, C: 12_000, D: 8_000 };
    expect(seatsOf(apportion('sainte-lague', 10, members))).toEqual({ A: 4, B: 3, C: 2, D: 1 });
  });

  it('gives the electowiki 35-seat example 17, 11, 7 with its last quotients', () => {
    const result = apportion('sainte-lague', 35, ELECTOWIKI_35_SEATS);
    expect(seatsOf(result)).toEqual({ A: 17, B: 11, C: 7 });
    // electowiki prints them to 4 places, some cut and some rounded: 503/33 = 15.2424, 304/21 = 14.4762,
    // 193/13 = 14.8461; so agree within one unit of the 4th place.
    const published = { A: 15.2424, B: 14.4762, C: 14.8461 };
    for (const [id, quotient] of Object.entries(published))
      expect(Math.abs(Number(rowOf(result, id).quotient) - quotient), id).toBeLessThan(0.0001);
  });
});

describe('apportionSeats: Hamilton', () => {
  it("reproduces Hamilton's vetoed 120-seat House of 1792, quotas and seats", () => {
    // For All Practical Purposes, 10th ed., ch. 14, Example 6 "The Vetoed Apportionment Bill by
    // Hamilton's Method", Table 14.5: [quota to 3 places, seats].
    const published: Record<string, [number, number]> = {
      NJ: [5.959, 6],
      VA: [20.926, 21],
      CT: [7.86, 8],
      SC: [6.844, 7],
      DE: [1.843, 2],
      VT: [2.839, 3],
      MA: [15.774, 16],
      NC: [11.732, 12],
      NH: [4.707, 5],
      PA: [14.366, 14],
      GA: [2.351, 2],
      KY: [2.28, 2],
      RI: [2.271, 2],
      MD: [9.243, 9],
      NY: [11.004, 11],
    };
    const result = apportion('hamilton', 120, CENSUS_1790);
    for (const [state, [quota, seats]] of Object.entries(published)) {
      const row = rowOf(result, state);
      expect(row.seats, state).toBe(seats);
      expect(Math.abs(Number(row.quotient) - quota), state).toBeLessThanOrEqual(0.0005);
      expect(row.minimumApplied).toBe(false);
    }
  });

  it('gives the Honikel 10-seat example 5, 4, 1 from quotas 5.08, 4.17, 0.75', () => {
    const result = apportion('hamilton', 10, HONIKEL_10_SEATS);
    expect(seatsOf(result)).toEqual({ A: 5, B: 4, C: 1 });
    expect(rowOf(result, 'C').quotient).toBe('0.750000');
    expect(rowOf(result, 'C').remainder).toBe('0.750000');
    expect(rowOf(result, 'A').quotient).toBe('5.083333');
    expect(rowOf(result, 'A').remainder).toBe('0.083333');
  });

  it('shows the Alabama paradox: three states of 6, 6 and 2, C loses a seat when the house grows from 10 to 11', () => {
    // Wikipedia, "Apportionment paradox", § Alabama paradox: quotas 4.286/4.286/1.429 give 4, 4, 2;
    // quotas 4.714/4.714/1.571 give 5, 5, 1.
    const states = { A: 6, B: 6, C: 2 };
    expect(seatsOf(apportion('hamilton', 10, states))).toEqual({ A: 4, B: 4, C: 2 });
    expect(seatsOf(apportion('hamilton', 11, states))).toEqual({ A: 5, B: 5, C: 1 });
  });

  it('shows the Alabama paradox at 323 → 324 seats with the exact quotas printed', () => {
    // Wikipedia (en "Alabama paradox", 2005–2009; de "Alabama-Paradoxon") and electowiki "Alabama
    // paradox": sizes 5670 / 3850 / 420 / 60.
    const states = { A: 5670, B: 3850, C: 420, D: 60 };
    const at323 = apportion('hamilton', 323, states);
    const at324 = apportion('hamilton', 324, states);
    expect(seatsOf(at323)).toEqual({ A: 183, B: 124, C: 14, D: 2 });
    expect(seatsOf(at324)).toEqual({ A: 184, B: 125, C: 13, D: 2 });
    expect(['A', 'B', 'C', 'D'].map((id) => rowOf(at323, id).quotient)).toEqual([
      '183.141000',
      '124.355000',
      '13.566000',
      '1.938000',
    ]);
    expect(['A', 'B', 'C', 'D'].map((id) => rowOf(at324, id).quotient)).toEqual([
      '183.708000',
      '124.740000',
      '13.608000',
      '1.944000',
    ]);
  });

  it('shows the Alabama paradox in the FAPP five-party exercise at 89, 90 and 91 seats', () => {
    // For All Practical Purposes, 10th ed., ch. 14, Question 14.45 (exercise 15) and its answer table.
    const parties = { P1: 5_576_330, P2: 1_387_342, P3: 3_334_241, P4: 7_512_860, P5: 310_968 };
    expect(seatsOf(apportion('hamilton', 89, parties))).toEqual({ P1: 27, P2: 7, P3: 16, P4: 37, P5: 2 });
    expect(seatsOf(apportion('hamilton', 90, parties))).toEqual({ P1: 28, P2: 7, P3: 17, P4: 37, P5: 1 });
    expect(seatsOf(apportion('hamilton', 91, parties))).toEqual({ P1: 28, P2: 7, P3: 17, P4: 38, P5: 1 });
  });

  it('shows the population paradox: B grows faster than A yet loses a seat to it', () => {
    // Angel, Abbott & Runde, A Survey of Mathematics with Applications, ch. 14 "Voting and
    // Apportionment", population paradox example (Tables 14.48–14.49), 100 seats. B grew 1.802 %, A 1.696 %.
    expect(seatsOf(apportion('hamilton', 100, { A: 23_527, B: 5_548, C: 70_925 }))).toEqual({
      A: 23,
      B: 6,
      C: 71,
    });
    expect(seatsOf(apportion('hamilton', 100, { A: 23_926, B: 5_648, C: 71_110 }))).toEqual({
      A: 24,
      B: 5,
      C: 71,
    });
  });
});

describe('apportionSeats: minimum per child (hand-worked from the documented rule)', () => {
  it("continues the D'Hondt divisors from the minimum and marks the child the minimum held up", () => {
    // Minimum 1 each takes 4 seats; the other 4 go to 100k/2, 80k/2, 100k/3, 80k/3. D's claim for its
    // first seat, 20k/1, is below the cut-off 80k/3, so only the minimum seated it.
    const result = apportion('dhondt', 8, WIKIPEDIA_8_SEATS, { minimumPerChild: 1 });
    expect(seatsOf(result)).toEqual({ A: 3, B: 3, C: 1, D: 1 });
    expect(result.ok && result.rows.map((r) => r.minimumApplied)).toEqual([false, false, false, true]);
    expect(rowOf(result, 'B').quotient).toBe('26666.666666');
    expect(rowOf(result, 'D').quotient).toBeUndefined();
  });

  it('does not mark a child whose own quotient would have won the seat the minimum gave it', () => {
    // C: 30k/1 is above the cut-off 80k/3, so C would hold its one seat without the minimum.
    const result = apportion('dhondt', 8, WIKIPEDIA_8_SEATS, { minimumPerChild: 1 });
    expect(rowOf(result, 'C').minimumApplied).toBe(false);
  });

  it('pays for a Hamilton minimum out of the seats the smallest winning remainders would have had', () => {
    // From the quotas of FAPP Table 14.5 (1790, 120 seats), minimum 3: DE, GA, KY, RI and VT (quotas
    // below 3) are raised, 6 seats above their whole parts. The whole parts total 111, so 120 − 111 − 6 = 3
    // seats remain for the largest remainders of the rest: NJ .959, VA .926, CT .860. SC, MA, NC and NH,
    // which won remainder seats without the minimum, lose them.
    const result = apportion('hamilton', 120, CENSUS_1790, { minimumPerChild: 3 });
    expect(seatsOf(result)).toEqual({
      CT: 8,
      DE: 3,
      GA: 3,
      KY: 3,
      MD: 9,
      MA: 15,
      NH: 4,
      NJ: 6,
      NY: 11,
      NC: 11,
      PA: 14,
      RI: 3,
      SC: 6,
      VT: 3,
      VA: 21,
    });
    const raised = result.ok ? result.rows.filter((r) => r.minimumApplied).map((r) => r.councilId) : [];
    expect(raised.sort()).toEqual(['DE', 'GA', 'KY', 'RI', 'VT']);
  });

  it('takes the rest of a Hamilton raise from the child whose quota least covers its last seat', () => {
    // Quotas 5.083 / 4.167 / 0.750, minimum 2: C is raised by 2 but only 1 seat is left after the whole
    // parts (5 + 4), so one more comes back from A, whose 5th seat its quota covers least (5 − 5.083 is
    // the largest seats − quota).
    const result = apportion('hamilton', 10, HONIKEL_10_SEATS, { minimumPerChild: 2 });
    expect(seatsOf(result)).toEqual({ A: 4, B: 4, C: 2 });
    expect(result.ok && result.rows.map((r) => r.minimumApplied)).toEqual([false, false, true]);
    expect(result.ok && result.ties).toEqual([]);
  });

  it('gives every child exactly the minimum when the minimums use up the seats', () => {
    const result = apportion('sainte-lague', 4, WIKIPEDIA_8_SEATS, { minimumPerChild: 1 });
    expect(seatsOf(result)).toEqual({ A: 1, B: 1, C: 1, D: 1 });
    expect(result.ok && result.rows.every((r) => r.minimumApplied)).toBe(true);
  });
});

describe('apportionSeats: ties for the last seat', () => {
  // Alabama states with 11 seats and minimum 2: C is raised to 2, A and B hold 4 each and tie on
  // remainder 0.714 for the one seat left.
  const levelInput = (order: string[], seed: string): ApportionmentInput => ({
    method: 'hamilton',
    totalSeats: 11,
    minimumPerChild: 2,
    children: order.map((councilId) => ({ councilId, members: { A: 6, B: 6, C: 2 }[councilId] ?? 0 })),
    seed,
  });

  it('settles a level remainder by lot and records who was level, who won and the seed', () => {
    const result = apportionSeats(levelInput(['A', 'B', 'C'], 'assembly-2025'));
    if (!result.ok) throw new Error(result.error);
    expect(result.ties).toHaveLength(1);
    const tie = result.ties[0]!;
    expect(tie).toMatchObject({ councilIds: ['A', 'B'], by: 'lot', seed: 'assembly-2025' });
    expect(tie.chosen).toHaveLength(1);
    expect(rowOf(result, tie.chosen[0]!).seats).toBe(5);
    expect(rowOf(result, 'C').seats).toBe(2);
  });

  it('draws the same lot whatever order the children are listed in', () => {
    for (const seed of ['a', 'b', 'c', 'd', 'e', 'f']) {
      const forward = apportionSeats(levelInput(['A', 'B', 'C'], seed));
      const backward = apportionSeats(levelInput(['C', 'B', 'A'], seed));
      expect(seatsOf(backward)).toEqual(seatsOf(forward));
      expect(backward.ok && backward.ties).toEqual(forward.ok && forward.ties);
    }
  });

  it('lets the seed decide: some seeds pick A and some pick B', () => {
    const winners = new Set<string>();
    for (let i = 0; i < 32; i++) {
      const result = apportionSeats(levelInput(['A', 'B', 'C'], `seed-${i}`));
      if (result.ok) winners.add(result.ties[0]?.chosen[0] ?? 'none');
    }
    expect([...winners].sort()).toEqual(['A', 'B']);
  });

  it("records a D'Hondt tie between equal councils for the last seat", () => {
    const result = apportion('dhondt', 3, { X: 10, Y: 10, Z: 5 });
    // 10, 10 win outright; the third seat is level between X and Y (10/2 = 5) and Z (5/1 = 5).
    if (!result.ok) throw new Error(result.error);
    expect(result.ties).toEqual([
      { councilIds: ['X', 'Y', 'Z'], chosen: expect.any(Array), by: 'lot', seed: 'test' },
    ]);
    expect(result.ties[0]!.chosen).toHaveLength(1);
    expect(Object.values(seatsOf(result)).reduce((a, b) => a + b)).toBe(3);
  });

  it('keeps the earlier winners when the same tie is left one more seat', () => {
    // Three equal councils are level for every seat up to the third: the lot for 2 seats must include the
    // winner of the lot for 1, or adding a seat would take one away.
    for (let i = 0; i < 20; i++) {
      const equal = { X: 5, Y: 5, Z: 5 };
      const one = apportion('dhondt', 1, equal, { seed: `seed-${i}` });
      const two = apportion('dhondt', 2, equal, { seed: `seed-${i}` });
      if (!one.ok || !two.ok) throw new Error('expected apportionments');
      expect(two.ties[0]?.chosen).toEqual(expect.arrayContaining(one.ties[0]?.chosen ?? ['missing']));
    }
  });

  it('records no tie when the level claims all win', () => {
    const result = apportion('dhondt', 2, { X: 10, Y: 10 });
    expect(seatsOf(result)).toEqual({ X: 1, Y: 1 });
    expect(result.ok && result.ties).toEqual([]);
  });
});

describe('apportionSeats: fixed', () => {
  it('gives each child seatsPerChild whatever its members, and totals them', () => {
    const result = apportionSeats({
      method: 'fixed',
      totalSeats: 999,
      seatsPerChild: 2,
      children: [
        { councilId: 'a', members: 0 },
        { councilId: 'b', members: 500 },
        { councilId: 'c', members: 7 },
      ],
      seed: 's',
    });
    expect(result).toEqual({
      ok: true,
      method: 'fixed',
      totalSeats: 6,
      ties: [],
      rows: [
        { councilId: 'a', members: 0, seats: 2, minimumApplied: false },
        { councilId: 'b', members: 500, seats: 2, minimumApplied: false },
        { councilId: 'c', members: 7, seats: 2, minimumApplied: false },
      ],
    });
  });
});

describe('apportionSeats: refusals', () => {
  const two = { a: 3, b: 4 };
  it.each<[string, ApportionmentResult['ok'] | string, () => ApportionmentResult]>([
    ['no children', 'no-children', () => apportion('dhondt', 5, {})],
    ['a total of zero seats', 'total-seats-invalid', () => apportion('hamilton', 0, two)],
    ['a fractional total', 'total-seats-invalid', () => apportion('sainte-lague', 2.5, two)],
    ['a total above the bound', 'total-seats-invalid', () => apportion('dhondt', 100_001, two)],
    ["'fixed' without seats per child", 'total-seats-invalid', () => apportion('fixed', 5, two)],
    [
      "'fixed' with zero seats per child",
      'total-seats-invalid',
      () => apportion('fixed', 5, two, { seatsPerChild: 0 }),
    ],
    [
      'minimums that need more seats than the total',
      'minimum-exceeds-total',
      () => apportion('dhondt', 5, { a: 1, b: 1, c: 1 }, { minimumPerChild: 2 }),
    ],
    [
      "a minimum above 'fixed' seats per child",
      'minimum-exceeds-total',
      () => apportion('fixed', 0, two, { seatsPerChild: 1, minimumPerChild: 2 }),
    ],
    ['children without any member', 'no-members', () => apportion('hamilton', 3, { a: 0, b: 0 })],
  ])('refuses %s with %s', (_, error, run) => {
    expect(run()).toEqual({ ok: false, error });
  });

  it('accepts minimums that use exactly the total', () => {
    expect(apportion('dhondt', 6, { a: 1, b: 1, c: 1 }, { minimumPerChild: 2 }).ok).toBe(true);
  });

  it('throws on negative or fractional members, a bad minimum and duplicate ids, which the schema refuses', () => {
    expect(() => apportion('dhondt', 3, { a: -1 })).toThrow(RangeError);
    expect(() => apportion('dhondt', 3, { a: 1.5 })).toThrow(RangeError);
    expect(() => apportion('dhondt', 3, { a: 1 }, { minimumPerChild: -1 })).toThrow(RangeError);
    const twice = [
      { councilId: 'a', members: 1 },
      { councilId: 'a', members: 2 },
    ];
    expect(() => apportionSeats({ method: 'dhondt', totalSeats: 3, children: twice, seed: '' })).toThrow(
      RangeError,
    );
  });
});
