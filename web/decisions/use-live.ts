// Live pages (a sitting, a poll, the projector): the server's event stream is only a nudge to refetch
// — no state is built from events. Nudges are debounced; the page also refetches when the tab comes
// back into view, and, while the stream is unavailable (refused or dropped for good), every few seconds.
import { useEffect, useRef } from 'react';
import { API_BASE } from '../app/api-client.ts';

const EVENT_TYPES = [
  'quorum',
  'poll-opened',
  'poll-closed',
  'ballot-count',
  'assembly',
  'speakers',
  // council:<id>: the roll changed (a delegate recalled, a substitute seated).
  'roll',
  'resync',
] as const;
const DEBOUNCE_MS = 400;
const FALLBACK_POLL_MS = 5000;

/**
 * Calls `refetch` (debounced) on every event of `topic` ("assembly:<id>", "poll:<id>", "council:<id>")
 * and whenever the tab comes back into view; with a null topic, only the latter.
 */
export function useLiveRefetch(topic: string | null, refetch: () => void): void {
  const latest = useRef(refetch);
  latest.current = refetch;

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let fallback: ReturnType<typeof setInterval> | undefined;
    const nudge = () => {
      clearTimeout(timer);
      timer = setTimeout(() => latest.current(), DEBOUNCE_MS);
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') nudge();
    };
    const startFallback = () => {
      fallback ??= setInterval(() => {
        if (document.visibilityState === 'visible') latest.current();
      }, FALLBACK_POLL_MS);
    };

    let source: EventSource | null = null;
    if (topic !== null && typeof EventSource === 'function') {
      source = new EventSource(`${API_BASE}/events?topic=${encodeURIComponent(topic)}`);
      for (const type of EVENT_TYPES) source.addEventListener(type, nudge);
      // A reconnect may have missed events: refetch once it is back.
      source.addEventListener('open', () => {
        clearInterval(fallback);
        fallback = undefined;
        nudge();
      });
      // The browser retries a dropped stream by itself; a refused one (4xx) it closes for good.
      source.addEventListener('error', () => {
        if (source?.readyState === EventSource.CLOSED) startFallback();
      });
    } else if (topic !== null) {
      startFallback();
    }
    window.addEventListener('focus', nudge);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      source?.close();
      clearTimeout(timer);
      clearInterval(fallback);
      window.removeEventListener('focus', nudge);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [topic]);
}
