import { describe, expect, it } from 'vitest';
import { checkPollRules, type PollMethod, type PollRules } from './poll-rules.ts';

const MOTION: PollRules = {
  method: 'yes-no',
  options: [],
  seats: 1,
  maxMarks: 1,
  allowSplit: false,
  majority: 'simple',
  majorityBase: 'voting',
};

function election(method: PollMethod, extra: Partial<PollRules> = {}): PollRules {
  return {
    ...MOTION,
    method,
    options: ['Ana', 'Benito', 'Carmen', 'Dolores'],
    seats: 1,
    maxMarks: 4,
    ...extra,
  };
}

/** The field a refusal names, or 'accepted'. */
function verdict(rules: PollRules): string {
  const result = checkPollRules(rules);
  if (result.ok) return 'accepted';
  expect(result.error).toBe('poll-shape-invalid');
  return result.field ?? '(no field)';
}

describe('checkPollRules: yes-no polls', () => {
  const cases: Array<[string, Partial<PollRules>, string]> = [
    ['accepts the plain motion: no options, one seat', {}, 'accepted'],
    ['accepts a motion whose delegates may split their weight', { allowSplit: true }, 'accepted'],
    ['refuses options on a yes-no poll', { options: ['yes', 'no'] }, 'options'],
    ['refuses a single option on a yes-no poll', { options: ['Reform'] }, 'options'],
    ['refuses two seats on a yes-no poll', { seats: 2 }, 'seats'],
    ['refuses zero seats on a yes-no poll', { seats: 0 }, 'seats'],
  ];
  it.each(cases)('%s', (_name, extra, expected) => {
    expect(verdict({ ...MOTION, ...extra })).toBe(expected);
  });

  it('stores a yes-no poll with maxMarks 1 whatever was asked', () => {
    const result = checkPollRules({ ...MOTION, maxMarks: 7 });
    expect(result).toEqual({ ok: true, value: { ...MOTION, maxMarks: 1 } });
  });
});

describe('checkPollRules: elections', () => {
  const cases: Array<[string, PollRules, string]> = [
    ['accepts a one-seat approval election over four options', election('approval'), 'accepted'],
    [
      'accepts a three-seat Scottish STV election over four options',
      election('stv-scottish', { seats: 3 }),
      'accepted',
    ],
    [
      'accepts two options for one seat',
      election('schulze', { options: ['Ana', 'Benito'], maxMarks: 2 }),
      'accepted',
    ],
    ['refuses an election with no options', election('approval', { options: [] }), 'options'],
    [
      'refuses an election with one option',
      election('approval', { options: ['Ana'], maxMarks: 1 }),
      'options',
    ],
    [
      'refuses the same option twice, spelled the same',
      election('approval', { options: ['Ana', 'Benito', 'Ana'], maxMarks: 3 }),
      'options',
    ],
    [
      'refuses options that differ only in case and surrounding spaces',
      election('approval', { options: ['Ana', 'Benito', ' ana '], maxMarks: 3 }),
      'options',
    ],
    [
      'refuses options that differ only in case',
      election('stv-meek', { options: ['BENITO', 'Ana', 'benito'], maxMarks: 3 }),
      'options',
    ],
    ['refuses zero seats', election('approval', { seats: 0 }), 'seats'],
    ['refuses negative seats', election('approval', { seats: -1 }), 'seats'],
    ['refuses a fractional number of seats', election('stv-wigm', { seats: 1.5 }), 'seats'],
    ['refuses as many seats as options (no one could lose)', election('stv-scottish', { seats: 4 }), 'seats'],
    ['refuses more seats than options', election('stv-scottish', { seats: 5 }), 'seats'],
    ['accepts one seat fewer than options', election('stv-scottish', { seats: 3 }), 'accepted'],
    ['refuses IRV for two seats', election('irv', { seats: 2 }), 'seats'],
    ['accepts IRV for one seat', election('irv'), 'accepted'],
    ['refuses maxMarks 0 on approval', election('approval', { maxMarks: 0 }), 'maxMarks'],
    ['refuses maxMarks above the number of options', election('schulze', { maxMarks: 5 }), 'maxMarks'],
    ['refuses a fractional maxMarks', election('irv', { maxMarks: 2.5 }), 'maxMarks'],
    ['accepts maxMarks equal to the number of options', election('irv', { maxMarks: 4 }), 'accepted'],
    ['accepts maxMarks 1 on a ranked method', election('stv-meek', { maxMarks: 1 }), 'accepted'],
    [
      'accepts plurality with any maxMarks asked (it is forced to 1)',
      election('plurality', { maxMarks: 0 }),
      'accepted',
    ],
    ['refuses a split on an election', election('approval', { allowSplit: true }), 'allowSplit'],
    ['refuses a split on a plurality election', election('plurality', { allowSplit: true }), 'allowSplit'],
  ];
  it.each(cases)('%s', (_name, rules, expected) => {
    expect(verdict(rules)).toBe(expected);
  });

  it('stores a plurality election with maxMarks 1, even when more marks were asked', () => {
    const result = checkPollRules(election('plurality', { maxMarks: 3 }));
    expect(result.ok && result.value.maxMarks).toBe(1);
  });

  it('keeps the maxMarks asked for approval and ranked methods', () => {
    for (const method of ['approval', 'irv', 'stv-scottish', 'schulze'] as const) {
      const result = checkPollRules(election(method, { maxMarks: 3 }));
      expect(result.ok && result.value.maxMarks, method).toBe(3);
    }
  });

  it('returns the settings it was given otherwise unchanged', () => {
    const rules = election('stv-scottish', { seats: 2, maxMarks: 3, majority: 'absolute' });
    expect(checkPollRules(rules)).toEqual({ ok: true, value: rules });
  });
});
