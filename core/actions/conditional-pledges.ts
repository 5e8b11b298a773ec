// Conditional pledges: "I join if at least N of my council do, me included". Given the pledges of one
// council to one action, which conditional ones are active?
//
// Active is the largest set of pledges that holds together: every unconditional pledge, and the
// conditional ones each of whose threshold is at most the size of the set. Sets that hold together are
// closed under union (a member's threshold is at most the size of its own set, so at most the size of
// the union), hence there is one largest, and it is exactly the conditionals whose threshold is at most
// its size. This is the greatest fixed point, not the least: ten people who each say "if ten of us do"
// all join when the tenth says it — the promise an assurance pledge makes — where the least fixed point
// (start from the unconditional ones and add whoever is satisfied by the count so far) would leave them
// waiting for someone to go first forever. No conditional is ever active with fewer pledges active than
// its threshold: the result is `count`, and each active threshold is ≤ count.
//
// Adding a pledge never deactivates anyone (the largest set only grows), so a new pledge needs only the
// active count and the pending thresholds; a withdrawal may shrink the set and needs all of them.

/**
 * The number of pledges active after resolution, when `fixed` pledges are active whatever happens
 * (unconditional ones, and — after an addition — conditionals that were already active) and
 * `pendingThresholds` are the thresholds of the conditional ones to decide. Every pending conditional
 * whose threshold is ≤ the result becomes active; the others stay pending.
 */
export function resolvePledges(fixed: number, pendingThresholds: readonly number[]): number {
  const sorted = [...pendingThresholds].sort((a, b) => a - b);
  // The largest k such that the k smallest thresholds fit in fixed + k (not monotone in k: [3,3,3]
  // from 0 fits at k = 3 only, so every k is tried).
  let best = 0;
  for (let i = 0; i < sorted.length; i++) if (sorted[i]! <= fixed + i + 1) best = i + 1;
  return fixed + best;
}

/** The resolution of a whole council from scratch: which thresholds are active, and the count. */
export function resolveCouncilPledges(
  unconditional: number,
  thresholds: readonly number[],
): { count: number; isActive: (threshold: number) => boolean } {
  const count = resolvePledges(unconditional, thresholds);
  return { count, isActive: (t) => t <= count };
}
