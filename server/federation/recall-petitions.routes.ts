// HTTP routes of recall petitions: open one against a mandate, sign, read progress (the count is public,
// the signers are not), list a mandate's petitions, and set a council's threshold.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireViewer } from '../platform/authenticated.ts';
import { councilIdParams } from './councils.schema.ts';
import { findCouncil } from './councils.store.ts';
import { federationError } from './federation-errors.ts';
import { mandateIdParams } from './mandates.schema.ts';
import { findMandate } from './mandates.store.ts';
import { openRecallPetition } from './open-recall-petition.ts';
import {
  openPetitionBody,
  petitionIdParams,
  petitionView,
  recallThresholdBody,
  signatureView,
} from './recall-petitions.schema.ts';
import {
  findPetition,
  hasSigned,
  type PetitionRow,
  petitionsOfMandate,
  recallThresholdPercent,
} from './recall-petitions.store.ts';
import { setRecallThreshold } from './set-recall-threshold.ts';
import { type RecallVoteOpener, signRecallPetition } from './sign-recall-petition.ts';

const view = (p: PetitionRow, viewerHasSigned: boolean) => ({
  id: p.id,
  mandateId: p.mandate_id,
  sendingCouncilId: p.sending_council_id,
  reason: p.reason,
  openedAt: new Date(p.opened_at).toISOString(),
  membersAtOpening: p.members_at_opening,
  thresholdPercent: p.threshold_percent,
  signaturesNeeded: p.signatures_needed,
  signatureCount: p.signature_count,
  status: p.status,
  thresholdReachedAt: p.threshold_reached_at ? new Date(p.threshold_reached_at).toISOString() : null,
  viewerHasSigned,
});

/** The routes, given the port that opens a petition's recall vote (decisions implements it). */
export const recallPetitionsRoutes =
  (ports: { openRecallVote?: RecallVoteOpener } = {}): FastifyPluginAsync =>
  async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const db = () => fastify.database.db;

    app.post(
      '/mandates/:id/recall-petitions',
      {
        schema: {
          tags: ['federation'],
          description: "Opens a petition to recall the delegate; the opener's is the first signature.",
          params: mandateIdParams,
          body: openPetitionBody,
          response: { 201: petitionView },
        },
      },
      async (request, reply) => {
        const petition = await openRecallPetition(
          db(),
          requireViewer(request),
          request.params.id,
          request.body.reason,
          ports.openRecallVote,
        );
        return reply.status(201).send(view(petition, true));
      },
    );

    app.get(
      '/mandates/:id/recall-petitions',
      {
        schema: {
          tags: ['federation'],
          params: mandateIdParams,
          response: { 200: z.object({ petitions: z.array(petitionView) }) },
        },
      },
      async (request) => {
        if (!(await findMandate(db(), request.params.id))) throw federationError('mandate-not-found');
        const rows = await petitionsOfMandate(db(), request.params.id);
        const viewer = request.viewer;
        return {
          petitions: await Promise.all(
            rows.map(async (p) => view(p, viewer ? await hasSigned(db(), p.id, viewer.personId) : false)),
          ),
        };
      },
    );

    app.get(
      '/recall-petitions/:id',
      { schema: { tags: ['federation'], params: petitionIdParams, response: { 200: petitionView } } },
      async (request) => {
        const petition = await findPetition(db(), request.params.id);
        if (!petition) throw federationError('petition-not-found');
        const viewer = request.viewer;
        return view(petition, viewer ? await hasSigned(db(), petition.id, viewer.personId) : false);
      },
    );

    app.post(
      '/recall-petitions/:id/signatures',
      {
        schema: {
          tags: ['federation'],
          params: petitionIdParams,
          body: z.strictObject({}).optional(),
          response: { 201: signatureView },
        },
      },
      async (request, reply) => {
        const { petition, crossedThreshold, recallPollId } = await signRecallPetition(
          db(),
          requireViewer(request),
          request.params.id,
          ports.openRecallVote,
        );
        return reply.status(201).send({ ...view(petition, true), crossedThreshold, recallPollId });
      },
    );

    app.get(
      '/councils/:id/recall-threshold',
      {
        schema: {
          tags: ['federation'],
          description:
            "The share of the council's members whose signatures a recall petition needs (default 20).",
          params: councilIdParams,
          response: { 200: recallThresholdBody },
        },
      },
      async (request) => {
        if (!(await findCouncil(db(), request.params.id))) throw federationError('council-not-found');
        return { thresholdPercent: await recallThresholdPercent(db(), request.params.id) };
      },
    );

    app.put(
      '/councils/:id/recall-threshold',
      {
        schema: {
          tags: ['federation'],
          params: councilIdParams,
          body: recallThresholdBody,
          response: { 200: recallThresholdBody },
        },
      },
      async (request) =>
        setRecallThreshold(db(), requireViewer(request), request.params.id, request.body.thresholdPercent),
    );
  };
