import { randomUUID } from 'node:crypto';
import { get, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildCouncil,
  buildMember,
  startTestServer,
  TestClient,
  type TestServer,
} from '../test-factories.ts';
import { type DatabaseHandle, openDatabase } from './database.ts';
import {
  publishEvent,
  type RealtimeEvent,
  type RealtimeHub,
  registerTopicKind,
  startRealtimeHub,
} from './realtime.ts';

// The test kind: `openId` may be followed by anyone, `closedId` by no one, any other id by the signed in.
const openId = randomUUID();
const closedId = randomUUID();
registerTopicKind('test-room', async (viewer, id) => id === openId || (viewer !== null && id !== closedId));

let server: TestServer;
let hub: RealtimeHub;
let baseUrl: string;

beforeAll(async () => {
  server = await startTestServer();
  hub = server.app.realtime;
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => server.close());

async function waitFor(isDone: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!isDone()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function collect(on: RealtimeHub, topic: string) {
  const events: RealtimeEvent[] = [];
  const unsubscribe = on.subscribe(topic, (event) => events.push(event));
  return { events, unsubscribe };
}

/**
 * An SSE client over real HTTP: the text read so far, and a way to hang up. node:http without an agent,
 * one socket per stream: fetch may open a spare connection that delays the server's close.
 */
function openStream(topic: string, origin = baseUrl) {
  return new Promise<{ res: IncomingMessage; text: string; hangUp: () => void }>((resolve, reject) => {
    const req = get(`${origin}/api/v1/events?topic=${topic}`, { agent: false }, (res) => {
      const stream = { res, text: '', hangUp: () => req.destroy() };
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        stream.text += chunk;
      });
      resolve(stream);
    });
    req.on('error', reject);
  });
}

describe('publishing live events', () => {
  it('delivers an event to the topic subscribers once its transaction commits', async () => {
    const topic = `test-room:${randomUUID()}`;
    const other = collect(hub, `test-room:${randomUUID()}`);
    const mine = collect(hub, topic);
    let seenInside = -1;
    await server.db.transaction().execute(async (tx) => {
      await publishEvent(tx, topic, { type: 'count.changed', data: { count: 3 } });
      await new Promise((resolve) => setTimeout(resolve, 50));
      seenInside = mine.events.length;
    });
    await waitFor(() => mine.events.length === 1, 'the committed event');
    expect(seenInside).toBe(0);
    expect(mine.events[0]).toMatchObject({ topic, type: 'count.changed', data: { count: 3 } });
    expect(other.events).toEqual([]);
    mine.unsubscribe();
    other.unsubscribe();
  });

  it('never delivers an event whose transaction rolled back', async () => {
    const topic = `test-room:${randomUUID()}`;
    const mine = collect(hub, topic);
    await expect(
      server.db.transaction().execute(async (tx) => {
        await publishEvent(tx, topic, { type: 'rolled.back' });
        throw new Error('abandon');
      }),
    ).rejects.toThrow('abandon');
    // Notifications arrive in commit order: once the later event is here, the earlier one never will be.
    await server.db.transaction().execute((tx) => publishEvent(tx, topic, { type: 'committed' }));
    await waitFor(() => mine.events.length > 0, 'the committed event');
    expect(mine.events.map((e) => e.type)).toEqual(['committed']);
    mine.unsubscribe();
  });

  it('delivers two equal events of one transaction twice', async () => {
    const topic = `test-room:${randomUUID()}`;
    const mine = collect(hub, topic);
    await server.db.transaction().execute(async (tx) => {
      await publishEvent(tx, topic, { type: 'ballot.cast' });
      await publishEvent(tx, topic, { type: 'ballot.cast' });
    });
    await waitFor(() => mine.events.length === 2, 'both events');
    mine.unsubscribe();
  });

  it('refuses a payload near the NOTIFY limit, a malformed topic and the reserved type', async () => {
    const topic = `test-room:${randomUUID()}`;
    await expect(
      publishEvent(server.db, topic, { type: 'big', data: { text: 'x'.repeat(7500) } }),
    ).rejects.toThrow(RangeError);
    await expect(publishEvent(server.db, 'test-room:42', { type: 'a' })).rejects.toThrow(RangeError);
    await expect(publishEvent(server.db, topic, { type: 'two\nlines' })).rejects.toThrow(RangeError);
    await expect(publishEvent(server.db, topic, { type: 'resync' })).rejects.toThrow(RangeError);
  });
});

describe('GET /api/v1/events', () => {
  it('streams a committed event with its type, data and id, and unsubscribes when the client leaves', async () => {
    const topic = `test-room:${openId}`;
    const before = hub.subscriberCount();
    const stream = await openStream(topic);
    expect(stream.res.statusCode).toBe(200);
    expect(stream.res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(stream.res.headers['cache-control']).toBe('no-cache');
    expect(stream.res.headers['x-accel-buffering']).toBe('no');
    await waitFor(() => stream.text.includes('retry: 3000\n\n'), 'the retry line');

    const published = await server.db
      .transaction()
      .execute((tx) =>
        publishEvent(tx, topic, { type: 'result.published', data: { pollId: openId, votes: 7 } }),
      );
    await waitFor(() => stream.text.includes('event: result.published'), 'the event over HTTP');
    expect(stream.text).toContain(
      `id: ${published.id}\nevent: result.published\ndata: {"pollId":"${openId}","votes":7,"topic":"${topic}"}\n\n`,
    );
    expect(hub.subscriberCount()).toBe(before + 1);
    stream.hangUp();
    await waitFor(() => hub.subscriberCount() === before, 'the subscription to end');
  });

  it('answers 400 naming the field topic for an unknown kind or a malformed topic', async () => {
    for (const topic of [
      `no-such-kind:${openId}`,
      `test-room:${openId.toUpperCase()}`,
      'test-room:1',
      'test-room',
    ]) {
      const res = await server.app.inject({ method: 'GET', url: `/api/v1/events?topic=${topic}` });
      expect(res.statusCode, topic).toBe(400);
      expect(res.json().error.field, topic).toMatch(/^topic(\.\d+)?$/);
    }
    const unknown = await server.app.inject({ method: 'GET', url: `/api/v1/events?topic=nope:${openId}` });
    expect(unknown.json().error.code).toBe('unknown-topic-kind');
  });

  it('answers 401 to the signed out and 403 to a person the topic kind refuses', async () => {
    const signedOut = await server.app.inject({
      method: 'GET',
      url: `/api/v1/events?topic=test-room:${randomUUID()}`,
    });
    expect(signedOut.statusCode).toBe(401);
    expect(signedOut.json().error.code).toBe('unauthenticated');
    const member = await buildMember(server.db, await buildCouncil(server.db));
    const client = await TestClient.signedIn(server.app, member.login);
    const refused = await client.request('GET', `/api/v1/events?topic=test-room:${closedId}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toEqual({
      error: { code: 'topic-forbidden', message: expect.any(String), field: 'topic' },
    });
  });

  it('ends open streams when the server closes', async () => {
    const other = await startTestServer();
    await other.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (other.app.server.address() as AddressInfo).port;
    const stream = await openStream(`test-room:${openId}`, `http://127.0.0.1:${port}`);
    await waitFor(() => stream.text.startsWith('retry:'), 'the stream to open');
    const ended = new Promise((resolve) => stream.res.on('end', resolve));
    const closedAt = Date.now();
    await other.close();
    await ended;
    expect(Date.now() - closedAt).toBeLessThan(5000);
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('several server processes on one PostgreSQL', () => {
  // Channels are per database: both handles open one fresh database, as two server processes would.
  const name = `cabildo_t_rt_${randomUUID().slice(0, 8)}`;
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    await client.query(text);
    await client.end();
  };
  let handles: DatabaseHandle[] = [];
  let hubs: RealtimeHub[] = [];
  beforeAll(async () => {
    await admin(`create database ${name}`);
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    handles = [
      await openDatabase({ kind: 'postgres', url: `${url}` }),
      await openDatabase({ kind: 'postgres', url: `${url}` }),
    ];
    hubs = await Promise.all(handles.map((h) => startRealtimeHub(h)));
  });
  afterAll(async () => {
    for (const h of hubs) await h.close();
    for (const h of handles) await h.close();
    await admin(`drop database if exists ${name} with (force)`);
  });

  it('delivers an event committed through one to the subscribers of every hub', async () => {
    const topic = `test-room:${randomUUID()}`;
    const [a, b] = hubs.map((h) => collect(h, topic));
    await handles[0]!.db.transaction().execute((tx) => publishEvent(tx, topic, { type: 'fan.out' }));
    await waitFor(() => a!.events.length === 1 && b!.events.length === 1, 'both hubs');
    expect(b!.events[0]!.id).toBe(a!.events[0]!.id);
  });

  it('tells subscribers to resync after its LISTEN connection drops, and keeps delivering', async () => {
    const topic = `test-room:${randomUUID()}`;
    const [a, b] = hubs.map((h) => collect(h, topic));
    const { rows } = await sql<{ n: number }>`
      select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
       where datname = current_database() and query = 'listen cabildo_events' and pid <> pg_backend_pid()`.execute(
      handles[0]!.db,
    );
    expect(rows[0]!.n).toBe(2);
    await waitFor(
      () => [a, b].every((c) => c!.events.some((e) => e.type === 'resync')),
      'resync on both hubs',
      10_000,
    );
    await handles[1]!.db.transaction().execute((tx) => publishEvent(tx, topic, { type: 'after.drop' }));
    await waitFor(
      () => [a, b].every((c) => c!.events.some((e) => e.type === 'after.drop')),
      'delivery after reconnecting',
    );
  });
});
