// HTTP routes of a council's roster settings, weekly shift templates and members' trainings, and of a
// person's calendar feeds (the feed itself is read with its token, no cookie).
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireViewer } from '../platform/authenticated.ts';
import { createShiftTemplate } from './create-shift-template.ts';
import { expandShiftTemplate } from './expand-shift-template.ts';
import { FEED_TOKEN, feedTokenHash, issueRosterFeed, revokeRosterFeed } from './issue-roster-feed.ts';
import { recordTraining } from './record-training.ts';
import { authorizeRoster } from './roster-access.ts';
import { rosterCalendar } from './roster-calendar.ts';
import { type FeedRow, feedsOf, liveFeedByHash } from './roster-feeds.store.ts';
import { loadRosterSettings } from './roster-settings.store.ts';
import {
  councilIdParams,
  expansionBody,
  feedBody,
  feedTokenParams,
  feedView,
  settingsBody,
  templateBody,
  templateView,
  trainingBody,
  trainingView,
} from './rosters.schema.ts';
import { rostersError } from './rosters-errors.ts';
import { setRosterSettings } from './set-roster-settings.ts';
import { type TemplateRow, templatesOf } from './shift-templates.store.ts';
import { isoOut, shiftOut } from './shift-view.ts';
import { settingsView, shiftView } from './shifts.schema.ts';
import { shiftsOfPerson } from './shifts.store.ts';
import { type TrainingRow, trainingsOf } from './trainings.store.ts';

const templateOut = (t: TemplateRow) => ({
  id: t.id,
  councilId: t.council_id,
  name: t.name,
  createdAt: isoOut(t.created_at)!,
  slots: t.slots.map((s) => ({
    id: s.id,
    weekday: s.weekday,
    startTime: s.start_time,
    endTime: s.end_time,
    place: s.place,
    role: s.role,
    needed: s.needed,
    requiredTraining: s.required_training,
    depotId: s.depot_id,
  })),
});

const trainingOut = (t: TrainingRow) => ({
  id: t.id,
  personId: t.person_id,
  fullName: t.full_name,
  training: t.training,
  recordedAt: isoOut(t.recorded_at)!,
});

const feedOut = (f: FeedRow) => ({
  id: f.id,
  label: f.label,
  createdAt: isoOut(f.created_at)!,
  revokedAt: isoOut(f.revoked_at),
});

const FEED_PAST_MS = 30 * 86_400_000;
const FEED_AHEAD_MS = 366 * 86_400_000;

export const rostersRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => fastify.database.db;

  app.get(
    '/councils/:id/roster-settings',
    { schema: { tags: ['rosters'], params: councilIdParams, response: { 200: settingsView } } },
    async (request) => {
      const { council } = await authorizeRoster(
        db(),
        requireViewer(request),
        request.params.id,
        'read-roster',
      );
      return loadRosterSettings(db(), council.id);
    },
  );

  app.put(
    '/councils/:id/roster-settings',
    {
      schema: {
        tags: ['rosters'],
        description:
          "The council's fairness rules (weekly hours cap, night weight, sign-up horizon, cancellation window) and the roster's time zone.",
        params: councilIdParams,
        body: settingsBody,
        response: { 200: settingsView },
      },
    },
    async (request) => setRosterSettings(db(), requireViewer(request), request.params.id, request.body),
  );

  app.get(
    '/councils/:id/shift-templates',
    {
      schema: {
        tags: ['rosters'],
        params: councilIdParams,
        response: { 200: z.object({ templates: z.array(templateView) }) },
      },
    },
    async (request) => {
      const { council } = await authorizeRoster(
        db(),
        requireViewer(request),
        request.params.id,
        'read-roster',
      );
      return { templates: (await templatesOf(db(), council.id)).map(templateOut) };
    },
  );

  app.post(
    '/councils/:id/shift-templates',
    {
      schema: {
        tags: ['rosters'],
        params: councilIdParams,
        body: templateBody,
        response: { 201: templateView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          templateOut(
            await createShiftTemplate(db(), requireViewer(request), request.params.id, request.body),
          ),
        ),
  );

  app.post(
    '/shift-templates/:id/expansion',
    {
      schema: {
        tags: ['rosters'],
        description:
          "Makes the template's shifts for the local dates from `from` to `to` (at most 92 days); slots already expanded are skipped.",
        params: councilIdParams,
        body: expansionBody,
        response: { 201: z.object({ created: z.array(shiftView), alreadyThere: z.int() }) },
      },
    },
    async (request, reply) => {
      const result = await expandShiftTemplate(db(), requireViewer(request), request.params.id, request.body);
      const settings = result.created[0]
        ? await loadRosterSettings(db(), result.created[0].council_id)
        : null;
      return reply.status(201).send({
        created: result.created.map((s) => shiftOut(s, settings!, 0, false)),
        alreadyThere: result.alreadyThere,
      });
    },
  );

  app.get(
    '/councils/:id/trainings',
    {
      schema: {
        tags: ['rosters'],
        params: councilIdParams,
        response: { 200: z.object({ trainings: z.array(trainingView) }) },
      },
    },
    async (request) => {
      const { council } = await authorizeRoster(
        db(),
        requireViewer(request),
        request.params.id,
        'read-trainings',
      );
      return { trainings: (await trainingsOf(db(), council.id)).map(trainingOut) };
    },
  );

  app.post(
    '/councils/:id/trainings',
    {
      schema: {
        tags: ['rosters'],
        params: councilIdParams,
        body: trainingBody,
        response: { 201: trainingView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          trainingOut(await recordTraining(db(), requireViewer(request), request.params.id, request.body)),
        ),
  );

  app.get(
    '/me/roster-feeds',
    { schema: { tags: ['rosters'], response: { 200: z.object({ feeds: z.array(feedView) }) } } },
    async (request) => ({ feeds: (await feedsOf(db(), requireViewer(request).personId)).map(feedOut) }),
  );

  app.post(
    '/me/roster-feeds',
    {
      schema: {
        tags: ['rosters'],
        description:
          'A calendar feed of my shifts for a calendar app: the URL carries a secret token, shown only now; revoke it to end it.',
        body: feedBody,
        response: { 201: feedView.extend({ token: z.string(), url: z.string() }) },
      },
    },
    async (request, reply) => {
      const { feed, token } = await issueRosterFeed(db(), requireViewer(request), request.body.label);
      const origin = `${request.protocol}://${request.host}`;
      return reply
        .status(201)
        .send({ ...feedOut(feed), token, url: `${origin}/api/v1/roster-feeds/${token}/calendar.ics` });
    },
  );

  app.delete(
    '/me/roster-feeds/:id',
    { schema: { tags: ['rosters'], params: councilIdParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await revokeRosterFeed(db(), requireViewer(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/roster-feeds/:token/calendar.ics',
    {
      schema: {
        tags: ['rosters'],
        description:
          "A person's shifts as iCalendar (text/calendar), opened by the feed's token with no cookie.",
        params: feedTokenParams,
      },
    },
    async (request, reply) => {
      if (!FEED_TOKEN.test(request.params.token)) throw rostersError('feed-not-found', 'token');
      const feed = await liveFeedByHash(db(), feedTokenHash(request.params.token));
      if (!feed) throw rostersError('feed-not-found', 'token');
      const now = Date.now();
      const shifts = await shiftsOfPerson(
        db(),
        feed.person_id,
        new Date(now - FEED_PAST_MS).toISOString(),
        new Date(now + FEED_AHEAD_MS).toISOString(),
      );
      const origin = `${request.protocol}://${request.host}`;
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(rosterCalendar(feed.full_name, shifts, origin));
    },
  );
};
