import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countApproval } from './approval.ts';
import { readApprovalCvr } from './approval-cvr.ts';
import type { BallotProfile, RankedBallot } from './tally.ts';

function profileOf(candidates: string[], ballots: RankedBallot[]): BallotProfile {
  return { title: 'test', seats: 1, candidates, withdrawn: [], ballots };
}

describe('countApproval', () => {
  it('approves every candidate marked on a paper, once, wherever the mark is', () => {
    const tally = countApproval(
      profileOf(
        ['A', 'B', 'C'],
        [
          { weight: 2, ranks: [[0, 1], [2]] },
          { weight: 3, ranks: [[1], [1]] },
          { weight: 1, ranks: [] },
        ],
      ),
    );
    expect(tally.rounds[0]!.totals).toEqual(['2', '5', '2']);
    expect(tally.valid).toBe('5');
    expect(tally.rejected).toEqual({ blank: '1', overvote: '0' });
    expect(tally.elected).toEqual([1]);
    expect(tally.ranking).toEqual([[1], [0, 2]]);
  });

  it('fills several seats by approvals and leaves a tie on the last seat to a seeded lot', () => {
    const profile = profileOf(
      ['A', 'B', 'C'],
      [
        { weight: 4, ranks: [[0], [1]] },
        { weight: 4, ranks: [[0], [2]] },
      ],
    );
    const tally = countApproval(profile, { seats: 2, seed: 's' });
    expect(tally.elected[0]).toBe(0);
    expect(tally.tieBreaks).toHaveLength(1);
    expect(tally.tieBreaks[0]).toMatchObject({ tied: [1, 2], by: 'lot', seed: 's' });
    expect(tally.seed).toBe('s');
  });

  it('does not depend on the order of the papers', () => {
    const ballots = fc.array(
      fc.record({
        weight: fc.integer({ min: 1, max: 5 }),
        ranks: fc.array(fc.array(fc.nat(3), { maxLength: 3 }), { maxLength: 3 }),
      }),
      { maxLength: 20 },
    );
    fc.assert(
      fc.property(
        ballots.chain((list) =>
          fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length })),
        ),
        ([list, shuffled]) => {
          const names = ['A', 'B', 'C', 'D'];
          const a = countApproval(profileOf(names, list), { seats: 2 });
          const b = countApproval(profileOf(names, shuffled), { seats: 2 });
          expect(b.elected).toEqual(a.elected);
          expect(b.rounds[0]!.totals).toEqual(a.rounds[0]!.totals);
        },
      ),
    );
  });

  it('reproduces the official totals of Utah Senate District 11 (2025)', () => {
    const read = readApprovalCvr(
      gunzipSync(readFileSync(new URL('./fixtures/ranked/utah_senate_11_cvr.json.gz', import.meta.url))),
    );
    if (!read.ok) throw new Error(read.error.message);
    const { candidates } = read.profile;
    const tally = countApproval(read.profile);
    const totals = Object.fromEntries(candidates.map((name, c) => [name, tally.rounds[0]!.totals[c]]));
    expect(totals).toEqual({
      'Emily Buss': '615',
      'Maleah Bliss': '430',
      'Tynley Bean': '419',
      'Jeff Marshall': '407',
      'Jeff Saunders': '395',
    });
    expect(tally.elected.map((c) => candidates[c])).toEqual(['Emily Buss']);
    expect(tally.valid).toBe('1301');
    expect(tally.rounds[0]!.notes[0]).toContain('2266');
  });
});

describe('readApprovalCvr', () => {
  it('names the paper that is not an object of vote fields', () => {
    expect(readApprovalCvr('[{"vote_1":"A"}, 7]')).toEqual({
      ok: false,
      error: { line: 2, message: 'expected an object with vote_1, vote_2, … fields' },
    });
    expect(readApprovalCvr('{')).toMatchObject({ ok: false, error: { line: 0 } });
    expect(readApprovalCvr('[{"vote_1": 3}]')).toMatchObject({
      ok: false,
      error: { line: 1, message: 'vote_1 must name a candidate' },
    });
  });
});
