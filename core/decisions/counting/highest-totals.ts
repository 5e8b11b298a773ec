// Single-count methods (plurality, approval) elect the candidates with the highest totals. Equal
// totals stay equal in the ranking; only a tie that straddles the last seat is settled, by lot.
import type { Lot } from './drawing-lots.ts';
import type { BallotProfile, TieBreak } from './tally.ts';

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
