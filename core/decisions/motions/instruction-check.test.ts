import { describe, expect, it } from 'vitest';
import { departsFromInstruction, INSTRUCTION_POSITIONS, judgeInstructedBallot } from './instruction-check.ts';

const all = (choice: 'yes' | 'no' | 'abstain') => ({ yes: 0, no: 0, abstain: 0, [choice]: 1000 });
const split = { yes: 600, no: 400, abstain: 0 };

describe('instructions', () => {
  // Does a ballot depart: rows are instructions, columns all-yes, all-no, all-abstain, a split.
  const matrix: Record<(typeof INSTRUCTION_POSITIONS)[number], [boolean, boolean, boolean, boolean]> = {
    for: [false, true, true, true],
    against: [true, false, true, true],
    abstain: [true, true, false, true],
    free: [false, false, false, false],
    split: [false, false, false, false],
  };
  it.each(INSTRUCTION_POSITIONS)('under %s, departs exactly as the matrix says', (position) => {
    expect(
      [all('yes'), all('no'), all('abstain'), split].map((m) => departsFromInstruction(position, m)),
    ).toEqual(matrix[position]);
  });

  it('refuses a split under a binding position, allows it when free, split or not instructed', () => {
    for (const p of ['for', 'against', 'abstain'] as const)
      expect(judgeInstructedBallot(p, split)).toEqual({
        ok: false,
        error: 'split-not-instructed',
        field: 'split',
      });
    expect(judgeInstructedBallot('free', split)).toEqual({
      ok: true,
      value: { instruction: 'free', departs: false },
    });
    expect(judgeInstructedBallot('split', split)).toEqual({
      ok: true,
      value: { instruction: 'split', departs: false },
    });
    expect(judgeInstructedBallot(null, split)).toEqual({
      ok: true,
      value: { instruction: null, departs: null },
    });
  });

  it('records a whole-weight departure rather than refusing it', () => {
    expect(judgeInstructedBallot('for', all('no'))).toEqual({
      ok: true,
      value: { instruction: 'for', departs: true },
    });
  });

  it('counts a "split" that puts the whole weight on one choice as no split', () => {
    expect(judgeInstructedBallot('against', all('no'))).toEqual({
      ok: true,
      value: { instruction: 'against', departs: false },
    });
  });
});
