// Live pages (a sitting, a poll, the projector): the server's event stream is only a nudge to refetch
// — no state is built from events. Nudges are debounced; the page also refetches when the tab comes
// back into view, and, while the stream is unavailable (refused or dropped for good), every few seconds.
// Every topic of the page shares one stream (web/app/live-stream.ts).
import { useEffect, useRef } from 'react';
import { followLive } from '../app/live-stream.ts';

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
    const unfollow =
      topic === null
        ? () => {}
        : followLive(
            topic,
            {
              onNudge: nudge,
              onFallback(isFallback) {
                clearInterval(fallback);
                fallback = isFallback
                  ? setInterval(() => {
                      if (document.visibilityState === 'visible') latest.current();
                    }, FALLBACK_POLL_MS)
                  : undefined;
              },
            },
            EVENT_TYPES,
          );
    window.addEventListener('focus', nudge);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      unfollow();
      clearTimeout(timer);
      clearInterval(fallback);
      window.removeEventListener('focus', nudge);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [topic]);
}
