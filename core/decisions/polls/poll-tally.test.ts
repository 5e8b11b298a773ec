import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BallotProfile, countBallots } from '../counting/index.ts';
import { type BallotContents, checkBallot } from './ballot-check.ts';
import type { Majority, MajorityBase, PollMethod, PollRules, YesNoChoice } from './poll-rules.ts';
import { type CountedBallot, type PollFacts, type PollResult, tallyPoll } from './poll-tally.ts';

const FACTS: PollFacts = {
  presentMillis: null,
  entitledMillis: 10_000,
  seed: 'poll-seed',
  title: 'test poll',
};

function motion(majority: Majority, majorityBase: MajorityBase): PollRules {
  return { method: 'yes-no', options: [], seats: 1, maxMarks: 1, allowSplit: true, majority, majorityBase };
}

function election(method: PollMethod, options: string[], seats = 1, maxMarks = options.length): PollRules {
  return {
    method,
    options,
    seats,
    maxMarks: method === 'plurality' ? 1 : maxMarks,
    allowSplit: false,
    majority: 'simple',
    majorityBase: 'voting',
  };
}

/** A ballot whose marks are given in millis; its weight is their sum. */
function marks(yes: number, no: number, abstain: number): CountedBallot {
  return { contents: { marks: { yes, no, abstain } }, weightMillis: yes + no + abstain };
}

/** A member's ballot: one vote, all on one choice. */
const member = (choice: YesNoChoice): CountedBallot => ({
  contents: { marks: { yes: 0, no: 0, abstain: 0, [choice]: 1000 } },
  weightMillis: 1000,
});

function ranked(weightMillis: number, ...ranking: number[]): CountedBallot {
  return { contents: { ranking }, weightMillis };
}

function yesNo(result: PollResult) {
  if (result.method !== 'yes-no') throw new Error(`expected a yes-no result, got ${result.method}`);
  return result;
}

function electionResult(result: PollResult) {
  if (result.method === 'yes-no') throw new Error('expected an election result');
  return result;
}

describe('tallyPoll: yes-no, simple majority', () => {
  it('adopts with more yes than no, abstentions aside', () => {
    const ballots = [member('yes'), member('yes'), member('no'), member('abstain'), member('abstain')];
    expect(tallyPoll(motion('simple', 'voting'), ballots, FACTS)).toEqual({
      method: 'yes-no',
      ballots: 5,
      totals: { yes: 2000, no: 1000, abstain: 2000 },
      baseMillis: 3000,
      base: 'voting',
      outcome: 'adopted',
    });
  });

  it('rejects a tie', () => {
    const ballots = [member('yes'), member('no'), member('abstain')];
    expect(yesNo(tallyPoll(motion('simple', 'voting'), ballots, FACTS)).outcome).toBe('rejected');
  });

  it('lets abstentions outnumber yes without changing the outcome', () => {
    const ballots = [member('yes'), ...Array.from({ length: 9 }, () => member('abstain'))];
    expect(yesNo(tallyPoll(motion('simple', 'present'), ballots, FACTS)).outcome).toBe('adopted');
  });

  it('rejects when nobody voted', () => {
    expect(yesNo(tallyPoll(motion('simple', 'voting'), [], FACTS))).toMatchObject({
      ballots: 0,
      totals: { yes: 0, no: 0, abstain: 0 },
      outcome: 'rejected',
    });
  });

  it('refuses to count a ranking as a yes-no ballot', () => {
    expect(() => tallyPoll(motion('simple', 'voting'), [ranked(1000, 0)], FACTS)).toThrow(RangeError);
  });
});

describe('tallyPoll: yes-no on each majority and base', () => {
  // Six members: 3 yes, 1 no, 2 abstain; ten entitled; eight present in the room.
  const members = [
    member('yes'),
    member('yes'),
    member('yes'),
    member('no'),
    member('abstain'),
    member('abstain'),
  ];
  const inRoom: PollFacts = { ...FACTS, presentMillis: 8_000 };
  // yes = 3000. voting base 4000, present 8000 (6000 when there is no room), entitled 10000.
  const cases: Array<[Majority, MajorityBase, PollFacts, number, 'adopted' | 'rejected']> = [
    ['absolute', 'voting', inRoom, 4_000, 'adopted'], // 6000 > 4000
    ['absolute', 'present', inRoom, 8_000, 'rejected'], // 6000 ≤ 8000
    ['absolute', 'present', FACTS, 6_000, 'rejected'], // every ballot's weight: exactly half is not more
    ['absolute', 'entitled', inRoom, 10_000, 'rejected'],
    ['two-thirds', 'voting', inRoom, 4_000, 'adopted'], // 9000 ≥ 8000
    ['two-thirds', 'present', FACTS, 6_000, 'rejected'], // 9000 < 12000
    ['two-thirds', 'entitled', inRoom, 10_000, 'rejected'],
    ['simple', 'entitled', inRoom, 10_000, 'adopted'], // the base is reported, simple ignores it
  ];
  it.each(cases)('%s of %s (%o) has base %d and is %s', (majority, base, facts, baseMillis, outcome) => {
    expect(yesNo(tallyPoll(motion(majority, base), members, facts))).toMatchObject({
      totals: { yes: 3000, no: 1000, abstain: 2000 },
      base,
      baseMillis,
      outcome,
    });
  });

  it('two-thirds: exactly two thirds adopts, one milli less rejects', () => {
    const rules = motion('two-thirds', 'voting');
    expect(yesNo(tallyPoll(rules, [marks(2000, 1000, 0)], FACTS)).outcome).toBe('adopted');
    expect(yesNo(tallyPoll(rules, [marks(1999, 1001, 0)], FACTS)).outcome).toBe('rejected');
  });

  it('absolute: one milli over half adopts, exactly half rejects', () => {
    const rules = motion('absolute', 'entitled');
    expect(yesNo(tallyPoll(rules, [marks(5001, 0, 0)], FACTS)).outcome).toBe('adopted');
    expect(yesNo(tallyPoll(rules, [marks(5000, 0, 0)], FACTS)).outcome).toBe('rejected');
  });

  it.each(['absolute', 'two-thirds'] as const)(
    '%s of voting: a poll where everyone abstains is rejected',
    (m) => {
      const result = yesNo(tallyPoll(motion(m, 'voting'), [member('abstain'), member('abstain')], FACTS));
      expect(result).toMatchObject({ baseMillis: 0, outcome: 'rejected' });
    },
  );

  it('present with no room counts every ballot, abstentions included', () => {
    const ballots = [member('yes'), member('yes'), member('abstain'), member('abstain')];
    // yes 2000 of 4000 cast: exactly half, not more.
    expect(yesNo(tallyPoll(motion('absolute', 'present'), ballots, FACTS))).toMatchObject({
      baseMillis: 4000,
      outcome: 'rejected',
    });
    // Three cast: 2000 of 3000 is more than half.
    expect(yesNo(tallyPoll(motion('absolute', 'present'), ballots.slice(0, 3), FACTS))).toMatchObject({
      baseMillis: 3000,
      outcome: 'adopted',
    });
  });
});

describe('tallyPoll: yes-no with weighted delegates', () => {
  // A federated council of three delegates: 2.5, 1 and 1.5 votes (5 in all, 7.5 entitled, 6 present).
  // The first splits her mandate 2 yes / 0.5 no, as her council's assembly voted.
  const rules = motion('simple', 'voting');
  const split = checkBallot(rules, { split: { yes: 2000, no: 500 } }, 2500);
  const no = checkBallot(rules, { choice: 'no' }, 1000);
  const abstain = checkBallot(rules, { choice: 'abstain' }, 1500);
  if (!split.ok || !no.ok || !abstain.ok) throw new Error('the delegates’ ballots are valid');
  const ballots: CountedBallot[] = [
    { contents: split.value, weightMillis: 2500 },
    { contents: no.value, weightMillis: 1000 },
    { contents: abstain.value, weightMillis: 1500 },
  ];
  const facts: PollFacts = { ...FACTS, presentMillis: 6000, entitledMillis: 7500 };

  it('sums each choice in millis', () => {
    expect(yesNo(tallyPoll(rules, ballots, facts))).toMatchObject({
      ballots: 3,
      totals: { yes: 2000, no: 1500, abstain: 1500 },
    });
  });

  // yes = 2000, no = 1500: voting 3500, present 6000 (5000 cast), entitled 7500.
  const cases: Array<[Majority, MajorityBase, PollFacts, number, 'adopted' | 'rejected']> = [
    ['simple', 'voting', facts, 3_500, 'adopted'], // 2000 > 1500
    ['absolute', 'voting', facts, 3_500, 'adopted'], // 4000 > 3500
    ['absolute', 'present', facts, 6_000, 'rejected'], // 4000 ≤ 6000
    ['absolute', 'present', { ...facts, presentMillis: null }, 5_000, 'rejected'], // 4000 ≤ 5000
    ['absolute', 'entitled', facts, 7_500, 'rejected'],
    ['two-thirds', 'voting', facts, 3_500, 'rejected'], // 6000 < 7000
  ];
  it.each(cases)('%s of %s: base %d, %s', (majority, base, f, baseMillis, outcome) => {
    expect(yesNo(tallyPoll(motion(majority, base), ballots, f))).toMatchObject({ baseMillis, outcome });
  });

  it('the same heads, one vote each, would have been a tie and rejected', () => {
    // Counted by heads, the split delegate cannot split: with her whole vote on yes it is 1 yes, 1 no.
    const heads = [member('yes'), member('no'), member('abstain')];
    expect(yesNo(tallyPoll(rules, heads, facts)).outcome).toBe('rejected');
  });
});

describe('tallyPoll: plurality and approval', () => {
  const options = ['Ana', 'Benito', 'Carmen'];

  it('elects the option with most members’ marks, counting whole papers', () => {
    const ballots = [ranked(1000, 0), ranked(1000, 1), ranked(1000, 1), ranked(1000, 2), ranked(1000, 1)];
    const result = electionResult(tallyPoll(election('plurality', options), ballots, FACTS));
    expect(result).toMatchObject({
      method: 'plurality',
      ballots: 5,
      blank: 0,
      elected: [1],
      outcome: 'elected',
    });
    // Each member's 1000 millis is one paper: the gcd of the weights.
    expect(result.tally?.rounds[0]?.totals).toEqual(['1', '3', '1']);
    expect(result.tally?.valid).toBe('5');
  });

  it('weights delegates: 2.5 against 1 turns a 2-to-3 loss into a win', () => {
    const contents = [[0], [0], [1], [1], [1]];
    const byHeads = contents.map((r) => ranked(1000, ...r));
    const byWeight = contents.map((r, i) => ranked(i < 2 ? 2500 : 1000, ...r));
    const rules = election('plurality', options);
    expect(electionResult(tallyPoll(rules, byHeads, FACTS)).elected).toEqual([1]);
    const weighted = electionResult(tallyPoll(rules, byWeight, FACTS));
    expect(weighted.elected).toEqual([0]);
    // gcd(2500, 1000) = 500: 2 × 5 for Ana against 3 × 2 for Benito.
    expect(weighted.tally?.rounds[0]?.totals).toEqual(['10', '6', '0']);
  });

  it('keeps exact ratios with weights that share no round unit (1,001 and 1,000)', () => {
    // Ana's one paper of 1,001 beats Benito's 1,000: the units are millis, not whole votes.
    const ballots = [ranked(1001, 0), ranked(1000, 1)];
    const result = electionResult(tallyPoll(election('plurality', options), ballots, FACTS));
    expect(result.elected).toEqual([0]);
    expect(result.tally?.rounds[0]?.totals).toEqual(['1001', '1000', '0']);
  });

  it('counts blank ballots apart and leaves them out of the count', () => {
    const ballots = [ranked(1000), ranked(1000, 2), ranked(1000), ranked(1000, 2, 0)];
    const result = electionResult(tallyPoll(election('approval', options), ballots, FACTS));
    expect(result).toMatchObject({ ballots: 4, blank: 2, elected: [2], outcome: 'elected' });
    expect(result.tally?.valid).toBe('2');
    expect(result.tally?.rounds[0]?.totals).toEqual(['1', '0', '2']);
  });

  it('approval counts every mark on a paper', () => {
    const ballots = [ranked(1000, 0, 1), ranked(1000, 1, 2), ranked(1000, 0), ranked(1000, 1)];
    const result = electionResult(tallyPoll(election('approval', options, 2), ballots, FACTS));
    expect(result.tally?.rounds[0]?.totals).toEqual(['2', '3', '1']);
    expect(result.elected).toEqual([1, 0]);
  });

  it.each(['plurality', 'approval', 'irv', 'stv-scottish', 'schulze'] as const)(
    '%s: when every ballot is blank there are no valid ballots and nobody is elected',
    (method) => {
      const ballots = [ranked(1000), ranked(2500)];
      expect(tallyPoll(election(method, options), ballots, FACTS)).toEqual({
        method,
        ballots: 2,
        blank: 2,
        tally: null,
        elected: [],
        outcome: 'no-valid-ballots',
      });
    },
  );

  it('a poll with no ballots at all has no valid ballots', () => {
    expect(electionResult(tallyPoll(election('plurality', options), [], FACTS))).toMatchObject({
      ballots: 0,
      blank: 0,
      outcome: 'no-valid-ballots',
    });
  });

  it('settles a tie for the last seat by the poll’s seed, the same way every time', () => {
    const ballots = [ranked(1000, 0), ranked(1000, 1)];
    const first = electionResult(tallyPoll(election('plurality', options), ballots, FACTS));
    const again = electionResult(tallyPoll(election('plurality', options), [...ballots].reverse(), FACTS));
    expect(first.elected).toHaveLength(1);
    expect(again.elected).toEqual(first.elected);
    expect(first.tally?.tieBreaks).toMatchObject([{ by: 'lot', tied: [0, 1], seed: 'poll-seed' }]);
  });
});

describe('tallyPoll: a Scottish STV committee election', () => {
  // Five candidates for three seats; twenty members, one vote each.
  const candidates = ['Ana', 'Benito', 'Carmen', 'Dolores', 'Esteban'];
  const [A, B, C, D, E] = [0, 1, 2, 3, 4] as const;
  const profile: Array<[number, number[]]> = [
    [8, [A, B, C]],
    [4, [B, C]],
    [3, [C, D]],
    [2, [D, C]],
    [2, [E, D]],
    [1, [E, B]],
  ];
  const ballots = profile.flatMap(([n, ranking]) =>
    Array.from({ length: n }, () => ranked(1000, ...ranking)),
  );
  const rules = election('stv-scottish', candidates, 3, 3);

  // Worked by hand. 20 valid papers, quota floor(20 / 4) + 1 = 6. First preferences: A 8, B 4, C 3,
  // D 2, E 3. A is elected; her surplus of 2 goes on at 2/8 = 0.25 per paper, all to B: B 4 + 8 × 0.25 = 6,
  // the quota, and B is elected with no surplus. C 3, D 2, E 3: D, the lowest, is excluded and her two
  // papers go to C (5). C 5 against E 3 for the last seat: E is excluded (his papers go to D, gone, and
  // B, elected: non-transferable) and C takes the last seat.
  it('elects A, B and C in that order with a quota of 6 papers', () => {
    const result = electionResult(tallyPoll(rules, ballots, FACTS));
    expect(result).toMatchObject({ ballots: 20, blank: 0, elected: [A, B, C], outcome: 'elected' });
    expect(Number(result.tally?.quota)).toBe(6);
    expect(Number(result.tally?.valid)).toBe(20);
  });

  it('matches the counting engine on the same profile written as ballot lines', () => {
    const lines: BallotProfile = {
      title: 'committee',
      seats: 3,
      candidates,
      withdrawn: [],
      ballots: profile.map(([weight, ranking]) => ({ weight, ranks: ranking.map((c) => [c]) })),
    };
    const direct = countBallots('stv-scottish', lines, { seats: 3, seed: FACTS.seed });
    const result = electionResult(tallyPoll(rules, ballots, FACTS));
    expect(result.tally?.elected).toEqual(direct.elected);
    expect(result.tally?.quota).toBe(direct.quota);
    expect(result.tally?.rounds.map((r) => r.totals)).toEqual(direct.rounds.map((r) => r.totals));
  });

  it('counts a blank paper apart: the quota stays at 6', () => {
    const result = electionResult(tallyPoll(rules, [...ballots, ranked(1000)], FACTS));
    expect(result).toMatchObject({ ballots: 21, blank: 1, elected: [A, B, C] });
    expect(Number(result.tally?.quota)).toBe(6);
  });
});

// ---------------------------------------------------------------------------------------------------
// Properties

const weightArb = fc.integer({ min: 1, max: 10 }).map((n) => n * 250);

/** A yes-no ballot as the voter gives it, checked and stored the way the server stores it. */
const yesNoBallotArb: fc.Arbitrary<CountedBallot> = weightArb.chain((weight) =>
  fc
    .oneof(
      fc.constantFrom<YesNoChoice>('yes', 'no', 'abstain').map((choice) => ({ choice })),
      fc
        .tuple(fc.integer({ min: 0, max: weight }), fc.integer({ min: 0, max: weight }))
        .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const)
        .map(([lo, hi]) => ({ split: { yes: lo, no: hi - lo, abstain: weight - hi } })),
    )
    .map((input) => {
      const checked = checkBallot(motion('simple', 'voting'), input, weight);
      if (!checked.ok) throw new Error(`generated an invalid ballot: ${checked.error}`);
      return { contents: checked.value, weightMillis: weight };
    }),
);

const majorityArb = fc.constantFrom<Majority>('simple', 'absolute', 'two-thirds');
const baseArb = fc.constantFrom<MajorityBase>('voting', 'present', 'entitled');
const factsArb = fc.record({
  presentMillis: fc.option(fc.integer({ min: 0, max: 30_000 }), { nil: null }),
  entitledMillis: fc.integer({ min: 0, max: 30_000 }),
  seed: fc.constant('prop'),
  title: fc.constant('prop'),
});

/** The same ballots in another order. */
const withShuffle = <T>(arb: fc.Arbitrary<T[]>) =>
  arb.chain((items) =>
    fc
      .shuffledSubarray(
        items.map((_, i) => i),
        { minLength: items.length, maxLength: items.length },
      )
      .map((order) => [items, order.map((i) => items[i]!)] as const),
  );

describe('tallyPoll: properties', () => {
  it('yes-no totals always add up to the sum of the ballots’ weights', () => {
    fc.assert(
      fc.property(
        fc.array(yesNoBallotArb, { maxLength: 30 }),
        majorityArb,
        baseArb,
        factsArb,
        (ballots, m, b, f) => {
          const { totals, ballots: count } = yesNo(tallyPoll(motion(m, b), ballots, f));
          expect(totals.yes + totals.no + totals.abstain).toBe(
            ballots.reduce((s, x) => s + x.weightMillis, 0),
          );
          expect(count).toBe(ballots.length);
        },
      ),
    );
  });

  it('the order of the ballots never changes a yes-no result', () => {
    fc.assert(
      fc.property(
        withShuffle(fc.array(yesNoBallotArb, { maxLength: 30 })),
        majorityArb,
        baseArb,
        factsArb,
        ([a, b], m, base, f) => {
          expect(tallyPoll(motion(m, base), b, f)).toEqual(tallyPoll(motion(m, base), a, f));
        },
      ),
    );
  });

  const electionBallotArb = (method: 'plurality' | 'approval', n: number): fc.Arbitrary<CountedBallot> =>
    fc
      .record({
        weight: weightArb,
        marks: fc.subarray(
          Array.from({ length: n }, (_, i) => i),
          { maxLength: method === 'plurality' ? 1 : n },
        ),
      })
      .map(({ weight, marks: ranking }) => ({
        contents: { ranking } satisfies BallotContents,
        weightMillis: weight,
      }));

  it.each(['plurality', 'approval'] as const)(
    'the order of the ballots never changes who %s elects',
    (method) => {
      const arb = fc.integer({ min: 2, max: 5 }).chain((n) =>
        fc.record({
          n: fc.constant(n),
          seats: fc.integer({ min: 1, max: n - 1 }),
          shuffled: withShuffle(fc.array(electionBallotArb(method, n), { maxLength: 25 })),
        }),
      );
      fc.assert(
        fc.property(arb, ({ n, seats, shuffled: [a, b] }) => {
          const rules = election(
            method,
            Array.from({ length: n }, (_, i) => `O${i}`),
            seats,
          );
          const before = electionResult(tallyPoll(rules, a, FACTS));
          const after = electionResult(tallyPoll(rules, b, FACTS));
          expect(new Set(after.elected)).toEqual(new Set(before.elected));
          expect(after.outcome).toBe(before.outcome);
          expect(after.blank).toBe(before.blank);
        }),
      );
    },
  );

  it.each(['simple', 'absolute'] as const)(
    '%s of entitled: adding a yes ballot never turns adopted into rejected',
    (majority) => {
      fc.assert(
        fc.property(
          fc.array(yesNoBallotArb, { maxLength: 30 }),
          weightArb,
          fc.integer({ min: 0, max: 30_000 }),
          (ballots, weight, extra) => {
            const cast = ballots.reduce((s, x) => s + x.weightMillis, 0);
            const facts = { ...FACTS, entitledMillis: cast + weight + extra };
            const rules = motion(majority, 'entitled');
            const before = yesNo(tallyPoll(rules, ballots, facts));
            const yes: CountedBallot = {
              contents: { marks: { yes: weight, no: 0, abstain: 0 } },
              weightMillis: weight,
            };
            const after = yesNo(tallyPoll(rules, [...ballots, yes], facts));
            if (before.outcome === 'adopted') expect(after.outcome).toBe('adopted');
            expect(after.totals.yes).toBe(before.totals.yes + weight);
          },
        ),
      );
    },
  );
});
