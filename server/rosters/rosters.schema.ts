// Request and response schemas of roster settings, shift templates, trainings and calendar feeds;
// they are also the OpenAPI document.
import { z } from 'zod';
import { localDate, text } from './shifts.schema.ts';

export const councilIdParams = z.strictObject({ id: z.uuid() });
export const feedTokenParams = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });

export const settingsBody = z.strictObject({
  /** IANA zone of the roster's wall clock (nights, weeks, templates), e.g. America/La_Paz. */
  timeZone: z.string().min(1).max(64),
  maxHoursPerWeek: z.int().min(1).max(168).nullable(),
  nightWeightPercent: z.int().min(100).max(400),
  horizonDays: z.int().min(1).max(366),
  cancellationWindowHours: z.int().min(0).max(720),
});

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a 24-hour time, HH:MM');

export const templateBody = z.strictObject({
  name: text(200),
  slots: z
    .array(
      z.strictObject({
        weekday: z.int().min(1).max(7),
        startTime: hhmm,
        endTime: hhmm,
        place: text(300),
        role: text(100),
        needed: z.int().min(1).max(1000),
        requiredTraining: text(100).nullish(),
        depotId: z.uuid().nullish(),
      }),
    )
    .min(1)
    .max(200),
});

export const expansionBody = z.strictObject({ from: localDate, to: localDate });

const slotView = z.object({
  id: z.uuid(),
  weekday: z.int(),
  startTime: z.string(),
  endTime: z.string(),
  place: z.string(),
  role: z.string(),
  needed: z.int(),
  requiredTraining: z.string().nullable(),
  depotId: z.uuid().nullable(),
});

export const templateView = z.object({
  id: z.uuid(),
  councilId: z.uuid(),
  name: z.string(),
  createdAt: z.string(),
  slots: z.array(slotView),
});

export const trainingBody = z.strictObject({ personId: z.uuid(), training: text(100) });
export const trainingView = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  fullName: z.string(),
  training: z.string(),
  recordedAt: z.string(),
});

export const feedBody = z.strictObject({ label: text(100) });
export const feedView = z.object({
  id: z.uuid(),
  label: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
