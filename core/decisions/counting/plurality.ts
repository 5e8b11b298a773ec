// Plurality (first past the post), single- or multi-seat: each paper carries one mark, the first
// preference; the candidates with the most marks win. A paper with several marks at the first rank is
// an overvote and is rejected (it cannot say which candidate it supports); a paper with no first mark
// is blank. Both are recorded, never counted.
import { createLot, DEFAULT_SEED } from './drawing-lots.ts';
import { resolveSeats, singleCountTally } from './highest-totals.ts';
import type { BallotProfile, Tally } from './tally.ts';

export interface PluralityOptions {
  /** Seats to fill (top N); defaults to the profile's seats. */
  seats?: number;
  /** Seed for the lot when a tie straddles the last seat. */
  seed?: string;
}

export function countPlurality(profile: BallotProfile, options: PluralityOptions = {}): Tally {
  const seats = resolveSeats(options.seats, profile);
  const lot = createLot(options.seed ?? DEFAULT_SEED);
  const n = profile.candidates.length;
  const withdrawn = new Set(profile.withdrawn);
  const totals = new Array<number>(n).fill(0);
  let blank = 0;
  let overvote = 0;
  let withdrawnOnly = 0;

  for (const ballot of profile.ballots) {
    if (ballot.overvotedRanks?.includes(0)) {
      overvote += ballot.weight;
      continue;
    }
    const first = ballot.ranks[0] ?? [];
    // A candidate written twice at the same rank is still one mark.
    const marks = [...new Set(first)].filter((c) => c >= 0 && c < n);
    if (marks.length > 1) {
      overvote += ballot.weight;
    } else if (marks.length === 0) {
      blank += ballot.weight;
    } else if (withdrawn.has(marks[0]!)) {
      // The one mark is for a candidate who withdrew: it supports no one who stands.
      withdrawnOnly += ballot.weight;
      blank += ballot.weight;
    } else {
      totals[marks[0]!]! += ballot.weight;
    }
  }

  const valid = totals.reduce((sum, t) => sum + t, 0);
  return singleCountTally({
    method: 'plurality',
    profile,
    seats,
    totals,
    withdrawn,
    lot,
    valid,
    notes: [
      `${valid} valid papers, one mark each; ${overvote} overvoted (several marks at the first rank) and ${blank} blank papers are rejected.`,
      ...(withdrawnOnly > 0 ? [`${withdrawnOnly} of the blank papers marked a withdrawn candidate.`] : []),
    ],
    rejected: { blank, overvote },
  });
}
