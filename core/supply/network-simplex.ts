// Minimum-cost circulation by the primal network simplex. The basis is a spanning tree rooted at an
// artificial node that every node points to with an uncapacitated, costless artificial arc; the root
// has no outgoing arc, so those arcs can never carry flow and the tree starts out strongly feasible
// (every node can send flow to the root along it). Entering arcs are priced in blocks of about √arcs,
// resuming where the last search stopped; the leaving arc is the last blocking arc met when going round
// the cycle from its apex (Cunningham's rule), which keeps the tree strongly feasible and rules out
// cycling on the many degenerate pivots of transportation problems. A pivot costs the block it prices,
// the cycle it walks and the subtree it moves, whose potentials all shift by one amount (children are
// kept in sibling lists for that walk). Pivots are not polynomially bounded in theory; in practice a
// transportation problem of n nodes takes some 20 n. Quantities and costs are whole numbers below 2^53,
// so the arithmetic is exact.
import type { ArcList } from './flow-network.ts';

/** Flow on each arc of `arcs` (every capacity finite and > 0) in a cheapest circulation. */
export function minCostCirculation(nodeCount: number, arcs: ArcList): Float64Array {
  const realArcCount = arcs.count;
  const root = nodeCount;
  const arcCount = realArcCount + nodeCount;
  const from = new Int32Array(arcCount);
  const to = new Int32Array(arcCount);
  const capacity = new Float64Array(arcCount);
  const cost = new Float64Array(arcCount);
  const flow = new Float64Array(arcCount);
  /** 1: at its lower bound (0), −1: at capacity, 0: in the tree. */
  const state = new Int8Array(arcCount);
  for (let a = 0; a < realArcCount; a += 1) {
    from[a] = arcs.from[a]!;
    to[a] = arcs.to[a]!;
    capacity[a] = arcs.capacity[a]!;
    cost[a] = arcs.cost[a]!;
    state[a] = 1;
  }

  const parent = new Int32Array(nodeCount + 1).fill(root);
  const pred = new Int32Array(nodeCount + 1); // the tree arc joining a node to its parent
  const isUp = new Uint8Array(nodeCount + 1); // 1: pred points from the node to its parent
  const depth = new Int32Array(nodeCount + 1).fill(1);
  const potential = new Float64Array(nodeCount + 1);
  for (let u = 0; u < nodeCount; u += 1) {
    const a = realArcCount + u;
    from[a] = u;
    to[a] = root;
    capacity[a] = Number.POSITIVE_INFINITY;
    pred[u] = a;
    isUp[u] = 1;
  }
  parent[root] = -1;
  depth[root] = 0;
  const tree = new Children(nodeCount + 1, parent);

  const pivot = (entering: number): void => {
    const first = state[entering] === 1 ? from[entering]! : to[entering]!;
    const second = state[entering] === 1 ? to[entering]! : from[entering]!;
    let x = first;
    let y = second;
    while (x !== y) {
      if (depth[x]! >= depth[y]!) x = parent[x]!;
      else y = parent[y]!;
    }
    const join = x;

    // Flow goes join → … → first → second → … → join.
    let delta = capacity[entering]!;
    let leavingAt = -1; // the node whose pred arc leaves; −1: the entering arc goes to its other bound
    let isFirstSide = false;
    for (let w = first; w !== join; w = parent[w]!) {
      const a = pred[w]!;
      const room = isUp[w] ? flow[a]! : capacity[a]! - flow[a]!;
      if (room < delta) {
        delta = room;
        leavingAt = w;
        isFirstSide = true;
      }
    }
    for (let w = second; w !== join; w = parent[w]!) {
      const a = pred[w]!;
      const room = isUp[w] ? capacity[a]! - flow[a]! : flow[a]!;
      if (room <= delta) {
        delta = room;
        leavingAt = w;
        isFirstSide = false;
      }
    }
    if (delta > 0) {
      flow[entering]! += state[entering]! * delta;
      for (let w = first; w !== join; w = parent[w]!) flow[pred[w]!]! += isUp[w] ? -delta : delta;
      for (let w = second; w !== join; w = parent[w]!) flow[pred[w]!]! += isUp[w] ? delta : -delta;
    }
    if (leavingAt === -1) {
      state[entering] = -state[entering]! as 1 | -1;
      return;
    }

    // Hang the cut-off subtree from the entering arc: reverse the parent links from its new root
    // (the entering arc's end on that side) up to the node that lost its pred arc.
    const leaving = pred[leavingAt]!;
    const newRoot = isFirstSide ? first : second;
    const newRootParent = isFirstSide ? second : first;
    const oldRootPotential = potential[newRoot]!;
    let w = newRoot;
    let newParent = newRootParent;
    let newPred = entering;
    const isEnteringUp = from[entering] === newRoot;
    let newIsUp = isEnteringUp ? 1 : 0;
    for (;;) {
      const oldParent = parent[w]!;
      const oldPred = pred[w]!;
      const oldIsUp = isUp[w]!;
      tree.detach(w, oldParent);
      tree.attach(w, newParent);
      parent[w] = newParent;
      pred[w] = newPred;
      isUp[w] = newIsUp;
      if (w === leavingAt) break;
      newParent = w;
      newPred = oldPred;
      newIsUp = oldIsUp ? 0 : 1;
      w = oldParent;
    }
    state[entering] = 0;
    state[leaving] = flow[leaving] === 0 ? 1 : -1;

    // Arcs inside the subtree did not change, so its potentials all move by the same amount; the
    // entering arc, now a tree arc, must have reduced cost 0.
    const rootPotential = isEnteringUp
      ? potential[newRootParent]! - cost[entering]!
      : potential[newRootParent]! + cost[entering]!;
    tree.shiftSubtree(newRoot, rootPotential - oldRootPotential, parent, depth, potential);
  };

  // Artificial arcs are never priced: they cannot carry flow, and the real arcs alone satisfying the
  // reduced-cost conditions already proves the circulation optimal.
  const blockSize = Math.max(10, Math.ceil(Math.sqrt(realArcCount)));
  let next = 0;
  for (;;) {
    let entering = -1;
    let worst = 0;
    let inBlock = 0;
    let a = next;
    for (let scanned = 0; scanned < realArcCount; scanned += 1) {
      const violation = state[a]! * (cost[a]! + potential[from[a]!]! - potential[to[a]!]!);
      if (violation < worst) {
        worst = violation;
        entering = a;
      }
      a = a + 1 === realArcCount ? 0 : a + 1;
      inBlock += 1;
      if (inBlock === blockSize) {
        if (entering >= 0) break;
        inBlock = 0;
      }
    }
    if (entering < 0) return flow.subarray(0, realArcCount);
    next = a;
    pivot(entering);
  }
}

/** The children of each tree node as a doubly linked list of siblings, to walk a subtree. */
class Children {
  private readonly first: Int32Array;
  private readonly next: Int32Array;
  private readonly previous: Int32Array;
  private readonly stack: Int32Array;

  constructor(size: number, parent: Int32Array) {
    this.first = new Int32Array(size).fill(-1);
    this.next = new Int32Array(size).fill(-1);
    this.previous = new Int32Array(size).fill(-1);
    this.stack = new Int32Array(size);
    for (let u = 0; u < size; u += 1) if (parent[u]! >= 0) this.attach(u, parent[u]!);
  }

  attach(node: number, parent: number): void {
    const head = this.first[parent]!;
    this.next[node] = head;
    this.previous[node] = -1;
    if (head >= 0) this.previous[head] = node;
    this.first[parent] = node;
  }

  detach(node: number, parent: number): void {
    const before = this.previous[node]!;
    const after = this.next[node]!;
    if (before >= 0) this.next[before] = after;
    else this.first[parent] = after;
    if (after >= 0) this.previous[after] = before;
  }

  /** Adds shift to the potential of every node of the subtree and recomputes its depths. */
  shiftSubtree(
    top: number,
    shift: number,
    parent: Int32Array,
    depth: Int32Array,
    potential: Float64Array,
  ): void {
    const { first, next, stack } = this;
    let size = 0;
    stack[size++] = top;
    while (size > 0) {
      const u = stack[--size]!;
      potential[u]! += shift;
      depth[u] = depth[parent[u]!]! + 1;
      for (let c = first[u]!; c >= 0; c = next[c]!) stack[size++] = c;
    }
  }
}
