// One event stream per page for every live topic it follows. Browsers open at most six HTTP/1.1
// connections to a server; a sitting's page following its sitting, poll, council and speakers on a stream
// each (plus a second tab) used them all, and its own refetches then never went out. Here the topics
// wanted by every mounted component share one EventSource (`?topic=a,b,c`), reopened — debounced — when
// the set changes; each event names its topic and reaches that topic's subscribers.
import { API_BASE } from './api-client.ts';

export interface LiveSubscriber {
  /** An event of the topic arrived (or the stream reopened and events may have been missed). */
  onNudge(): void;
  /** True while the stream is unavailable for good (refused, or no EventSource): poll instead. */
  onFallback(isFallback: boolean): void;
}

const REOPEN_DEBOUNCE_MS = 30;
const subscribers = new Map<string, Set<LiveSubscriber>>();
let source: EventSource | null = null;
let openTopics = '';
let reopenTimer: ReturnType<typeof setTimeout> | undefined;
let isFallback = false;

function everyone(): LiveSubscriber[] {
  return [...subscribers.values()].flatMap((set) => [...set]);
}

function setFallback(value: boolean): void {
  if (isFallback === value) return;
  isFallback = value;
  for (const s of everyone()) s.onFallback(value);
}

function dispatch(event: MessageEvent<string>): void {
  let topic: unknown;
  try {
    topic = (JSON.parse(event.data) as { topic?: unknown }).topic;
  } catch {
    topic = undefined;
  }
  // `resync` (and anything without a topic) may concern every topic.
  const targets = typeof topic === 'string' ? [...(subscribers.get(topic) ?? [])] : everyone();
  for (const s of targets) s.onNudge();
}

function reopen(eventTypes: readonly string[]): void {
  clearTimeout(reopenTimer);
  reopenTimer = setTimeout(() => {
    const topics = [...subscribers.keys()].sort().join(',');
    if (topics === openTopics && source) return;
    source?.close();
    source = null;
    openTopics = topics;
    if (topics === '') return;
    if (typeof EventSource !== 'function') {
      setFallback(true);
      return;
    }
    const stream = new EventSource(`${API_BASE}/events?topic=${encodeURIComponent(topics)}`);
    source = stream;
    for (const type of eventTypes) stream.addEventListener(type, dispatch as EventListener);
    // A (re)connection may have missed events: everyone refetches once it is up.
    stream.addEventListener('open', () => {
      setFallback(false);
      for (const s of everyone()) s.onNudge();
    });
    // The browser retries a dropped stream by itself; a refused one (4xx) it closes for good.
    stream.addEventListener('error', () => {
      if (stream.readyState === EventSource.CLOSED && source === stream) setFallback(true);
    });
  }, REOPEN_DEBOUNCE_MS);
}

/** Follows `topic` on the page's shared stream; returns the unsubscribe. */
export function followLive(
  topic: string,
  subscriber: LiveSubscriber,
  eventTypes: readonly string[],
): () => void {
  let set = subscribers.get(topic);
  if (!set) {
    set = new Set();
    subscribers.set(topic, set);
  }
  set.add(subscriber);
  if (isFallback) subscriber.onFallback(true);
  reopen(eventTypes);
  return () => {
    const current = subscribers.get(topic);
    current?.delete(subscriber);
    if (current && current.size === 0) subscribers.delete(topic);
    reopen(eventTypes);
  };
}
