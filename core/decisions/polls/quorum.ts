// Quorum: the weight that must be present for an assembly to take a binding vote. A council's rule is
// either "more than half" (mitad más uno, the usual statute) or "at least N percent" of the weight
// entitled: its active members (one vote each) or, in a federated council, the weights of the mandates
// on its roll at that instant. Weights are integers in millis, so the comparisons are exact.
export type QuorumRule = { kind: 'more-than-half' } | { kind: 'percent'; percent: number };

export interface QuorumState {
  presentMillis: number;
  entitledMillis: number;
  /** The least present weight that makes quorum. */
  neededMillis: number;
  isQuorate: boolean;
}

export function quorumState(rule: QuorumRule, presentMillis: number, entitledMillis: number): QuorumState {
  const neededMillis =
    rule.kind === 'more-than-half'
      ? Math.floor(entitledMillis / 2) + 1
      : Math.ceil((entitledMillis * rule.percent) / 100);
  // A body with nobody entitled has no quorum to reach and cannot vote.
  const isQuorate = entitledMillis > 0 && presentMillis >= Math.max(neededMillis, 1);
  return { presentMillis, entitledMillis, neededMillis, isQuorate };
}
