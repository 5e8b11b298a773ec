import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readBlt } from './blt-read.ts';
import { countMeekStv } from './meek-stv.ts';
import type { BallotProfile } from './tally.ts';
import { countWigmStv } from './wigm-stv.ts';

const fixture = (name: string) => new URL(`./fixtures/stv/scotland/${name}`, import.meta.url);

/** Rows of the reference elected sets (1-based BLT indexes, ascending) by ward file. */
function referenceSets(): Map<string, Record<string, string>> {
  const [header, ...rows] = readFileSync(fixture('reference_other_rules.csv'), 'utf8').trim().split('\n');
  const columns = (header ?? '').split(',');
  return new Map(
    rows.map((row) => {
      const cells = row.split(',');
      return [cells[0] ?? '', Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']))];
    }),
  );
}

function profile(file: string): BallotProfile {
  const read = readBlt(readFileSync(fixture(file)));
  if (!read.ok) throw new Error(read.error.message);
  return read.profile;
}

const asSet = (elected: number[]) =>
  elected
    .map((c) => c + 1)
    .sort((a, b) => a - b)
    .join(' ');

describe('WIGM and Meek on Scottish wards, against the reference counters', () => {
  const references = referenceSets();
  it.each([...references.keys()])('%s: elects the sets Droop counts under wigm and meek-prf', (file) => {
    const reference = references.get(file) ?? {};
    const ballots = profile(file);
    expect(asSet(countWigmStv(ballots, { tiePolicy: 'order' }).elected)).toBe(reference['droop:wigm']);
    expect(asSet(countMeekStv(ballots, { tiePolicy: 'order' }).elected)).toBe(reference['droop:meek-prf']);
  });

  it('aberdeen_2017_ward10: Meek elects a different council from the official Scottish count', () => {
    const reference = references.get('aberdeen_2017_ward10.blt') ?? {};
    expect(reference['droop:meek-prf']).not.toBe(reference.official);
    expect(asSet(countMeekStv(profile('aberdeen_2017_ward10.blt'), {}).elected)).toBe('2 3 5 6');
  });
});

describe('WIGM arithmetic', () => {
  it('keeps 18 places and elects only above the exact Droop fraction', () => {
    const ballots: BallotProfile = {
      title: 'hand-built',
      seats: 2,
      candidates: ['A', 'B', 'C'],
      withdrawn: [],
      ballots: [
        { weight: 3, ranks: [[0], [1]] },
        { weight: 2, ranks: [[2]] },
        { weight: 1, ranks: [[1]] },
      ],
    };
    // Quota is 6 ÷ 3 = 2 plus 10^-18: A (3) is elected; its surplus 0.999…999 (18 places) moves at
    // 0.333…333 per paper, so B reaches 1 + 3 × 0.333…333 and nothing is lost.
    const tally = countWigmStv(ballots, {});
    expect(tally.quota).toBe('2.000000000000000001');
    expect(tally.rounds[1]?.totals[1]).toBe('1.999999999999999999');
    expect(tally.rounds[1]?.lost).toBe('0.000000000000000000');
    // C (2) is not above the quota, B is lowest and excluded, C fills the seat.
    expect(tally.elected).toEqual([0, 2]);
  });
});
