import { describe, expect, it } from 'vitest';
import { type BallotInput, checkBallot } from './ballot-check.ts';
import type { PollMethod, PollRules } from './poll-rules.ts';

const MOTION: PollRules = {
  method: 'yes-no',
  options: [],
  seats: 1,
  maxMarks: 1,
  allowSplit: false,
  majority: 'simple',
  majorityBase: 'voting',
};
const SPLIT_MOTION: PollRules = { ...MOTION, allowSplit: true };

function election(method: PollMethod, maxMarks: number): PollRules {
  return { ...MOTION, method, options: ['Ana', 'Benito', 'Carmen', 'Dolores'], maxMarks };
}

describe('checkBallot: yes-no choices', () => {
  it.each([
    ['yes', { yes: 1000, no: 0, abstain: 0 }],
    ['no', { yes: 0, no: 1000, abstain: 0 }],
    ['abstain', { yes: 0, no: 0, abstain: 1000 }],
  ] as const)("a member's %s puts the whole vote on that choice", (choice, marks) => {
    expect(checkBallot(MOTION, { choice }, 1000)).toEqual({ ok: true, value: { marks } });
  });

  it("a delegate's single choice carries the mandate's whole weight", () => {
    expect(checkBallot(SPLIT_MOTION, { choice: 'no' }, 2500)).toEqual({
      ok: true,
      value: { marks: { yes: 0, no: 2500, abstain: 0 } },
    });
  });
});

describe('checkBallot: split ballots', () => {
  it('refuses a split when the poll does not allow it', () => {
    expect(checkBallot(MOTION, { split: { yes: 500, no: 500 } }, 1000)).toEqual({
      ok: false,
      error: 'split-not-allowed',
      field: 'split',
    });
  });

  it('accepts a split that adds up to the weight, missing parts as zero', () => {
    expect(checkBallot(SPLIT_MOTION, { split: { yes: 1500, abstain: 1000 } }, 2500)).toEqual({
      ok: true,
      value: { marks: { yes: 1500, no: 0, abstain: 1000 } },
    });
  });

  it('accepts a split that puts everything on one choice', () => {
    expect(checkBallot(SPLIT_MOTION, { split: { no: 2500 } }, 2500)).toEqual({
      ok: true,
      value: { marks: { yes: 0, no: 2500, abstain: 0 } },
    });
  });

  const refused: Array<[string, BallotInput, string]> = [
    ['refuses a split that falls short of the weight', { split: { yes: 1000, no: 1000 } }, 'split'],
    ['refuses a split that exceeds the weight', { split: { yes: 2000, no: 1000 } }, 'split'],
    ['refuses an empty split', { split: {} }, 'split'],
    ['refuses a negative part even when the sum is right', { split: { yes: 2501, no: -1 } }, 'split.no'],
    ['refuses a fractional part, naming it', { split: { yes: 1249.5, abstain: 1250.5 } }, 'split.yes'],
    ['refuses a part that is not a number', { split: { yes: Number.NaN, no: 2500 } }, 'split.yes'],
    ['refuses an infinite part', { split: { abstain: Number.POSITIVE_INFINITY } }, 'split.abstain'],
  ];
  it.each(refused)('%s', (_name, input, field) => {
    expect(checkBallot(SPLIT_MOTION, input, 2500)).toEqual({
      ok: false,
      error: 'split-does-not-add-up',
      field,
    });
  });
});

describe('checkBallot: ballot kinds', () => {
  it('refuses a ranking in a yes-no poll', () => {
    expect(checkBallot(MOTION, { ranking: [0] }, 1000)).toEqual({
      ok: false,
      error: 'wrong-ballot-kind',
      field: 'ranking',
    });
  });

  it.each(['plurality', 'approval', 'irv', 'stv-scottish', 'schulze'] as const)(
    'refuses a yes-no choice in a %s election',
    (method) => {
      expect(checkBallot(election(method, 1), { choice: 'yes' }, 1000)).toEqual({
        ok: false,
        error: 'wrong-ballot-kind',
        field: 'choice',
      });
    },
  );

  it('refuses a split in an election', () => {
    expect(checkBallot(election('approval', 4), { split: { yes: 1000 } }, 1000)).toMatchObject({
      ok: false,
      error: 'wrong-ballot-kind',
    });
  });
});

describe('checkBallot: election marks', () => {
  const refused: Array<[string, PollRules, number[], string, string]> = [
    ['refuses an option past the last', election('irv', 4), [0, 4], 'wrong-option', 'ranking.1'],
    ['refuses a negative option', election('irv', 4), [-1], 'wrong-option', 'ranking.0'],
    ['refuses a fractional option', election('approval', 4), [1, 2, 0.5], 'wrong-option', 'ranking.2'],
    ['refuses NaN as an option', election('schulze', 4), [Number.NaN], 'wrong-option', 'ranking.0'],
    [
      'refuses ranking the same option twice',
      election('stv-scottish', 4),
      [2, 0, 2],
      'duplicate-mark',
      'ranking.2',
    ],
    [
      'refuses approving the same option twice',
      election('approval', 4),
      [3, 3],
      'duplicate-mark',
      'ranking.1',
    ],
    ['refuses two marks in plurality', election('plurality', 1), [0, 1], 'too-many-marks', 'ranking'],
    ['refuses more ranks than maxMarks', election('stv-meek', 2), [0, 1, 2], 'too-many-marks', 'ranking'],
  ];
  it.each(refused)('%s', (_name, rules, ranking, error, field) => {
    expect(checkBallot(rules, { ranking }, 1000)).toEqual({ ok: false, error, field });
  });

  it('accepts exactly maxMarks ranks, in the order given', () => {
    expect(checkBallot(election('stv-scottish', 3), { ranking: [3, 0, 2] }, 1000)).toEqual({
      ok: true,
      value: { ranking: [3, 0, 2] },
    });
  });

  it('stores approval marks sorted, so equal sets look equal', () => {
    const a = checkBallot(election('approval', 4), { ranking: [3, 0, 2] }, 1000);
    const b = checkBallot(election('approval', 4), { ranking: [2, 3, 0] }, 1000);
    expect(a).toEqual({ ok: true, value: { ranking: [0, 2, 3] } });
    expect(b).toEqual(a);
  });

  it('keeps the order of a ranking (ranked methods are not sorted)', () => {
    for (const method of ['irv', 'stv-scottish', 'stv-meek', 'stv-wigm', 'schulze'] as const) {
      expect(checkBallot(election(method, 4), { ranking: [2, 1] }, 1000), method).toEqual({
        ok: true,
        value: { ranking: [2, 1] },
      });
    }
  });

  it('does not change the ranking it was given', () => {
    const ranking = [3, 1];
    const result = checkBallot(election('approval', 4), { ranking }, 1000);
    expect(result).toEqual({ ok: true, value: { ranking: [1, 3] } });
    expect(ranking).toEqual([3, 1]);
  });

  it.each(['plurality', 'approval', 'irv', 'stv-scottish', 'schulze'] as const)(
    'accepts a blank ballot in a %s election',
    (method) => {
      expect(checkBallot(election(method, method === 'plurality' ? 1 : 4), { ranking: [] }, 1000)).toEqual({
        ok: true,
        value: { ranking: [] },
      });
    },
  );
});
