import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ApportionmentInput, type ApportionmentResult, apportionSeats } from './apportionment.ts';

type ProportionalMethod = 'dhondt' | 'sainte-lague' | 'hamilton';

// Counts drawn from a few multiples (2/1 = 4/2 = 6/3 = 12/6) and small totals make equal quotients and
// remainders common, so ties and lots are exercised; the occasional large count checks the bigint arithmetic.
const membersArbitrary = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(0, 1, 2, 3, 4, 6, 12) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 12 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 5_000_000 }) },
);
const extraSeatsArbitrary = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 8 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 60 }) },
);

/** Valid inputs only: at least one member, and the minimums fit in the total. */
const inputArbitrary = (methods: readonly ProportionalMethod[], minimumMax = 3) =>
  fc
    .record({
      method: fc.constantFrom(...methods),
      members: fc.array(membersArbitrary, { minLength: 1, maxLength: 8 }),
      minimum: fc.integer({ min: 0, max: minimumMax }),
      extraSeats: extraSeatsArbitrary,
      seed: fc.string({ maxLength: 8 }),
    })
    .filter(({ members }) => members.some((m) => m > 0))
    .map(
      ({ method, members, minimum, extraSeats, seed }): ApportionmentInput => ({
        method,
        // At least one seat: a federated council with none is refused.
        totalSeats: Math.max(1, minimum * members.length + extraSeats),
        minimumPerChild: minimum,
        children: members.map((m, i) => ({ councilId: `c${i}`, members: m })),
        seed,
      }),
    );

function seatsById(result: ApportionmentResult): Map<string, number> {
  if (!result.ok) throw new Error(`expected an apportionment, got ${result.error}`);
  return new Map(result.rows.map((row) => [row.councilId, row.seats]));
}

const ALL: readonly ProportionalMethod[] = ['dhondt', 'sainte-lague', 'hamilton'];
const DIVISOR: readonly ProportionalMethod[] = ['dhondt', 'sainte-lague'];

describe('apportionSeats properties', () => {
  it('shares out exactly the total, no more and no fewer', () => {
    fc.assert(
      fc.property(inputArbitrary(ALL), (input) => {
        const result = apportionSeats(input);
        if (!result.ok) throw new Error(result.error);
        expect(result.rows.reduce((sum, row) => sum + row.seats, 0)).toBe(input.totalSeats);
        expect(result.totalSeats).toBe(input.totalSeats);
      }),
    );
  });

  it('gives every child at least the minimum', () => {
    fc.assert(
      fc.property(inputArbitrary(ALL, 5), (input) => {
        for (const seats of seatsById(apportionSeats(input)).values())
          expect(seats).toBeGreaterThanOrEqual(input.minimumPerChild ?? 0);
      }),
    );
  });

  it('gives every child the same seats and the same lots whatever order the children are listed in', () => {
    fc.assert(
      fc.property(
        inputArbitrary(ALL),
        fc.array(fc.double({ noNaN: true }), { minLength: 8, maxLength: 8 }),
        (input, keys) => {
          const shuffled = input.children
            .map((child, i) => ({ child, key: keys[i] ?? 0 }))
            .sort((a, b) => a.key - b.key)
            .map(({ child }) => child);
          const original = apportionSeats(input);
          const reordered = apportionSeats({ ...input, children: shuffled });
          expect(seatsById(reordered)).toEqual(seatsById(original));
          expect(reordered.ok && reordered.ties).toEqual(original.ok && original.ties);
        },
      ),
    );
  });

  it("is house-monotone for D'Hondt and Sainte-Laguë: one more seat never takes a seat from anyone", () => {
    fc.assert(
      fc.property(inputArbitrary(DIVISOR), (input) => {
        const before = seatsById(apportionSeats(input));
        const after = seatsById(apportionSeats({ ...input, totalSeats: input.totalSeats + 1 }));
        for (const [id, seats] of before) expect(after.get(id), id).toBeGreaterThanOrEqual(seats);
      }),
      // Ties that persist from one total to the next are what can break this; give them more draws.
      { numRuns: 500 },
    );
  });

  it('never gives a child with more members fewer seats than one with fewer (divisor methods, with minimums)', () => {
    fc.assert(fc.property(inputArbitrary(DIVISOR), (input) => expectMembersOrderSeats(input)));
  });

  it('never gives a child with more members fewer seats than one with fewer (Hamilton without a minimum)', () => {
    fc.assert(fc.property(inputArbitrary(['hamilton'], 0), (input) => expectMembersOrderSeats(input)));
  });

  it('keeps Hamilton within the quota rule without a minimum: floor(quota) ≤ seats ≤ ceil(quota)', () => {
    fc.assert(
      fc.property(inputArbitrary(['hamilton'], 0), (input) => {
        const result = apportionSeats(input);
        if (!result.ok) throw new Error(result.error);
        const all = input.children.reduce((sum, c) => sum + BigInt(c.members), 0n);
        for (const row of result.rows) {
          const numerator = BigInt(row.members) * BigInt(input.totalSeats);
          const floor = numerator / all;
          const ceil = numerator % all === 0n ? floor : floor + 1n;
          expect(BigInt(row.seats) >= floor && BigInt(row.seats) <= ceil, row.councilId).toBe(true);
        }
      }),
    );
  });

  it("gives 'fixed' seatsPerChild to every child, whatever the members and the total", () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 500 }),
        (members, seatsPerChild, totalSeats) => {
          const result = apportionSeats({
            method: 'fixed',
            totalSeats,
            seatsPerChild,
            children: members.map((m, i) => ({ councilId: `c${i}`, members: m })),
            seed: '',
          });
          if (!result.ok) throw new Error(result.error);
          expect(result.rows.every((row) => row.seats === seatsPerChild)).toBe(true);
          expect(result.totalSeats).toBe(seatsPerChild * members.length);
        },
      ),
    );
  });
});

function expectMembersOrderSeats(input: ApportionmentInput): void {
  const result = apportionSeats(input);
  if (!result.ok) throw new Error(result.error);
  for (const larger of result.rows)
    for (const smaller of result.rows)
      if (larger.members > smaller.members)
        expect(larger.seats, `${larger.councilId} v ${smaller.councilId}`).toBeGreaterThanOrEqual(
          smaller.seats,
        );
}
