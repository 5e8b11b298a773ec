import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { countIrv } from './irv.ts';
import { irvOptionsFromRctab, readMinneapolisRankings } from './minneapolis-rankings.ts';
import type { Tally } from './tally.ts';

// RCTab's certified-tabulator reference reports for the Minneapolis mayoral races, counted from the
// aggregated cast-vote records under each race's own configuration (fixtures/ranked/README.md).
const fixture = (name: string) =>
  gunzipSync(readFileSync(new URL(`./fixtures/ranked/${name}.gz`, import.meta.url)));

interface RctabRound {
  round: number;
  threshold: string;
  tally: Record<string, string>;
  tallyResults: { eliminated?: string; elected?: string }[];
  inactiveBallots: {
    overvotes: string;
    skippedRankings: string;
    repeatedRankings: string;
    exhaustedChoices: string;
  };
}

function expectRctabRounds(tally: Tally, candidates: string[], expected: RctabRound[]): void {
  expect(tally.rounds).toHaveLength(expected.length);
  expected.forEach((want, i) => {
    const round = tally.rounds[i]!;
    const totals = Object.fromEntries(
      Object.keys(want.tally).map((name) => [name, round.totals[candidates.indexOf(name)]]),
    );
    expect(totals, `round ${want.round} totals`).toEqual(want.tally);
    expect(round.quota, `round ${want.round} threshold`).toBe(want.threshold);
    expect(round.inactive, `round ${want.round} inactive papers`).toEqual({
      overvote: want.inactiveBallots.overvotes,
      skippedRanks: want.inactiveBallots.skippedRankings,
      duplicate: want.inactiveBallots.repeatedRankings,
      noFurtherPreference: want.inactiveBallots.exhaustedChoices,
    });
    // RCTab lists after round r who leaves before round r + 1; here that is the next stage's subjects.
    const leaving = want.tallyResults.flatMap((r) => (r.eliminated ? [r.eliminated] : [])).sort();
    const next = tally.rounds[i + 1];
    expect(
      (next?.excluded ?? []).map((c) => candidates[c]).sort(),
      `excluded after round ${want.round}`,
    ).toEqual(leaving);
  });
}

describe.each([
  { year: '2013', winner: 'BETSY HODGES', rounds: 33 },
  { year: '2017', winner: 'Jacob Frey', rounds: 6 },
])('the $year Minneapolis mayoral race under its RCTab configuration', ({ year, winner, rounds }) => {
  const prefix = `${year}_minneapolis_mayor`;
  const config = JSON.parse(fixture(`${prefix}_config.json`).toString('utf8'));
  const report = JSON.parse(fixture(`${prefix}_expected_detailed_report.json`).toString('utf8'));
  const read = readMinneapolisRankings(fixture(`${prefix}_rankings_aggregated.csv`));
  if (!read.ok) throw new Error(`fixture unreadable: ${read.error.message}`);
  const { profile } = read;
  const tally = countIrv(profile, irvOptionsFromRctab(config.rules));

  it(`elects ${winner} after ${rounds} rounds`, () => {
    expect(tally.elected.map((c) => profile.candidates[c])).toEqual([winner]);
    expect(tally.rounds).toHaveLength(rounds);
    expect(tally.quota).toBe(report.summary.finalThreshold);
  });

  it('reproduces every round of the reference report: totals, threshold, inactive papers, exclusions', () => {
    expectRctabRounds(tally, profile.candidates, report.results);
  });

  it('sets aside the papers with no ranking at all as undervotes', () => {
    expect(tally.rejected?.blank).toBe(String(report.summary.undervotes));
    const papers = profile.ballots.reduce((sum, b) => sum + b.weight, 0);
    expect(papers).toBe(Number(report.summary.totalNumBallots));
  });
});

describe('irvOptionsFromRctab', () => {
  it('reads the Maine and Minneapolis ballot rules', () => {
    expect(
      irvOptionsFromRctab({
        overvoteRule: 'exhaustImmediately',
        maxSkippedRanksAllowed: '1',
        batchElimination: true,
      }),
    ).toEqual({
      overvote: 'exhaust',
      skippedRankLimit: 1,
      duplicates: 'skip',
      batchElimination: true,
      continueUntilTwo: false,
    });
    expect(
      irvOptionsFromRctab({ overvoteRule: 'alwaysSkipToNextRank', maxSkippedRanksAllowed: 'unlimited' }),
    ).toMatchObject({
      overvote: 'skip',
      skippedRankLimit: null,
    });
  });

  it('refuses an overvote rule that needs the overvoted names', () => {
    expect(() => irvOptionsFromRctab({ overvoteRule: 'exhaustIfMultipleContinuing' })).toThrow(RangeError);
  });
});
