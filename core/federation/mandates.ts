// Mandates, pure part: a mandate's status at an instant, its weight, who may hold one, and the checks an
// election result must pass before mandates are issued from it. The caller loads the facts.

export const MANDATE_STATUSES = ['active', 'recalled', 'resigned', 'expired'] as const;
export type MandateStatus = (typeof MANDATE_STATUSES)[number];
/** A mandate seen at an instant: 'pending' before its term starts. */
export type MandateStatusAt = MandateStatus | 'pending';

/** One seat, one vote: the weight of a mandate when the parent body does not weigh by members. */
export const ONE_VOTE_MILLIS = 1000;

/** Error codes of mandates, each with when it happens (merged into FEDERATION_ERRORS). */
export const MANDATE_ERRORS = {
  'mandate-not-found': 'the mandate id does not exist',
  'mandate-ended':
    'the mandate was recalled, resigned or expired: from that instant it confers no right in any body',
  'mandate-not-held': 'the signed-in person does not hold this mandate',
  'no-parent-council': 'the council has no federated council above it to send delegates to',
  'no-seats-apportioned':
    'the latest apportionment of the council above gives this council no seats (or there is none yet)',
  'too-many-winners': 'more winners than the seats the latest apportionment gives this council',
  'duplicate-candidate': 'a person appears twice among the winners and substitutes',
  'holder-not-eligible':
    'a winner or substitute is not an active member of the sending council, nor holds an active mandate in it',
  'order-contradicts-count':
    'winners must have at least the votes of any substitute, and both lists go by votes',
  'term-end-invalid': 'the term must end after it starts, and within ten years',
} as const;
export type MandateErrorCode = keyof typeof MANDATE_ERRORS;

export interface MandateTimes {
  status: MandateStatus;
  termStartsAt: Date;
  termEndsAt: Date;
  endedAt: Date | null;
}

/**
 * The status at `at`. Rights run over [termStartsAt, min(endedAt, termEndsAt)): at the end instant itself
 * the mandate confers nothing. A term that runs out without an act reads as 'expired'.
 */
export function mandateStatusAt(m: MandateTimes, at: Date): MandateStatusAt {
  const t = at.getTime();
  if (t < m.termStartsAt.getTime()) return 'pending';
  if (m.endedAt && t >= m.endedAt.getTime()) return m.status === 'active' ? 'expired' : m.status;
  if (t >= m.termEndsAt.getTime()) return 'expired';
  return 'active';
}

export function isActiveAt(m: MandateTimes, at: Date): boolean {
  return mandateStatusAt(m, at) === 'active';
}

/** What a federated council's seats weigh in its votes; chosen with its apportionment rule. */
export const WEIGHT_RULES = ['one-seat-one-vote', 'represented-members'] as const;
export type WeightRule = (typeof WEIGHT_RULES)[number];

/**
 * Weight of each of a child council's mandates, in millis of a vote. 'represented-members' gives the
 * members each of the child's seats stands for, relative to the parent's average seat (members / seats
 * over all children), so an average seat weighs 1000 and the figure stays bounded however large the
 * federation: 1000 × (childMembers / childSeats) / (totalMembers / totalSeats), floored, at least 1.
 * Exact in integers (bigint), so every server computes the same weight.
 */
export function mandateWeightMillis(
  rule: WeightRule,
  f: { childMembers: number; childSeats: number; totalMembers: number; totalSeats: number },
): number {
  if (rule === 'one-seat-one-vote') return ONE_VOTE_MILLIS;
  if (f.childSeats <= 0 || f.totalMembers <= 0 || f.totalSeats <= 0) return ONE_VOTE_MILLIS;
  const weight =
    (BigInt(ONE_VOTE_MILLIS) * BigInt(f.childMembers) * BigInt(f.totalSeats)) /
    (BigInt(f.childSeats) * BigInt(f.totalMembers));
  return Math.max(1, Number(weight));
}

/** What makes a person eligible to hold a seat sent by a council. */
export interface HolderFacts {
  sendingIsBase: boolean;
  /** Active membership of the sending council (base councils). */
  isActiveMember: boolean;
  /** The person's active mandate in the sending council (federated councils), if any. */
  mandateInSenderId: string | null;
}

export type HolderCheck =
  | { ok: true; dependsOnMandateId: string | null }
  | { ok: false; error: 'holder-not-eligible' };

/**
 * A base council sends its active members; a federated council sends the delegates who sit in it, and
 * the new mandate depends on the one they sit by, so that ending it ends this one too.
 */
export function checkHolder(f: HolderFacts): HolderCheck {
  if (f.sendingIsBase) {
    return f.isActiveMember
      ? { ok: true, dependsOnMandateId: null }
      : { ok: false, error: 'holder-not-eligible' };
  }
  return f.mandateInSenderId
    ? { ok: true, dependsOnMandateId: f.mandateInSenderId }
    : { ok: false, error: 'holder-not-eligible' };
}

export interface CountedCandidate {
  personId: string;
  votes: number;
}

export type ElectionCheck =
  | { ok: true }
  | {
      ok: false;
      error: Extract<
        MandateErrorCode,
        'no-seats-apportioned' | 'too-many-winners' | 'duplicate-candidate' | 'order-contradicts-count'
      >;
      field: string;
    };

/**
 * The shape of an election result against the seats the parent's latest apportionment gives the
 * sending council (null: no apportionment yet). Fewer winners than seats is allowed (a seat left empty).
 */
export function checkElectionResult(
  seats: number | null,
  winners: readonly CountedCandidate[],
  substitutes: readonly CountedCandidate[],
): ElectionCheck {
  if (seats === null || seats < 1) return { ok: false, error: 'no-seats-apportioned', field: 'winners' };
  if (winners.length > seats) return { ok: false, error: 'too-many-winners', field: 'winners' };
  const everyone = [...winners, ...substitutes].map((c) => c.personId);
  if (new Set(everyone).size !== everyone.length)
    return { ok: false, error: 'duplicate-candidate', field: 'substitutes' };
  const descending = (list: readonly CountedCandidate[]) =>
    list.every((c, i) => i === 0 || c.votes <= list[i - 1]!.votes);
  if (!descending(winners)) return { ok: false, error: 'order-contradicts-count', field: 'winners' };
  if (!descending(substitutes)) return { ok: false, error: 'order-contradicts-count', field: 'substitutes' };
  const lowestWinner = winners.at(-1)?.votes ?? Number.POSITIVE_INFINITY;
  if (substitutes.some((c) => c.votes > lowestWinner))
    return { ok: false, error: 'order-contradicts-count', field: 'substitutes' };
  return { ok: true };
}

/** Longest term an election may give: ten years. */
export const MAX_TERM_MS = 10 * 366 * 24 * 3600 * 1000;

export function checkTerm(startsAt: Date, endsAt: Date): boolean {
  const span = endsAt.getTime() - startsAt.getTime();
  return span > 0 && span <= MAX_TERM_MS;
}
