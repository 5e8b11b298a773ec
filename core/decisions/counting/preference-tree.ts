// Ballots folded into a prefix tree of preferences, in flat typed arrays. Every transfer rule here
// (Scottish, WIGM, Meek) treats two papers that share a prefix identically up to the end of that
// prefix, so a node stands for all the papers through it: a count touches each node, not each paper.
// Nodes are numbered so that a parent always comes before its children (Meek walks them in order).

import type { BallotProfile } from './tally.ts';

export interface PreferenceTree {
  candidateCount: number;
  nodeCount: number;
  /** Candidate of each node. */
  candidate: Int32Array;
  /** Parent node, or -1 for a first preference. */
  parent: Int32Array;
  /** Papers whose usable preferences start with this node's prefix (a count of papers, exact integer). */
  passing: Float64Array;
  /** Papers whose usable preferences end exactly at this node. */
  ending: Float64Array;
  /** First child and next sibling, -1 when none. */
  firstChild: Int32Array;
  nextSibling: Int32Array;
  /** Nodes of first preferences. */
  roots: number[];
  /** Papers with at least one usable preference: the valid poll. */
  validPapers: number;
  /** Papers with no usable preference (blank, only withdrawn candidates, or an equal first rank). */
  unusablePapers: number;
  /** Papers whose usable preferences were cut at an equal ranking after the first. */
  cutAtEqualRanking: number;
}

/**
 * Usable preferences of a paper: withdrawn candidates and repeats are skipped; a rank holding more
 * than one continuing candidate is ambiguous, so the paper's preferences end before it (as a paper
 * marked "1" twice is void and one marked "3" twice stops transferring at the tie).
 */
function usablePreferences(ranks: number[][], withdrawn: Uint8Array, candidateCount: number, out: number[]): boolean {
  out.length = 0;
  for (const rank of ranks) {
    let only = -1;
    let present = 0;
    for (const c of rank) {
      if (c < 0 || c >= candidateCount || withdrawn[c] === 1) continue;
      if (c !== only) present += 1;
      only = c;
    }
    if (present === 0) continue;
    if (present > 1) return true;
    if (!out.includes(only)) out.push(only);
  }
  return false;
}

export function buildPreferenceTree(profile: BallotProfile): PreferenceTree {
  const candidateCount = profile.candidates.length;
  const withdrawn = new Uint8Array(candidateCount);
  for (const c of profile.withdrawn) if (c >= 0 && c < candidateCount) withdrawn[c] = 1;

  const candidate: number[] = [];
  const parent: number[] = [];
  const passing: number[] = [];
  const ending: number[] = [];
  // Child lookup keyed by (parent + 1) × candidates + candidate; stays below 2^53 for any real tree.
  const childOf = new Map<number, number>();
  const roots: number[] = [];
  let validPapers = 0;
  let unusablePapers = 0;
  let cutAtEqualRanking = 0;
  const preferences: number[] = [];

  for (const ballot of profile.ballots) {
    const weight = ballot.weight;
    const cut = usablePreferences(ballot.ranks, withdrawn, candidateCount, preferences);
    if (preferences.length === 0) {
      unusablePapers += weight;
      continue;
    }
    if (cut) cutAtEqualRanking += weight;
    validPapers += weight;
    let node = -1;
    for (const c of preferences) {
      const key = (node + 1) * candidateCount + c;
      let child = childOf.get(key);
      if (child === undefined) {
        child = candidate.length;
        candidate.push(c);
        parent.push(node);
        passing.push(0);
        ending.push(0);
        childOf.set(key, child);
        if (node === -1) roots.push(child);
      }
      passing[child] = (passing[child] ?? 0) + weight;
      node = child;
    }
    ending[node] = (ending[node] ?? 0) + weight;
  }

  const nodeCount = candidate.length;
  const firstChild = new Int32Array(nodeCount).fill(-1);
  const nextSibling = new Int32Array(nodeCount).fill(-1);
  // Linking children from the last node backwards keeps each sibling list in creation order.
  for (let n = nodeCount - 1; n >= 0; n -= 1) {
    const p = parent[n] ?? -1;
    if (p >= 0) {
      nextSibling[n] = firstChild[p] ?? -1;
      firstChild[p] = n;
    }
  }
  return {
    candidateCount,
    nodeCount,
    candidate: Int32Array.from(candidate),
    parent: Int32Array.from(parent),
    passing: Float64Array.from(passing),
    ending: Float64Array.from(ending),
    firstChild,
    nextSibling,
    roots,
    validPapers,
    unusablePapers,
    cutAtEqualRanking,
  };
}
