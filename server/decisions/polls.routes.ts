// HTTP routes of polls: open one in a council (or in a sitting), read it with the viewer's right to
// vote, cast a ballot, close it, and — once closed — the published ballots and the seal check.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { mayDecide } from '../../core/decisions/index.ts';
import { findCouncil, loadViewerFacts } from '../federation/index.ts';
import { requireViewer } from '../platform/authenticated.ts';
import type { Db } from '../platform/database.ts';
import type { Viewer } from '../platform/sessions.ts';
import { activeMandatesOf, mandatesThatVoted } from './assemblies.store.ts';
import { ballotCountAnnouncer } from './ballot-count-announcer.ts';
import { castBallot } from './cast-ballot.ts';
import { closePoll } from './close-poll.ts';
import {
  castBody,
  idParams,
  openPollBody,
  paperBallotsBody,
  pollView,
  publishedBallotsView,
  receiptView,
  sealView,
} from './decisions.schema.ts';
import { decisionError } from './decisions-errors.ts';
import { enterPaperBallots } from './enter-paper-ballots.ts';
import { openPoll } from './open-poll.ts';
import { computePollSeal, recordedPollSeal } from './poll-seal.ts';
import {
  ballotsOfPoll,
  countVoters,
  findPoll,
  hasVoted,
  openPollIdsFor,
  type PollRow,
  pollsOfCouncil,
  recallPollIdOf,
} from './polls.store.ts';

export async function pollViewOf(
  db: Db,
  poll: PollRow,
  viewer: Viewer | null,
): Promise<z.infer<typeof pollView>> {
  const council = await findCouncil(db, poll.council_id);
  const facts = council ? await loadViewerFacts(db, viewer, council) : null;
  let votableMandates: Array<{ mandateId: string; weightMillis: number }> = [];
  let voted = false;
  let mayVote = false;
  if (viewer && poll.status === 'open') {
    if (poll.electorate === 'mandates') {
      const mine = await activeMandatesOf(db, poll.council_id, viewer.personId);
      const used = await mandatesThatVoted(
        db,
        poll.id,
        mine.map((m) => m.mandateId),
      );
      votableMandates = mine.filter((m) => !used.has(m.mandateId));
      voted = used.size > 0;
      mayVote = votableMandates.length > 0;
    } else {
      voted = await hasVoted(db, poll.id, viewer.personId);
      mayVote =
        !voted && (poll.electorate === 'members' ? facts?.isMember === true : facts?.isMemberBelow === true);
    }
  } else if (viewer) {
    voted = await hasVoted(db, poll.id, viewer.personId);
  }
  return {
    id: poll.id,
    councilId: poll.council_id,
    assemblyId: poll.assembly_id,
    kind: poll.kind,
    title: poll.title,
    body: poll.body,
    method: poll.method,
    options: poll.options,
    seats: poll.seats,
    maxMarks: poll.max_marks,
    allowSplit: poll.allow_split,
    majority: poll.majority,
    majorityBase: poll.majority_base,
    secrecy: poll.secrecy,
    electorate: poll.electorate,
    recallPetitionId: poll.recall_petition_id,
    subjectMandateId: poll.subject_mandate_id,
    seatCouncilId: poll.seat_council_id,
    termEndsAt: poll.term_ends_at,
    fillsVacancies: poll.fills_vacancies,
    status: poll.status,
    openedAt: poll.opened_at,
    closesAt: poll.closes_at,
    closedAt: poll.closed_at,
    entitledMillis: poll.entitled_millis,
    presentAtOpenMillis: poll.present_at_open_millis,
    presentAtCloseMillis: poll.present_at_close_millis,
    seed: poll.seed,
    ballotsCast: await countVoters(db, poll.id),
    result: poll.result,
    outcome: poll.outcome,
    motionId: poll.motion_id,
    subject: poll.subject_kind && poll.subject_id ? { kind: poll.subject_kind, id: poll.subject_id } : null,
    amendmentId: poll.amendment_id,
    viewer: {
      hasVoted: voted,
      votableMandates,
      mayVote,
      mayClose: poll.status === 'open' && facts !== null && mayDecide('close-poll', facts),
    },
  };
}

async function readablePoll(db: Db, id: string, viewer: Viewer | null): Promise<PollRow> {
  const poll = await findPoll(db, id);
  if (!poll) throw decisionError('poll-not-found');
  const council = await findCouncil(db, poll.council_id);
  if (!council || !mayDecide('read-poll', await loadViewerFacts(db, viewer, council)))
    throw decisionError('not-permitted');
  return poll;
}

export const pollsRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => fastify.database.db;
  const counts = ballotCountAnnouncer(fastify.database);
  fastify.addHook('onClose', async () => counts.close());

  app.post(
    '/councils/:id/polls',
    {
      schema: {
        tags: ['decisions'],
        description: "Opens a poll of the council's members (or delegates); in a sitting, only with quorum.",
        params: idParams,
        body: openPollBody,
        response: { 201: pollView },
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const id = await openPoll(db(), viewer, request.params.id, request.body);
      return reply.status(201).send(await pollViewOf(db(), (await findPoll(db(), id))!, viewer));
    },
  );

  app.get(
    '/councils/:id/polls',
    {
      schema: {
        tags: ['decisions'],
        params: idParams,
        response: { 200: z.object({ polls: z.array(pollView) }) },
      },
    },
    async (request) => {
      const council = await findCouncil(db(), request.params.id);
      if (!council) throw decisionError('poll-not-found', 'id');
      if (!mayDecide('read-poll', await loadViewerFacts(db(), request.viewer, council)))
        throw decisionError('not-permitted');
      const rows = await pollsOfCouncil(db(), council.id);
      return { polls: await Promise.all(rows.map((p) => pollViewOf(db(), p, request.viewer))) };
    },
  );

  app.get(
    '/me/pending-polls',
    { schema: { tags: ['decisions'], response: { 200: z.object({ polls: z.array(pollView) }) } } },
    async (request) => {
      const viewer = requireViewer(request);
      const ids = await openPollIdsFor(db(), viewer.personId);
      const rows = (await Promise.all(ids.map((id) => findPoll(db(), id)))).filter((p) => p !== undefined);
      return { polls: await Promise.all(rows.map((p) => pollViewOf(db(), p, viewer))) };
    },
  );

  app.get(
    '/polls/:id',
    { schema: { tags: ['decisions'], params: idParams, response: { 200: pollView } } },
    async (request) =>
      pollViewOf(db(), await readablePoll(db(), request.params.id, request.viewer), request.viewer),
  );

  app.post(
    '/polls/:id/ballots',
    {
      schema: {
        tags: ['decisions'],
        description:
          'Casts the viewer\'s ballot: {"choice"} or {"split"} for yes-no polls, {"ranking"} of option indexes otherwise; delegates add their mandateId. Answers the receipt code.',
        params: idParams,
        body: castBody,
        response: { 201: receiptView },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const ballot =
        'choice' in body
          ? { choice: body.choice }
          : 'split' in body
            ? { split: body.split }
            : { ranking: body.ranking };
      const receipt = await castBallot(db(), requireViewer(request), request.params.id, {
        ballot,
        mandateId: body.mandateId,
      });
      counts.announce(request.params.id);
      return reply.status(201).send(receipt);
    },
  );

  app.post(
    '/polls/:id/paper-ballots',
    {
      schema: {
        tags: ['decisions'],
        description:
          "Tellers enter the paper ballots of members who voted in the room: who handed in a paper, and what the papers said (members' polls). Answers the papers' receipt codes.",
        params: idParams,
        body: paperBallotsBody,
        response: { 201: z.object({ receiptCodes: z.array(z.string()) }) },
      },
    },
    async (request, reply) => {
      const result = await enterPaperBallots(db(), requireViewer(request), request.params.id, request.body);
      counts.announce(request.params.id);
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/recall-petitions/:id/vote',
    {
      schema: {
        tags: ['decisions'],
        description: 'The recall vote a petition opened when it reached its threshold.',
        params: idParams,
        response: { 200: pollView },
      },
    },
    async (request) => {
      const id = await recallPollIdOf(db(), request.params.id);
      if (!id) throw decisionError('poll-not-found');
      return pollViewOf(db(), await readablePoll(db(), id, request.viewer), request.viewer);
    },
  );

  app.post(
    '/polls/:id/close',
    { schema: { tags: ['decisions'], params: idParams, response: { 200: pollView } } },
    async (request) => {
      const viewer = requireViewer(request);
      return pollViewOf(db(), await closePoll(db(), viewer, request.params.id), viewer);
    },
  );

  app.get(
    '/polls/:id/ballots',
    {
      schema: {
        tags: ['decisions'],
        description:
          'The published ballots of a closed poll, in receipt-code order, with what a recount needs (method, options, seats, seed).',
        params: idParams,
        response: { 200: publishedBallotsView },
      },
    },
    async (request) => {
      const poll = await readablePoll(db(), request.params.id, request.viewer);
      if (poll.status !== 'closed') throw decisionError('not-published');
      const ballots = await ballotsOfPoll(db(), poll);
      return {
        pollId: poll.id,
        method: poll.method,
        options: poll.options.map((o) => o.label),
        seats: poll.seats,
        seed: poll.seed,
        ballots: ballots.map((b) => ({
          receiptCode: b.receipt_code,
          contents: b.contents,
          weightMillis: b.weight_millis,
          baseCouncilId: b.base_council_id,
          voterName: b.voter_name,
        })),
      };
    },
  );

  app.get(
    '/polls/:id/seal',
    {
      schema: {
        tags: ['decisions'],
        description:
          'Recomputes the digests of voters and ballots and compares them with the closing ledger entry.',
        params: idParams,
        response: { 200: sealView },
      },
    },
    async (request) => {
      const poll = await readablePoll(db(), request.params.id, request.viewer);
      if (poll.status !== 'closed') throw decisionError('not-published');
      const recorded = await recordedPollSeal(db(), poll);
      const current = await computePollSeal(db(), poll);
      const matches =
        recorded !== null &&
        recorded.votersDigest === current.votersDigest &&
        recorded.ballotsDigest === current.ballotsDigest;
      return { recorded, current, matches };
    },
  );
};
