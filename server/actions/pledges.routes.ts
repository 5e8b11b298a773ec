// HTTP routes of pledges and councils' status in a call to action: members pledge and withdraw, officers
// of councils in scope report status, anyone reads the roll-up over the scope and the map of a node's
// children; who pledged is for the pledger's council's officers. Registered by collectiveActionsRoutes.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findCouncil } from '../federation/index.ts';
import { requireViewer } from '../platform/authenticated.ts';
import type { Db } from '../platform/database.ts';
import type { Viewer } from '../platform/sessions.ts';
import { authorizeCollectiveAction, readableAction } from './action-access.ts';
import { actionsError } from './actions-errors.ts';
import {
  actionCouncilParams,
  councilStatusBody,
  councilsQuery,
  idParams,
  pledgeBody,
  pledgeOutcomeView,
  pledgersView,
  rollUpView,
} from './collective-actions.schema.ts';
import { councilInAction, rollUpUnder } from './council-action-status.store.ts';
import { pledgeToAction } from './pledge-to-action.ts';
import { type PledgeRow, pledgersOf } from './pledges.store.ts';
import { reportCouncilStatus } from './report-council-status.ts';
import { withdrawPledge } from './withdraw-pledge.ts';

export const pledgeOut = (p: PledgeRow) => ({
  id: p.id,
  councilId: p.council_id,
  threshold: p.threshold,
  status: p.status,
  pledgedAt: p.pledged_at,
  resolvedAt: p.resolved_at,
});

/** The roll-up under a node (default: the calling body), which must hold councils of the scope. */
async function rollUp(db: Db, viewer: Viewer | null, actionId: string, nodeId: string | undefined) {
  const action = await readableAction(db, viewer, actionId);
  const node = await findCouncil(db, nodeId ?? action.council_id);
  if (!node) throw actionsError('council-not-found', 'parentId');
  const { totals, children } = await rollUpUnder(db, action.id, node);
  if (totals.councils === 0) throw actionsError('council-not-in-scope', 'parentId');
  const own = await councilInAction(db, action.id, node.id);
  return {
    actionId: action.id,
    node: { councilId: node.id, name: node.name },
    totals,
    children,
    own: own
      ? {
          status: own.status,
          participants: own.participants,
          incidents: own.incidents,
          reportedAt: own.reported_at,
        }
      : null,
  };
}

export const pledgesRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => fastify.database.db;

  app.post(
    '/actions/:id/pledges',
    {
      schema: {
        tags: ['actions'],
        description:
          'Pledges to take part (an active member of a council in scope, while the action is called), ' +
          'unconditionally or "if at least N of my council do". A second pledge replaces the first.',
        params: idParams,
        body: pledgeBody,
        response: { 200: pledgeOutcomeView },
      },
    },
    async (request) => {
      const outcome = await pledgeToAction(db(), requireViewer(request), request.params.id, request.body);
      return { ...outcome, pledge: pledgeOut(outcome.pledge) };
    },
  );

  app.delete(
    '/actions/:id/pledges/mine',
    {
      schema: {
        tags: ['actions'],
        description:
          'Withdraws the signed-in person’s pledge; conditional pledges it supported may go back to pending.',
        params: idParams,
        response: { 200: z.object({ activeInCouncil: z.int(), deactivated: z.int() }) },
      },
    },
    async (request) => withdrawPledge(db(), requireViewer(request), request.params.id),
  );

  app.post(
    '/actions/:id/councils/:councilId/status',
    {
      schema: {
        tags: ['actions'],
        description:
          'An officer of a council in scope reports its status while the action is called or suspended.',
        params: actionCouncilParams,
        body: councilStatusBody,
        response: { 201: z.object({ id: z.uuid(), reportedAt: z.string() }) },
      },
    },
    async (request, reply) => {
      const report = await reportCouncilStatus(
        db(),
        requireViewer(request),
        request.params.id,
        request.params.councilId,
        request.body,
      );
      return reply.status(201).send(report);
    },
  );

  app.get(
    '/actions/:id/status',
    {
      schema: {
        tags: ['actions'],
        description:
          'The roll-up of the whole scope and per child of the calling body: councils by status, pledges ' +
          'active and pending, participants.',
        params: idParams,
        response: { 200: rollUpView },
      },
    },
    async (request) => rollUp(db(), request.viewer ?? null, request.params.id, undefined),
  );

  app.get(
    '/actions/:id/councils',
    {
      schema: {
        tags: ['actions'],
        description:
          'The children of a node (parentId, default the calling body) with the roll-up of the scope under ' +
          'each, for a map coloured by status.',
        params: idParams,
        querystring: councilsQuery,
        response: { 200: rollUpView },
      },
    },
    async (request) => rollUp(db(), request.viewer ?? null, request.params.id, request.query.parentId),
  );

  app.get(
    '/actions/:id/councils/:councilId/pledges',
    {
      schema: {
        tags: ['actions'],
        description: 'Who pledged in a council, with their conditions: for that council’s officers only.',
        params: actionCouncilParams,
        response: { 200: pledgersView },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      const action = await readableAction(db(), viewer, request.params.id);
      const council = await authorizeCollectiveAction(
        db(),
        viewer,
        request.params.councilId,
        'read-pledgers',
        'councilId',
      );
      const rows = await pledgersOf(db(), action.id, council.id);
      return {
        councilId: council.id,
        pledges: rows.map((p) => ({
          ...pledgeOut(p),
          personId: p.person_id,
          fullName: p.full_name,
          resolvedCount: p.resolved_count,
        })),
      };
    },
  );
};
