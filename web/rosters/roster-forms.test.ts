import { describe, expect, it } from 'vitest';
import {
  type SlotDraft,
  settingsBody,
  settingsDraft,
  settingsProblems,
  shiftTieProblems,
  slotProblem,
  wholeIn,
} from './roster-forms.ts';

const settings = {
  timeZone: 'UTC',
  maxHoursPerWeek: null,
  nightWeightPercent: 100,
  horizonDays: 60,
  cancellationWindowHours: 24,
};

describe('the fairness rules form', () => {
  it('offers the reader zone to a council still on UTC, and keeps a zone the council chose', () => {
    expect(settingsDraft(settings, 'America/La_Paz').timeZone).toBe('America/La_Paz');
    expect(settingsDraft({ ...settings, timeZone: 'Europe/Madrid' }, 'America/La_Paz').timeZone).toBe(
      'Europe/Madrid',
    );
  });

  it('accepts the defaults and an empty weekly cap, which is sent as no cap', () => {
    const draft = settingsDraft(settings, 'America/La_Paz');
    expect(settingsProblems(draft)).toEqual({});
    expect(settingsBody(draft)).toEqual({ ...settings, timeZone: 'America/La_Paz' });
    expect(settingsBody({ ...draft, maxHoursPerWeek: ' 12 ' }).maxHoursPerWeek).toBe(12);
  });

  it('names each field out of its range, and an unknown zone', () => {
    const draft = {
      timeZone: 'Mars/Olympus',
      maxHoursPerWeek: '169',
      nightWeightPercent: '99',
      horizonDays: '0',
      cancellationWindowHours: '1.5',
    };
    expect(settingsProblems(draft)).toEqual({
      timeZone: 'rosters.errors.time-zone-unknown',
      maxHoursPerWeek: 'rosters.settings.maxHoursInvalid',
      nightWeightPercent: 'rosters.settings.nightWeightInvalid',
      horizonDays: 'rosters.settings.horizonInvalid',
      cancellationWindowHours: 'rosters.settings.windowInvalid',
    });
  });

  it('takes whole numbers only, within the bounds', () => {
    expect(wholeIn('0', 0, 720)).toBe(true);
    expect(wholeIn('720', 0, 720)).toBe(true);
    expect(wholeIn('721', 0, 720)).toBe(false);
    expect(wholeIn('-1', 0, 720)).toBe(false);
    expect(wholeIn('', 0, 720)).toBe(false);
  });
});

describe('a template slot', () => {
  const slot: SlotDraft = {
    key: 0,
    weekday: '3',
    startTime: '22:00',
    endTime: '06:00',
    place: 'Sede',
    role: 'Guardia',
    needed: '2',
    requiredTraining: '',
  };

  it('is fine overnight, with a place, a task and places', () => {
    expect(slotProblem(slot)).toBeNull();
  });

  it('tells what is missing or wrong', () => {
    expect(slotProblem({ ...slot, place: ' ' })).toBe('rosters.templates.slotIncomplete');
    expect(slotProblem({ ...slot, startTime: '24:00' })).toBe('rosters.define.timeInvalid');
    expect(slotProblem({ ...slot, endTime: '22:00' })).toBe('rosters.templates.slotEmpty');
    expect(slotProblem({ ...slot, needed: '0' })).toBe('rosters.define.neededInvalid');
  });
});

describe('a shift’s ties to a depot or a distribution round', () => {
  const none = { depotId: '', distributionRoundId: '' };

  it('asks a distribution officer for a depot or a round, on the depot field', () => {
    expect(shiftTieProblems(true, none)).toEqual({ depotId: 'rosters.define.tieRequired' });
  });

  it('takes a depot, a round or both from a distribution officer', () => {
    expect(shiftTieProblems(true, { ...none, depotId: 'd' })).toEqual({});
    expect(shiftTieProblems(true, { ...none, distributionRoundId: 'r' })).toEqual({});
    expect(shiftTieProblems(true, { depotId: 'd', distributionRoundId: 'r' })).toEqual({});
  });

  it('leaves both optional for the leading officers', () => {
    expect(shiftTieProblems(false, none)).toEqual({});
  });
});
