// Several pledges of one council taken together (a group of pledges, ADR 0010), one step at a time, as
// if each had been its own act: each step sets one person's pledge (new, re-pledged after a withdrawal,
// or with a changed threshold), then resolves the whole council from scratch. From scratch is right
// for every step: after an addition the largest set that holds together only grows, so resolving all
// live pledges gives what resolving the pending ones over the active count gives; after a raised
// threshold it may shrink, and only a resolution from scratch sees that (conditional-pledges.ts).
import { resolvePledges } from './conditional-pledges.ts';

export interface LivePledge {
  id: string;
  threshold: number | null;
  status: 'active' | 'pending';
  /** The count the pledge joined with (null while pending, or for an unconditional one not yet resolved). */
  resolvedCount: number | null;
}

export interface PledgeStep {
  id: string;
  threshold: number | null;
}

export interface StepOutcome {
  /** Pledges active in the council after the step. */
  count: number;
  pending: number;
  /** Conditional pledges that went from pending to active, and back, in this step (ids, in input order). */
  activated: string[];
  deactivated: string[];
}

export interface FinalPledge extends LivePledge {
  /** True when the pledge became active during these steps (its instant of resolution is new). */
  resolvedAnew: boolean;
}

/**
 * Runs `steps` in order over the council's live pledges `live` (not mutated). Returns each step's outcome
 * and the final state of every pledge the steps touched or changed.
 */
export function runPledgeSteps(
  live: readonly LivePledge[],
  steps: readonly PledgeStep[],
): { outcomes: StepOutcome[]; final: Map<string, FinalPledge> } {
  const state = new Map<string, FinalPledge>(live.map((p) => [p.id, { ...p, resolvedAnew: false }]));
  const touched = new Set<string>();
  const outcomes = steps.map((step): StepOutcome => {
    touched.add(step.id);
    const before = state.get(step.id);
    // As the upsert writes it: an unconditional pledge is active; a conditional one keeps an active
    // status until the resolution decides, and a new one waits.
    if (step.threshold === null) {
      const wasActive = before?.status === 'active';
      state.set(step.id, {
        id: step.id,
        threshold: null,
        status: 'active',
        resolvedCount: wasActive ? before.resolvedCount : null,
        resolvedAnew: wasActive ? before.resolvedAnew : true,
      });
    } else if (before?.status === 'active') {
      state.set(step.id, { ...before, threshold: step.threshold });
    } else {
      state.set(step.id, {
        id: step.id,
        threshold: step.threshold,
        status: 'pending',
        resolvedCount: null,
        resolvedAnew: false,
      });
    }
    const all = [...state.values()];
    const thresholds = all.flatMap((p) => (p.threshold === null ? [] : [p.threshold]));
    const count = resolvePledges(all.length - thresholds.length, thresholds);
    const activated: string[] = [];
    const deactivated: string[] = [];
    for (const p of all) {
      if (p.threshold === null) continue;
      if (p.status === 'pending' && p.threshold <= count) {
        state.set(p.id, { ...p, status: 'active', resolvedCount: count, resolvedAnew: true });
        activated.push(p.id);
        touched.add(p.id);
      } else if (p.status === 'active' && p.threshold > count) {
        state.set(p.id, { ...p, status: 'pending', resolvedCount: null, resolvedAnew: false });
        deactivated.push(p.id);
        touched.add(p.id);
      }
    }
    const own = state.get(step.id)!;
    if (own.threshold === null && own.resolvedCount === null)
      state.set(step.id, { ...own, resolvedCount: count });
    // An active pledge that takes a new condition and stays active joins again on its new terms, now:
    // an active conditional's count is always one that meets its threshold.
    else if (
      own.threshold !== null &&
      own.status === 'active' &&
      before?.status === 'active' &&
      before.threshold !== own.threshold
    )
      state.set(step.id, { ...own, resolvedCount: count, resolvedAnew: true });
    return { count, pending: all.length - count, activated, deactivated };
  });
  return { outcomes, final: new Map([...touched].map((id) => [id, state.get(id)!])) };
}
