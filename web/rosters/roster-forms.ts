// The rosters forms' checks before sending, pure: the fairness rules' whole numbers and their ranges
// (the server's, server/rosters/rosters.schema.ts), a weekly template's slot, places needed, a shift's
// ties to a depot or a distribution round.
import { isTimeZone } from '../../core/rosters/zoned-time.ts';
import type { RosterSettings } from './rosters-types.ts';

export type SettingsNumber =
  | 'maxHoursPerWeek'
  | 'nightWeightPercent'
  | 'horizonDays'
  | 'cancellationWindowHours';

/** The settings form's number fields, in order: range, label and hint keys, the key of the range error. */
export const SETTINGS_NUMBERS: readonly {
  name: SettingsNumber;
  min: number;
  max: number;
  label: string;
  hint: string | null;
  invalid: string;
}[] = [
  {
    name: 'maxHoursPerWeek',
    min: 1,
    max: 168,
    label: 'rosters.settings.maxHours',
    hint: 'rosters.settings.maxHoursHint',
    invalid: 'rosters.settings.maxHoursInvalid',
  },
  {
    name: 'nightWeightPercent',
    min: 100,
    max: 400,
    label: 'rosters.settings.nightWeight',
    hint: 'rosters.settings.nightWeightHint',
    invalid: 'rosters.settings.nightWeightInvalid',
  },
  {
    name: 'horizonDays',
    min: 1,
    max: 366,
    label: 'rosters.settings.horizon',
    hint: null,
    invalid: 'rosters.settings.horizonInvalid',
  },
  {
    name: 'cancellationWindowHours',
    min: 0,
    max: 720,
    label: 'rosters.settings.window',
    hint: 'rosters.settings.windowHint',
    invalid: 'rosters.settings.windowInvalid',
  },
];

/** A whole number typed as digits, from min to max. */
export const wholeIn = (text: string, min: number, max: number): boolean =>
  /^\d{1,4}$/.test(text.trim()) && Number(text) >= min && Number(text) <= max;

export type SettingsDraft = { timeZone: string } & Record<SettingsNumber, string>;

export function settingsDraft(settings: RosterSettings, readerZone: string): SettingsDraft {
  return {
    // A council that never set its clock runs on UTC: offer the reader's zone instead.
    timeZone: settings.timeZone === 'UTC' ? readerZone : settings.timeZone,
    maxHoursPerWeek: settings.maxHoursPerWeek?.toString() ?? '',
    nightWeightPercent: String(settings.nightWeightPercent),
    horizonDays: String(settings.horizonDays),
    cancellationWindowHours: String(settings.cancellationWindowHours),
  };
}

/** Locale keys of what is wrong, per field; an empty weekly cap means no cap. */
export function settingsProblems(draft: SettingsDraft): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!isTimeZone(draft.timeZone.trim())) problems.timeZone = 'rosters.errors.time-zone-unknown';
  for (const field of SETTINGS_NUMBERS) {
    const text = draft[field.name];
    if (field.name === 'maxHoursPerWeek' && !text.trim()) continue;
    if (!wholeIn(text, field.min, field.max)) problems[field.name] = field.invalid;
  }
  return problems;
}

export function settingsBody(draft: SettingsDraft): RosterSettings {
  return {
    timeZone: draft.timeZone.trim(),
    maxHoursPerWeek: draft.maxHoursPerWeek.trim() ? Number(draft.maxHoursPerWeek) : null,
    nightWeightPercent: Number(draft.nightWeightPercent),
    horizonDays: Number(draft.horizonDays),
    cancellationWindowHours: Number(draft.cancellationWindowHours),
  };
}

/**
 * The locale key of what is wrong with a shift's ties, per field: a distribution officer (`tiedOnly`)
 * defines only shifts tied to a depot or a distribution round (core/rosters/permissions.ts), so the
 * error sits on the first of the two selects and names both.
 */
export function shiftTieProblems(
  tiedOnly: boolean,
  ties: { depotId: string; distributionRoundId: string },
): Record<string, string> {
  if (tiedOnly && !ties.depotId && !ties.distributionRoundId)
    return { depotId: 'rosters.define.tieRequired' };
  return {};
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
export const isClockTime = (time: string): boolean => TIME.test(time);
export const isPlaces = (text: string): boolean => wholeIn(text, 1, 1000);

export interface SlotDraft {
  key: number;
  weekday: string;
  startTime: string;
  endTime: string;
  place: string;
  role: string;
  needed: string;
  requiredTraining: string;
}

/** The locale key of what is wrong with a template's slot, or null. */
export function slotProblem(slot: SlotDraft): string | null {
  if (!slot.place.trim() || !slot.role.trim()) return 'rosters.templates.slotIncomplete';
  if (!isClockTime(slot.startTime) || !isClockTime(slot.endTime)) return 'rosters.define.timeInvalid';
  if (slot.startTime === slot.endTime) return 'rosters.templates.slotEmpty';
  if (!isPlaces(slot.needed)) return 'rosters.define.neededInvalid';
  return null;
}
