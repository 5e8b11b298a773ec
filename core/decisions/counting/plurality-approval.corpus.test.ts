// Single-count methods on the real data in ../shared/data/ballots (or $CABILDO_SHARED_DATA):
// plurality against the official first-preference totals of every Scottish ward, and approval against
// the official totals of Utah Senate District 11 (2025).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { countApproval } from './approval.ts';
import { readApprovalCvr } from './approval-cvr.ts';
import { readBlt } from './blt-read.ts';
import { countPlurality } from './plurality.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const shared = process.env.CABILDO_SHARED_DATA ?? join(repoRoot, '../shared/data');
const scotland = join(shared, 'ballots/scotland');
const utah = join(shared, 'ballots/approval-utah/utah_senate_11_cvr.json');

interface Ward {
  blt_file: string;
  first_prefs_match: boolean;
  candidates: { blt_index: number; first_prefs_official: number }[];
}

describe.skipIf(!existsSync(scotland))('plurality on the Scottish wards', () => {
  const wards: Ward[] = existsSync(scotland)
    ? readdirSync(join(scotland, 'expected'))
        .filter((f) => f.endsWith('.json'))
        .map((f) => JSON.parse(readFileSync(join(scotland, 'expected', f), 'utf8')))
    : [];

  it('counts the official first preferences of every ward whose ballots match them', () => {
    expect(wards).toHaveLength(352);
    const checked = wards.filter((w) => w.first_prefs_match);
    for (const ward of checked) {
      const read = readBlt(readFileSync(join(scotland, 'blt', ward.blt_file)));
      if (!read.ok) throw new Error(`${ward.blt_file}: ${read.error.message}`);
      const tally = countPlurality(read.profile, { seats: 1 });
      const official = ward.candidates.map((c) => [c.blt_index - 1, String(c.first_prefs_official)]);
      const counted = official.map(([c]) => [c, tally.rounds[0]!.totals[c as number]]);
      expect(counted, ward.blt_file).toEqual(official);
    }
    expect(checked.length).toBeGreaterThan(340);
  });
});

describe.skipIf(!existsSync(utah))('approval in Utah Senate District 11 (2025)', () => {
  it('gives the official totals exactly', () => {
    const read = readApprovalCvr(readFileSync(utah));
    if (!read.ok) throw new Error(read.error.message);
    const tally = countApproval(read.profile);
    const totals = Object.fromEntries(read.profile.candidates.map((n, c) => [n, tally.rounds[0]!.totals[c]]));
    expect(totals).toEqual({
      'Emily Buss': '615',
      'Maleah Bliss': '430',
      'Tynley Bean': '419',
      'Jeff Marshall': '407',
      'Jeff Saunders': '395',
    });
  });
});
