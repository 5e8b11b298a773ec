import { describe, expect, it } from 'vitest';
import {
  clockTime,
  dayHeading,
  groupByDay,
  mondayOf,
  placesState,
  shiftInstants,
  shiftTimes,
  splitByEnd,
  todayIn,
  weekdayName,
} from './roster-days.ts';

const LA_PAZ = 'America/La_Paz';
const shift = (startsAt: string, endsAt = startsAt) => ({ startsAt, endsAt });

describe('mondayOf', () => {
  it('gives the Monday of the ISO week, across a month and a year end', () => {
    expect(mondayOf('2026-12-03')).toBe('2026-11-30');
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
    expect(mondayOf('2027-01-03')).toBe('2026-12-28');
  });
});

describe('times on the council clock', () => {
  it('reads an instant on the zone wall clock, not UTC', () => {
    expect(clockTime('2026-12-01T02:30:00Z', LA_PAZ)).toBe('22:30');
    expect(todayIn(LA_PAZ, Date.parse('2026-12-01T02:30:00Z'))).toBe('2026-11-30');
  });

  it('tells the end date of a shift that runs past midnight', () => {
    expect(shiftTimes(shift('2026-12-01T02:00:00Z', '2026-12-01T10:00:00Z'), LA_PAZ)).toEqual({
      date: '2026-11-30',
      start: '22:00',
      end: '06:00',
      endDate: '2026-12-01',
    });
    expect(shiftTimes(shift('2026-12-01T12:00:00Z', '2026-12-01T16:00:00Z'), LA_PAZ).endDate).toBeNull();
  });

  it('turns a typed date and times into instants, a night shift ending the next day', () => {
    expect(shiftInstants('2026-11-30', '08:00', '12:00', LA_PAZ)).toEqual({
      startsAt: '2026-11-30T12:00:00.000Z',
      endsAt: '2026-11-30T16:00:00.000Z',
    });
    expect(shiftInstants('2026-11-30', '22:00', '06:00', LA_PAZ)).toEqual({
      startsAt: '2026-12-01T02:00:00.000Z',
      endsAt: '2026-12-01T10:00:00.000Z',
    });
  });
});

describe('groupByDay', () => {
  it('lists every day of the range, empty ones too, each shift under its local start day in time order', () => {
    const late = shift('2026-12-01T03:00:00Z'); // 23:00 on the 30th in La Paz
    const early = shift('2026-11-30T12:00:00Z');
    const next = shift('2026-12-01T13:00:00Z');
    const days = groupByDay([late, next, early], LA_PAZ, '2026-11-30', '2026-12-02');
    expect(days.map((d) => d.date)).toEqual(['2026-11-30', '2026-12-01', '2026-12-02']);
    expect(days[0]!.shifts).toEqual([early, late]);
    expect(days[1]!.shifts).toEqual([next]);
    expect(days[2]!.shifts).toEqual([]);
  });

  it('leaves out shifts outside the range', () => {
    const days = groupByDay([shift('2026-12-10T12:00:00Z')], LA_PAZ, '2026-11-30', '2026-11-30');
    expect(days[0]!.shifts).toEqual([]);
  });
});

describe('placesState', () => {
  it('is open while places are missing, full when none are, cancelled above all', () => {
    expect(placesState({ cancelledAt: null, gap: 2 })).toBe('open');
    expect(placesState({ cancelledAt: null, gap: 0 })).toBe('full');
    expect(placesState({ cancelledAt: '2026-11-29T10:00:00Z', gap: 0 })).toBe('cancelled');
  });
});

describe('splitByEnd', () => {
  it('keeps shifts not over as upcoming, soonest first, and the rest as past, latest first', () => {
    const now = Date.parse('2026-11-30T12:00:00Z');
    const running = shift('2026-11-30T11:00:00Z', '2026-11-30T13:00:00Z');
    const soon = shift('2026-12-01T11:00:00Z', '2026-12-01T13:00:00Z');
    const done = shift('2026-11-29T11:00:00Z', '2026-11-29T13:00:00Z');
    const older = shift('2026-11-20T11:00:00Z', '2026-11-20T13:00:00Z');
    const { upcoming, past } = splitByEnd([soon, older, running, done], now);
    expect(upcoming).toEqual([running, soon]);
    expect(past).toEqual([done, older]);
  });
});

describe('names of days', () => {
  it('names a date with its weekday and ISO weekdays from Monday', () => {
    expect(dayHeading('2026-11-30', ['es'])).toBe('lunes, 30 de noviembre');
    expect(dayHeading('2026-11-30', ['en'])).toBe('Monday, November 30');
    expect(weekdayName(1, ['en'])).toBe('Monday');
    expect(weekdayName(7, ['es'])).toBe('domingo');
  });
});
