// Arc lists and a residual flow network in typed arrays, with Dinic's maximum flow on it. Each node's
// arcs sit together (compressed rows), so a scan reads memory in order, and every arc knows its
// partner, the reverse arc. Capacities and costs are doubles holding whole numbers below 2^53, so all
// arithmetic on them is exact; Infinity marks an uncapacitated arc.

/** Arcs in the order they were added, in arrays sized up front. */
export class ArcList {
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly capacity: Float64Array;
  readonly cost: Float64Array;
  count = 0;

  constructor(maxCount: number) {
    this.from = new Int32Array(maxCount);
    this.to = new Int32Array(maxCount);
    this.capacity = new Float64Array(maxCount);
    this.cost = new Float64Array(maxCount);
  }

  /** Returns the arc's index. */
  add(from: number, to: number, capacity: number, cost = 0): number {
    const k = this.count++;
    this.from[k] = from;
    this.to[k] = to;
    this.capacity[k] = capacity;
    this.cost[k] = cost;
    return k;
  }
}

export class FlowNetwork {
  readonly nodeCount: number;
  /** Arcs of node u are the slots first[u] … first[u + 1] − 1. */
  readonly first: Int32Array;
  readonly head: Int32Array;
  readonly partner: Int32Array;
  readonly residual: Float64Array;
  /** Slot of arc k of the ArcList it was built from. */
  readonly slot: Int32Array;

  constructor(nodeCount: number, arcs: ArcList) {
    const arcCount = arcs.count;
    this.nodeCount = nodeCount;
    this.first = new Int32Array(nodeCount + 1);
    for (let k = 0; k < arcCount; k += 1) {
      this.first[arcs.from[k]! + 1]! += 1;
      this.first[arcs.to[k]! + 1]! += 1;
    }
    for (let u = 0; u < nodeCount; u += 1) this.first[u + 1]! += this.first[u]!;
    const fill = this.first.slice(0, nodeCount);
    this.head = new Int32Array(2 * arcCount);
    this.partner = new Int32Array(2 * arcCount);
    this.residual = new Float64Array(2 * arcCount);
    this.slot = new Int32Array(arcCount);
    for (let k = 0; k < arcCount; k += 1) {
      const u = arcs.from[k]!;
      const v = arcs.to[k]!;
      const forward = fill[u]!++;
      const reverse = fill[v]!++;
      this.head[forward] = v;
      this.head[reverse] = u;
      this.partner[forward] = reverse;
      this.partner[reverse] = forward;
      this.residual[forward] = arcs.capacity[k]!;
      this.slot[k] = forward;
    }
  }

  /** Empties the network and gives arc k (of the ArcList) the capacity capacityOf(k). */
  resetCapacities(capacityOf: (k: number) => number): void {
    for (let k = 0; k < this.slot.length; k += 1) {
      const forward = this.slot[k]!;
      this.residual[forward] = capacityOf(k);
      this.residual[this.partner[forward]!] = 0;
    }
  }

  push(slot: number, amount: number): void {
    this.residual[slot]! -= amount;
    this.residual[this.partner[slot]!]! += amount;
  }
}

/** Dinic: blocking flows on the level graph; adds to whatever flow the network already carries. */
export function maxFlow(network: FlowNetwork, source: number, sink: number): number {
  const { nodeCount, first, head, residual } = network;
  const level = new Int32Array(nodeCount);
  const current = new Int32Array(nodeCount);
  const queue = new Int32Array(nodeCount);

  const pushFrom = (u: number, limit: number): number => {
    if (u === sink) return limit;
    let sent = 0;
    for (let a = current[u]!; a < first[u + 1]!; a += 1, current[u] = a) {
      const v = head[a]!;
      if (residual[a]! <= 0 || level[v] !== level[u]! + 1) continue;
      const pushed = pushFrom(v, Math.min(limit - sent, residual[a]!));
      if (pushed === 0) continue;
      network.push(a, pushed);
      sent += pushed;
      // Stay on this arc: it may still have room for the next call.
      if (sent === limit) return sent;
    }
    level[u] = -1; // blocked for the rest of this phase
    return sent;
  };

  let total = 0;
  for (;;) {
    level.fill(-1);
    level[source] = 0;
    let tail = 0;
    queue[tail++] = source;
    for (let at = 0; at < tail && level[sink] === -1; at += 1) {
      const u = queue[at]!;
      for (let a = first[u]!; a < first[u + 1]!; a += 1) {
        const v = head[a]!;
        if (residual[a]! > 0 && level[v] === -1) {
          level[v] = level[u]! + 1;
          queue[tail++] = v;
        }
      }
    }
    if (level[sink] === -1) return total;
    current.set(first.subarray(0, nodeCount));
    total += pushFrom(source, Number.POSITIVE_INFINITY);
  }
}

/** Nodes reachable from source along arcs with room left: the source side of a minimum cut. */
export function residualReach(network: FlowNetwork, source: number): Uint8Array {
  const { nodeCount, first, head, residual } = network;
  const reached = new Uint8Array(nodeCount);
  const stack = [source];
  reached[source] = 1;
  for (let u = stack.pop(); u !== undefined; u = stack.pop()) {
    for (let a = first[u]!; a < first[u + 1]!; a += 1) {
      const v = head[a]!;
      if (residual[a]! > 0 && !reached[v]) {
        reached[v] = 1;
        stack.push(v);
      }
    }
  }
  return reached;
}
