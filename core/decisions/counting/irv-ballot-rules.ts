// How one paper moves down its ranks under the settings US jurisdictions write into their rules
// (the RCTab configuration keys in brackets): what an overvote does [overvoteRule], how many ranks in
// a row may be left blank [maxSkippedRanksAllowed], and what a candidate ranked twice does
// [exhaustOnDuplicateCandidate]. A paper is read from its current rank onwards; since excluded
// candidates never come back, resuming there gives the same answer as re-reading it from the top.
import type { RankedBallot } from './tally.ts';

export type OvervoteRule = 'exhaust' | 'skip';
export type DuplicateRule = 'skip' | 'exhaust';
export type InactiveCause = 'overvote' | 'skippedRanks' | 'duplicate' | 'noFurtherPreference';

export interface BallotRules {
  overvote: OvervoteRule;
  /** Most blank ranks allowed in a row before the next mark; null = any number. */
  skippedRankLimit: number | null;
  duplicates: DuplicateRule;
}

/** Where a paper stands after reading on: with a continuing candidate, or out of the count and why. */
export type PaperPlace = { candidate: number; rank: number } | { inactive: InactiveCause };

function isOvervote(ballot: RankedBallot, r: number, rank: readonly number[]): boolean {
  if (ballot.overvotedRanks?.includes(r)) return true;
  const first = rank[0];
  return rank.length > 1 && rank.some((c) => c !== first);
}

function repeatsEarlierRank(ballot: RankedBallot, r: number, rank: readonly number[]): boolean {
  for (let earlier = 0; earlier < r; earlier++) {
    const seen = ballot.ranks[earlier]!;
    if (rank.some((c) => seen.includes(c))) return true;
  }
  return false;
}

/**
 * Reads `ballot` from rank `from` (0-based) until it finds a continuing candidate or leaves the count.
 * `lastMarked` is the rank of the last mark already read (-1 before the first), so that a run of blank
 * ranks that began before `from` is still measured whole. The checks come in RCTab's order: skipped
 * ranks, then a repeated candidate, then an overvote.
 */
export function readOn(
  ballot: RankedBallot,
  from: number,
  lastMarked: number,
  isContinuing: (candidate: number) => boolean,
  rules: BallotRules,
): PaperPlace & { lastMarked: number } {
  const ranks = ballot.ranks;
  let last = lastMarked;
  for (let r = from; r < ranks.length; r++) {
    const rank = ranks[r]!;
    const over = isOvervote(ballot, r, rank);
    if (rank.length === 0 && !over) continue;
    if (rules.skippedRankLimit !== null && r - last - 1 > rules.skippedRankLimit) {
      return { inactive: 'skippedRanks', lastMarked: last };
    }
    last = r;
    if (rules.duplicates === 'exhaust' && repeatsEarlierRank(ballot, r, rank)) {
      return { inactive: 'duplicate', lastMarked: last };
    }
    if (over) {
      if (rules.overvote === 'exhaust') return { inactive: 'overvote', lastMarked: last };
      continue;
    }
    const candidate = rank[0]!;
    if (isContinuing(candidate)) return { candidate, rank: r, lastMarked: last };
  }
  return { inactive: 'noFurtherPreference', lastMarked: last };
}

/** A paper with no mark at all (not even an overvote) is blank: it never enters the count. */
export function isBlank(ballot: RankedBallot): boolean {
  return ballot.ranks.every((rank) => rank.length === 0) && !(ballot.overvotedRanks?.length ?? 0);
}
