// Live events: a use case publishes inside its transaction (pg_notify on one channel), so an event
// exists only if its transaction commits; every server process LISTENs once and fans each event out to
// its own subscribers of that topic. Events are nudges — ids and counts — and clients refetch what they
// show, so nothing is replayed: a client that reconnects, or gets `resync`, reads the state again.
// Topics are `<kind>:<uuid>`; each kind registers who may follow it.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { DatabaseHandle, Db } from './database.ts';
import type { Viewer } from './sessions.ts';

export const EVENTS_CHANNEL = 'cabildo_events';
/** PostgreSQL refuses NOTIFY payloads from 8000 bytes; the margin keeps the envelope's fields in. */
export const MAX_PAYLOAD_BYTES = 7500;
/** Sent to every subscriber after the hub may have missed events (its LISTEN connection dropped). */
export const RESYNC_TYPE = 'resync';

const KIND_PATTERN = /^[a-z][a-z0-9-]{0,31}$/;
// Lower case only, as PostgreSQL prints uuids: the published and the followed topic compare as text.
export const TOPIC_PATTERN =
  /^([a-z][a-z0-9-]{0,31}):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
// Written verbatim after `event:` in the stream, so no line breaks or spaces.
const TYPE_PATTERN = /^[a-z][a-z0-9._-]{0,99}$/i;

export interface RealtimeEvent {
  /** Unique per publication: the SSE id, and what keeps PostgreSQL from folding equal notifications. */
  id: string;
  topic: string;
  type: string;
  data: Record<string, unknown>;
}

export type EventListener = (event: RealtimeEvent) => void;

/** Whether `viewer` may follow the topic `<kind>:<id>`; `db` is the serving app's database. */
export type TopicAuthorizer = (viewer: Viewer | null, id: string, db: Db) => Promise<boolean>;

const topicKinds = new Map<string, TopicAuthorizer>();

/** Called once per kind at module load by the context that owns it (e.g. `poll`). */
export function registerTopicKind(prefix: string, authorize: TopicAuthorizer): void {
  if (!KIND_PATTERN.test(prefix)) throw new RangeError(`bad topic kind ${prefix}`);
  if (topicKinds.has(prefix)) throw new Error(`topic kind ${prefix} is registered twice`);
  topicKinds.set(prefix, authorize);
}

export function topicAuthorizer(prefix: string): TopicAuthorizer | undefined {
  return topicKinds.get(prefix);
}

/** The kind and id of a well-formed topic, else null. */
export function parseTopic(topic: string): { prefix: string; id: string; topic: string } | null {
  const match = TOPIC_PATTERN.exec(topic);
  if (!match?.[1] || !match[2]) return null;
  return { prefix: match[1], id: match[2], topic };
}

/**
 * Queues an event for delivery when `tx` commits; nothing is sent if it rolls back. Outside a
 * transaction it is sent at once. Throws RangeError on a malformed topic or type, or a payload over
 * MAX_PAYLOAD_BYTES (send ids and counts, not documents).
 */
export async function publishEvent(
  tx: Db,
  topic: string,
  event: { type: string; data?: Record<string, unknown> },
): Promise<RealtimeEvent> {
  const parsed = parseTopic(topic);
  if (!parsed) throw new RangeError(`bad topic ${topic}: expected <kind>:<uuid>`);
  if (!TYPE_PATTERN.test(event.type) || event.type === RESYNC_TYPE)
    throw new RangeError(`bad event type ${event.type}`);
  const published: RealtimeEvent = {
    id: randomUUID(),
    topic: parsed.topic,
    type: event.type,
    data: event.data ?? {},
  };
  const payload = JSON.stringify(published);
  const bytes = Buffer.byteLength(payload, 'utf8');
  if (bytes > MAX_PAYLOAD_BYTES)
    throw new RangeError(`event ${event.type} is ${bytes} bytes; at most ${MAX_PAYLOAD_BYTES}`);
  await sql`select pg_notify(${EVENTS_CHANNEL}, ${payload})`.execute(tx);
  return published;
}

export interface RealtimeHub {
  /** Listens to one topic in this process; returns the unsubscribe function. */
  subscribe(topic: string, listener: EventListener): () => void;
  subscriberCount(): number;
  close(): Promise<void>;
}

/** One LISTEN per process, fanned out in memory: topic → its subscribers. */
export async function startRealtimeHub(handle: DatabaseHandle): Promise<RealtimeHub> {
  if (!handle.listen) throw new Error(`this ${handle.kind} database handle cannot LISTEN`);
  const topics = new Map<string, Set<EventListener>>();

  const deliver = (listener: EventListener, event: RealtimeEvent) => {
    // One failing subscriber must neither starve the others nor reach the database driver's callback.
    try {
      listener(event);
    } catch (error) {
      process.stderr.write(`cabildo: event subscriber failed: ${String(error)}\n`);
    }
  };
  const onPayload = (payload: string) => {
    const event = readEvent(payload);
    if (!event) {
      process.stderr.write(`cabildo: ignored a malformed ${EVENTS_CHANNEL} notification\n`);
      return;
    }
    const listeners = topics.get(event.topic);
    if (listeners) for (const listener of [...listeners]) deliver(listener, event);
  };
  const onReconnect = () => {
    for (const [topic, listeners] of topics) {
      const event = { id: randomUUID(), topic, type: RESYNC_TYPE, data: {} };
      for (const listener of [...listeners]) deliver(listener, event);
    }
  };
  const unlisten = await handle.listen(EVENTS_CHANNEL, onPayload, onReconnect);
  let closing: Promise<void> | undefined;

  return {
    subscribe(topic, listener) {
      const parsed = parseTopic(topic);
      if (!parsed) throw new RangeError(`bad topic ${topic}: expected <kind>:<uuid>`);
      let listeners = topics.get(parsed.topic);
      if (!listeners) {
        listeners = new Set();
        topics.set(parsed.topic, listeners);
      }
      // A fresh wrapper, so subscribing the same function twice gives two independent subscriptions.
      const entry: EventListener = (event) => listener(event);
      listeners.add(entry);
      return () => {
        const current = topics.get(parsed.topic);
        if (!current) return;
        current.delete(entry);
        if (current.size === 0) topics.delete(parsed.topic);
      };
    },
    subscriberCount() {
      let n = 0;
      for (const listeners of topics.values()) n += listeners.size;
      return n;
    },
    close() {
      closing ??= (async () => {
        topics.clear();
        await unlisten();
      })();
      return closing;
    },
  };
}

function readEvent(payload: string): RealtimeEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { id, topic, type, data } = value as Record<string, unknown>;
  if (typeof id !== 'string' || typeof topic !== 'string' || typeof type !== 'string') return null;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  return { id, topic, type, data: data as Record<string, unknown> };
}
