import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDebianTally } from './debian-tally.ts';
import { countSchulze, type SchulzeVariant } from './schulze.ts';
import type { BallotProfile, RankedBallot } from './tally.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/ranked/${name}`, import.meta.url));

interface Example {
  name: string;
  candidates: string[];
  votes: string[];
  expected: Record<
    string,
    {
      winners: string[];
      ranking?: Record<string, string | string[]>;
      strongest_paths?: Record<string, Record<string, number>>;
    }
  >;
}

const examples: Example[] = JSON.parse(
  gunzipSync(fixture('schulze_examples.json.gz')).toString('utf8'),
).examples;
const VARIANTS: Record<string, SchulzeVariant> = {
  'Schulze Winning': 'winning',
  'Schulze Margin': 'margin',
  'Schulze Ratio': 'ratio',
};

/** `A > B = C * 3`: three papers; candidates left off a line are unranked. */
function profileOfExample(example: Example): BallotProfile {
  const ballots = example.votes.map((line) => {
    const [ranking, times] = line.split('*');
    const ranks = ranking!
      .split('>')
      .map((group) => group.split('=').map((name) => example.candidates.indexOf(name.trim())));
    return { weight: times ? Number(times) : 1, ranks };
  });
  return { title: example.name, seats: 1, candidates: example.candidates, withdrawn: [], ballots };
}

/** A ratio path strength "num/den" as the reference's floating-point figure. */
function asNumber(strength: number | string): number {
  if (typeof strength === 'number') return strength;
  const [num, den] = strength.split('/').map(Number);
  return den === undefined ? num! : num! / den;
}

const cases = examples.flatMap((example) =>
  Object.entries(example.expected).map(([variantName, expected]) => ({
    example,
    variant: VARIANTS[variantName]!,
    expected,
  })),
);

describe('countSchulze on the worked examples of Schulze’s paper', () => {
  it('covers all 19 examples and the three variants', () => {
    expect(examples).toHaveLength(19);
    expect(new Set(cases.map((c) => c.variant))).toEqual(new Set(['winning', 'margin', 'ratio']));
  });

  it.each(cases.map((c) => [c.example.name, c.variant, c] as const))(
    '%s (%s)',
    (_name, variant, { example, expected }) => {
      const tally = countSchulze(profileOfExample(example), { variant });
      const name = (c: number) => example.candidates[c]!;
      expect(tally.ranking![0]!.map(name).sort()).toEqual([...expected.winners].sort());
      if (expected.ranking) {
        const places = Object.keys(expected.ranking).sort((a, b) => Number(a) - Number(b));
        const want = places.map((place) => [expected.ranking![place]!].flat().sort());
        expect(tally.ranking!.map((tier) => tier.map(name).sort())).toEqual(want);
      }
      if (expected.strongest_paths) {
        for (const [from, row] of Object.entries(expected.strongest_paths)) {
          for (const [to, strength] of Object.entries(row)) {
            const got =
              tally.strongestPaths![example.candidates.indexOf(from)]![example.candidates.indexOf(to)]!;
            expect(asNumber(got), `${from} → ${to}`).toBeCloseTo(strength, 12);
          }
        }
      }
    },
  );
});

describe('countSchulze', () => {
  it('exposes the pairwise counts with unranked candidates tied last', () => {
    const tally = countSchulze({
      title: 't',
      seats: 1,
      candidates: ['A', 'B', 'C'],
      withdrawn: [],
      ballots: [
        { weight: 2, ranks: [[0], [1]] },
        { weight: 1, ranks: [[2]] },
      ],
    });
    expect(tally.pairwise).toEqual([
      [0, 2, 2],
      [0, 0, 2],
      [1, 1, 0],
    ]);
    const ignored = countSchulze(
      {
        title: 't',
        seats: 1,
        candidates: ['A', 'B', 'C'],
        withdrawn: [],
        ballots: [{ weight: 2, ranks: [[0], [1]] }],
      },
      { unranked: 'ignored' },
    );
    expect(ignored.pairwise).toEqual([
      [0, 2, 0],
      [0, 0, 0],
      [0, 0, 0],
    ]);
  });

  it('compares ratios exactly where floating point would call them equal', () => {
    // A beats B by (k+1)/k, B beats C by 2k/3, C beats A by (k+2)/(k+1): the weakest link of the cycle is
    // C over A, so A alone wins. In doubles (k+1)/k === (k+2)/(k+1), which would also make B a winner.
    const k = 1e9;
    expect((k + 1) / k).toBe((k + 2) / (k + 1));
    const ballots: RankedBallot[] = [
      { weight: k, ranks: [[0], [1], [2]] },
      { weight: 1, ranks: [[1], [0], [2]] },
      { weight: k - 1, ranks: [[1], [2], [0]] },
      { weight: 1, ranks: [[2], [0], [1]] },
      { weight: 2, ranks: [[2]] },
    ];
    const tally = countSchulze(
      { title: 't', seats: 1, candidates: ['A', 'B', 'C'], withdrawn: [], ballots },
      { variant: 'ratio' },
    );
    expect(tally.pairwise).toEqual([
      [0, k + 1, k + 1],
      [k, 0, 2 * k],
      [k + 2, 3, 0],
    ]);
    expect(tally.strongestPaths![0]![1]).toBe(`${k + 1}/${k}`);
    expect(tally.strongestPaths![2]![0]).toBe(`${k + 2}/${k + 1}`);
    expect(tally.ranking![0]).toEqual([0]);
  });

  it('fills several seats from the top of the ranking', () => {
    const example = examples.find((e) => e.name === 'result 3')!;
    const tally = countSchulze({ ...profileOfExample(example), seats: 3 });
    expect(tally.elected.map((c) => example.candidates[c])).toEqual(['Abby', 'Brad', 'Erin']);
  });

  const profiles = fc.integer({ min: 2, max: 5 }).chain((n) =>
    fc
      .array(
        fc.record({
          weight: fc.integer({ min: 1, max: 6 }),
          ranks: fc.shuffledSubarray(
            Array.from({ length: n }, (_, c) => c),
            { minLength: 0 },
          ),
        }),
        { maxLength: 15 },
      )
      .map(
        (list): BallotProfile => ({
          title: 'generated',
          seats: 1,
          candidates: Array.from({ length: n }, (_, c) => `C${c}`),
          withdrawn: [],
          ballots: list.map(({ weight, ranks }) => ({ weight, ranks: ranks.map((c) => [c]) })),
        }),
      ),
  );

  it('elects the Condorcet winner whenever there is one', () => {
    fc.assert(
      fc.property(
        profiles,
        fc.constantFrom<SchulzeVariant>('winning', 'margin', 'ratio'),
        (profile, variant) => {
          // Pairwise majorities counted here from the papers, independently of the method's own matrix.
          const n = profile.candidates.length;
          const prefers = (i: number, j: number) =>
            profile.ballots.reduce((sum, b) => {
              const pi = b.ranks.findIndex((r) => r.includes(i));
              const pj = b.ranks.findIndex((r) => r.includes(j));
              return pi !== -1 && (pj === -1 || pi < pj) ? sum + b.weight : sum;
            }, 0);
          const condorcet = profile.candidates
            .map((_, c) => c)
            .find((c) =>
              Array.from({ length: n }, (_, o) => o).every((o) => o === c || prefers(c, o) > prefers(o, c)),
            );
          fc.pre(condorcet !== undefined);
          const tally = countSchulze(profile, { variant });
          expect(tally.ranking![0]).toEqual([condorcet]);
          expect(tally.elected).toEqual([condorcet]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order of the papers', () => {
    fc.assert(
      fc.property(
        profiles.chain((p) =>
          fc.tuple(fc.constant(p), fc.shuffledSubarray(p.ballots, { minLength: p.ballots.length })),
        ),
        ([profile, shuffled]) => {
          const a = countSchulze(profile);
          const b = countSchulze({ ...profile, ballots: shuffled });
          expect(b.ranking).toEqual(a.ranking);
          expect(b.strongestPaths).toEqual(a.strongestPaths);
        },
      ),
    );
  });
});

describe('countSchulze on Debian Project Leader elections', () => {
  const rankingOf = (file: string, unranked: 'tied-last' | 'ignored' = 'tied-last') => {
    const read = readDebianTally(fixture(file));
    if (!read.ok) throw new Error(read.error.message);
    const tally = countSchulze(read.profile, { variant: 'margin', unranked });
    return tally
      .ranking!.map((tier) =>
        tier
          .map((c) => read.profile.candidates[c])
          .sort()
          .join(' = '),
      )
      .join(' > ');
  };

  // The published rankings (MANIFEST §3), Schulze margin with unranked options tied last.
  it('reproduces the published 2006 ranking', () => {
    expect(rankingOf('leader2006_tally.txt')).toBe(
      'Anthony Towns > Steve McIntyre > Andreas Schuldei = Jeroen van Wolffelaar > Bill Allombert > None of the Above > Ari Pollak > Jonathan aka Ted Walther',
    );
  });

  it('elects Steve McIntyre in 2006 if unranked options are ignored instead', () => {
    expect(rankingOf('leader2006_tally.txt', 'ignored').split(' > ')[0]).toBe('Steve McIntyre');
  });

  it('reproduces the published 2007 ranking from the Latin-1 sheet', () => {
    expect(rankingOf('leader2007_tally.txt')).toBe(
      'Sam Hocevar > Steve McIntyre > Raphaël Hertzog > Wouter Verhelst > Anthony Towns > Gustavo Franco > None Of The Above > Simon Richter > Aigars Mahinovs',
    );
  });

  it('reproduces the published 2020 ranking', () => {
    expect(rankingOf('leader2020_tally.txt')).toBe(
      'Jonathan Carter > Sruthi Chandran > Brian Gupta > None Of The Above',
    );
  });
});
