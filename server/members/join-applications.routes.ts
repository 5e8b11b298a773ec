// The public Join form, the officers' application queue and its decisions.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can } from '../../core/federation/index.ts';
import { isOverdue } from '../../core/members/index.ts';
import { federationError, findCouncil, loadViewerFacts } from '../federation/index.ts';
import { requireViewer } from '../platform/authenticated.ts';
import { acceptJoinApplication } from './accept-join-application.ts';
import { applyToJoin } from './apply-to-join.ts';
import { declineJoinApplication } from './decline-join-application.ts';
import {
  acceptanceView,
  applicationParams,
  applicationView,
  declineBody,
  joinBody,
  joinReceipt,
  queueQuery,
} from './join-applications.schema.ts';
import { type ApplicationRow, queueOfCouncil } from './join-applications.store.ts';
import { markApplicationContacted } from './mark-application-contacted.ts';
import { membersError } from './members-errors.ts';

const iso = (d: Date | string) => new Date(d).toISOString();

function view(a: ApplicationRow, now: Date) {
  return {
    id: a.id,
    reference: a.reference,
    fullName: a.full_name,
    email: a.email,
    phone: a.phone,
    homePlace: a.home_place,
    workPlace: a.work_place,
    message: a.message,
    status: a.status,
    dueAt: iso(a.due_at),
    isOverdue: isOverdue(a.status, new Date(a.due_at), now),
    createdAt: iso(a.created_at),
    declineReason: a.decline_reason,
  };
}

const councilParams = z.strictObject({ id: z.uuid() });

export const joinApplicationsRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => fastify.database.db;

  app.post(
    '/join-applications',
    {
      config: { rateLimit: { max: fastify.config.joinRateLimit, timeWindow: '1 minute' } },
      schema: { tags: ['members'], body: joinBody, response: { 201: joinReceipt } },
    },
    async (request, reply) => {
      const { application, councilName } = await applyToJoin(db(), request.body);
      return reply
        .status(201)
        .send({ reference: application.reference, dueAt: iso(application.due_at), councilName });
    },
  );

  app.get(
    '/councils/:id/join-applications',
    {
      schema: {
        tags: ['members'],
        params: councilParams,
        querystring: queueQuery,
        response: { 200: z.object({ applications: z.array(applicationView) }) },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      const council = await findCouncil(db(), request.params.id);
      if (!council) throw federationError('council-not-found');
      if (!can('read-applications', await loadViewerFacts(db(), viewer, council)))
        throw membersError('not-an-officer');
      const now = new Date();
      const rows = await queueOfCouncil(db(), council.id, request.query.status === 'open');
      return { applications: rows.map((a) => view(a, now)) };
    },
  );

  app.post(
    '/join-applications/:id/contacted',
    {
      schema: {
        tags: ['members'],
        params: applicationParams,
        response: { 200: z.object({ application: applicationView }) },
      },
    },
    async (request) => ({
      application: view(
        await markApplicationContacted(db(), requireViewer(request), request.params.id),
        new Date(),
      ),
    }),
  );

  app.post(
    '/join-applications/:id/accept',
    { schema: { tags: ['members'], params: applicationParams, response: { 200: acceptanceView } } },
    async (request) => acceptJoinApplication(db(), requireViewer(request), request.params.id),
  );

  app.post(
    '/join-applications/:id/decline',
    {
      schema: {
        tags: ['members'],
        params: applicationParams,
        body: declineBody,
        response: { 200: z.object({ application: applicationView }) },
      },
    },
    async (request) => ({
      application: view(
        await declineJoinApplication(db(), requireViewer(request), request.params.id, request.body.reason),
        new Date(),
      ),
    }),
  );
};
