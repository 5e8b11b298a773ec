// Schulze method: from the pairwise counts d[i][j] (papers ranking i above j), each defeat d[i][j] >
// d[j][i] is a link whose strength depends on the variant (winning votes d[i][j], the margin d[i][j] −
// d[j][i], or the ratio d[i][j] / d[j][i]); a path is as strong as its weakest link, and i ranks above
// j when i's strongest path to j is stronger than j's back. That relation is a strict partial order
// (Schulze 2011, §4.1), so it yields a full ranking in tiers. Candidates a paper leaves unranked are
// by default tied below all it ranks (Debian's rule); 'ignored' counts only pairs the paper ranks.
import { createLot, DEFAULT_SEED } from './drawing-lots.ts';
import { resolveSeats } from './highest-totals.ts';
import type { BallotProfile, CandidateStatus, Tally, TieBreak } from './tally.ts';

export type SchulzeVariant = 'winning' | 'margin' | 'ratio';

export interface SchulzeOptions {
  /** Seats to fill from the top of the ranking; defaults to the profile's seats. */
  seats?: number;
  variant?: SchulzeVariant;
  unranked?: 'tied-last' | 'ignored';
  /** Seed for the lot when tied candidates straddle the last seat. */
  seed?: string;
}

/** pairwise[i][j]: value of papers ranking i above j, over all candidates (withdrawn rows stay 0). */
export function pairwiseCounts(profile: BallotProfile, unranked: 'tied-last' | 'ignored'): number[][] {
  const n = profile.candidates.length;
  const standing = new Uint8Array(n).fill(1);
  for (const c of profile.withdrawn) if (c >= 0 && c < n) standing[c] = 0;
  const d = new Float64Array(n * n);
  const position = new Int32Array(n).fill(-1);
  const ranked: number[] = [];
  for (const ballot of profile.ballots) {
    ranked.length = 0;
    ballot.ranks.forEach((rank, r) => {
      for (const c of rank) {
        // The first mark for a candidate is the one that counts; a repeat lower down adds nothing.
        if (c >= 0 && c < n && standing[c] && position[c] === -1) {
          position[c] = r;
          ranked.push(c);
        }
      }
    });
    const w = ballot.weight;
    for (let a = 0; a < ranked.length; a++) {
      const i = ranked[a]!;
      const pi = position[i]!;
      for (let b = a + 1; b < ranked.length; b++) {
        const j = ranked[b]!;
        const pj = position[j]!;
        if (pi < pj) d[i * n + j]! += w;
        else if (pj < pi) d[j * n + i]! += w;
      }
      if (unranked === 'tied-last') {
        for (let j = 0; j < n; j++) if (standing[j] && position[j] === -1) d[i * n + j]! += w;
      }
    }
    for (const c of ranked) position[c] = -1;
  }
  return Array.from({ length: n }, (_, i) => Array.from(d.subarray(i * n, (i + 1) * n)));
}

/** A link's strength as an exact fraction (num/den; den 1 for winning votes and margins, 0 = infinite ratio). */
interface Strength {
  num: number;
  den: number;
}

function compareStrength(a: Strength, b: Strength): number {
  // Cross-multiplied in bigint: products of two vote totals can pass 2^53.
  const left = BigInt(a.num) * BigInt(b.den);
  const right = BigInt(b.num) * BigInt(a.den);
  return left < right ? -1 : left > right ? 1 : 0;
}

function linkStrength(win: number, loss: number, variant: SchulzeVariant): Strength {
  if (variant === 'winning') return { num: win, den: 1 };
  if (variant === 'margin') return { num: win - loss, den: 1 };
  return { num: win, den: loss };
}

export interface SchulzeMatrices {
  pairwise: number[][];
  /** Strongest-path strengths in the variant's unit, 0 / "0" where there is no path. */
  strongestPaths: (number | string)[][];
  /** beats[i][j]: i is ranked above j. */
  beats: boolean[][];
}

/** Widest paths (Floyd–Warshall on the bottleneck) over the links among standing candidates. */
export function schulzeMatrices(
  pairwise: number[][],
  standing: readonly number[],
  variant: SchulzeVariant,
): SchulzeMatrices {
  const n = pairwise.length;
  // Work on the ranks of the distinct link strengths: paths only compare strengths, and integer ranks
  // keep the cubic loop exact and fast whatever the variant's unit.
  const links: { i: number; j: number; s: Strength }[] = [];
  for (const i of standing) {
    for (const j of standing) {
      const win = pairwise[i]![j]!;
      const loss = pairwise[j]![i]!;
      if (i !== j && win > loss) links.push({ i, j, s: linkStrength(win, loss, variant) });
    }
  }
  const distinct = links.map((l) => l.s).sort(compareStrength);
  const levels: Strength[] = [];
  for (const s of distinct) {
    const last = levels[levels.length - 1];
    if (!last || compareStrength(last, s) !== 0) levels.push(s);
  }
  const levelOf = (s: Strength) => {
    let lo = 0;
    let hi = levels.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareStrength(levels[mid]!, s) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
  const p = new Int32Array(n * n);
  for (const l of links) p[l.i * n + l.j] = levelOf(l.s);
  for (const k of standing) {
    for (const i of standing) {
      if (i === k) continue;
      const ik = p[i * n + k]!;
      if (ik === 0) continue;
      for (const j of standing) {
        if (j === i || j === k) continue;
        const through = Math.min(ik, p[k * n + j]!);
        if (through > p[i * n + j]!) p[i * n + j] = through;
      }
    }
  }
  const show = (level: number): number | string => {
    if (level === 0) return variant === 'ratio' ? '0' : 0;
    const s = levels[level - 1]!;
    return variant === 'ratio' ? `${s.num}/${s.den}` : s.num;
  };
  const strongestPaths = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => show(p[i * n + j]!)),
  );
  const beats = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => p[i * n + j]! > p[j * n + i]!),
  );
  return { pairwise, strongestPaths, beats };
}

/** Tiers of the Schulze order: each tier holds the candidates no remaining candidate beats. */
function rankTiers(standing: readonly number[], beats: boolean[][]): number[][] {
  const tiers: number[][] = [];
  let remaining = [...standing];
  while (remaining.length > 0) {
    const top = remaining.filter((c) => !remaining.some((o) => beats[o]![c]));
    // The relation is acyclic, so a non-empty set always has an unbeaten member; guard anyway.
    const tier = top.length > 0 ? top : remaining;
    tiers.push(tier);
    remaining = remaining.filter((c) => !tier.includes(c));
  }
  return tiers;
}

export function countSchulze(profile: BallotProfile, options: SchulzeOptions = {}): Tally {
  const seats = resolveSeats(options.seats, profile);
  const variant = options.variant ?? 'winning';
  const unranked = options.unranked ?? 'tied-last';
  const lot = createLot(options.seed ?? DEFAULT_SEED);
  const names = profile.candidates;
  const withdrawn = new Set(profile.withdrawn);
  const standing = names.map((_, c) => c).filter((c) => !withdrawn.has(c));

  const pairwise = pairwiseCounts(profile, unranked);
  const { strongestPaths, beats } = schulzeMatrices(pairwise, standing, variant);
  const ranking = rankTiers(standing, beats);

  const elected: number[] = [];
  const tieBreaks: TieBreak[] = [];
  const notes: string[] = [];
  for (const tier of ranking) {
    const open = seats - elected.length;
    if (open <= 0) break;
    if (tier.length <= open) {
      elected.push(...tier);
      continue;
    }
    const drawn = lot.order(tier);
    for (let k = 0; k < open; k++) {
      const remaining = drawn.slice(k).sort((a, b) => a - b);
      tieBreaks.push({ stage: 1, tied: remaining, chosen: drawn[k]!, by: 'lot', seed: lot.seed });
      elected.push(drawn[k]!);
    }
    notes.push(
      `${tier.map((c) => names[c]).join(', ')} are tied in the Schulze order for ${open} seat(s); ` +
        `drawn by lot (seed "${lot.seed}").`,
    );
  }

  const wins = names.map((_, i) => standing.filter((j) => beats[i]![j]).length);
  const unit = variant === 'winning' ? 'winning votes' : variant === 'margin' ? 'margins' : 'ratios';
  const papers = profile.ballots.reduce(
    (sum, b) => (b.ranks.some((r) => r.length > 0) ? sum + b.weight : sum),
    0,
  );
  notes.unshift(
    `${papers} papers; links measured by ${unit}; unranked candidates ${unranked === 'tied-last' ? 'tied below all ranked ones' : 'left out of their pairs'}.`,
    ...ranking.map(
      (tier, place) =>
        `Place ${place + 1}: ${tier.map((c) => names[c]).join(' = ')} — no candidate not yet placed has a stronger path to them than they have back.`,
    ),
    ...elected.map((c) => `${names[c]} is elected.`),
  );
  const electedSet = new Set(elected);
  const statuses: CandidateStatus[] = names.map((_, c) =>
    withdrawn.has(c) ? 'withdrawn' : electedSet.has(c) ? 'elected' : 'excluded',
  );

  return {
    method: 'schulze',
    seats,
    candidates: [...names],
    elected,
    rounds: [
      {
        stage: 1,
        action: 'count',
        subjects: [],
        totals: wins.map(String),
        exhausted: '0',
        elected,
        excluded: [],
        statuses,
        notes,
      },
    ],
    valid: String(papers),
    ranking,
    tieBreaks,
    seed: lot.seed,
    pairwise,
    strongestPaths,
  };
}
