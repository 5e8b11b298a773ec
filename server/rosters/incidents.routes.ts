// HTTP routes of the incident log: the shift lead writes; the council's officers and the lead read.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addDays, daysBetween, zonedInstant } from '../../core/rosters/zoned-time.ts';
import { requireViewer } from '../platform/authenticated.ts';
import { type IncidentRow, incidentsOfCouncil, incidentsOfShift } from './incidents.store.ts';
import { recordIncident } from './record-incident.ts';
import { authorizeRoster } from './roster-access.ts';
import { loadRosterSettings } from './roster-settings.store.ts';
import { rostersError } from './rosters-errors.ts';
import { isoOut } from './shift-view.ts';
import { MAX_VIEW_DAYS } from './shifts.routes.ts';
import { idParams, incidentBody, incidentsQuery, incidentView } from './shifts.schema.ts';
import { findShift } from './shifts.store.ts';

const incidentOut = (i: IncidentRow) => ({
  id: i.id,
  shiftId: i.shift_id,
  role: i.role,
  place: i.place,
  author: { personId: i.author_person_id, fullName: i.author_name },
  text: i.body,
  occurredAt: isoOut(i.occurred_at)!,
  recordedAt: isoOut(i.recorded_at)!,
});

export const incidentsRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => fastify.database.db;

  app.post(
    '/shifts/:id/incidents',
    { schema: { tags: ['rosters'], params: idParams, body: incidentBody, response: { 201: incidentView } } },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          incidentOut(await recordIncident(db(), requireViewer(request), request.params.id, request.body)),
        ),
  );

  app.get(
    '/shifts/:id/incidents',
    {
      schema: {
        tags: ['rosters'],
        params: idParams,
        response: { 200: z.object({ incidents: z.array(incidentView) }) },
      },
    },
    async (request) => {
      const shift = await findShift(db(), request.params.id);
      if (!shift) throw rostersError('shift-not-found', 'id');
      await authorizeRoster(db(), requireViewer(request), shift.council_id, 'read-incidents', {
        field: 'id',
        leadPersonId: shift.lead_person_id,
      });
      return { incidents: (await incidentsOfShift(db(), shift.id)).map(incidentOut) };
    },
  );

  app.get(
    '/councils/:id/incidents',
    {
      schema: {
        tags: ['rosters'],
        description: "The council's incident log over local dates (officers), newest first.",
        params: idParams,
        querystring: incidentsQuery,
        response: { 200: z.object({ incidents: z.array(incidentView) }) },
      },
    },
    async (request) => {
      const { council } = await authorizeRoster(
        db(),
        requireViewer(request),
        request.params.id,
        'read-incident-log',
      );
      const { from, to } = request.query;
      if (daysBetween(from, to) < 0) throw rostersError('range-invalid');
      if (daysBetween(from, to) >= MAX_VIEW_DAYS) throw rostersError('range-too-long-for-view');
      const { timeZone } = await loadRosterSettings(db(), council.id);
      const rows = await incidentsOfCouncil(
        db(),
        council.id,
        new Date(zonedInstant(from, '00:00', timeZone)).toISOString(),
        new Date(zonedInstant(addDays(to, 1), '00:00', timeZone)).toISOString(),
      );
      return { incidents: rows.map(incidentOut) };
    },
  );
};
