import { describe, expect, it } from 'vitest';
import {
  isLocalDate,
  isoWeekOf,
  isoWeekOfDate,
  isTimeZone,
  localDate,
  offsetAt,
  zonedInstant,
} from './zoned-time.ts';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('instants of local times', () => {
  const cases: Array<[string, string, string, string, string]> = [
    ['La Paz has no DST', '2026-03-29', '08:00', 'America/La_Paz', '2026-03-29T12:00:00.000Z'],
    ['UTC is itself', '2026-01-01', '00:00', 'UTC', '2026-01-01T00:00:00.000Z'],
    ['Madrid in winter is +1', '2026-02-02', '09:30', 'Europe/Madrid', '2026-02-02T08:30:00.000Z'],
    ['Madrid in summer is +2', '2026-07-02', '09:30', 'Europe/Madrid', '2026-07-02T07:30:00.000Z'],
    [
      'a time in the spring-forward gap moves on',
      '2026-03-29',
      '02:30',
      'Europe/Madrid',
      '2026-03-29T01:30:00.000Z',
    ],
    [
      'a time that happens twice is the earlier',
      '2026-10-25',
      '02:30',
      'Europe/Madrid',
      '2026-10-25T00:30:00.000Z',
    ],
    ['half-hour zones', '2026-05-01', '10:00', 'Asia/Kolkata', '2026-05-01T04:30:00.000Z'],
    ['New York fall-back', '2026-11-01', '01:30', 'America/New_York', '2026-11-01T05:30:00.000Z'],
  ];
  for (const [name, date, time, zone, expected] of cases)
    it(name, () => expect(iso(zonedInstant(date, time, zone))).toBe(expected));
});

describe('zones, dates and weeks', () => {
  it('knows real zones and refuses made-up ones', () => {
    expect(isTimeZone('America/La_Paz')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
  it('reads offsets', () => {
    expect(offsetAt(at('2026-06-01T00:00:00Z'), 'America/La_Paz')).toBe(-4 * 3_600_000);
    expect(offsetAt(at('2026-06-01T00:00:00Z'), 'Europe/Madrid')).toBe(2 * 3_600_000);
  });
  it('gives the local date of an instant', () => {
    expect(localDate(at('2026-06-01T02:00:00Z'), 'America/La_Paz')).toBe('2026-05-31');
    expect(localDate(at('2026-06-01T02:00:00Z'), 'UTC')).toBe('2026-06-01');
  });
  it('checks calendar dates', () => {
    expect(isLocalDate('2026-02-28')).toBe(true);
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2026-2-1')).toBe(false);
  });
  const weeks: Array<[string, string]> = [
    ['2026-01-01', '2026-W01'],
    ['2027-01-01', '2026-W53'],
    ['2025-12-29', '2026-W01'],
    ['2026-06-07', '2026-W23'],
    ['2026-06-08', '2026-W24'],
    ['2021-01-03', '2020-W53'],
  ];
  for (const [date, week] of weeks)
    it(`puts ${date} in ${week}`, () => expect(isoWeekOfDate(date)).toBe(week));
  it('takes the week on the council’s wall clock: Sunday night in La Paz is Monday in UTC', () => {
    const sundayNight = at('2026-06-08T02:00:00Z');
    expect(isoWeekOf(sundayNight, 'America/La_Paz')).toBe('2026-W23');
    expect(isoWeekOf(sundayNight, 'UTC')).toBe('2026-W24');
  });
});
