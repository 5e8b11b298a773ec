import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveCouncilPledges } from './conditional-pledges.ts';
import { type LivePledge, runPledgeSteps } from './pledge-steps.ts';

const live = (
  id: string,
  threshold: number | null,
  status: 'active' | 'pending',
  resolvedCount: number | null,
) => ({ id, threshold, status, resolvedCount }) satisfies LivePledge;

describe('a council’s pledges taken one step at a time', () => {
  it('activates three who wait for three in the step of the third, and names them there only', () => {
    const { outcomes, final } = runPledgeSteps(
      [],
      [
        { id: 'a', threshold: 3 },
        { id: 'b', threshold: 3 },
        { id: 'c', threshold: 3 },
      ],
    );
    expect(outcomes).toEqual([
      { count: 0, pending: 1, activated: [], deactivated: [] },
      { count: 0, pending: 2, activated: [], deactivated: [] },
      { count: 3, pending: 0, activated: ['a', 'b', 'c'], deactivated: [] },
    ]);
    for (const id of ['a', 'b', 'c'])
      expect(final.get(id)).toMatchObject({ status: 'active', resolvedCount: 3, resolvedAnew: true });
  });

  it('gives an unconditional pledge the count it joined with, and keeps an earlier one’s', () => {
    const { outcomes, final } = runPledgeSteps(
      [live('old', null, 'active', 1)],
      [
        { id: 'new', threshold: null },
        { id: 'old', threshold: null },
      ],
    );
    expect(outcomes.map((o) => o.count)).toEqual([2, 2]);
    expect(final.get('new')).toMatchObject({ status: 'active', resolvedCount: 2, resolvedAnew: true });
    expect(final.get('old')).toMatchObject({ status: 'active', resolvedCount: 1, resolvedAnew: false });
  });

  it('puts back the pledges a raised threshold carried, and leaves untouched pledges out of the result', () => {
    const { outcomes, final } = runPledgeSteps(
      [
        live('u', null, 'active', 1),
        live('b', 3, 'active', 3),
        live('c', 3, 'active', 3),
        live('x', 9, 'pending', null),
      ],
      [{ id: 'b', threshold: 10 }],
    );
    expect(outcomes).toEqual([{ count: 1, pending: 3, activated: [], deactivated: ['b', 'c'] }]);
    expect([...final.keys()].sort()).toEqual(['b', 'c']);
    expect(final.get('c')).toMatchObject({ status: 'pending', resolvedCount: null, resolvedAnew: false });
  });

  it('gives an active pledge that takes a condition and stays active the count of that step', () => {
    const { outcomes, final } = runPledgeSteps(
      [live('a', null, 'active', 1), live('b', null, 'active', 2)],
      [{ id: 'a', threshold: 2 }],
    );
    expect(outcomes).toEqual([{ count: 2, pending: 0, activated: [], deactivated: [] }]);
    expect(final.get('a')).toMatchObject({
      status: 'active',
      threshold: 2,
      resolvedCount: 2,
      resolvedAnew: true,
    });
  });

  it('ends every sequence of pledges where resolving the whole council from scratch ends', () => {
    const step = fc.record({
      person: fc.integer({ min: 0, max: 9 }),
      threshold: fc.option(fc.integer({ min: 2, max: 12 })),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        const { outcomes, final } = runPledgeSteps(
          [],
          steps.map((s) => ({ id: `p${s.person}`, threshold: s.threshold })),
        );
        const latest = new Map<string, number | null>();
        steps.forEach((s, i) => {
          latest.set(`p${s.person}`, s.threshold);
          const thresholds = [...latest.values()].filter((t): t is number => t !== null);
          const { count, isActive } = resolveCouncilPledges(latest.size - thresholds.length, thresholds);
          expect(outcomes[i]!.count).toBe(count);
          expect(outcomes[i]!.pending).toBe(latest.size - count);
          if (i === steps.length - 1)
            for (const [id, t] of latest) {
              const p = final.get(id)!;
              expect(p.status).toBe(t === null || isActive(t) ? 'active' : 'pending');
              // Never early: an active conditional joined with at least its threshold.
              if (p.status === 'active' && t !== null) expect(p.resolvedCount).toBeGreaterThanOrEqual(t);
            }
        });
      }),
      { numRuns: 1000 },
    );
  });
});
