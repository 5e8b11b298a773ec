// HTTP routes of calls to action: proposed by a body's leading officers and decided by its vote (the
// call, and later suspending, resuming, lifting); the notices a person is told; the `action:<id>` live
// topic. A called action is public. Pledges and councils' status: pledges.routes.ts, registered here.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { openSubjectVote, subjectVoteBody } from '../decisions/index.ts';
import { findCouncil } from '../federation/index.ts';
import { requireViewer } from '../platform/authenticated.ts';
import { registerTopicKind, topicAuthorizer } from '../platform/realtime.ts';
import { lineageSeqs, mayActIn, readableAction } from './action-access.ts';
import { ACTION_DECISION_SUBJECT, decisionTitle } from './action-subject.ts';
import { actionsError } from './actions-errors.ts';
import {
  actionDetailView,
  actionView,
  decisionView,
  idParams,
  noticesQuery,
  noticesView,
  proposeActionDecisionBody,
  proposeCollectiveActionBody,
  proposedActionView,
} from './collective-actions.schema.ts';
import {
  type ActionDecisionRow,
  actionsOfCouncil,
  type CollectiveActionRow,
  coordinatorsOf,
  decisionsOf,
  findActionDecision,
  noticesForPerson,
} from './collective-actions.store.ts';
import { coordinatorCandidatesRoutes } from './coordinator-candidates.routes.ts';
import { actionTotals } from './council-action-status.store.ts';
import { pledgeOut, pledgesRoutes } from './pledges.routes.ts';
import { findPledge } from './pledges.store.ts';
import { proposeActionDecision } from './propose-action-decision.ts';
import { proposeCollectiveAction } from './propose-collective-action.ts';

const actionOut = (a: CollectiveActionRow) => ({
  id: a.id,
  councilId: a.council_id,
  kind: a.kind,
  title: a.title,
  description: a.description,
  startsAt: a.starts_at,
  endsAt: a.ends_at,
  liftingConditions: a.lifting_conditions,
  status: a.status,
  scopeCouncils: a.scope_councils,
  proposedAt: a.proposed_at,
  calledAt: a.called_at,
  liftedAt: a.lifted_at,
});

const decisionOut = (d: ActionDecisionRow) => ({
  id: d.id,
  actionId: d.action_id,
  kind: d.kind,
  reason: d.reason,
  status: d.status,
  proposedAt: d.proposed_at,
  pollId: d.poll_id,
  decidedAt: d.decided_at,
  decisionSummary: d.decision_summary,
});

/** Registers the `action:<id>` topic once per process: followed by whoever may read the action. */
function registerActionTopics(): void {
  if (!topicAuthorizer('action'))
    registerTopicKind('action', async (viewer, id, db) =>
      readableAction(db, viewer, id).then(
        () => true,
        () => false,
      ),
    );
}

export const collectiveActionsRoutes: FastifyPluginAsync = async (fastify) => {
  registerActionTopics();
  await fastify.register(pledgesRoutes);
  await fastify.register(coordinatorCandidatesRoutes);
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => fastify.database.db;

  app.post(
    '/councils/:id/actions',
    {
      schema: {
        tags: ['actions'],
        description:
          'Proposes a call to action (a leading officer of the calling body); the body calls it by vote. ' +
          'The scope is every base council under the chosen councils (default: the whole body).',
        params: idParams,
        body: proposeCollectiveActionBody,
        response: { 201: proposedActionView },
      },
    },
    async (request, reply) => {
      const { action, decision } = await proposeCollectiveAction(
        db(),
        requireViewer(request),
        request.params.id,
        request.body,
      );
      return reply.status(201).send({ action: actionOut(action), decision: decisionOut(decision) });
    },
  );

  app.get(
    '/councils/:id/actions',
    {
      schema: {
        tags: ['actions'],
        description:
          'Calls to action involving the council: called by it, or by a body above with councils under it in ' +
          'scope. Its own proposals and rejected calls only to its people.',
        params: idParams,
        response: { 200: z.object({ actions: z.array(actionView) }) },
      },
    },
    async (request) => {
      const council = await findCouncil(db(), request.params.id);
      if (!council) throw actionsError('council-not-found', 'id');
      const withProposals = await mayActIn(db(), request.viewer ?? null, council, 'read-proposed-action');
      const rows = await actionsOfCouncil(db(), council, lineageSeqs(council).slice(0, -1), withProposals);
      return { actions: rows.map(actionOut) };
    },
  );

  app.get(
    '/actions/:id',
    {
      schema: {
        tags: ['actions'],
        description: 'One call to action with its decisions, coordinators, totals and the viewer’s pledge.',
        params: idParams,
        response: { 200: actionDetailView },
      },
    },
    async (request) => {
      const viewer = request.viewer ?? null;
      const action = await readableAction(db(), viewer, request.params.id);
      const totals = await actionTotals(db(), action.id);
      const mine = viewer ? await findPledge(db(), action.id, viewer.personId) : undefined;
      return {
        ...actionOut(action),
        coordinators: (await coordinatorsOf(db(), action.id)).map((c) => ({
          personId: c.person_id,
          fullName: c.full_name,
        })),
        decisions: (await decisionsOf(db(), action.id)).map(decisionOut),
        totals,
        myPledge: mine ? pledgeOut(mine) : null,
      };
    },
  );

  app.post(
    '/actions/:id/decisions',
    {
      schema: {
        tags: ['actions'],
        description: 'Proposes to suspend, resume or lift the action; the calling body decides by vote.',
        params: idParams,
        body: proposeActionDecisionBody,
        response: { 201: decisionView },
      },
    },
    async (request, reply) => {
      const decision = await proposeActionDecision(
        db(),
        requireViewer(request),
        request.params.id,
        request.body,
      );
      return reply.status(201).send(decisionOut(decision));
    },
  );

  app.post(
    '/action-decisions/:id/poll',
    {
      schema: {
        tags: ['actions'],
        description:
          'Puts a proposed decision (call, suspend, resume, lift) to the vote of the calling body: a yes-no poll ' +
          'whose adoption applies it and tells everyone in scope.',
        params: idParams,
        body: subjectVoteBody,
        response: { 201: z.object({ pollId: z.uuid() }) },
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const decision = await findActionDecision(db(), request.params.id);
      if (!decision) throw actionsError('action-decision-not-found', 'id');
      const action = await readableAction(db(), viewer, decision.action_id);
      const pollId = await openSubjectVote(
        db(),
        viewer,
        action.council_id,
        {
          kind: ACTION_DECISION_SUBJECT,
          id: decision.id,
          title: decisionTitle(decision, action),
          body: decision.reason ?? action.description,
        },
        request.body,
      );
      return reply.status(201).send({ pollId });
    },
  );

  app.get(
    '/me/action-notices',
    {
      schema: {
        tags: ['actions'],
        description:
          'What the signed-in person is told: notices (called, suspended, resumed, lifted) of every action ' +
          'whose scope holds a council they are an active member of, newest first.',
        querystring: noticesQuery,
        response: { 200: noticesView },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      const rows = await noticesForPerson(
        db(),
        viewer.personId,
        request.query.before ?? null,
        request.query.limit,
      );
      return {
        notices: rows.map((n) => ({
          id: n.id,
          actionId: n.action_id,
          actionTitle: n.title,
          actionKind: n.action_kind,
          kind: n.kind,
          text: n.text,
          at: n.at,
        })),
      };
    },
  );
};
