// HTTP routes of a sitting's speakers list: read it (the queue in order, who has the floor and since
// when, the viewer's own request), ask for the floor or withdraw, and — for the chair — give the floor to
// the next speaker, end a speech and set the speaking time.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { mayDecide, speakersQueue } from '../../core/decisions/index.ts';
import { databaseInstant, findCouncil, loadViewerFacts } from '../federation/index.ts';
import { requireViewer } from '../platform/authenticated.ts';
import type { Db } from '../platform/database.ts';
import type { Viewer } from '../platform/sessions.ts';
import { findAssembly } from './assemblies.store.ts';
import { callNextSpeaker } from './call-next-speaker.ts';
import { idParams } from './decisions.schema.ts';
import { decisionError } from './decisions-errors.ts';
import { endSpeech } from './end-speech.ts';
import { requestToSpeak } from './request-to-speak.ts';
import { setSpeakingTime } from './set-speaking-time.ts';
import {
  callNextBody,
  endSpeechBody,
  type SpeakersView,
  speakersView,
  speakingTimeBody,
  speakRequestBody,
} from './speakers.schema.ts';
import {
  currentSpeaker,
  lastSideHeard,
  openRequestOf,
  type SpeakerRequestRow,
  speakerSettingsOf,
  waitingRequests,
} from './speakers.store.ts';
import { withdrawSpeakerRequest } from './withdraw-speaker-request.ts';

const speakerOf = (r: SpeakerRequestRow) => ({
  requestId: r.id,
  personId: r.person_id,
  name: r.full_name,
  mandateId: r.mandate_id,
  kind: r.kind,
  side: r.side,
  agendaItemId: r.agenda_item_id,
});

export async function speakersViewOf(
  db: Db,
  assemblyId: string,
  viewer: Viewer | null,
): Promise<SpeakersView> {
  const assembly = await findAssembly(db, assemblyId);
  if (!assembly) throw decisionError('assembly-not-found');
  const council = await findCouncil(db, assembly.council_id);
  if (!council) throw decisionError('assembly-not-found');
  const facts = await loadViewerFacts(db, viewer, council);
  if (!mayDecide('read-assembly', facts)) throw decisionError('not-permitted');
  const settings = await speakerSettingsOf(db, assemblyId);
  const current = await currentSpeaker(db, assemblyId);
  const queue = speakersQueue(
    (await waitingRequests(db, assemblyId)).map((r) => ({ ...r, requestedAt: r.requested_at })),
    { alternatesSides: settings.alternatesSides, lastSide: await lastSideHeard(db, assemblyId) },
  );
  const mine = viewer ? await openRequestOf(db, assemblyId, viewer.personId) : undefined;
  const position = mine ? queue.findIndex((r) => r.id === mine.id) : -1;
  return {
    assemblyId,
    now: await databaseInstant(db),
    timeLimitSeconds: settings.timeLimitSeconds,
    alternatesSides: settings.alternatesSides,
    current:
      current?.started_at && current.time_limit_seconds !== null
        ? {
            ...speakerOf(current),
            startedAt: current.started_at,
            timeLimitSeconds: current.time_limit_seconds,
          }
        : null,
    queue: queue.map((r) => ({ ...speakerOf(r), requestedAt: r.requested_at })),
    mine:
      mine && (mine.status === 'waiting' || mine.status === 'speaking')
        ? {
            requestId: mine.id,
            kind: mine.kind,
            side: mine.side,
            status: mine.status,
            position: position < 0 ? null : position + 1,
          }
        : null,
    viewer: { mayModerate: mayDecide('moderate-speakers', facts) },
  };
}

export const speakersRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => fastify.database.db;

  app.get(
    '/assemblies/:id/speakers',
    {
      schema: {
        tags: ['decisions'],
        description: 'The speakers list: the queue in order, who has the floor and since when, your request.',
        params: idParams,
        response: { 200: speakersView },
      },
    },
    async (request) => speakersViewOf(db(), request.params.id, request.viewer),
  );

  app.post(
    '/assemblies/:id/speakers',
    {
      schema: {
        tags: ['decisions'],
        description:
          'Asks for the floor (a turn for, against or neither, or a point of order); only someone checked in with a vote here.',
        params: idParams,
        body: speakRequestBody,
        response: { 201: speakersView },
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      await requestToSpeak(db(), viewer, request.params.id, request.body);
      return reply.status(201).send(await speakersViewOf(db(), request.params.id, viewer));
    },
  );

  app.post(
    '/speaker-requests/:id/withdraw',
    {
      schema: {
        tags: ['decisions'],
        description: 'Withdraws a waiting request to speak (its person, or the chair).',
        params: idParams,
        response: { 200: speakersView },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      const assemblyId = await withdrawSpeakerRequest(db(), viewer, request.params.id);
      return speakersViewOf(db(), assemblyId, viewer);
    },
  );

  app.post(
    '/assemblies/:id/speakers/next',
    {
      schema: {
        tags: ['decisions'],
        description:
          'The chair ends the current speech and gives the floor to the next speaker who still has the right.',
        params: idParams,
        body: callNextBody,
        response: { 200: speakersView },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      await callNextSpeaker(db(), viewer, request.params.id, request.body);
      return speakersViewOf(db(), request.params.id, viewer);
    },
  );

  app.post(
    '/assemblies/:id/speakers/end',
    {
      schema: {
        tags: ['decisions'],
        description: 'Ends the speech under way (the chair, or the speaker).',
        params: idParams,
        body: endSpeechBody,
        response: { 200: speakersView },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      await endSpeech(db(), viewer, request.params.id, request.body);
      return speakersViewOf(db(), request.params.id, viewer);
    },
  );

  app.put(
    '/assemblies/:id/speaking-time',
    {
      schema: {
        tags: ['decisions'],
        description:
          'The chair sets the speaking-time limit in seconds (and whether turns alternate pro and contra).',
        params: idParams,
        body: speakingTimeBody,
        response: { 200: speakersView },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      await setSpeakingTime(db(), viewer, request.params.id, request.body);
      return speakersViewOf(db(), request.params.id, viewer);
    },
  );
};
