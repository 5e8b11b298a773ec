// The fairness settings a council decides for its roster, and the checks a sign-up and a cancellation
// must pass against them: the sign-up horizon, the cancellation window and the weekly hours cap (ISO
// week of the shift's start on the council's wall clock; night hours weighted). Pure: the caller passes
// the clock and the person's other shifts.
import { hoursToLoad, type Interval, loadHours, weightedLoad } from './shift-hours.ts';
import { isoWeekOf } from './zoned-time.ts';

export interface FairnessSettings {
  /** IANA zone of the council's wall clock (councils store none): nights, weeks and templates use it. */
  timeZone: string;
  /** Weighted hours a member may sign up for in one ISO week; null = no cap. */
  maxHoursPerWeek: number | null;
  /** 100 = a night hour counts as one hour, 150 = one and a half. */
  nightWeightPercent: number;
  /** How many days ahead a shift may be signed up for. */
  horizonDays: number;
  /** A sign-up may be cancelled until this many hours before the shift starts. */
  cancellationWindowHours: number;
}

export const DEFAULT_FAIRNESS: FairnessSettings = {
  timeZone: 'UTC',
  maxHoursPerWeek: null,
  nightWeightPercent: 100,
  horizonDays: 60,
  cancellationWindowHours: 24,
};

/** Error codes of the pure roster rules, each with when it happens. */
export const ROSTER_RULE_ERRORS = {
  'shift-started': 'the shift has started or is over: sign-ups are closed',
  'beyond-horizon': 'the shift starts later than the council lets members sign up ahead',
  'inside-cancellation-window':
    'the shift starts too soon to cancel (the council’s cancellation window); tell the shift lead instead',
  'weekly-hours-exceeded': 'the sign-up would take the member past the council’s weekly hours cap',
} as const;
export type RosterRuleError = keyof typeof ROSTER_RULE_ERRORS;

export type RuleCheck = { ok: true } | { ok: false; error: RosterRuleError; detail?: string };
const OK: RuleCheck = { ok: true };

const HOUR_MS = 3_600_000;

/** A sign-up is open from `horizonDays` before the start until the start. */
export function checkSignUpWindow(now: number, shift: Interval, s: FairnessSettings): RuleCheck {
  if (shift.startsAt <= now) return { ok: false, error: 'shift-started' };
  if (shift.startsAt > now + s.horizonDays * 24 * HOUR_MS) return { ok: false, error: 'beyond-horizon' };
  return OK;
}

/** A sign-up may be cancelled while more than the window remains before the start. */
export function checkCancellation(now: number, shift: Interval, s: FairnessSettings): RuleCheck {
  if (shift.startsAt - now < s.cancellationWindowHours * HOUR_MS)
    return { ok: false, error: 'inside-cancellation-window' };
  return OK;
}

/**
 * The weekly cap: the weighted hours of the member's shifts in the candidate's ISO week (by start, in
 * the council's zone), the candidate included, stay within the cap. `others` may hold shifts of other
 * weeks; they are ignored.
 */
export function checkWeeklyHours(
  candidate: Interval,
  others: readonly Interval[],
  s: FairnessSettings,
): RuleCheck {
  if (s.maxHoursPerWeek === null) return OK;
  const week = isoWeekOf(candidate.startsAt, s.timeZone);
  let load = weightedLoad(candidate, s.timeZone, s.nightWeightPercent);
  for (const o of others)
    if (isoWeekOf(o.startsAt, s.timeZone) === week) load += weightedLoad(o, s.timeZone, s.nightWeightPercent);
  if (load > hoursToLoad(s.maxHoursPerWeek))
    return {
      ok: false,
      error: 'weekly-hours-exceeded',
      detail: `${loadHours(load)} weighted hours in ${week}, cap ${s.maxHoursPerWeek}`,
    };
  return OK;
}
