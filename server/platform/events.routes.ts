// GET /events?topic=<kind>:<uuid>[,<kind>:<uuid>…]: the live events of up to MAX_TOPICS topics on one
// stream, as server-sent events; each event's data names its topic. One stream per page, not one per
// topic: browsers allow six HTTP/1.1 connections per server, and a page following a sitting, its poll
// and its council on separate streams starved its own requests. Rights are checked once, when the stream
// opens, by each topic kind's authorizer: the stream follows the topics the viewer may follow and is
// refused only when there is none; it carries ids and counts only, so a right lost later leaks nothing a
// refetch would not refuse.
import type { ServerResponse } from 'node:http';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from './http-errors.ts';
import { parseTopic, type RealtimeEvent, TOPIC_PATTERN, topicAuthorizer } from './realtime.ts';

/** Below common proxy idle timeouts (60 s), so an idle stream is not cut. */
export const HEARTBEAT_MS = 25_000;
/** How long a browser's EventSource waits before reconnecting, ms. */
export const RETRY_MS = 3000;
// A client this far behind is not reading: drop it (it reconnects and refetches) rather than buffer.
const MAX_BUFFERED_BYTES = 1024 * 1024;

/** Topics one stream may follow. */
export const MAX_TOPICS = 8;

const eventsQuery = z.strictObject({
  topic: z
    .string()
    .max(MAX_TOPICS * 60)
    .transform((text) => text.split(','))
    .pipe(z.array(z.string().regex(TOPIC_PATTERN, 'expected <kind>:<uuid>')).min(1).max(MAX_TOPICS)),
});

// The hub hands every subscriber the same event object: serialise it once, not once per stream.
const frames = new WeakMap<RealtimeEvent, string>();
function frame(event: RealtimeEvent): string {
  let text = frames.get(event);
  if (text === undefined) {
    text = `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify({ ...event.data, topic: event.topic })}\n\n`;
    frames.set(event, text);
  }
  return text;
}

export const eventsRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const open = new Set<ServerResponse>();
  // Streams never finish by themselves: end them before the server waits for its connections.
  fastify.addHook('preClose', async () => {
    for (const res of open) res.end();
  });

  app.get(
    '/events',
    {
      exposeHeadRoute: false,
      schema: {
        tags: ['platform'],
        description:
          `Server-sent events of up to ${MAX_TOPICS} comma-separated topics (text/event-stream): \`event: <type>\`, \`data: <json>\` with its \`topic\`, an \`id:\`, ` +
          `a \`: ping\` comment every ${HEARTBEAT_MS / 1000} s. Nothing is replayed: refetch on open and on \`resync\`.`,
        querystring: eventsQuery,
      },
    },
    async (request, reply) => {
      const topics: string[] = [];
      for (const text of new Set(request.query.topic)) {
        const topic = parseTopic(text);
        const authorize = topic && topicAuthorizer(topic.prefix);
        if (!topic || !authorize)
          throw new AppError('invalid', 'unknown-topic-kind', `no topic kind ${text.split(':')[0]}`, 'topic');
        if (await authorize(request.viewer, topic.id, fastify.database.db)) topics.push(topic.topic);
      }
      if (topics.length === 0) {
        if (!request.viewer) throw new AppError('unauthenticated', 'unauthenticated', 'sign in first');
        throw new AppError(
          'forbidden',
          'topic-forbidden',
          `you may not follow ${request.query.topic.join(', ')}`,
          'topic',
        );
      }

      // From here Fastify neither serialises nor handles errors: the response is ours alone.
      reply.hijack();
      const res = reply.raw;
      // A client gone while we authorised would never emit 'close' again: subscribing would leak.
      if (res.destroyed || request.raw.socket.destroyed) return;
      // Helmet's headers are already on the raw response (it sets them there in onRequest).
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        'x-accel-buffering': 'no',
      });
      const send = (text: string) => {
        if (res.writableLength > MAX_BUFFERED_BYTES) res.destroy();
        else res.write(text);
      };
      const unsubscribes = topics.map((topic) =>
        fastify.realtime.subscribe(topic, (event) => send(frame(event))),
      );
      const heartbeat = setInterval(() => send(': ping\n\n'), HEARTBEAT_MS);
      open.add(res);
      res.on('close', () => {
        clearInterval(heartbeat);
        for (const unsubscribe of unsubscribes) unsubscribe();
        open.delete(res);
      });
      // Subscribed before the first byte: a client that has read `retry:` misses no later commit.
      res.write(`retry: ${RETRY_MS}\n\n`);
    },
  );
};
