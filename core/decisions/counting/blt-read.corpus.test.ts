// Every BLT file in ../shared/data/ballots (or $CABILDO_SHARED_DATA/ballots) reads cleanly, and the Scottish
// and Minneapolis files give the candidate counts, names, seats and ballot totals their expected results state.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readBlt } from './blt-read.ts';
import type { BallotProfile } from './tally.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const shared = process.env.CABILDO_SHARED_DATA ?? join(repoRoot, '../shared/data');
const ballots = join(shared, 'ballots');
const present = existsSync(ballots);

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

function read(path: string): { profile: BallotProfile; warnings: string[] } {
  const r = readBlt(readFileSync(path));
  if (!r.ok) throw new Error(`${path}:${r.error.line}: ${r.error.message}`);
  return r;
}

const total = (p: BallotProfile) => p.ballots.reduce((s, b) => s + b.weight, 0);

/**
 * Wards whose official valid poll differs from the papers in the BLT file. The first preferences agree
 * with the official sheet (first_prefs_match), so the official valid-poll figure is the odd one out.
 */
const VALID_POLL_DIFFERS: Record<string, string> = {
  'east_dunbartonshire_2017_ward2.json':
    'official valid poll 7034, BLT holds 7035 papers; first preferences match',
};

describe.skipIf(!present)('BLT corpus (../shared/data/ballots)', () => {
  const files = present ? walk(ballots).filter((p) => /\.(blt|hil)$/i.test(p)) : [];

  it('finds every BLT and HIL file', () => {
    expect(files.length).toBeGreaterThanOrEqual(409);
  });

  it('reads every BLT and HIL file without error', () => {
    const failures: string[] = [];
    for (const path of files) {
      const r = readBlt(readFileSync(path));
      if (!r.ok) failures.push(`${path}:${r.error.line}: ${r.error.message}`);
      else {
        expect(r.profile.candidates.length).toBeGreaterThan(0);
        expect(r.profile.title.length).toBeGreaterThan(0);
      }
    }
    expect(failures).toEqual([]);
  });

  it('Scottish wards: candidates, names, seats and ballots match scotland/expected/*.json', () => {
    const dir = join(ballots, 'scotland');
    const expectedFiles = readdirSync(join(dir, 'expected')).filter((f) => f.endsWith('.json'));
    expect(expectedFiles).toHaveLength(352);
    const pollDiffers: string[] = [];
    for (const file of expectedFiles) {
      const e = JSON.parse(readFileSync(join(dir, 'expected', file), 'utf8')) as {
        blt_file: string;
        seats: number;
        valid_poll_official: number;
        ballots_in_blt: number;
        candidates: Array<{ blt_index: number; blt_name: string; first_prefs_blt: number }>;
      };
      const { profile } = read(join(dir, 'blt', e.blt_file));
      expect(profile.seats, file).toBe(e.seats);
      expect(profile.candidates.length, file).toBe(e.candidates.length);
      expect(profile.candidates, file).toEqual(e.candidates.map((c) => c.blt_name));
      expect(profile.withdrawn, file).toEqual([]);
      const papers = total(profile);
      expect(papers, file).toBe(e.ballots_in_blt);
      if (papers !== e.valid_poll_official) pollDiffers.push(file);
      const firsts = new Array<number>(profile.candidates.length).fill(0);
      for (const b of profile.ballots) {
        const first = b.ranks[0];
        if (first?.length === 1) firsts[first[0]!]! += b.weight;
      }
      for (const c of e.candidates)
        expect(firsts[c.blt_index - 1], `${file} ${c.blt_name}`).toBe(c.first_prefs_blt);
    }
    expect(pollDiffers.sort()).toEqual(Object.keys(VALID_POLL_DIFFERS).sort());
  });

  it('Minneapolis BLT conversions: candidates and ballots match the RCTab reports', () => {
    const dir = join(ballots, 'minneapolis-rcv');
    const pairs: Array<[string, string]> = [
      [
        'mpls2013_mayor_maine_rules.blt',
        '2013_minneapolis_mayor/2013_minneapolis_mayor_expected_detailed_report.json',
      ],
      ['mpls2017_mayor.blt', '2017_minneapolis_mayor/2017_minneapolis_mayor_expected_detailed_report.json'],
      ['mpls2013_park.blt', '2013_minneapolis_park/2013_minneapolis_park_expected_detailed_report.json'],
    ];
    for (const [blt, report] of pairs) {
      const { profile } = read(join(dir, blt));
      const r = JSON.parse(readFileSync(join(dir, report), 'utf8')) as {
        summary: { numCandidates: number; numWinners: number; totalNumBallots: string };
      };
      expect(profile.candidates.length, blt).toBe(r.summary.numCandidates);
      expect(profile.seats, blt).toBe(r.summary.numWinners);
      expect(total(profile), blt).toBe(Number(r.summary.totalNumBallots));
    }
  });

  it('Debian 2001 (.HIL): five options, 311 votes, names on one line', () => {
    const { profile, warnings } = read(join(ballots, 'debian-schulze/hil/D01.HIL'));
    expect(profile.candidates).toEqual([
      'Branden Robinson',
      'Anand Kumria',
      'Ben Collins',
      'Bdale Garbee',
      'None Of The Above',
    ]);
    expect(total(profile)).toBe(311);
    expect(warnings.join(' ')).toMatch(/not ended by a 0 line/);
  });

  it('droop test suite: options, withdrawn candidates and a BOM', () => {
    const dir = join(ballots, 'droop-testsuite/blt');
    expect(read(join(dir, 'SCw.blt')).profile.withdrawn).toEqual([3]);
    expect(read(join(dir, 'SCwopt.blt')).profile.withdrawn).toEqual([3]);
    expect(read(join(dir, '42ubom.blt')).profile).toEqual(read(join(dir, '42u.blt')).profile);
    expect(read(join(dir, 'M135.blt')).profile.candidates).toHaveLength(25);
    expect(read(join(dir, 'meek/eq2.blt')).profile.ballots[0]).toEqual({
      weight: 5,
      ranks: [[0], [1, 2], [3]],
    });
  });
});
