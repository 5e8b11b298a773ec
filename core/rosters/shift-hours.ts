// Shifts as half-open intervals [start, end) of instants, their overlap, and their weighted length:
// night hours (22:00 to 06:00 on the council's wall clock) count `nightWeightPercent`/100 times.
import { localParts } from './zoned-time.ts';

export interface Interval {
  /** Epoch milliseconds. */
  startsAt: number;
  endsAt: number;
}

/** Half-open: a shift ending at 14:00 and one starting at 14:00 do not overlap. */
export const overlaps = (a: Interval, b: Interval): boolean => a.startsAt < b.endsAt && b.startsAt < a.endsAt;

export const NIGHT_STARTS_HOUR = 22;
export const NIGHT_ENDS_HOUR = 6;
const isNightHour = (hour: number) => hour >= NIGHT_STARTS_HOUR || hour < NIGHT_ENDS_HOUR;

// Every zone's offset is a whole number of quarter hours, so a piece between two UTC quarter-hour
// boundaries lies inside one local hour, whatever the zone and its DST transitions.
const QUARTER_MS = 900_000;

/** Milliseconds of the interval that fall in local night hours of the zone. */
export function nightMs(interval: Interval, zone: string): number {
  let night = 0;
  let at = interval.startsAt;
  while (at < interval.endsAt) {
    const next = Math.min(interval.endsAt, (Math.floor(at / QUARTER_MS) + 1) * QUARTER_MS);
    if (isNightHour(localParts(at, zone).hour)) night += next - at;
    at = next;
  }
  return night;
}

/**
 * The weighted length in hundredths of a millisecond: day time × 100 + night time × the weight percent.
 * Integers, so caps compare exactly; `loadHours` turns it into hours for display.
 */
export function weightedLoad(interval: Interval, zone: string, nightWeightPercent: number): number {
  const night = nightMs(interval, zone);
  const day = interval.endsAt - interval.startsAt - night;
  return day * 100 + night * nightWeightPercent;
}

export const loadHours = (load: number): number => Math.round(load / 3_600_000) / 100;
export const hoursToLoad = (hours: number): number => hours * 3_600_000 * 100;
