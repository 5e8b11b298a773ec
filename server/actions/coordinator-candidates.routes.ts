// The search for the coordinators of a call to action, for whoever may propose one in the council: the
// active members of councils at or under it (the only persons propose-collective-action.ts accepts as
// coordinators) whose name holds the text typed. Registered by collectiveActionsRoutes.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireViewer } from '../platform/authenticated.ts';
import { authorizeCollectiveAction } from './action-access.ts';
import { idParams } from './collective-actions.schema.ts';
import { membersWithinByName } from './collective-actions.store.ts';
import { coordinatorCandidatesQuery, coordinatorCandidatesView } from './coordinator-candidates.schema.ts';

/** A picker shows a short list; the person types more to narrow it. */
const MAX_CANDIDATES = 20;

export const coordinatorCandidatesRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/councils/:id/coordinator-candidates',
    {
      schema: {
        tags: ['actions'],
        description:
          'Persons who may coordinate a call to action of the council, by part of their name (case and ' +
          'accents aside): active members of a council at or under it, by name, at most 20. For those who ' +
          'may propose a call there. Names and councils only.',
        params: idParams,
        querystring: coordinatorCandidatesQuery,
        response: { 200: coordinatorCandidatesView },
      },
    },
    async (request) => {
      const db = fastify.database.db;
      const body = await authorizeCollectiveAction(
        db,
        requireViewer(request),
        request.params.id,
        'propose-call',
      );
      const rows = await membersWithinByName(db, body.path, request.query.q, MAX_CANDIDATES);
      return {
        candidates: rows.map((r) => ({
          personId: r.person_id,
          fullName: r.full_name,
          councilId: r.council_id,
          councilName: r.council_name,
        })),
      };
    },
  );
};
