// Request and response schemas of shifts, sign-ups, attendance, incidents and the roster views; they are
// also the OpenAPI document.
import { z } from 'zod';
import { isLocalDate } from '../../core/rosters/zoned-time.ts';

export const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((t) => !t.includes('\u0000'), { message: 'no NUL characters' });

/** An ISO 8601 instant with its offset, between 2000 and 2199 (earlier or later is a typing slip). */
export const instant = z.iso.datetime({ offset: true }).refine((s) => {
  const year = new Date(s).getUTCFullYear();
  return year >= 2000 && year <= 2199;
}, 'an instant between the years 2000 and 2199');

/** A local date on the roster's clock. */
export const localDate = z.iso
  .date()
  .refine((d) => isLocalDate(d) && d >= '2000-01-01' && d <= '2199-12-31', {
    message: 'a calendar date between 2000 and 2199',
  });

export const idParams = z.strictObject({ id: z.uuid() });
export const attendanceParams = z.strictObject({ id: z.uuid(), personId: z.uuid() });

export const defineShiftBody = z.strictObject({
  place: text(300),
  role: text(100),
  startsAt: instant,
  endsAt: instant,
  needed: z.int().min(1).max(1000),
  requiredTraining: text(100).nullish(),
  depotId: z.uuid().nullish(),
  distributionRoundId: z.uuid().nullish(),
  leadPersonId: z.uuid().nullish(),
});

export const cancelShiftBody = z.strictObject({ reason: text(500) });
export const attendanceBody = z.strictObject({ attendance: z.enum(['attended', 'no-show']) });
export const incidentBody = z.strictObject({ text: text(5000), occurredAt: instant.nullish() });

export const rosterQuery = z.strictObject({
  /** First and last local dates (the roster's clock) of the view, at most 62 days. */
  from: localDate,
  to: localDate,
});
export const myShiftsQuery = z.strictObject({
  /** Instants; by default from now to 90 days ahead. */
  from: instant.optional(),
  to: instant.optional(),
});
export const incidentsQuery = z.strictObject({ from: localDate, to: localDate });

const person = z.object({ personId: z.uuid(), fullName: z.string() });

export const shiftView = z.object({
  id: z.uuid(),
  councilId: z.uuid(),
  place: z.string(),
  role: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  /** Hours, and hours with night hours weighted by the council's factor. */
  hours: z.number(),
  weightedHours: z.number(),
  needed: z.int(),
  signedUp: z.int(),
  /** Places still open: needed − signed up (0 when full). */
  gap: z.int(),
  requiredTraining: z.string().nullable(),
  depotId: z.uuid().nullable(),
  distributionRoundId: z.uuid().nullable(),
  templateSlotId: z.uuid().nullable(),
  lead: person.nullable(),
  cancelledAt: z.string().nullable(),
  cancellationReason: z.string().nullable(),
  /** The signed-in person has a live sign-up for it. */
  mine: z.boolean(),
});

const signUpView = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  fullName: z.string(),
  signedUpAt: z.string(),
  attendance: z.enum(['attended', 'no-show']).nullable(),
});

export const shiftDetailView = z.object({
  shift: shiftView,
  signUps: z.array(signUpView),
  viewer: z.object({
    canSignUp: z.boolean(),
    canCancelSignUp: z.boolean(),
    canCancelShift: z.boolean(),
    canMarkAttendance: z.boolean(),
    canRecordIncident: z.boolean(),
    canReadIncidents: z.boolean(),
  }),
});

export const settingsView = z.object({
  timeZone: z.string(),
  maxHoursPerWeek: z.int().nullable(),
  nightWeightPercent: z.int(),
  horizonDays: z.int(),
  cancellationWindowHours: z.int(),
});

export const rosterView = z.object({
  council: z.object({ id: z.uuid(), name: z.string() }),
  from: z.string(),
  to: z.string(),
  settings: settingsView,
  shifts: z.array(shiftView),
  totals: z.object({
    shifts: z.int(),
    needed: z.int(),
    signedUp: z.int(),
    gap: z.int(),
    shiftsWithGap: z.int(),
  }),
  viewer: z.object({
    canDefineShifts: z.boolean(),
    canDefineDistributionShifts: z.boolean(),
    canKeepTemplates: z.boolean(),
    canSetSettings: z.boolean(),
    canSignUp: z.boolean(),
    canReadAttendance: z.boolean(),
    canReadIncidents: z.boolean(),
  }),
});

export const myShiftsView = z.object({
  shifts: z.array(
    shiftView.extend({
      councilName: z.string(),
      signUpId: z.uuid(),
      signedUpAt: z.string(),
      attendance: z.enum(['attended', 'no-show']).nullable(),
    }),
  ),
  /** The signed-in person's no-shows in each council they have shifts in. */
  noShows: z.array(z.object({ councilId: z.uuid(), noShows: z.int(), attended: z.int() })),
});

export const signUpResult = signUpView.extend({ shiftId: z.uuid() });

export const attendanceView = z.object({
  members: z.array(person.extend({ attended: z.int(), noShows: z.int() })),
});

export const incidentView = z.object({
  id: z.uuid(),
  shiftId: z.uuid(),
  role: z.string(),
  place: z.string(),
  author: person,
  text: z.string(),
  occurredAt: z.string(),
  recordedAt: z.string(),
});
