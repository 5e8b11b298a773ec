// The roster on the council's clock, pure: the week a date falls in, shifts grouped by their local day,
// a shift's local times, the state of its places (open, full, cancelled), the instants of a shift typed
// as a local date and times, and my shifts split into upcoming and past.
import { addDays, isoWeekday, localDate, localParts, zonedInstant } from '../../core/rosters/zoned-time.ts';
import type { Shift } from './rosters-types.ts';

/** The Monday of the ISO week of a local date. */
export const mondayOf = (date: string): string => addDays(date, 1 - isoWeekday(date));

/** Today on the roster's clock. */
export const todayIn = (zone: string, now = Date.now()): string => localDate(now, zone);

/** 'HH:MM' of an instant on the zone's wall clock. */
export function clockTime(iso: string, zone: string): string {
  const p = localParts(Date.parse(iso), zone);
  return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}

export interface ShiftTimes {
  date: string;
  start: string;
  end: string;
  /** The local date it ends on when that is a later day (a night shift), else null. */
  endDate: string | null;
}

export function shiftTimes(shift: Pick<Shift, 'startsAt' | 'endsAt'>, zone: string): ShiftTimes {
  const date = localDate(Date.parse(shift.startsAt), zone);
  const last = localDate(Date.parse(shift.endsAt), zone);
  return {
    date,
    start: clockTime(shift.startsAt, zone),
    end: clockTime(shift.endsAt, zone),
    endDate: last === date ? null : last,
  };
}

export interface RosterDay<S> {
  date: string;
  shifts: S[];
}

/** Every local date from `from` to `to` (inclusive), each with the shifts starting on it, by start. */
export function groupByDay<S extends Pick<Shift, 'startsAt'>>(
  shifts: readonly S[],
  zone: string,
  from: string,
  to: string,
): RosterDay<S>[] {
  const days: RosterDay<S>[] = [];
  const index = new Map<string, RosterDay<S>>();
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const day = { date, shifts: [] as S[] };
    days.push(day);
    index.set(date, day);
  }
  const sorted = [...shifts].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  for (const shift of sorted) index.get(localDate(Date.parse(shift.startsAt), zone))?.shifts.push(shift);
  return days;
}

export type PlacesState = 'cancelled' | 'full' | 'open';

/** Whether a shift still needs people: its gap, told in words by the page (never colour alone). */
export function placesState(shift: Pick<Shift, 'cancelledAt' | 'gap'>): PlacesState {
  if (shift.cancelledAt !== null) return 'cancelled';
  return shift.gap > 0 ? 'open' : 'full';
}

/**
 * The instants of a shift typed as a local date, a start and an end time on the council's clock; an end
 * at or before the start is on the next day (a night shift, 22:00–06:00).
 */
export function shiftInstants(
  date: string,
  start: string,
  end: string,
  zone: string,
): { startsAt: string; endsAt: string } {
  const endDate = end <= start ? addDays(date, 1) : date;
  return {
    startsAt: new Date(zonedInstant(date, start, zone)).toISOString(),
    endsAt: new Date(zonedInstant(endDate, end, zone)).toISOString(),
  };
}

/** My shifts not yet over (soonest first) and those over (latest first). */
export function splitByEnd<S extends Pick<Shift, 'startsAt' | 'endsAt'>>(
  shifts: readonly S[],
  now: number,
): { upcoming: S[]; past: S[] } {
  const upcoming = shifts
    .filter((s) => Date.parse(s.endsAt) > now)
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  const past = shifts
    .filter((s) => Date.parse(s.endsAt) <= now)
    .sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt));
  return { upcoming, past };
}

/** A local date as its weekday and day ('lunes, 30 de noviembre') in the reader's language. */
export function dayHeading(date: string, locales: readonly string[]): string {
  return new Intl.DateTimeFormat(locales as string[], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

/** The ISO weekday's name (1 = Monday) in the reader's language. */
export function weekdayName(weekday: number, locales: readonly string[]): string {
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(locales as string[], { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, weekday)),
  );
}
