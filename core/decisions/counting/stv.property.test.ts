import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countIrv } from './irv.ts';
import { countMeekStv } from './meek-stv.ts';
import { countScottishStv } from './scottish-stv.ts';
import type { BallotProfile, Tally } from './tally.ts';
import { countWigmStv } from './wigm-stv.ts';

const counts = { scottish: countScottishStv, wigm: countWigmStv, meek: countMeekStv } as const;

const profileArbitrary = (maxSeats: number): fc.Arbitrary<BallotProfile> =>
  fc.integer({ min: 2, max: 6 }).chain((n) => {
    const candidates = Array.from({ length: n }, (_, c) => `C${c}`);
    return fc
      .record({
        seats: fc.integer({ min: 1, max: Math.min(maxSeats, n - 1) }),
        ballots: fc.array(
          fc.record({
            weight: fc.integer({ min: 1, max: 40 }),
            ranking: fc.shuffledSubarray(
              candidates.map((_, c) => c),
              { minLength: 1 },
            ),
          }),
          { minLength: 1, maxLength: 25 },
        ),
      })
      .map(({ seats, ballots }) => ({
        title: 'generated',
        seats,
        candidates,
        withdrawn: [],
        ballots: ballots.map(({ weight, ranking }) => ({ weight, ranks: ranking.map((c) => [c]) })),
      }));
  });

/** A decimal string as an integer count of its last place. */
const units = (text: string | undefined) => BigInt((text ?? '0').replace('.', ''));

function papers(profile: BallotProfile): number {
  return profile.ballots.reduce((sum, b) => sum + b.weight, 0);
}

describe('STV properties', () => {
  it.each(Object.keys(counts) as (keyof typeof counts)[])(
    '%s: every stage accounts for all the value: elected + continuing + non-transferable (+ lost to truncation) = valid',
    (method) => {
      fc.assert(
        fc.property(profileArbitrary(3), (profile) => {
          const tally = counts[method](profile, {});
          const valid = units(tally.valid);
          expect(Number(tally.valid)).toBe(papers(profile));
          for (const round of tally.rounds) {
            const held = round.totals.reduce((sum, t) => sum + units(t), 0n);
            expect(held + units(round.exhausted) + units(round.lost)).toBe(valid);
          }
          expect(tally.elected.length).toBe(Math.min(profile.seats, profile.candidates.length));
        }),
        { numRuns: 150 },
      );
    },
  );

  it.each(Object.keys(counts) as (keyof typeof counts)[])(
    '%s: the result does not depend on the order of the ballots',
    (method) => {
      fc.assert(
        fc.property(
          profileArbitrary(3).chain((profile) =>
            fc.tuple(
              fc.constant(profile),
              fc.shuffledSubarray(profile.ballots, { minLength: profile.ballots.length }),
            ),
          ),
          ([profile, shuffled]) => {
            const a = counts[method](profile, { seed: 's' });
            const b = counts[method]({ ...profile, ballots: shuffled }, { seed: 's' });
            expect(b.elected).toEqual(a.elected);
            expect(b.rounds.map((r) => r.totals)).toEqual(a.rounds.map((r) => r.totals));
            expect(b.tieBreaks).toEqual(a.tieBreaks);
          },
        ),
        { numRuns: 100 },
      );
    },
  );

  it.each(Object.keys(counts) as (keyof typeof counts)[])(
    '%s with one seat elects the instant-runoff winner when no tie has to be broken',
    (method) => {
      const untied = (tally: Tally) => tally.tieBreaks.length === 0;
      fc.assert(
        fc.property(profileArbitrary(1), (profile) => {
          const stv = counts[method]({ ...profile, seats: 1 }, {});
          const irv = countIrv({ ...profile, seats: 1 }, {});
          fc.pre(untied(stv) && untied(irv));
          expect(stv.elected).toEqual(irv.elected);
        }),
        { numRuns: 200 },
      );
    },
  );
});
