// Memberships: a council's member list (officers only: it carries contact details), the import of an
// existing roll from CSV, and the signed-in person's councils.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can } from '../../core/federation/index.ts';
import { federationError, findCouncil, loadViewerFacts } from '../federation/index.ts';
import { requireViewer } from '../platform/authenticated.ts';
import { importError, importRejected, importRowVerdict } from '../platform/csv-records.ts';
import { importMembersCsv } from './import-members.ts';
import { membersQuery, memberView } from './join-applications.schema.ts';
import { councilsOfPerson, membersOfCouncil } from './members.store.ts';
import { membersError } from './members-errors.ts';

const iso = (d: Date | string) => new Date(d).toISOString();
const councilParams = z.strictObject({ id: z.uuid() });
const importReport = z.object({
  imported: z.int(),
  alreadyMembers: z.int(),
  rejected: z.int(),
  rows: z.array(importRowVerdict),
});

export const membershipsRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => fastify.database.db;

  app.post(
    '/councils/:id/members/import',
    {
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        tags: ['members'],
        description: 'CSV with columns full_name, email, phone, home_place, work_place (text/csv body).',
        params: councilParams,
        body: z.string().max(20 * 1024 * 1024),
        response: { 200: importReport, 422: importReport.extend({ error: importError }) },
      },
    },
    async (request, reply) => {
      const report = await importMembersCsv(db(), requireViewer(request), request.params.id, request.body);
      if (report.rejected === 0) return reply.send(report);
      return reply.status(422).send({ ...report, error: importRejected(report.rejected, report.rows) });
    },
  );

  app.get(
    '/councils/:id/members',
    {
      schema: {
        tags: ['members'],
        params: councilParams,
        querystring: membersQuery,
        response: { 200: z.object({ members: z.array(memberView) }) },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      const council = await findCouncil(db(), request.params.id);
      if (!council) throw federationError('council-not-found');
      if (!can('read-contacts', await loadViewerFacts(db(), viewer, council)))
        throw membersError('not-an-officer');
      const rows = await membersOfCouncil(db(), council.id, request.query.limit, request.query.offset);
      return {
        members: rows.map((m) => ({
          membershipId: m.membership_id,
          personId: m.person_id,
          fullName: m.full_name,
          status: m.status,
          joinedAt: iso(m.joined_at),
          email: m.email,
          phone: m.phone,
          homePlace: m.home_place,
          workPlace: m.work_place,
        })),
      };
    },
  );

  app.get(
    '/me/councils',
    {
      schema: {
        tags: ['members'],
        response: {
          200: z.object({
            councils: z.array(
              z.object({
                id: z.uuid(),
                name: z.string(),
                kind: z.string(),
                territory: z.string(),
                membershipStatus: z.enum(['active', 'suspended', 'left']).nullable(),
                offices: z.array(z.string()),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      const rows = await councilsOfPerson(db(), viewer.personId);
      return {
        councils: rows.map((r) => ({
          id: r.id,
          name: r.name,
          kind: r.kind,
          territory: r.territory,
          membershipStatus: r.membership_status as 'active' | 'suspended' | 'left' | null,
          offices: r.offices ?? [],
        })),
      };
    },
  );
};
