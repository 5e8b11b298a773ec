// An action's page follows topic `action:<id>` on the page's shared stream (web/app/live-stream.ts):
// each decision adopted (called, suspended, resumed, lifted) nudges a refetch; while the stream is
// unavailable, the page refetches every few seconds. No state is built from events.
import { useEffect, useRef } from 'react';
import { followLive } from '../app/live-stream.ts';

const ACTION_EVENTS = [
  'action-called',
  'action-suspended',
  'action-resumed',
  'action-lifted',
  'resync',
] as const;
const POLL_MS = 5000;

export function useActionLive(actionId: string, refetch: () => void): void {
  const latest = useRef(refetch);
  latest.current = refetch;
  useEffect(() => {
    let poll: ReturnType<typeof setInterval> | undefined;
    const unfollow = followLive(
      `action:${actionId}`,
      {
        onNudge: () => latest.current(),
        onFallback(isFallback) {
          clearInterval(poll);
          poll = isFallback ? setInterval(() => latest.current(), POLL_MS) : undefined;
        },
      },
      ACTION_EVENTS,
    );
    return () => {
      unfollow();
      clearInterval(poll);
    };
  }, [actionId]);
}
