// Meek STV as the Proportional Representation Foundation's reference rule prescribes: fixed-point
// decimals with 9 places, omega 10^-6, Droop quota recomputed from the votes still held
// (truncated, plus 10^-9), each paper's weight split by keep factors with every product rounded
// up, keep factors updated as kf × quota ÷ vote with both steps rounded up, and the lowest hopeful
// defeated (ties: every hopeful within the total surplus of the lowest) when the surplus is below
// omega or stops falling.
//
// Unit: every quantity is an integer count of 10^-9 (a "nano-vote"). Weights and keep factors are
// at most 10^9, so their products are split to stay exact in doubles; candidate votes are at most
// papers × 10^9, exact in doubles up to 9,007,199 papers (checked). Keep-factor updates, which
// involve the quota, use bigint.

import { createLot, DEFAULT_SEED } from './drawing-lots.ts';
import { divide, toDecimalString } from './fixed-point.ts';
import { buildPreferenceTree, preorderOf } from './preference-tree.ts';
import { chooseAmongTied, type TiePolicy } from './stv-tie-break.ts';
import type { BallotProfile, CandidateStatus, Tally, TallyRound, TieBreak } from './tally.ts';

const DECIMALS = 9;
const ONE = 1_000_000_000;
const ONE_BIG = 1_000_000_000n;
const OMEGA = 1_000; // 10^-6
const MAX_PAPERS = Math.floor(Number.MAX_SAFE_INTEGER / ONE);
/** A safety net far above what the reference examples and the Scottish corpus need (under 100). */
const MAX_ITERATIONS_PER_ROUND = 100_000;

/**
 * 'prf-reference' (default) is the PR Foundation rule. 'split-down' is the variant of Droop's
 * generic `meek` rule and of stv-rs, whose transcripts are in the test data: a paper keeps
 * w × kf and passes on w × (1 − kf), both truncated, and iteration also stops at surplus = omega.
 */
export type MeekVariant = 'prf-reference' | 'split-down';

export interface MeekOptions {
  seats?: number;
  seed?: string;
  tiePolicy?: TiePolicy;
  /** Ballot-file tie order (BLT `[tie]`), first = first to lose a tie; used when tiePolicy is 'order'. */
  tieOrder?: number[];
  variant?: MeekVariant;
}

/** a × b ÷ 10^9 rounded up (or down) for integers 0 ≤ a, b ≤ 10^9, exact in doubles (see the unit note above). */
export function multiplyNano(a: number, b: number, roundUp: boolean): number {
  const high = Math.floor(b / 10_000);
  const low = b - high * 10_000;
  const upper = a * high; // < 10^14
  const upperWhole = Math.floor(upper / 100_000);
  const rest = (upper - upperWhole * 100_000) * 10_000 + a * low; // < 1.1 × 10^13
  const restWhole = Math.floor(rest / ONE);
  return upperWhole + restWhole + (roundUp && rest - restWhole * ONE > 0 ? 1 : 0);
}

const format = (nanoVotes: number | bigint) => toDecimalString(BigInt(nanoVotes), DECIMALS);

export function countMeekStv(profile: BallotProfile, options: MeekOptions = {}): Tally {
  const seats = options.seats ?? profile.seats;
  if (!Number.isInteger(seats) || seats < 1)
    throw new RangeError(`seats must be a positive integer, got ${seats}`);
  const seed = options.seed ?? DEFAULT_SEED;
  const lot = createLot(seed);
  const tiePolicy = options.tiePolicy ?? 'lot';
  const roundUp = (options.variant ?? 'prf-reference') === 'prf-reference';
  const names = profile.candidates;
  const n = names.length;
  const tree = buildPreferenceTree(profile);
  if (tree.validPapers > MAX_PAPERS)
    throw new RangeError(`Meek count supports at most ${MAX_PAPERS} papers, got ${tree.validPapers}`);
  const { candidate, parentPosition, passing, subtreeEnd } = preorderOf(tree);
  const nodeCount = tree.nodeCount;

  const status: CandidateStatus[] = names.map(() => 'continuing');
  for (const c of profile.withdrawn) if (c >= 0 && c < n) status[c] = 'withdrawn';
  const keep = new Float64Array(n);
  for (let c = 0; c < n; c += 1) keep[c] = status[c] === 'continuing' ? ONE : 0;
  const votes = new Float64Array(n);
  const weightAfter = new Float64Array(nodeCount);
  const total = tree.validPapers * ONE;
  const elected: number[] = [];
  const rounds: TallyRound[] = [];
  const tieBreaks: TieBreak[] = [];
  let quota = 0;

  /**
   * Rule B.2.a over the tree in depth-first order: a node's papers arrive with their parent's
   * remaining weight. A hopeful keeps all of it and a paper with no weight gives nothing more, so
   * the walk skips their subtrees.
   */
  const distribute = () => {
    votes.fill(0);
    let position = 0;
    while (position < nodeCount) {
      const p = parentPosition[position] ?? -1;
      const weight = p < 0 ? ONE : (weightAfter[p] ?? 0);
      if (weight === 0) {
        position = subtreeEnd[position] ?? nodeCount;
        continue;
      }
      const c = candidate[position] ?? 0;
      const kf = keep[c] ?? 0;
      if (kf === ONE) {
        votes[c] = (votes[c] ?? 0) + weight * (passing[position] ?? 0);
        position = subtreeEnd[position] ?? nodeCount;
        continue;
      }
      const kept = kf === 0 ? 0 : multiplyNano(weight, kf, roundUp);
      votes[c] = (votes[c] ?? 0) + kept * (passing[position] ?? 0);
      weightAfter[position] = kf === 0 || roundUp ? weight - kept : multiplyNano(weight, ONE - kf, false);
      position += 1;
    }
  };
  const counted = () => {
    let sum = 0;
    for (let c = 0; c < n; c += 1)
      if (status[c] === 'continuing' || status[c] === 'elected') sum += votes[c] ?? 0;
    return sum;
  };
  // Rule B.2.b: votes ÷ (seats + 1), truncated, plus 10^-9.
  const quotaOf = (held: number) => Math.floor(held / (seats + 1)) + 1;
  const hopefuls = () => status.flatMap((s, c) => (s === 'continuing' ? [c] : []));

  const record = (
    action: TallyRound['action'],
    subjects: number[],
    newlyElected: number[],
    excluded: number[],
    notes: string[],
  ) => {
    const previous = rounds[rounds.length - 1];
    const shown = (c: number) =>
      status[c] === 'continuing' || status[c] === 'elected' || excluded.includes(c);
    const totals = Array.from(votes, (v, c) => format(shown(c) ? v : 0));
    let held = 0;
    for (let c = 0; c < n; c += 1) if (shown(c)) held += votes[c] ?? 0;
    const round: TallyRound = {
      stage: rounds.length + 1,
      action,
      subjects,
      totals,
      exhausted: format(total - held),
      elected: newlyElected,
      excluded,
      statuses: [...status],
      notes,
      keepValues: Array.from(keep, (k) => format(k)),
      quota: format(quota),
    };
    if (previous !== undefined) {
      round.transfers = totals.map((t, c) =>
        toDecimalString(
          BigInt(t.replace('.', '')) - BigInt((previous.totals[c] ?? '0').replace('.', '')),
          DECIMALS,
        ),
      );
    }
    rounds.push(round);
  };

  // Rule A and the opening count: first preferences, quota from all valid papers.
  distribute();
  quota = quotaOf(total);
  record('first-preferences', [], [], [], []);

  while (hopefuls().length > seats - elected.length && seats - elected.length > 0) {
    let outcome: 'iterate' | 'elected' | 'omega' | 'stable' = 'iterate';
    let lastSurplus = total;
    let surplus = 0;
    let iterations = 0;
    const newlyElected: number[] = [];
    const notes: string[] = [];
    while (true) {
      iterations += 1;
      if (iterations > MAX_ITERATIONS_PER_ROUND) throw new Error('Meek iteration did not settle');
      distribute();
      quota = quotaOf(counted());
      const reached = hopefuls()
        .filter((c) => (votes[c] ?? 0) >= quota)
        .sort((a, b) => (votes[b] ?? 0) - (votes[a] ?? 0) || a - b);
      for (const c of reached) {
        status[c] = 'elected';
        elected.push(c);
        newlyElected.push(c);
        outcome = 'elected';
        notes.push(`${names[c]} is elected: ${format(votes[c] ?? 0)} reaches the quota of ${format(quota)}.`);
      }
      surplus = 0;
      for (const c of elected) surplus += (votes[c] ?? 0) - quota;
      if (surplus < 0) surplus = 0;
      if (outcome !== 'elected') {
        if (surplus < OMEGA || (!roundUp && surplus === OMEGA)) outcome = 'omega';
        else if (surplus >= lastSurplus) outcome = 'stable';
      }
      if (outcome !== 'iterate') break;
      lastSurplus = surplus;
      // Rule B.2.f: kf × quota rounded up, then ÷ vote rounded up.
      for (const c of elected) {
        const scaled = divide(BigInt(keep[c] ?? 0) * BigInt(quota), ONE_BIG, 'up');
        keep[c] = Number(divide(scaled * ONE_BIG, BigInt(votes[c] ?? 1), 'up'));
      }
    }
    if (outcome === 'elected') {
      notes.push(`Keep values settled after ${iterations} iteration${iterations === 1 ? '' : 's'}.`);
      record('iteration', [], newlyElected, [], notes);
      continue;
    }
    // Rule B.3: defeat the lowest hopeful; all within the total surplus of it count as tied.
    const hopeful = hopefuls();
    let lowest = Number.POSITIVE_INFINITY;
    for (const c of hopeful) lowest = Math.min(lowest, votes[c] ?? 0);
    const tied = hopeful.filter((c) => (votes[c] ?? 0) <= lowest + surplus);
    const stage = rounds.length + 1;
    let out = tied[0] ?? -1;
    if (tied.length > 1) {
      const broken = chooseAmongTied(tied, stage, tiePolicy, lot, options.tieOrder);
      tieBreaks.push(broken);
      out = broken.chosen;
      notes.push(
        `${tied.map((c) => names[c]).join(', ')} are within the surplus of the lowest; ${broken.by === 'lot' ? `lot with seed "${seed}"` : 'ballot-file order'} chooses ${names[out]}.`,
      );
    }
    notes.unshift(
      `${names[out]} is defeated with the lowest vote, ${format(votes[out] ?? 0)}, after ${iterations} iteration${iterations === 1 ? '' : 's'} (surplus ${format(surplus)} ${outcome === 'omega' ? 'below omega 0.000001' : 'no longer falling'}).`,
    );
    status[out] = 'excluded';
    keep[out] = 0;
    record('exclusion', [out], [], [out], notes);
  }

  // Rule C: fill the seats left with the remaining hopefuls.
  const last = rounds[rounds.length - 1];
  if (elected.length < seats && last !== undefined) {
    const remaining = hopefuls().sort((a, b) => (votes[b] ?? 0) - (votes[a] ?? 0) || a - b);
    for (const c of remaining) {
      if (elected.length >= seats) break;
      status[c] = 'elected';
      elected.push(c);
      last.elected.push(c);
      last.notes.push(`${names[c]} is elected: the hopeful candidates are no more than the seats left.`);
    }
    last.statuses = [...status];
  }

  return {
    method: 'stv-meek',
    seats,
    candidates: [...names],
    elected,
    rounds,
    valid: format(total),
    quota: format(quota),
    tieBreaks,
    seed,
  };
}
