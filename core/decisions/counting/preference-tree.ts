// Ballots folded into a prefix tree of preferences, in flat typed arrays. Every transfer rule here
// (Scottish, WIGM, Meek) treats two papers that share a prefix identically up to the end of that
// prefix, so a node stands for all the papers through it: a count touches each node, not each paper.
// Nodes are numbered so that a parent always comes before its children.

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
function usablePreferences(
  ranks: number[][],
  withdrawn: Uint8Array,
  candidateCount: number,
  out: number[],
): boolean {
  out.length = 0;
  for (const rank of ranks) {
    if (rank.length === 1) {
      // The common case: one candidate at this rank.
      const c = rank[0] ?? -1;
      if (c >= 0 && c < candidateCount && withdrawn[c] !== 1 && !out.includes(c)) out.push(c);
      continue;
    }
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

/** Growable typed columns of the tree while it is built. */
class TreeColumns {
  size = 0;
  candidate = new Int32Array(1024);
  parent = new Int32Array(1024);
  firstChild = new Int32Array(1024);
  nextSibling = new Int32Array(1024);
  passing = new Float64Array(1024);
  ending = new Float64Array(1024);

  add(candidate: number, parent: number, sibling: number): number {
    if (this.size === this.candidate.length) this.grow();
    const node = this.size;
    this.size += 1;
    this.candidate[node] = candidate;
    this.parent[node] = parent;
    this.firstChild[node] = -1;
    this.nextSibling[node] = sibling;
    this.passing[node] = 0;
    this.ending[node] = 0;
    return node;
  }

  private grow(): void {
    const capacity = this.candidate.length * 2;
    const widenInt = (a: Int32Array) => {
      const b = new Int32Array(capacity);
      b.set(a);
      return b;
    };
    const widenFloat = (a: Float64Array) => {
      const b = new Float64Array(capacity);
      b.set(a);
      return b;
    };
    this.candidate = widenInt(this.candidate);
    this.parent = widenInt(this.parent);
    this.firstChild = widenInt(this.firstChild);
    this.nextSibling = widenInt(this.nextSibling);
    this.passing = widenFloat(this.passing);
    this.ending = widenFloat(this.ending);
  }
}

/**
 * Open-addressing hash from (parent, candidate) to child node. One probe usually finds the child,
 * where walking a sibling list jumps around memory once per sibling.
 */
class ChildIndex {
  private mask = 4095;
  private parents = new Int32Array(4096).fill(-2);
  private candidates = new Int32Array(4096);
  private children = new Int32Array(4096);
  private size = 0;

  private slot(parent: number, candidate: number): number {
    return (Math.imul(parent, 0x9e3779b1) ^ Math.imul(candidate + 1, 0x85ebca77)) & this.mask;
  }

  get(parent: number, candidate: number): number {
    let at = this.slot(parent, candidate);
    for (;;) {
      const p = this.parents[at] ?? -2;
      if (p === -2) return -1;
      if (p === parent && this.candidates[at] === candidate) return this.children[at] ?? -1;
      at = (at + 1) & this.mask;
    }
  }

  set(parent: number, candidate: number, child: number): void {
    if ((this.size + 1) * 2 > this.mask + 1) this.grow();
    let at = this.slot(parent, candidate);
    while ((this.parents[at] ?? -2) !== -2) at = (at + 1) & this.mask;
    this.parents[at] = parent;
    this.candidates[at] = candidate;
    this.children[at] = child;
    this.size += 1;
  }

  private grow(): void {
    const { parents, candidates, children } = this;
    const capacity = (this.mask + 1) * 2;
    this.mask = capacity - 1;
    this.parents = new Int32Array(capacity).fill(-2);
    this.candidates = new Int32Array(capacity);
    this.children = new Int32Array(capacity);
    this.size = 0;
    for (let i = 0; i < parents.length; i += 1) {
      const p = parents[i] ?? -2;
      if (p !== -2) this.set(p, candidates[i] ?? 0, children[i] ?? 0);
    }
  }
}

export function buildPreferenceTree(profile: BallotProfile): PreferenceTree {
  const candidateCount = profile.candidates.length;
  const withdrawn = new Uint8Array(candidateCount);
  for (const c of profile.withdrawn) if (c >= 0 && c < candidateCount) withdrawn[c] = 1;

  const t = new TreeColumns();
  // First preferences, indexed by candidate: the one level wide enough to be worth a table.
  const rootOf = new Int32Array(candidateCount).fill(-1);
  const roots: number[] = [];
  const childIndex = new ChildIndex();
  let validPapers = 0;
  let unusablePapers = 0;
  let cutAtEqualRanking = 0;
  const preferences: number[] = [];

  for (const ballot of profile.ballots) {
    const weight = ballot.weight;
    const cut = usablePreferences(ballot.ranks, withdrawn, candidateCount, preferences);
    const first = preferences[0];
    if (first === undefined) {
      unusablePapers += weight;
      continue;
    }
    if (cut) cutAtEqualRanking += weight;
    validPapers += weight;
    let node = rootOf[first] ?? -1;
    if (node === -1) {
      node = t.add(first, -1, -1);
      rootOf[first] = node;
      roots.push(node);
    }
    t.passing[node] = (t.passing[node] ?? 0) + weight;
    for (let k = 1; k < preferences.length; k += 1) {
      const c = preferences[k] ?? 0;
      let child = childIndex.get(node, c);
      if (child === -1) {
        child = t.add(c, node, t.firstChild[node] ?? -1);
        t.firstChild[node] = child;
        childIndex.set(node, c, child);
      }
      t.passing[child] = (t.passing[child] ?? 0) + weight;
      node = child;
    }
    t.ending[node] = (t.ending[node] ?? 0) + weight;
  }

  const nodeCount = t.size;
  return {
    candidateCount,
    nodeCount,
    candidate: t.candidate.slice(0, nodeCount),
    parent: t.parent.slice(0, nodeCount),
    passing: t.passing.slice(0, nodeCount),
    ending: t.ending.slice(0, nodeCount),
    firstChild: t.firstChild.slice(0, nodeCount),
    nextSibling: t.nextSibling.slice(0, nodeCount),
    roots,
    validPapers,
    unusablePapers,
    cutAtEqualRanking,
  };
}

/** The tree in depth-first order: position i holds `node[i]`, its subtree ends before `subtreeEnd[i]`. */
export interface PreorderTree {
  candidate: Int32Array;
  parentPosition: Int32Array;
  passing: Float64Array;
  subtreeEnd: Int32Array;
}

export function preorderOf(tree: PreferenceTree): PreorderTree {
  const size = tree.nodeCount;
  const candidate = new Int32Array(size);
  const parentPosition = new Int32Array(size);
  const passing = new Float64Array(size);
  const subtreeEnd = new Int32Array(size);
  const positionOf = new Int32Array(size);
  // Iterative depth-first walk; a node's subtree end is fixed when the walk leaves it.
  const stack: number[] = [];
  for (let r = tree.roots.length - 1; r >= 0; r -= 1) stack.push(tree.roots[r] ?? 0);
  const open: number[] = [];
  let next = 0;
  while (stack.length > 0) {
    const node = stack.pop() ?? 0;
    if (node < 0) {
      const position = positionOf[-node - 1] ?? 0;
      subtreeEnd[position] = next;
      open.pop();
      continue;
    }
    const position = next;
    next += 1;
    positionOf[node] = position;
    candidate[position] = tree.candidate[node] ?? 0;
    passing[position] = tree.passing[node] ?? 0;
    const p = tree.parent[node] ?? -1;
    parentPosition[position] = p < 0 ? -1 : (positionOf[p] ?? -1);
    stack.push(-node - 1);
    const children: number[] = [];
    for (let child = tree.firstChild[node] ?? -1; child !== -1; child = tree.nextSibling[child] ?? -1)
      children.push(child);
    for (let k = children.length - 1; k >= 0; k -= 1) stack.push(children[k] ?? 0);
  }
  return { candidate, parentPosition, passing, subtreeEnd };
}
