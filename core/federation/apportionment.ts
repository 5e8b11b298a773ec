// Apportionment: how many seats in a federated council each child council gets — a fixed number per
// child, or by membership with D'Hondt, Sainte-Laguë or Hamilton, over a minimum per child. Pure and
// exact: quotients are fractions of bigints compared by cross-multiplication, never floating point, so
// anyone who redoes the published table by hand gets the same seats.
import {
  type ApportionmentTie,
  awardByPriority,
  type Claim,
  compare,
  decimalText,
  type Fraction,
  Lot,
} from './apportionment-priority.ts';

export { type ApportionmentTie, QUOTIENT_DECIMALS } from './apportionment-priority.ts';

export const APPORTIONMENT_METHODS = ['fixed', 'dhondt', 'sainte-lague', 'hamilton'] as const;
export type ApportionmentMethod = (typeof APPORTIONMENT_METHODS)[number];

/** Bounds the seat-by-seat work; no body that can sit has more seats than this. */
export const MAX_TOTAL_SEATS = 100_000;

export interface ApportionmentInput {
  method: ApportionmentMethod;
  /** Seats to share out; ignored by 'fixed', whose total is seatsPerChild × children. */
  totalSeats: number;
  /** 'fixed' only. */
  seatsPerChild?: number;
  /** Default 0. Every child holds at least this many seats. */
  minimumPerChild?: number;
  /** members = active memberships, a whole number ≥ 0; councilIds are distinct. */
  children: Array<{ councilId: string; members: number }>;
  /** Seed for lots when a tie decides the last seat; recorded in the result. */
  seed: string;
}

export interface ApportionmentRow {
  councilId: string;
  members: number;
  seats: number;
  /**
   * Exact decimal, QUOTIENT_DECIMALS places, truncated. Divisor methods: the quotient with which the child
   * won its last seat beyond the minimum (absent if it won none). Hamilton: the child's quota.
   */
  quotient?: string;
  /** Hamilton only: the fractional part of the quota, same format. */
  remainder?: string;
  /** The minimum, not the child's members, decided its seats (see each method for the exact test). */
  minimumApplied: boolean;
}

/** Error codes of apportionment, each with when it happens. */
export const APPORTIONMENT_ERRORS = {
  'no-children': 'the federated council has no child councils to share seats among',
  'minimum-exceeds-total': 'the minimum per child times the number of children is more than the seats',
  'total-seats-invalid': `the total (or 'fixed' seats per child) is not a whole number from 1 to ${MAX_TOTAL_SEATS}`,
  'no-members': 'apportionment by membership, but no child council has an active member',
} as const;
export type ApportionmentError = keyof typeof APPORTIONMENT_ERRORS;

export type ApportionmentResult =
  | {
      ok: true;
      rows: ApportionmentRow[];
      totalSeats: number;
      method: ApportionmentMethod;
      ties: ApportionmentTie[];
    }
  | { ok: false; error: ApportionmentError };

type Child = ApportionmentInput['children'][number];

/**
 * Rows come back in the order of `input.children`. Malformed members, minimum or duplicate ids are
 * programmer errors (the request schema refuses them) and throw RangeError; everything a council can
 * legitimately configure wrongly is an error value.
 */
export function apportionSeats(input: ApportionmentInput): ApportionmentResult {
  const { children, method } = input;
  const minimum = input.minimumPerChild ?? 0;
  assertWellFormed(children, minimum);
  if (children.length === 0) return { ok: false, error: 'no-children' };

  if (method === 'fixed') {
    const perChild = input.seatsPerChild;
    if (perChild === undefined || !isSeatCount(perChild)) return { ok: false, error: 'total-seats-invalid' };
    if (minimum > perChild) return { ok: false, error: 'minimum-exceeds-total' };
    const rows = children.map(({ councilId, members }) => ({
      councilId,
      members,
      seats: perChild,
      minimumApplied: false,
    }));
    return { ok: true, rows, totalSeats: perChild * children.length, method, ties: [] };
  }

  const total = input.totalSeats;
  if (!isSeatCount(total)) return { ok: false, error: 'total-seats-invalid' };
  if (minimum * children.length > total) return { ok: false, error: 'minimum-exceeds-total' };
  if (children.every((c) => c.members === 0)) return { ok: false, error: 'no-members' };

  const lot = new Lot(
    children.map((c) => c.councilId),
    input.seed,
  );
  const rows =
    method === 'hamilton'
      ? apportionHamilton(children, total, minimum, lot)
      : apportionByDivisor(
          children,
          total,
          minimum,
          method === 'dhondt' ? dhondtDivisor : sainteLagueDivisor,
          lot,
        );
  return { ok: true, rows, totalSeats: total, method, ties: lot.ties };
}

function isSeatCount(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= MAX_TOTAL_SEATS;
}

function assertWellFormed(children: readonly Child[], minimum: number): void {
  if (!Number.isInteger(minimum) || minimum < 0 || minimum > MAX_TOTAL_SEATS)
    throw new RangeError(`minimumPerChild must be a whole number from 0, got ${minimum}`);
  const seen = new Set<string>();
  for (const { councilId, members } of children) {
    if (!Number.isSafeInteger(members) || members < 0)
      throw new RangeError(`members of ${councilId} must be a whole number ≥ 0, got ${members}`);
    if (seen.has(councilId)) throw new RangeError(`council ${councilId} is listed twice`);
    seen.add(councilId);
  }
}

// ── Divisor methods ────────────────────────────────────────────────────────────────────────────────
// A child holding s seats claims its next seat with members ÷ divisor(s); seats go one at a time to the
// highest claim. The minimum is given first and counts as seats already won, so the sequence continues
// from it (a child with minimum 2 claims its third seat with members ÷ divisor(2)). The outcome is
// max(minimum, what the plain method gives at the final cut-off), as the US House's one-seat-per-state
// rule works with its priority list, and it keeps both methods house-monotone.

const dhondtDivisor = (seats: number): bigint => BigInt(seats + 1); // 1, 2, 3, …
const sainteLagueDivisor = (seats: number): bigint => BigInt(2 * seats + 1); // 1, 3, 5, …

function apportionByDivisor(
  children: readonly Child[],
  total: number,
  minimum: number,
  divisor: (seats: number) => bigint,
  lot: Lot,
): ApportionmentRow[] {
  const seats = children.map(() => minimum);
  const lastWon: Array<Fraction | undefined> = children.map(() => undefined);
  const claimOf = (index: number): Claim => ({
    index,
    value: { numerator: BigInt(children[index]!.members), denominator: divisor(seats[index]!) },
  });
  // A child without members never reaches the cut-off, which stays above zero while anyone has members.
  const claims = children.flatMap((c, index) => (c.members > 0 ? [claimOf(index)] : []));
  let cutOff: Fraction | undefined;
  const contest = awardByPriority(total - minimum * children.length, claims, (claim) => {
    lastWon[claim.index] = claim.value;
    cutOff = claim.value;
    seats[claim.index]! += 1;
    return claimOf(claim.index);
  });
  lot.settle(contest, 'picked-win');

  return children.map((c, index) => {
    const won = lastWon[index];
    // Bound by the minimum when the claim for its minimum-th seat would not have reached the cut-off:
    // without the minimum it would hold fewer. With no seat left after the minimums, the minimum decided all.
    const minimumApplied =
      minimum > 0 &&
      won === undefined &&
      (cutOff === undefined ||
        compare({ numerator: BigInt(c.members), denominator: divisor(minimum - 1) }, cutOff) < 0);
    return {
      councilId: c.councilId,
      members: c.members,
      seats: seats[index]!,
      ...(won ? { quotient: decimalText(won) } : {}),
      minimumApplied,
    };
  });
}

// ── Hamilton (largest remainder, Hare quota) ────────────────────────────────────────────────────────
// quota = members × total ÷ all members. Each child gets the whole part of its quota; the seats left go one
// each to the largest fractional parts. Minimum: a child whose quota is below the minimum is raised to it
// and leaves the remainder contest. The raise is paid first out of the seats that would have gone to the
// largest remainders (the smallest of those remainders lose theirs first); if those do not suffice,
// seats are taken one at a time from the children above the minimum whose quota least covers their
// last seat (largest seats − quota), never below the minimum. minimumApplied marks the raised children.

function apportionHamilton(
  children: readonly Child[],
  total: number,
  minimum: number,
  lot: Lot,
): ApportionmentRow[] {
  const allMembers = children.reduce((sum, c) => sum + BigInt(c.members), 0n);
  const quotaNumerators = children.map((c) => BigInt(c.members) * BigInt(total));
  const raised = quotaNumerators.map((q) => q < BigInt(minimum) * allMembers);
  const seats = quotaNumerators.map((q, index) => (raised[index] ? minimum : Number(q / allMembers)));
  const left = total - seats.reduce((sum, s) => sum + s, 0);
  const open = children.flatMap((_, index) => (raised[index] ? [] : [index]));

  if (left > 0) {
    const remainders = open.map((index) => ({
      index,
      value: { numerator: quotaNumerators[index]! % allMembers, denominator: allMembers },
    }));
    const contest = awardByPriority(left, remainders, (claim) => {
      seats[claim.index]! += 1;
      return undefined;
    });
    lot.settle(contest, 'picked-win');
  } else if (left < 0) {
    // Claim to give a seat back = seats − quota: the seat the quota covers least goes first.
    const surrenderOf = (index: number): Claim => ({
      index,
      value: {
        numerator: BigInt(seats[index]!) * allMembers - quotaNumerators[index]!,
        denominator: allMembers,
      },
    });
    const holders = open.flatMap((index) => (seats[index]! > minimum ? [surrenderOf(index)] : []));
    const contest = awardByPriority(-left, holders, (claim) => {
      seats[claim.index]! -= 1;
      return seats[claim.index]! > minimum ? surrenderOf(claim.index) : undefined;
    });
    lot.settle(contest, 'picked-lose');
  }

  return children.map((c, index) => {
    const numerator = quotaNumerators[index]!;
    return {
      councilId: c.councilId,
      members: c.members,
      seats: seats[index]!,
      quotient: decimalText({ numerator, denominator: allMembers }),
      remainder: decimalText({ numerator: numerator % allMembers, denominator: allMembers }),
      minimumApplied: raised[index]!,
    };
  });
}
