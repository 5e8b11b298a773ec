import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countIrv, type IrvOptions } from './irv.ts';
import type { BallotProfile, RankedBallot } from './tally.ts';

// Papers with blank ranks, equal rankings (overvotes), repeated candidates and unnamed overvotes, so
// that every ballot rule is exercised.
const profileArbitrary = fc.integer({ min: 2, max: 6 }).chain((n) =>
  fc.record({
    candidates: fc.constant(Array.from({ length: n }, (_, c) => `C${c}`)),
    ballots: fc.array(
      fc.record({
        weight: fc.integer({ min: 1, max: 9 }),
        ranks: fc.array(fc.array(fc.integer({ min: 0, max: n - 1 }), { maxLength: 2 }), { maxLength: n + 1 }),
        overvoted: fc.boolean(),
      }),
      { maxLength: 25 },
    ),
  }),
);

function toProfile(input: {
  candidates: string[];
  ballots: { weight: number; ranks: number[][]; overvoted: boolean }[];
}): BallotProfile {
  const ballots: RankedBallot[] = input.ballots.map(({ weight, ranks, overvoted }) =>
    overvoted && ranks.length > 0 && ranks[0]!.length === 0
      ? { weight, ranks, overvotedRanks: [0] }
      : { weight, ranks },
  );
  return { title: 'generated', seats: 1, candidates: input.candidates, withdrawn: [], ballots };
}

const optionsArbitrary: fc.Arbitrary<IrvOptions> = fc.record({
  overvote: fc.constantFrom('exhaust' as const, 'skip' as const),
  skippedRankLimit: fc.constantFrom(null, 0, 1, 2),
  duplicates: fc.constantFrom('skip' as const, 'exhaust' as const),
  batchElimination: fc.boolean(),
  tieBreak: fc.constantFrom('lot' as const, 'backwards' as const, 'forwards' as const),
  continueUntilTwo: fc.boolean(),
  seed: fc.string({ maxLength: 6 }),
});

describe('countIrv properties', () => {
  it('conserves the papers at every round: continuing + exhausted = valid', () => {
    fc.assert(
      fc.property(profileArbitrary, optionsArbitrary, (input, options) => {
        const tally = countIrv(toProfile(input), options);
        for (const round of tally.rounds) {
          const counted = round.totals.reduce((sum, t) => sum + Number(t), 0);
          expect(counted + Number(round.exhausted)).toBe(Number(tally.valid));
          const inactive = round.inactive!;
          const byCause =
            Number(inactive.overvote) +
            Number(inactive.skippedRanks) +
            Number(inactive.duplicate) +
            Number(inactive.noFurtherPreference);
          expect(byCause).toBe(Number(round.exhausted));
          round.statuses.forEach((status, c) => {
            if (status === 'excluded') expect(round.totals[c]).toBe('0');
          });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order of the papers', () => {
    fc.assert(
      fc.property(
        profileArbitrary.chain((input) =>
          fc.tuple(
            fc.constant(input),
            fc.shuffledSubarray(input.ballots, { minLength: input.ballots.length }),
          ),
        ),
        optionsArbitrary,
        ([input, shuffled], options) => {
          const original = countIrv(toProfile(input), options);
          const reordered = countIrv(toProfile({ ...input, ballots: shuffled }), options);
          expect(reordered.elected).toEqual(original.elected);
          expect(reordered.rounds.map((r) => r.totals)).toEqual(original.rounds.map((r) => r.totals));
          expect(reordered.tieBreaks).toEqual(original.tieBreaks);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('always elects exactly one candidate', () => {
    fc.assert(
      fc.property(profileArbitrary, optionsArbitrary, (input, options) => {
        const tally = countIrv(toProfile(input), options);
        expect(tally.elected).toHaveLength(1);
      }),
    );
  });
});
