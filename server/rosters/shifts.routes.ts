// HTTP routes of shifts: defining and cancelling them, the roster of a council with its gaps, a shift
// with its sign-ups, signing up and cancelling, attendance and no-show counts, and my shifts.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkCancellation } from '../../core/rosters/fairness.ts';
import { mayRoster } from '../../core/rosters/permissions.ts';
import { addDays, daysBetween, zonedInstant } from '../../core/rosters/zoned-time.ts';
import { requireViewer } from '../platform/authenticated.ts';
import { cancelShift } from './cancel-shift.ts';
import { cancelSignUp } from './cancel-sign-up.ts';
import { defineShift } from './define-shift.ts';
import { markShiftAttendance } from './mark-attendance.ts';
import { authorizeRoster } from './roster-access.ts';
import { loadRosterSettings } from './roster-settings.store.ts';
import { rostersError } from './rosters-errors.ts';
import { isoOut, shiftOut } from './shift-view.ts';
import {
  attendanceBody,
  attendanceParams,
  attendanceView,
  cancelShiftBody,
  defineShiftBody,
  idParams,
  myShiftsQuery,
  myShiftsView,
  rosterQuery,
  rosterView,
  shiftDetailView,
  shiftView,
  signUpResult,
} from './shifts.schema.ts';
import {
  attendanceCounts,
  attendanceOfPerson,
  countLiveSignUps,
  findShift,
  liveSignUps,
  rosterOf,
  type SignUpRow,
  shiftsOfPerson,
} from './shifts.store.ts';
import { intervalOf, signUpForShift } from './sign-up-for-shift.ts';

export const MAX_VIEW_DAYS = 62;

const signUpOut = (u: SignUpRow) => ({
  id: u.id,
  shiftId: u.shift_id,
  personId: u.person_id,
  fullName: u.full_name,
  signedUpAt: isoOut(u.signed_up_at)!,
  attendance: u.attendance,
});

export const shiftsRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => fastify.database.db;

  app.post(
    '/councils/:id/shifts',
    { schema: { tags: ['rosters'], params: idParams, body: defineShiftBody, response: { 201: shiftView } } },
    async (request, reply) => {
      const shift = await defineShift(db(), requireViewer(request), request.params.id, request.body);
      const settings = await loadRosterSettings(db(), shift.council_id);
      return reply.status(201).send(shiftOut(shift, settings, 0, false));
    },
  );

  app.get(
    '/councils/:id/roster',
    {
      schema: {
        tags: ['rosters'],
        description:
          "The council's shifts starting on the local dates from `from` to `to` (the roster's clock), each with its places signed up and its gap (needed − signed up), and what the signed-in person may do.",
        params: idParams,
        querystring: rosterQuery,
        response: { 200: rosterView },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      const { council, facts } = await authorizeRoster(db(), viewer, request.params.id, 'read-roster');
      const { from, to } = request.query;
      if (daysBetween(from, to) < 0) throw rostersError('range-invalid');
      if (daysBetween(from, to) >= MAX_VIEW_DAYS) throw rostersError('range-too-long-for-view');
      const settings = await loadRosterSettings(db(), council.id);
      const rows = await rosterOf(
        db(),
        council.id,
        new Date(zonedInstant(from, '00:00', settings.timeZone)).toISOString(),
        new Date(zonedInstant(addDays(to, 1), '00:00', settings.timeZone)).toISOString(),
        viewer.personId,
      );
      const shifts = rows.map((r) => shiftOut(r, settings, r.signed_up, r.mine));
      const live = shifts.filter((s) => s.cancelledAt === null);
      const alive = council.dissolved_at === null;
      return {
        council: { id: council.id, name: council.name },
        from,
        to,
        settings,
        shifts,
        totals: {
          shifts: live.length,
          needed: live.reduce((n, s) => n + s.needed, 0),
          signedUp: live.reduce((n, s) => n + s.signedUp, 0),
          gap: live.reduce((n, s) => n + s.gap, 0),
          shiftsWithGap: live.filter((s) => s.gap > 0).length,
        },
        viewer: {
          canDefineShifts: alive && council.kind !== 'federation' && mayRoster('define-shift', facts),
          canDefineDistributionShifts:
            alive && council.kind !== 'federation' && mayRoster('define-distribution-shift', facts),
          canKeepTemplates: alive && council.kind !== 'federation' && mayRoster('keep-templates', facts),
          canSetSettings: alive && council.kind !== 'federation' && mayRoster('set-roster-settings', facts),
          canSignUp: alive && mayRoster('sign-up', facts),
          canReadAttendance: mayRoster('read-attendance', facts),
          canReadIncidents: mayRoster('read-incident-log', facts),
        },
      };
    },
  );

  app.get(
    '/shifts/:id',
    { schema: { tags: ['rosters'], params: idParams, response: { 200: shiftDetailView } } },
    async (request) => {
      const viewer = requireViewer(request);
      const shift = await findShift(db(), request.params.id);
      if (!shift) throw rostersError('shift-not-found', 'id');
      const { council, facts } = await authorizeRoster(db(), viewer, shift.council_id, 'read-roster', {
        field: 'id',
        leadPersonId: shift.lead_person_id,
      });
      const settings = await loadRosterSettings(db(), council.id);
      const signUps = await liveSignUps(db(), shift.id);
      const mine = signUps.some((u) => u.person_id === viewer.personId);
      const out = shiftOut(shift, settings, signUps.length, mine);
      const now = Date.now();
      const open = shift.cancelled_at === null && council.dissolved_at === null;
      const started = Date.parse(shift.starts_at) <= now;
      const tied = Boolean(shift.depot_id || shift.distribution_round_id);
      return {
        shift: out,
        signUps: signUps.map(signUpOut),
        viewer: {
          canSignUp: open && !mine && !started && out.gap > 0 && mayRoster('sign-up', facts),
          canCancelSignUp: mine && (!open || checkCancellation(now, intervalOf(shift), settings).ok),
          canCancelShift: open && mayRoster(tied ? 'define-distribution-shift' : 'define-shift', facts),
          canMarkAttendance: open && started && mayRoster('mark-attendance', facts),
          canRecordIncident: council.dissolved_at === null && mayRoster('record-incident', facts),
          canReadIncidents: mayRoster('read-incidents', facts),
        },
      };
    },
  );

  app.post(
    '/shifts/:id/cancellation',
    { schema: { tags: ['rosters'], params: idParams, body: cancelShiftBody, response: { 200: shiftView } } },
    async (request) => {
      const viewer = requireViewer(request);
      const shift = await cancelShift(db(), viewer, request.params.id, request.body.reason);
      const settings = await loadRosterSettings(db(), shift.council_id);
      return shiftOut(shift, settings, await countLiveSignUps(db(), shift.id), false);
    },
  );

  app.post(
    '/shifts/:id/sign-ups',
    {
      schema: {
        tags: ['rosters'],
        description:
          'Signs the signed-in person up for the shift: refused when full, overlapping another of their shifts, past the weekly hours cap, outside the sign-up horizon, or for another council’s shift (403 not-a-member).',
        params: idParams,
        response: { 201: signUpResult },
      },
    },
    async (request, reply) => {
      const signUp = await signUpForShift(db(), requireViewer(request), request.params.id);
      return reply.status(201).send(signUpOut(signUp));
    },
  );

  app.delete(
    '/shifts/:id/sign-ups/mine',
    {
      schema: {
        tags: ['rosters'],
        description:
          "Cancels the signed-in person's sign-up, refused inside the council's cancellation window.",
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await cancelSignUp(db(), requireViewer(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/shifts/:id/sign-ups/:personId/attendance',
    {
      schema: {
        tags: ['rosters'],
        params: attendanceParams,
        body: attendanceBody,
        response: { 200: signUpResult },
      },
    },
    async (request) =>
      signUpOut(
        await markShiftAttendance(
          db(),
          requireViewer(request),
          request.params.id,
          request.params.personId,
          request.body.attendance,
        ),
      ),
  );

  app.get(
    '/councils/:id/attendance',
    {
      schema: {
        tags: ['rosters'],
        description: "Attended and no-show counts of the council's members (officers).",
        params: idParams,
        response: { 200: attendanceView },
      },
    },
    async (request) => {
      const { council } = await authorizeRoster(
        db(),
        requireViewer(request),
        request.params.id,
        'read-attendance',
      );
      const rows = await attendanceCounts(db(), council.id);
      return {
        members: rows.map((r) => ({
          personId: r.person_id,
          fullName: r.full_name,
          attended: r.attended,
          noShows: r.no_shows,
        })),
      };
    },
  );

  app.get(
    '/me/shifts',
    {
      schema: {
        tags: ['rosters'],
        description:
          "The signed-in person's live sign-ups in every council (by default from now to 90 days ahead).",
        querystring: myShiftsQuery,
        response: { 200: myShiftsView },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      const from = request.query.from ? new Date(request.query.from) : new Date();
      const to = request.query.to ? new Date(request.query.to) : new Date(from.getTime() + 90 * 86_400_000);
      if (to < from) throw rostersError('range-invalid');
      const rows = await shiftsOfPerson(db(), viewer.personId, from.toISOString(), to.toISOString());
      const settingsOf = new Map<string, Awaited<ReturnType<typeof loadRosterSettings>>>();
      const shifts = [];
      for (const r of rows) {
        if (!settingsOf.has(r.council_id))
          settingsOf.set(r.council_id, await loadRosterSettings(db(), r.council_id));
        shifts.push({
          ...shiftOut(r, settingsOf.get(r.council_id)!, r.signed_up, true),
          councilName: r.council_name,
          signUpId: r.sign_up_id,
          signedUpAt: isoOut(r.signed_up_at)!,
          attendance: r.attendance,
        });
      }
      const noShows = (await attendanceOfPerson(db(), viewer.personId)).map((a) => ({
        councilId: a.council_id,
        noShows: a.no_shows,
        attended: a.attended,
      }));
      return { shifts, noShows };
    },
  );
};
