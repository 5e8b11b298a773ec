import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBlt } from './blt-read.ts';
import { readMinneapolisRankings } from './minneapolis-rankings.ts';
import { countPlurality } from './plurality.ts';
import type { BallotProfile, RankedBallot } from './tally.ts';

const fixtureBytes = (name: string) => readFileSync(new URL(`./fixtures/ranked/${name}`, import.meta.url));

function profileOf(candidates: string[], ballots: RankedBallot[], seats = 1): BallotProfile {
  return { title: 'test', seats, candidates, withdrawn: [], ballots };
}

describe('countPlurality', () => {
  it('counts the first mark of each paper and rejects overvoted and blank papers', () => {
    const tally = countPlurality(
      profileOf(
        ['A', 'B', 'C'],
        [
          { weight: 4, ranks: [[0], [1]] },
          { weight: 3, ranks: [[1]] },
          { weight: 2, ranks: [[0, 2]] },
          { weight: 1, ranks: [] },
          { weight: 5, ranks: [[]], overvotedRanks: [0] },
          { weight: 1, ranks: [[2, 2]] },
        ],
      ),
    );
    expect(tally.rounds[0]!.totals).toEqual(['4', '3', '1']);
    expect(tally.rejected).toEqual({ blank: '1', overvote: '7' });
    expect(tally.valid).toBe('8');
    expect(tally.elected).toEqual([0]);
  });

  it('fills several seats with the highest totals and ranks everyone in tiers', () => {
    const tally = countPlurality(
      profileOf(
        ['A', 'B', 'C', 'D'],
        [
          { weight: 2, ranks: [[0]] },
          { weight: 5, ranks: [[1]] },
          { weight: 2, ranks: [[2]] },
          { weight: 7, ranks: [[3]] },
        ],
      ),
      { seats: 2 },
    );
    expect(tally.elected).toEqual([3, 1]);
    expect(tally.ranking).toEqual([[3], [1], [0, 2]]);
    expect(tally.rounds[0]!.statuses).toEqual(['excluded', 'elected', 'excluded', 'elected']);
    expect(tally.tieBreaks).toEqual([]);
  });

  it('draws lots for a tie on the last seat and records the seed', () => {
    const profile = profileOf(
      ['A', 'B', 'C'],
      [
        { weight: 5, ranks: [[0]] },
        { weight: 3, ranks: [[1]] },
        { weight: 3, ranks: [[2]] },
      ],
    );
    const tally = countPlurality(profile, { seats: 2, seed: 'assembly-2024' });
    expect(tally.elected[0]).toBe(0);
    expect(tally.tieBreaks).toEqual([
      { stage: 1, tied: [1, 2], chosen: tally.elected[1], by: 'lot', seed: 'assembly-2024' },
    ]);
    expect(countPlurality(profile, { seats: 2, seed: 'assembly-2024' })).toEqual(tally);
    const drawn = new Set(
      ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map(
        (seed) => countPlurality(profile, { seats: 2, seed }).elected[1],
      ),
    );
    expect(drawn).toEqual(new Set([1, 2]));
  });

  it('gives a withdrawn candidate no votes and no place', () => {
    const profile = {
      ...profileOf(
        ['A', 'B'],
        [
          { weight: 3, ranks: [[1]] },
          { weight: 1, ranks: [[0]] },
        ],
      ),
      withdrawn: [1],
    };
    const tally = countPlurality(profile);
    expect(tally.rounds[0]!.totals).toEqual(['1', '0']);
    expect(tally.ranking).toEqual([[0]]);
    expect(tally.rejected?.blank).toBe('3');
  });

  it('does not depend on the order of the papers', () => {
    const ballots = fc.array(
      fc.record({
        weight: fc.integer({ min: 1, max: 5 }),
        ranks: fc.array(fc.array(fc.nat(3), { maxLength: 2 }), { maxLength: 3 }),
      }),
      { maxLength: 20 },
    );
    fc.assert(
      fc.property(
        ballots.chain((list) =>
          fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length })),
        ),
        fc.integer({ min: 1, max: 3 }),
        ([list, shuffled], seats) => {
          const names = ['A', 'B', 'C', 'D'];
          const a = countPlurality(profileOf(names, list), { seats });
          const b = countPlurality(profileOf(names, shuffled), { seats });
          expect(b.elected).toEqual(a.elected);
          expect(b.rounds[0]!.totals).toEqual(a.rounds[0]!.totals);
        },
      ),
    );
  });

  it('reproduces the official first-preference totals of Shetland, Lerwick North (2017)', () => {
    const read = readBlt(fixtureBytes('shetland_2017_ward6.blt'));
    if (!read.ok) throw new Error(read.error.message);
    const expected = JSON.parse(gunzipSync(fixtureBytes('shetland_2017_ward6.json.gz')).toString('utf8'));
    const tally = countPlurality(read.profile, { seats: 1 });
    const official = expected.candidates.map((c: { first_prefs_official: number }) =>
      String(c.first_prefs_official),
    );
    expect(tally.rounds[0]!.totals).toEqual(official);
    expect(tally.valid).toBe(String(expected.valid_poll_official));
  });

  it('reproduces the raw first choices of the 2013 Minneapolis mayoral race', () => {
    // MANIFEST §2: the cast-vote record's first choices are Hodges 28,935 and Andrew 19,584.
    const read = readMinneapolisRankings(
      gunzipSync(fixtureBytes('2013_minneapolis_mayor_rankings_aggregated.csv.gz')),
    );
    if (!read.ok) throw new Error(read.error.message);
    const { candidates } = read.profile;
    const tally = countPlurality(read.profile, { seats: 1 });
    expect(tally.rounds[0]!.totals[candidates.indexOf('BETSY HODGES')]).toBe('28935');
    expect(tally.rounds[0]!.totals[candidates.indexOf('MARK ANDREW')]).toBe('19584');
    expect(tally.elected.map((c) => candidates[c])).toEqual(['BETSY HODGES']);
  });
});
