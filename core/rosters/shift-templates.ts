// Weekly templates: slots (weekday, local start and end time) expanded into concrete shifts over a range
// of local dates in the council's zone. An end at or before the start ends on the next day (a night
// shift 22:00–06:00). DST-correct: each end is computed from its own local date and time, so a night
// over the spring-forward lasts 7 hours and one over the fall-back 9; a slot whose local times both fall
// in a spring-forward gap and collapse to nothing is skipped.
import { addDays, daysBetween, isLocalDate, isLocalTime, isoWeekday, zonedInstant } from './zoned-time.ts';

export interface SlotTimes {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** 'HH:MM' on the council's wall clock. */
  startTime: string;
  endTime: string;
}

export interface ExpandedShift<T extends SlotTimes> {
  slot: T;
  /** The local date the shift starts on. */
  date: string;
  startsAt: number;
  endsAt: number;
}

export const MAX_EXPANSION_DAYS = 92;

export const TEMPLATE_ERRORS = {
  'slot-time-invalid': 'a slot time is a 24-hour local time, HH:MM',
  'slot-empty': 'a slot ends at a different time than it starts',
  'range-invalid': 'the range runs from a date to the same or a later date',
  'range-too-long': `a template is expanded over ${MAX_EXPANSION_DAYS} days at most at a time`,
} as const;
export type TemplateError = keyof typeof TEMPLATE_ERRORS;

export function checkSlot(slot: SlotTimes): TemplateError | null {
  if (!isLocalTime(slot.startTime) || !isLocalTime(slot.endTime)) return 'slot-time-invalid';
  if (slot.startTime === slot.endTime) return 'slot-empty';
  return null;
}

export function checkRange(from: string, to: string): TemplateError | null {
  if (!isLocalDate(from) || !isLocalDate(to) || daysBetween(from, to) < 0) return 'range-invalid';
  if (daysBetween(from, to) >= MAX_EXPANSION_DAYS) return 'range-too-long';
  return null;
}

/** The template's shifts starting on the local dates from `from` to `to` inclusive, in time order. */
export function expandTemplate<T extends SlotTimes>(
  slots: readonly T[],
  from: string,
  to: string,
  zone: string,
): ExpandedShift<T>[] {
  const out: ExpandedShift<T>[] = [];
  for (let i = 0, n = daysBetween(from, to); i <= n; i++) {
    const date = addDays(from, i);
    const weekday = isoWeekday(date);
    for (const slot of slots) {
      if (slot.weekday !== weekday) continue;
      const endDate = slot.endTime <= slot.startTime ? addDays(date, 1) : date;
      const startsAt = zonedInstant(date, slot.startTime, zone);
      const endsAt = zonedInstant(endDate, slot.endTime, zone);
      if (endsAt > startsAt) out.push({ slot, date, startsAt, endsAt });
    }
  }
  return out.sort((a, b) => a.startsAt - b.startsAt);
}
