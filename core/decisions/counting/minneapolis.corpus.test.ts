// The Minneapolis ranked-choice races in ../shared/data/ballots/minneapolis-rcv (or
// $CABILDO_SHARED_DATA): both mayoral races under their RCTab configurations, round by round against
// the certified tabulator's reference reports; the BLT conversions' final rounds; and the 3-seat Park
// Board race, whose "Minneapolis Rules" STV (integer Droop threshold, fractional surplus transfer)
// is what Scottish STV computes.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readBlt } from './blt-read.ts';
import { countIrv } from './irv.ts';
import { irvOptionsFromRctab, readMinneapolisRankings } from './minneapolis-rankings.ts';
import { countScottishStv } from './scottish-stv.ts';
import type { BallotProfile } from './tally.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const shared = process.env.CABILDO_SHARED_DATA ?? join(repoRoot, '../shared/data');
const minneapolis = join(shared, 'ballots/minneapolis-rcv');
const present = existsSync(minneapolis);

interface RctabReport {
  summary: { finalThreshold: string; undervotes: number; totalNumBallots: string };
  results: {
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
  }[];
}

const json = (path: string) => JSON.parse(readFileSync(join(minneapolis, path), 'utf8'));

function rankings(path: string, seats = 1): BallotProfile {
  const read = readMinneapolisRankings(readFileSync(join(minneapolis, path)), { seats });
  if (!read.ok) throw new Error(`${path}:${read.error.line}: ${read.error.message}`);
  return read.profile;
}

function blt(path: string): BallotProfile {
  const read = readBlt(readFileSync(join(minneapolis, path)));
  if (!read.ok) throw new Error(`${path}:${read.error.line}: ${read.error.message}`);
  return read.profile;
}

describe.skipIf(!present).each([
  { year: '2013', winner: 'BETSY HODGES' },
  { year: '2017', winner: 'Jacob Frey' },
])('the $year Minneapolis mayoral race', ({ year, winner }) => {
  const prefix = `${year}_minneapolis_mayor/${year}_minneapolis_mayor`;

  it(`reproduces every round of RCTab's reference report and elects ${winner}`, () => {
    const report: RctabReport = json(`${prefix}_expected_detailed_report.json`);
    const profile = rankings(`${prefix}_rankings_aggregated.csv`);
    const tally = countIrv(profile, irvOptionsFromRctab(json(`${prefix}_config.json`).rules));
    const name = (c: number) => profile.candidates[c];
    expect(tally.elected.map(name)).toEqual([winner]);
    expect(tally.quota).toBe(report.summary.finalThreshold);
    expect(tally.rejected?.blank).toBe(String(report.summary.undervotes));
    expect(tally.rounds).toHaveLength(report.results.length);
    report.results.forEach((want, i) => {
      const round = tally.rounds[i]!;
      const totals = Object.fromEntries(
        Object.keys(want.tally).map((n) => [n, round.totals[profile.candidates.indexOf(n)]]),
      );
      expect(totals, `round ${want.round}`).toEqual(want.tally);
      expect(round.quota, `round ${want.round} threshold`).toBe(want.threshold);
      expect(round.inactive, `round ${want.round} inactive`).toEqual({
        overvote: want.inactiveBallots.overvotes,
        skippedRanks: want.inactiveBallots.skippedRankings,
        duplicate: want.inactiveBallots.repeatedRankings,
        noFurtherPreference: want.inactiveBallots.exhaustedChoices,
      });
      const leaving = want.tallyResults.flatMap((r) => (r.eliminated ? [r.eliminated] : [])).sort();
      expect((tally.rounds[i + 1]?.excluded ?? []).map(name).sort(), `after round ${want.round}`).toEqual(
        leaving,
      );
    });
  });
});

describe.skipIf(!present)('the BLT conversions of the mayoral races', () => {
  // MANIFEST §2: converted with the config's ballot rules already applied, a plain IRV count gives the
  // reference final round.
  it.each([
    {
      file: 'mpls2013_mayor_maine_rules.blt',
      finalRound: { 'BETSY HODGES': '38852', 'MARK ANDREW': '24942' },
    },
    { file: 'mpls2017_mayor.blt', finalRound: { 'Jacob Frey': '46704', 'Raymond Dehn': '34970' } },
  ])('$file ends with the reference final round', ({ file, finalRound }) => {
    const profile = blt(file);
    for (const batchElimination of [false, true]) {
      const tally = countIrv(profile, { batchElimination });
      const last = tally.rounds[tally.rounds.length - 1]!;
      const standing = Object.fromEntries(
        profile.candidates.flatMap((n, c) => (last.statuses[c] === 'excluded' ? [] : [[n, last.totals[c]]])),
      );
      expect(standing).toEqual(finalRound);
      expect(profile.candidates[tally.elected[0]!]).toBe(Object.keys(finalRound)[0]);
    }
  });
});

describe.skipIf(!present)('the 2013 Minneapolis Park Board at-large race (3 seats)', () => {
  const report: RctabReport = json(
    '2013_minneapolis_park/2013_minneapolis_park_expected_detailed_report.json',
  );
  const winners = ['JOHN ERWIN', 'ANNIE YOUNG', 'MEG FORNEY'];

  it.each([
    [
      'aggregated cast-vote records',
      () => rankings('_shared/2013_minneapolis_park_rankings_aggregated.csv', 3),
    ],
    ['BLT conversion', () => blt('mpls2013_park.blt')],
  ])(
    'elects the official three from the %s under Scottish STV, stage for stage with RCTab',
    (_source, load) => {
      const profile = load();
      const tally = countScottishStv(profile, { seats: 3 });
      expect(tally.elected.map((c) => profile.candidates[c])).toEqual(winners);
      expect(tally.quota).toBe(`${report.summary.finalThreshold}.00000`);
      // RCTab spends round 4 on John Erwin's surplus of 0 and round 11 on Annie Young's surplus after
      // the last seats are filled; every other round is a stage of the Scottish count.
      const rctabRounds = report.results.filter((r) => r.round !== 4 && r.round !== 11);
      expect(tally.rounds).toHaveLength(rctabRounds.length);
      rctabRounds.forEach((want, i) => {
        for (const [n, value] of Object.entries(want.tally)) {
          const counted = Number(tally.rounds[i]!.totals[profile.candidates.indexOf(n)]);
          expect(counted, `${n} at RCTab round ${want.round}`).toBeCloseTo(Number(value), 4);
        }
      });
    },
  );
});
