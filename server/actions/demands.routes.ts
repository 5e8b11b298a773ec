// HTTP routes of councils' lists of demands: proposed by a council's leading officers (one or a batch),
// put to the council's vote, then followed by its officers — answers, notes, status changes — and
// endorsed by other councils. The list, each demand and its history are public.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { demandProgress, isListed } from '../../core/actions/index.ts';
import { openSubjectVote, subjectVoteBody } from '../decisions/index.ts';
import { requireViewer } from '../platform/authenticated.ts';
import { csvTable } from '../platform/csv-table.ts';
import { actionsError } from './actions-errors.ts';
import { changeDemandStatus } from './change-demand-status.ts';
import { authorizeDemands } from './demand-access.ts';
import { batchTitle, DEMAND_BATCH_SUBJECT } from './demand-subject.ts';
import {
  changeDemandStatusBody,
  demandAnswerView,
  demandBatchView,
  demandDetailView,
  demandEndorsementView,
  demandListQuery,
  demandListView,
  demandView,
  endorseDemandBody,
  endorsementParams,
  idParams,
  proposeDemandsBody,
  recordDemandAnswerBody,
} from './demands.schema.ts';
import {
  type AnswerRow,
  batchDemands,
  type DemandRow,
  demandEndorsements,
  demandHistory,
  demandList,
  type EndorsementRow,
  findDemand,
} from './demands.store.ts';
import { endorseDemand } from './endorse-demand.ts';
import { proposeDemands } from './propose-demands.ts';
import { recordDemandAnswer } from './record-demand-answer.ts';
import { withdrawDemandEndorsement } from './withdraw-demand-endorsement.ts';

const demandOut = (d: DemandRow) => ({
  id: d.id,
  councilId: d.council_id,
  batchId: d.batch_id,
  number: d.number,
  text: d.text,
  addressee: d.addressee,
  raisedOn: d.raised_on,
  status: d.status,
  proposedAt: d.proposed_at,
  pollId: d.poll_id,
  decidedAt: d.decided_at,
  statusChangedAt: d.status_changed_at,
});

const answerOut = (a: AnswerRow) => ({
  id: a.id,
  at: a.at,
  kind: a.kind,
  fromStatus: a.from_status,
  toStatus: a.to_status,
  answeredOn: a.answered_on,
  text: a.text,
  byVote: a.by_vote,
});

const endorsementOut = (e: EndorsementRow) => ({
  id: e.id,
  councilId: e.council_id,
  councilName: e.council_name,
  endorsedAt: e.endorsed_at,
  withdrawnAt: e.withdrawn_at,
});

const batchOut = (batch: DemandRow[]) => ({
  batchId: batch[0]!.batch_id,
  councilId: batch[0]!.council_id,
  demands: batch.map(demandOut),
});

export const demandsRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => fastify.database.db;

  app.get(
    '/councils/:id/demands',
    {
      schema: {
        tags: ['actions'],
        description:
          "The council's list of demands in number order with its progress (how many raised, in " +
          'negotiation, partly met, met, refused). By default the numbered demands; `status` picks one ' +
          'status, proposals and rejected ones included. Public.',
        params: idParams,
        querystring: demandListQuery,
        response: { 200: demandListView },
      },
    },
    async (request) => {
      const council = await authorizeDemands(db(), null, request.params.id, 'read-demands');
      const all = await demandList(db(), council.id);
      const wanted = request.query.status;
      return {
        councilId: council.id,
        councilName: council.name,
        progress: demandProgress(all.map((d) => d.status)),
        demands: all
          .filter((d) => (wanted ? d.status === wanted : isListed(d.status)))
          .map((d) => ({ ...demandOut(d), endorsements: d.endorsements, lastAnswerAt: d.last_answer_at })),
      };
    },
  );

  app.get(
    '/councils/:id/demands.csv',
    {
      schema: {
        tags: ['actions'],
        description:
          "The council's list of demands (the numbered ones, in number order) as CSV (text/csv, a header " +
          'row), to print or share. Public.',
        params: idParams,
      },
    },
    async (request, reply) => {
      const council = await authorizeDemands(db(), null, request.params.id, 'read-demands');
      const listed = (await demandList(db(), council.id)).filter((d) => isListed(d.status));
      const csv = csvTable(
        ['number', 'status', 'addressee', 'text', 'raised_on', 'endorsements', 'last_answer_at'],
        listed.map((d) => [
          d.number,
          d.status,
          d.addressee,
          d.text,
          d.raised_on,
          d.endorsements,
          d.last_answer_at,
        ]),
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="demands.csv"')
        .send(csv);
    },
  );

  app.post(
    '/councils/:id/demands',
    {
      schema: {
        tags: ['actions'],
        description:
          "Proposes demands for the council's list (its secretary or chair): one, or a whole list as one " +
          'batch that one vote adopts. They are numbered when adopted.',
        params: idParams,
        body: proposeDemandsBody,
        response: { 201: demandBatchView },
      },
    },
    async (request, reply) => {
      const rows = await proposeDemands(
        db(),
        requireViewer(request),
        request.params.id,
        request.body.demands,
      );
      return reply.status(201).send(batchOut(rows));
    },
  );

  app.get(
    '/demand-batches/:id',
    {
      schema: {
        tags: ['actions'],
        description: 'The demands proposed together, in their order, with the vote on them. Public.',
        params: idParams,
        response: { 200: demandBatchView },
      },
    },
    async (request) => {
      const batch = await batchDemands(db(), request.params.id);
      if (batch.length === 0) throw actionsError('demand-batch-not-found');
      return batchOut(batch);
    },
  );

  app.post(
    '/demand-batches/:id/poll',
    {
      schema: {
        tags: ['actions'],
        description:
          'Puts a batch of proposed demands to the vote of its council: a yes-no poll whose outcome raises ' +
          'and numbers them all, or rejects them all.',
        params: idParams,
        body: subjectVoteBody,
        response: { 201: z.object({ pollId: z.uuid() }) },
      },
    },
    async (request, reply) => {
      const batch = await batchDemands(db(), request.params.id);
      if (batch.length === 0) throw actionsError('demand-batch-not-found');
      const pollId = await openSubjectVote(
        db(),
        requireViewer(request),
        batch[0]!.council_id,
        { kind: DEMAND_BATCH_SUBJECT, id: request.params.id, title: batchTitle(batch), body: null },
        request.body,
      );
      return reply.status(201).send({ pollId });
    },
  );

  app.get(
    '/demands/:id',
    {
      schema: {
        tags: ['actions'],
        description:
          'One demand with its history (answers, notes, status changes, the vote) and the councils that ' +
          'endorse or endorsed it. Public.',
        params: idParams,
        response: { 200: demandDetailView },
      },
    },
    async (request) => {
      const demand = await findDemand(db(), request.params.id);
      if (!demand) throw actionsError('demand-not-found');
      const [history, endorsements] = [
        await demandHistory(db(), demand.id),
        await demandEndorsements(db(), demand.id),
      ];
      return {
        ...demandOut(demand),
        history: history.map(answerOut),
        endorsements: endorsements.map(endorsementOut),
      };
    },
  );

  app.post(
    '/demands/:id/status',
    {
      schema: {
        tags: ['actions'],
        description:
          "Records a change of the demand's status (an officer of its council), from the status the " +
          'officer saw: raised → in-negotiation → partly-met | met | refused, and back to talks.',
        params: idParams,
        body: changeDemandStatusBody,
        response: { 200: demandView },
      },
    },
    async (request) =>
      demandOut(await changeDemandStatus(db(), requireViewer(request), request.params.id, request.body)),
  );

  app.post(
    '/demands/:id/answers',
    {
      schema: {
        tags: ['actions'],
        description:
          "Records the addressee's answer, or a note, in the demand's history (an officer of its council).",
        params: idParams,
        body: recordDemandAnswerBody,
        response: { 201: demandAnswerView },
      },
    },
    async (request, reply) => {
      const answer = await recordDemandAnswer(db(), requireViewer(request), request.params.id, request.body);
      return reply.status(201).send(answerOut(answer));
    },
  );

  app.post(
    '/demands/:id/endorsements',
    {
      schema: {
        tags: ['actions'],
        description: "Endorses another council's demand on behalf of `councilId` (its secretary or chair).",
        params: idParams,
        body: endorseDemandBody,
        response: { 201: demandEndorsementView },
      },
    },
    async (request, reply) => {
      const e = await endorseDemand(db(), requireViewer(request), request.params.id, request.body.councilId);
      return reply.status(201).send(endorsementOut(e));
    },
  );

  app.delete(
    '/demands/:id/endorsements/:councilId',
    {
      schema: {
        tags: ['actions'],
        description:
          "Withdraws the council's endorsement of the demand (its secretary or chair); it stays in the history.",
        params: endorsementParams,
        response: { 200: demandEndorsementView },
      },
    },
    async (request) =>
      endorsementOut(
        await withdrawDemandEndorsement(
          db(),
          requireViewer(request),
          request.params.id,
          request.params.councilId,
        ),
      ),
  );
};
