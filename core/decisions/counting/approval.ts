// Approval voting, single- or multi-seat: a paper approves every candidate marked on it, at any rank
// and in any number (rank order carries no meaning here); each approved candidate gets the paper's
// full weight once. The candidates with the most approvals win.
import { createLot, DEFAULT_SEED } from './drawing-lots.ts';
import { resolveSeats, singleCountTally } from './highest-totals.ts';
import type { BallotProfile, Tally } from './tally.ts';

export interface ApprovalOptions {
  /** Seats to fill (top N); defaults to the profile's seats. */
  seats?: number;
  /** Seed for the lot when a tie straddles the last seat. */
  seed?: string;
}

export function countApproval(profile: BallotProfile, options: ApprovalOptions = {}): Tally {
  const seats = resolveSeats(options.seats, profile);
  const lot = createLot(options.seed ?? DEFAULT_SEED);
  const n = profile.candidates.length;
  const withdrawn = new Set(profile.withdrawn);
  const totals = new Array<number>(n).fill(0);
  let papers = 0;
  let blank = 0;
  let approvals = 0;
  // Reused across papers: marks the candidates already approved on the current paper.
  const seenOnPaper = new Int32Array(n).fill(-1);

  profile.ballots.forEach((ballot, index) => {
    let marked = 0;
    for (const rank of ballot.ranks) {
      for (const c of rank) {
        if (c < 0 || c >= n || withdrawn.has(c) || seenOnPaper[c] === index) continue;
        seenOnPaper[c] = index;
        totals[c]! += ballot.weight;
        marked++;
      }
    }
    if (marked === 0) blank += ballot.weight;
    else {
      papers += ballot.weight;
      approvals += marked * ballot.weight;
    }
  });

  return singleCountTally({
    method: 'approval',
    profile,
    seats,
    totals,
    withdrawn,
    lot,
    valid: papers,
    notes: [
      `${papers} papers approve ${approvals} times in all; ${blank} papers approve no standing candidate.`,
    ],
    rejected: { blank, overvote: 0 },
  });
}
