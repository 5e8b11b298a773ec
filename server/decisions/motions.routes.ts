// HTTP routes of motions: submit and list them in a council, read one (versions, support, amendments
// with diffs, lineage, composite origins, instructions), support, admit, withdraw, refer and forward it,
// propose and withdraw amendments, merge forwarded motions into a composite, and set a sending council's
// instruction. Votes on motions and amendments are polls (POST /councils/:id/polls with motionId or
// amendmentId).
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { mayDecide } from '../../core/decisions/index.ts';
import { findCouncil, loadViewerFacts } from '../federation/index.ts';
import { requireViewer } from '../platform/authenticated.ts';
import { admitMotion } from './admit-motion.ts';
import { findAmendment } from './amendments.store.ts';
import { composeMotions } from './compose-motions.ts';
import { idParams } from './decisions.schema.ts';
import { decisionError } from './decisions-errors.ts';
import { forwardMotion } from './forward-motion.ts';
import { amendmentViewOf, motionSummaryOf, motionViewOf, readableMotion } from './motion-view.ts';
import {
  amendmentView,
  composeBody,
  instructionBody,
  instructionParams,
  motionSummaryView,
  motionView,
  proposeAmendmentBody,
  scheduleBody,
  submitMotionBody,
} from './motions.schema.ts';
import { motionsOfCouncil, versionsOf } from './motions.store.ts';
import { proposeAmendment } from './propose-amendment.ts';
import { referMotion } from './refer-motion.ts';
import { scheduleMotion } from './schedule-motion.ts';
import { setInstruction } from './set-instruction.ts';
import { submitMotion } from './submit-motion.ts';
import { supportMotion } from './support-motion.ts';
import { withdrawAmendment } from './withdraw-amendment.ts';
import { withdrawMotion } from './withdraw-motion.ts';

export const motionsRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => fastify.database.db;

  app.post(
    '/councils/:id/motions',
    {
      schema: {
        tags: ['decisions'],
        description: 'Submits a motion to the council (a member, or a delegate on its roll).',
        params: idParams,
        body: submitMotionBody,
        response: { 201: motionView },
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const id = await submitMotion(db(), viewer, request.params.id, request.body);
      return reply.status(201).send(await motionViewOf(db(), id, viewer));
    },
  );

  app.get(
    '/councils/:id/motions',
    {
      schema: {
        tags: ['decisions'],
        params: idParams,
        response: { 200: z.object({ motions: z.array(motionSummaryView) }) },
      },
    },
    async (request) => {
      const council = await findCouncil(db(), request.params.id);
      if (!council) throw decisionError('motion-not-found', 'id');
      if (!mayDecide('read-motion', await loadViewerFacts(db(), request.viewer, council)))
        throw decisionError('not-permitted');
      return { motions: (await motionsOfCouncil(db(), council.id)).map(motionSummaryOf) };
    },
  );

  app.get(
    '/motions/:id',
    { schema: { tags: ['decisions'], params: idParams, response: { 200: motionView } } },
    async (request) => {
      const motion = await readableMotion(db(), request.params.id, request.viewer);
      return motionViewOf(db(), motion.id, request.viewer);
    },
  );

  const acts = {
    support: supportMotion,
    admit: admitMotion,
    withdraw: withdrawMotion,
    refer: referMotion,
  } as const;
  for (const [act, run] of Object.entries(acts)) {
    app.post(
      `/motions/:id/${act}`,
      { schema: { tags: ['decisions'], params: idParams, response: { 200: motionView } } },
      async (request) => {
        const viewer = requireViewer(request);
        await run(db(), viewer, request.params.id);
        return motionViewOf(db(), request.params.id, viewer);
      },
    );
  }

  app.put(
    '/motions/:id/sitting',
    {
      schema: {
        tags: ['decisions'],
        description:
          "Puts the motion on one of the council's sittings (officers), or takes it off with null.",
        params: idParams,
        body: scheduleBody,
        response: { 200: motionView },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      await scheduleMotion(db(), viewer, request.params.id, request.body);
      return motionViewOf(db(), request.params.id, viewer);
    },
  );

  app.post(
    '/motions/:id/forward',
    {
      schema: {
        tags: ['decisions'],
        description:
          "Forwards a motion the council adopted to its parent body's agenda; answers the new motion.",
        params: idParams,
        response: { 201: motionView },
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const id = await forwardMotion(db(), viewer, request.params.id);
      return reply.status(201).send(await motionViewOf(db(), id, viewer));
    },
  );

  app.post(
    '/motions/:id/amendments',
    {
      schema: {
        tags: ['decisions'],
        description: 'Proposes an amendment: lines lineFrom..lineTo of a version replaced by new lines.',
        params: idParams,
        body: proposeAmendmentBody,
        response: { 201: amendmentView },
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const id = await proposeAmendment(db(), viewer, request.params.id, request.body);
      const amendment = await findAmendment(db(), id);
      if (!amendment) throw decisionError('amendment-not-found');
      return reply.status(201).send(amendmentViewOf(amendment, await versionsOf(db(), amendment.motion_id)));
    },
  );

  app.post(
    '/amendments/:id/withdraw',
    { schema: { tags: ['decisions'], params: idParams, response: { 200: amendmentView } } },
    async (request) => {
      const viewer = requireViewer(request);
      await withdrawAmendment(db(), viewer, request.params.id);
      const amendment = await findAmendment(db(), request.params.id);
      if (!amendment) throw decisionError('amendment-not-found');
      return amendmentViewOf(amendment, await versionsOf(db(), amendment.motion_id));
    },
  );

  app.post(
    '/councils/:id/composites',
    {
      schema: {
        tags: ['decisions'],
        description: 'Merges motions forwarded by several child councils into one composite with a new text.',
        params: idParams,
        body: composeBody,
        response: { 201: motionView },
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const id = await composeMotions(db(), viewer, request.params.id, request.body);
      return reply.status(201).send(await motionViewOf(db(), id, viewer));
    },
  );

  app.put(
    '/motions/:id/instructions/:councilId',
    {
      schema: {
        tags: ['decisions'],
        description:
          "Records a sending council's instruction to its delegates on a motion before its parent body.",
        params: instructionParams,
        body: instructionBody,
        response: { 200: motionView },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      await setInstruction(db(), viewer, request.params.id, request.params.councilId, request.body.position);
      return motionViewOf(db(), request.params.id, viewer);
    },
  );
};
