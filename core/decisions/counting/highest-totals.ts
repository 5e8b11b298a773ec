// Single-count methods (plurality, approval) elect the candidates with the highest totals. Equal
// totals stay equal in the ranking; only a tie that straddles the last seat is settled, by lot.
import type { Lot } from './drawing-lots.ts';
import type { BallotProfile, CandidateStatus, Tally, TieBreak } from './tally.ts';

/** Seats must be a whole number from 1; a caller that passes anything else has a bug. */
export function resolveSeats(requested: number | undefined, profile: BallotProfile): number {
  const seats = requested ?? profile.seats;
  if (!Number.isInteger(seats) || seats < 1)
    throw new RangeError(`seats must be a whole number from 1, got ${seats}`);
  return seats;
}

export interface HighestTotals {
  /** Tiers of equal totals, highest first; ranking[0] holds the leaders. */
  ranking: number[][];
  /** Elected in order: by total, and by the lot within a tie that straddles the last seat. */
  elected: number[];
  tieBreaks: TieBreak[];
  notes: string[];
}

export function electHighestTotals(
  totals: readonly number[],
  eligible: readonly number[],
  seats: number,
  lot: Lot,
  names: readonly string[],
  stage: number,
): HighestTotals {
  const byTotal = new Map<number, number[]>();
  for (const c of eligible) {
    const total = totals[c] ?? 0;
    const tier = byTotal.get(total);
    if (tier) tier.push(c);
    else byTotal.set(total, [c]);
  }
  const ranking = [...byTotal.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([, tier]) => tier.sort((a, b) => a - b));

  const elected: number[] = [];
  const tieBreaks: TieBreak[] = [];
  const notes: string[] = [];
  for (const tier of ranking) {
    const open = seats - elected.length;
    if (open <= 0) break;
    const total = totals[tier[0]!] ?? 0;
    if (tier.length <= open) {
      for (const c of tier) {
        elected.push(c);
        notes.push(`${names[c]} is elected with ${total}: place ${elected.length} of ${seats} seat(s).`);
      }
      continue;
    }
    // More candidates share this total than seats remain: the rule leaves it to chance.
    const drawn = lot.order(tier);
    const remaining = [...drawn];
    for (let k = 0; k < open; k++) {
      const chosen = drawn[k]!;
      tieBreaks.push({
        stage,
        tied: [...remaining].sort((a, b) => a - b),
        chosen,
        by: 'lot',
        seed: lot.seed,
      });
      remaining.splice(remaining.indexOf(chosen), 1);
      elected.push(chosen);
    }
    const tiedNames = tier.map((c) => names[c]).join(', ');
    notes.push(
      `${tiedNames} are tied on ${total} for ${open} remaining seat(s); drawn by lot (seed "${lot.seed}"): ` +
        `${drawn
          .slice(0, open)
          .map((c) => names[c])
          .join(', ')} elected.`,
    );
  }
  return { ranking, elected, tieBreaks, notes };
}

/**
 * The one-stage tally both single-count methods return: elect the highest totals among the standing
 * candidates and record the single count with its notes (the method's own first, then the lot's).
 */
export function singleCountTally(input: {
  method: 'plurality' | 'approval';
  profile: BallotProfile;
  seats: number;
  totals: readonly number[];
  withdrawn: ReadonlySet<number>;
  lot: Lot;
  valid: number;
  notes: string[];
  rejected: { blank: number; overvote: number };
}): Tally {
  const { profile, withdrawn } = input;
  const eligible = profile.candidates.map((_, c) => c).filter((c) => !withdrawn.has(c));
  const result = electHighestTotals(input.totals, eligible, input.seats, input.lot, profile.candidates, 1);
  const elected = new Set(result.elected);
  const statuses: CandidateStatus[] = profile.candidates.map((_, c) =>
    withdrawn.has(c) ? 'withdrawn' : elected.has(c) ? 'elected' : 'excluded',
  );
  return {
    method: input.method,
    seats: input.seats,
    candidates: [...profile.candidates],
    elected: result.elected,
    rounds: [
      {
        stage: 1,
        action: 'count',
        subjects: [],
        totals: input.totals.map(String),
        exhausted: '0',
        elected: result.elected,
        excluded: [],
        statuses,
        notes: [...input.notes, ...result.notes],
      },
    ],
    valid: String(input.valid),
    ranking: result.ranking,
    tieBreaks: result.tieBreaks,
    seed: input.lot.seed,
    rejected: { blank: String(input.rejected.blank), overvote: String(input.rejected.overvote) },
  };
}
