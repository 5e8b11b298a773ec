// HTTP routes of mandates: the roll of a council at any instant (public), one mandate with its trace to
// the base council and its seat's history (public: who represents whom is no secret), the signed-in
// person's mandates, recording an election result, recall and resignation.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { can, NOBODY } from '../../core/federation/index.ts';
import { requireViewer } from '../platform/authenticated.ts';
import { councilIdParams } from './councils.schema.ts';
import { findCouncil } from './councils.store.ts';
import { federationError } from './federation-errors.ts';
import {
  electionResultBody,
  electionResultView,
  mandateDetail,
  mandateEndView,
  mandateIdParams,
  myMandatesView,
  recallBody,
  resignBody,
  rollQuery,
  rollView,
} from './mandates.schema.ts';
import {
  baseCouncilsOf,
  databaseInstant,
  findMandate,
  type MandateRow,
  mandateHistory,
  mandatesOfPerson,
  rollAt,
  traceToBase,
} from './mandates.store.ts';
import { recallMandate } from './recall-mandate.ts';
import { recordElectionResult } from './record-election-result.ts';
import { resignMandate } from './resign-mandate.ts';
import { registerCouncilTopic } from './roll-events.ts';
import { isPetitioner } from './sign-recall-petition.ts';
import { loadViewerFacts } from './viewer-facts.ts';

const view = (m: MandateRow) => ({
  id: m.id,
  seatCouncilId: m.seat_council_id,
  sendingCouncilId: m.sending_council_id,
  holderPersonId: m.holder_person_id,
  weightMillis: m.weight_millis,
  termStartsAt: m.term_starts_at,
  termEndsAt: m.term_ends_at,
  status: m.status,
  endedAt: m.ended_at,
  endReason: m.end_reason,
  dependsOnMandateId: m.depends_on_mandate_id,
  electionResultId: m.election_result_id,
  replacesMandateId: m.replaces_mandate_id,
});

export const mandatesRoutes: FastifyPluginAsync = async (fastify) => {
  registerCouncilTopic();
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => fastify.database.db;

  app.get(
    '/councils/:id/roll',
    {
      schema: {
        tags: ['federation'],
        description: 'Who sits in the council at the instant `at` (default now), with weights and mandates.',
        params: councilIdParams,
        querystring: rollQuery,
        response: { 200: rollView },
      },
    },
    async (request) => {
      const council = await findCouncil(db(), request.params.id);
      if (!council) throw federationError('council-not-found');
      const at = request.query.at ?? (await databaseInstant(db()));
      const rows = await rollAt(db(), council.id, at);
      const bases = await baseCouncilsOf(
        db(),
        rows.map((r) => r.mandate_id),
      );
      return {
        councilId: council.id,
        at,
        seats: rows.map((r) => ({
          mandateId: r.mandate_id,
          holder: { id: r.holder_person_id, fullName: r.holder_name },
          weightMillis: r.weight_millis,
          sendingCouncil: { id: r.sending_council_id, name: r.sending_council_name },
          termStartsAt: r.term_starts_at,
          termEndsAt: r.term_ends_at,
          dependsOnMandateId: r.depends_on_mandate_id,
          baseCouncil: bases.get(r.mandate_id) ?? { id: r.sending_council_id, name: r.sending_council_name },
        })),
        totalWeightMillis: rows.reduce((sum, r) => sum + r.weight_millis, 0),
      };
    },
  );

  app.get(
    '/mandates/:id',
    { schema: { tags: ['federation'], params: mandateIdParams, response: { 200: mandateDetail } } },
    async (request) => {
      const mandate = await findMandate(db(), request.params.id);
      if (!mandate) throw federationError('mandate-not-found');
      const [trace, history] = await Promise.all([
        traceToBase(db(), mandate.id),
        mandateHistory(db(), mandate.seat_council_id, mandate.sending_council_id, 100),
      ]);
      const viewer = request.viewer;
      const at = await databaseInstant(db());
      const isActive = mandate.ended_at === null && at < mandate.term_ends_at;
      const sender = await findCouncil(db(), mandate.sending_council_id);
      const facts = sender ? await loadViewerFacts(db(), viewer, sender) : NOBODY;
      return {
        viewer: {
          mayRecall: isActive && can('recall-mandate', facts),
          mayResign: isActive && viewer?.personId === mandate.holder_person_id,
          mayPetition:
            isActive &&
            viewer !== null &&
            sender !== undefined &&
            (await isPetitioner(db(), sender, viewer.personId, at)),
        },
        ...view(mandate),
        trace: trace.map((t) => ({
          mandateId: t.id,
          seatCouncil: { id: t.seat_council_id, name: t.seat_council_name },
          sendingCouncil: {
            id: t.sending_council_id,
            name: t.sending_council_name,
            kind: t.sending_council_kind,
          },
          holder: { id: t.holder_person_id, fullName: t.holder_name },
          status: t.status,
          endedAt: t.ended_at,
        })),
        history: history.map((h) => ({ ...view(h), holderName: h.holder_name })),
      };
    },
  );

  app.get(
    '/me/mandates',
    { schema: { tags: ['federation'], response: { 200: myMandatesView } } },
    async (request) => {
      const rows = await mandatesOfPerson(db(), requireViewer(request).personId);
      return {
        mandates: rows.map((m) => ({
          ...view(m),
          seatCouncil: { id: m.seat_council_id, name: m.seat_council_name },
          sendingCouncil: { id: m.sending_council_id, name: m.sending_council_name },
        })),
      };
    },
  );

  app.post(
    '/councils/:id/election-results',
    {
      schema: {
        tags: ['federation'],
        description:
          "Records the council's election of its delegates to the council above (a paper count signed by two " +
          'tellers): the winners receive mandates from now, the substitutes are ranked, earlier mandates end.',
        params: councilIdParams,
        body: electionResultBody,
        response: { 201: electionResultView },
      },
    },
    async (request, reply) => {
      const { source: _paperCount, ...input } = request.body;
      const result = await recordElectionResult(db(), requireViewer(request), request.params.id, input);
      return reply.status(201).send(result);
    },
  );

  app.post(
    '/mandates/:id/recall',
    {
      schema: {
        tags: ['federation'],
        description:
          "Records the sending council's decision to recall its delegate; the mandate and every mandate that " +
          'depends on it end at one instant, and substitutes take the seats.',
        params: mandateIdParams,
        body: recallBody,
        response: { 200: mandateEndView },
      },
    },
    async (request) => recallMandate(db(), requireViewer(request), request.params.id, request.body),
  );

  app.post(
    '/mandates/:id/resignation',
    {
      schema: {
        tags: ['federation'],
        params: mandateIdParams,
        body: resignBody,
        response: { 200: mandateEndView },
      },
    },
    async (request) =>
      resignMandate(db(), requireViewer(request), request.params.id, request.body.reason ?? null),
  );
};
