// Anyone who may read a round can have it recomputed from what it stored — the rule's content, the
// stock, the step, the tie-break seed and each household's people and flags — and see whether every
// entitlement and allocation comes out the same (invariant 6). Pure core functions, no clock, no
// randomness: the same inputs give the same result on any machine.
import { allocateRound } from '../../core/supply/allocate-round.ts';
import { entitlementOf, priorityClassOf, weightMillisOf } from '../../core/supply/ration-rule.ts';
import type { EntitlementRow, RoundRow } from './distribution-rounds.store.ts';

export interface Recomputation {
  households: number;
  /** Households whose stored entitlement, class, weight or allocation differs from the recomputed one. */
  differences: Array<{ householdId: string; field: string; stored: number; recomputed: number }>;
  allocatedMilli: number;
  matches: boolean;
}

export function recomputeRound(round: RoundRow, lines: EntitlementRow[]): Recomputation {
  const stepMilli = Number(round.step_milli);
  const derived = lines.map((l) => ({
    id: l.household_id,
    priorityClass: priorityClassOf(round.rule, l.flags),
    weightMillis: weightMillisOf(round.rule, l.people),
    entitlementMilli: entitlementOf(round.rule, { people: l.people }, stepMilli),
  }));
  const allocation = allocateRound({
    stockMilli: Number(round.stock_milli),
    stepMilli,
    tieBreakSeed: round.tie_break_seed,
    households: derived,
  });
  const differences: Recomputation['differences'] = [];
  lines.forEach((l, i) => {
    const d = derived[i]!;
    const pairs: Array<[string, number, number]> = [
      ['priorityClass', l.priority_class, d.priorityClass],
      ['weightMillis', l.weight_millis, d.weightMillis],
      ['entitlementMilli', Number(l.entitlement_milli), d.entitlementMilli],
      ['allocatedMilli', Number(l.allocated_milli), allocation.allocatedMilli[i] ?? 0],
    ];
    for (const [field, stored, recomputed] of pairs)
      if (stored !== recomputed) differences.push({ householdId: l.household_id, field, stored, recomputed });
  });
  if (allocation.allocatedTotalMilli !== Number(round.allocated_milli))
    differences.push({
      householdId: '',
      field: 'round.allocatedMilli',
      stored: Number(round.allocated_milli),
      recomputed: allocation.allocatedTotalMilli,
    });
  return {
    households: lines.length,
    differences,
    allocatedMilli: allocation.allocatedTotalMilli,
    matches: differences.length === 0,
  };
}
