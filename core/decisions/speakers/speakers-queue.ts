// The order of a sitting's speakers list, as a pure function of the waiting requests: points of order
// first, in request order; then the requests to speak in request order — or, when the chair chose it,
// alternating pro and contra. The server gives the floor to the first of this order who still has the
// right (server/decisions/call-next-speaker.ts); the room and the projector show the same order.

export const SPEAKER_KINDS = ['speak', 'point-of-order'] as const;
/** speak: a turn in the debate; point-of-order: a question of procedure, heard before any turn. */
export type SpeakerKind = (typeof SPEAKER_KINDS)[number];

export const SPEAKER_SIDES = ['pro', 'contra'] as const;
/** For or against the motion under debate; null when the speaker takes no side. */
export type SpeakerSide = (typeof SPEAKER_SIDES)[number];

export const SPEAKER_STATUSES = ['waiting', 'speaking', 'done', 'withdrawn', 'refused'] as const;
/** refused: the request lost its right before the floor (a recalled mandate, a membership ended). */
export type SpeakerStatus = (typeof SPEAKER_STATUSES)[number];

/** The speaking-time limit of a sitting the chair has not set, in seconds. */
export const DEFAULT_SPEAKING_SECONDS = 180;
export const MIN_SPEAKING_SECONDS = 10;
export const MAX_SPEAKING_SECONDS = 3600;

export interface WaitingRequest {
  id: string;
  kind: SpeakerKind;
  side: SpeakerSide | null;
  /** ISO instant with microseconds; text order is time order. Ties (never under the lock) go by id. */
  requestedAt: string;
}

export interface QueueRule {
  /** Plain requests alternate pro and contra. */
  alternatesSides: boolean;
  /** The side of the last speaker who took one (the current speaker's, while someone speaks). */
  lastSide: SpeakerSide | null;
}

const byRequestOrder = (a: WaitingRequest, b: WaitingRequest) =>
  a.requestedAt < b.requestedAt
    ? -1
    : a.requestedAt > b.requestedAt
      ? 1
      : a.id < b.id
        ? -1
        : a.id > b.id
          ? 1
          : 0;

/**
 * The waiting requests in the order they get the floor. Alternation is greedy: the next turn is the
 * earliest request that does not repeat the side just heard (a request with no side never does); only
 * when none waits does the same side speak again. So nobody is ever skipped for good.
 */
export function speakersQueue<T extends WaitingRequest>(waiting: readonly T[], rule: QueueRule): T[] {
  const sorted = [...waiting].sort(byRequestOrder);
  const points = sorted.filter((r) => r.kind === 'point-of-order');
  const turns = sorted.filter((r) => r.kind !== 'point-of-order');
  if (!rule.alternatesSides) return [...points, ...turns];
  const ordered: T[] = [];
  let previous = rule.lastSide;
  const left = [...turns];
  while (left.length > 0) {
    let index = left.findIndex((r) => r.side === null || r.side !== previous);
    if (index < 0) index = 0;
    const [next] = left.splice(index, 1);
    if (!next) break;
    ordered.push(next);
    if (next.side !== null) previous = next.side;
  }
  return [...points, ...ordered];
}
