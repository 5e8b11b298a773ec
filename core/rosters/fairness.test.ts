import { describe, expect, it } from 'vitest';
import {
  checkCancellation,
  checkSignUpWindow,
  checkWeeklyHours,
  DEFAULT_FAIRNESS,
  type FairnessSettings,
} from './fairness.ts';
import type { Interval } from './shift-hours.ts';

const H = 3_600_000;
const at = (iso: string) => Date.parse(iso);
const span = (from: string, hours: number): Interval => ({
  startsAt: at(from),
  endsAt: at(from) + hours * H,
});
const settings = (s: Partial<FairnessSettings> = {}): FairnessSettings => ({ ...DEFAULT_FAIRNESS, ...s });

describe('the sign-up window', () => {
  const now = at('2026-06-01T12:00:00Z');
  const cases: Array<[string, Interval, Partial<FairnessSettings>, string | null]> = [
    ['a shift tomorrow is open', span('2026-06-02T08:00Z', 4), {}, null],
    ['a shift that started is closed', span('2026-06-01T11:00Z', 4), {}, 'shift-started'],
    ['a shift starting this instant is closed', span('2026-06-01T12:00Z', 4), {}, 'shift-started'],
    [
      'a shift past the horizon is not open yet',
      span('2026-06-09T12:00:01Z', 4),
      { horizonDays: 8 },
      'beyond-horizon',
    ],
    ['a shift right at the horizon is open', span('2026-06-09T12:00Z', 4), { horizonDays: 8 }, null],
  ];
  for (const [name, shift, s, error] of cases)
    it(name, () => {
      const r = checkSignUpWindow(now, shift, settings(s));
      expect(r.ok ? null : r.error).toBe(error);
    });
});

describe('the cancellation window', () => {
  const now = at('2026-06-01T12:00:00Z');
  const cases: Array<[string, Interval, number, string | null]> = [
    ['two days ahead with a 24 h window', span('2026-06-03T12:00Z', 4), 24, null],
    ['exactly 24 h ahead with a 24 h window', span('2026-06-02T12:00Z', 4), 24, null],
    ['23 h ahead with a 24 h window', span('2026-06-02T11:00Z', 4), 24, 'inside-cancellation-window'],
    ['an hour ahead with no window', span('2026-06-01T13:00Z', 4), 0, null],
    ['after the start with no window', span('2026-06-01T11:00Z', 4), 0, 'inside-cancellation-window'],
  ];
  for (const [name, shift, hours, error] of cases)
    it(name, () => {
      const r = checkCancellation(now, shift, settings({ cancellationWindowHours: hours }));
      expect(r.ok ? null : r.error).toBe(error);
    });
});

describe('the weekly hours cap', () => {
  // 2026-06-01 is a Monday; 2026-06-07 a Sunday.
  const cases: Array<[string, Interval, Interval[], Partial<FairnessSettings>, string | null]> = [
    ['no cap, no limit', span('2026-06-01T08:00Z', 24), [span('2026-06-02T08:00Z', 24)], {}, null],
    [
      'exactly at the cap',
      span('2026-06-01T08:00Z', 4),
      [span('2026-06-02T08:00Z', 4)],
      { maxHoursPerWeek: 8 },
      null,
    ],
    [
      'one hour over',
      span('2026-06-01T08:00Z', 5),
      [span('2026-06-02T08:00Z', 4)],
      { maxHoursPerWeek: 8 },
      'weekly-hours-exceeded',
    ],
    [
      'other weeks do not count',
      span('2026-06-01T08:00Z', 8),
      [span('2026-05-31T08:00Z', 8), span('2026-06-08T08:00Z', 8)],
      { maxHoursPerWeek: 8 },
      null,
    ],
    // 22:00–02:00 UTC is 4 night hours: 6 weighted at 150 %.
    [
      'night hours weigh more',
      span('2026-06-01T22:00Z', 4),
      [span('2026-06-02T08:00Z', 3)],
      { maxHoursPerWeek: 8, nightWeightPercent: 150 },
      'weekly-hours-exceeded',
    ],
    [
      'night hours at 100 % weigh the same',
      span('2026-06-01T22:00Z', 4),
      [span('2026-06-02T08:00Z', 4)],
      { maxHoursPerWeek: 8 },
      null,
    ],
    // Sunday 21:00 in La Paz is Monday 01:00 UTC: the same week as the Friday shift in La Paz, not in UTC.
    [
      'weeks are on the council’s clock',
      span('2026-06-08T01:00Z', 4),
      [span('2026-06-05T12:00Z', 6)],
      { maxHoursPerWeek: 8, timeZone: 'America/La_Paz' },
      'weekly-hours-exceeded',
    ],
    [
      'the same shifts in UTC fall in two weeks',
      span('2026-06-08T01:00Z', 4),
      [span('2026-06-05T12:00Z', 6)],
      { maxHoursPerWeek: 8 },
      null,
    ],
  ];
  for (const [name, candidate, others, s, error] of cases)
    it(name, () => {
      const r = checkWeeklyHours(candidate, others, settings(s));
      expect(r.ok ? null : r.error).toBe(error);
    });
});
