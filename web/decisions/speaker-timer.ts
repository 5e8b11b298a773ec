// The speaking-time countdown, pure: the seconds left from the server's instants (so a wrong clock on the
// phone or the projector does not change the time shown), the clock text, and the few moments the
// screen-reader live region announces — the start, 30 seconds left, time up — never every second.

/** Seconds left of the speech (negative once over time), whole seconds rounded up. */
export function secondsLeft(
  speech: { startedAt: string; timeLimitSeconds: number },
  serverNow: string,
  fetchedAtMs: number,
  nowMs: number,
): number {
  const serverNowMs = Date.parse(serverNow) + Math.max(0, nowMs - fetchedAtMs);
  const endsAtMs = Date.parse(speech.startedAt) + speech.timeLimitSeconds * 1000;
  return Math.ceil((endsAtMs - serverNowMs) / 1000);
}

/** "2:05", "0:09"; over time "+0:12". */
export function clockText(seconds: number): string {
  const abs = Math.abs(seconds);
  const text = `${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, '0')}`;
  return seconds < 0 ? `+${text}` : text;
}

export const FINAL_SECONDS = 30;

export type TimerMoment = 'final-seconds' | 'time-up';

/** What to announce when the seconds left go from `before` to `after` (a tick, or a refetch). */
export function timerMoment(before: number | null, after: number): TimerMoment | null {
  if (before === null) return null;
  if (before > 0 && after <= 0) return 'time-up';
  if (before > FINAL_SECONDS && after <= FINAL_SECONDS && after > 0) return 'final-seconds';
  return null;
}
