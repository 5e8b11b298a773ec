import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readBlt } from './blt-read.ts';
import { electedIndices, type OfficialWard, stageDifferences } from './fixtures/stv/official-result.ts';
import { countScottishStv } from './scottish-stv.ts';
import type { BallotProfile } from './tally.ts';

const fixture = (name: string) => new URL(`./fixtures/stv/scotland/${name}`, import.meta.url);

function ward(name: string): { profile: BallotProfile; official: OfficialWard } {
  const read = readBlt(readFileSync(fixture(`${name}.blt`)));
  if (!read.ok) throw new Error(`${name}: line ${read.error.line}: ${read.error.message}`);
  const official = JSON.parse(readFileSync(fixture(`${name}.json`), 'utf8')) as OfficialWard;
  return { profile: read.profile, official };
}

function profileOf(candidates: string[], seats: number, ballots: [number, ...number[]][]): BallotProfile {
  return {
    title: 'hand-built',
    seats,
    candidates,
    withdrawn: [],
    ballots: ballots.map(([weight, ...ranking]) => ({ weight, ranks: ranking.map((c) => [c]) })),
  };
}

describe('Scottish STV on official council counts', () => {
  const exact = [
    'aberdeen_2017_ward1',
    'aberdeen_2017_ward10',
    'renfrewshire_2017_ward3',
    'argyll_bute_2017_ward7',
    'dundee_2017_ward5',
  ];

  it.each(exact)(
    '%s: elects the official councillors in the official order, with the official quota and every stage total',
    (name) => {
      const { profile, official } = ward(name);
      const tally = countScottishStv(profile, {});
      expect(electedIndices(tally)).toEqual(official.elected_blt_indices);
      expect(Number(tally.quota)).toBe(official.quota_official);
      expect(tally.rounds).toHaveLength(official.number_of_stages);
      expect(stageDifferences(tally, official)).toEqual([]);
    },
  );

  it('renfrewshire_2017_ward3: breaks the stage-7 exclusion tie by the stage-5 totals (rule 51(2)(a))', () => {
    const { profile } = ward('renfrewshire_2017_ward3');
    const tally = countScottishStv(profile, {});
    expect(tally.tieBreaks).toEqual([
      { stage: 7, tied: [5, 7], chosen: 7, by: 'earlier-stage', decidingStage: 5 },
    ]);
  });

  it('glasgow_2017_ward1: matches every official figure but the transcription typo (393 for 303)', () => {
    const { profile, official } = ward('glasgow_2017_ward1');
    const tally = countScottishStv(profile, {});
    expect(new Set(electedIndices(tally))).toEqual(new Set(official.elected_blt_indices));
    // Stage 2 shows 293 and stage 4 shows 310 after a transfer of 7: stage 3 can only be 303.
    expect(stageDifferences(tally, official)).toEqual([
      { candidate: 'Alan Digney', stage: 3, counted: '303.00000', official: 393 },
    ]);
  });

  it('keeps every stage whole: elected + continuing + non-transferable + lost to truncation = valid papers', () => {
    const { profile } = ward('aberdeen_2017_ward1');
    const tally = countScottishStv(profile, {});
    for (const round of tally.rounds) {
      const held = round.totals.reduce((sum, t) => sum + BigInt(t.replace('.', '')), 0n);
      expect(
        held + BigInt(round.exhausted.replace('.', '')) + BigInt((round.lost ?? '0').replace('.', '')),
      ).toBe(660800000n);
    }
  });

  it('explains each stage: who moved, why, and the truncation loss', () => {
    const { profile } = ward('aberdeen_2017_ward1');
    const tally = countScottishStv(profile, {});
    const second = tally.rounds[1];
    expect(second?.action).toBe('surplus');
    expect(second?.subjects).toEqual([4]);
    expect(second?.notes[0]).toContain('Surplus of Avril MACKENZIE (Con) (690.00000)');
    expect(second?.transfers?.[0]).toBe('62.07214');
    expect(tally.rounds[0]?.notes.join(' ')).toContain('reaches the quota of 1322.00000 (rule 47)');
  });
});

describe('Scottish STV rules on hand-built ballots', () => {
  it('transfers every paper of a surplus at value × surplus ÷ total, truncated to five places', () => {
    // Quota floor(9 / 3) + 1 = 4; A has 6, surplus 2: each paper moves at 2/6 = 0.33333.
    const tally = countScottishStv(
      profileOf(['A', 'B', 'C'], 2, [
        [6, 0, 1],
        [2, 1],
        [1, 2],
      ]),
      {},
    );
    expect(tally.rounds[1]?.totals).toEqual(['4.00000', '3.99998', '1.00000']);
    expect(tally.rounds[1]?.lost).toBe('0.00002');
  });

  it('elects the continuing candidates when they are no more than the vacancies left (rule 52)', () => {
    const tally = countScottishStv(
      profileOf(['A', 'B', 'C'], 2, [
        [5, 0],
        [3, 1],
        [2, 2],
      ]),
      {},
    );
    // Quota 4: A elected, surplus moves nowhere (no further preferences), C excluded, B elected by rule 52.
    expect(tally.elected).toEqual([0, 1]);
    expect(tally.rounds.at(-1)?.notes.join(' ')).toContain('(rule 52)');
  });

  it('draws lots with the recorded seed when candidates were equal at every stage, reproducibly', () => {
    const profile = profileOf(['A', 'B', 'C', 'D'], 1, [
      [3, 0],
      [3, 1],
      [1, 2],
      [1, 3],
    ]);
    const first = countScottishStv(profile, { seed: 'council-7' });
    const again = countScottishStv(profile, { seed: 'council-7' });
    expect(first.tieBreaks[0]).toMatchObject({ stage: 2, tied: [2, 3], by: 'lot', seed: 'council-7' });
    expect(again.tieBreaks).toEqual(first.tieBreaks);
    expect(first.seed).toBe('council-7');
  });

  it('refuses a count with no seats', () => {
    expect(() => countScottishStv(profileOf(['A'], 1, [[1, 0]]), { seats: 0 })).toThrow(RangeError);
  });
});
