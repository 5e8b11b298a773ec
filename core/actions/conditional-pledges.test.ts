import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveCouncilPledges, resolvePledges } from './conditional-pledges.ts';

/** Brute force: the union of every set of conditionals that holds together with the unconditional ones. */
function reference(unconditional: number, thresholds: readonly number[]): boolean[] {
  const active = thresholds.map(() => false);
  for (let mask = 0; mask < 1 << thresholds.length; mask++) {
    const size = unconditional + thresholds.filter((_, i) => mask & (1 << i)).length;
    const holds = thresholds.every((t, i) => !(mask & (1 << i)) || t <= size);
    if (holds) for (let i = 0; i < thresholds.length; i++) if (mask & (1 << i)) active[i] = true;
  }
  return active;
}

const thresholdsArb = fc.array(fc.integer({ min: 2, max: 14 }), { maxLength: 12 });

describe('resolving conditional pledges', () => {
  const cases: Array<[string, number, number[], number]> = [
    ['no pledges', 0, [], 0],
    ['unconditional ones only', 4, [], 4],
    ['a threshold met by the unconditional ones and itself', 2, [3], 3],
    ['a threshold one short stays pending', 1, [3], 1],
    ['ten who each wait for ten all join together', 0, Array(10).fill(10), 10],
    ['nine who each wait for ten keep waiting', 0, Array(9).fill(10), 0],
    ['a chain: each one brings the next over its threshold', 1, [2, 3, 4, 5], 5],
    ['a gap the chain cannot jump', 1, [2, 3, 6, 6], 3],
    ['a high threshold reached only when the lower ones join', 0, [3, 3, 3], 3],
    ['a threshold above everyone who pledged never activates', 3, [2, 2, 9], 5],
  ];
  for (const [name, unconditional, thresholds, count] of cases)
    it(`${name}: ${count} active`, () => {
      expect(resolvePledges(unconditional, thresholds)).toBe(count);
    });

  it('activates exactly the conditionals of the largest set that holds together (brute force)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 }), thresholdsArb, (u, ts) => {
        const { count, isActive } = resolveCouncilPledges(u, ts);
        const expected = reference(u, ts);
        expect(ts.map(isActive)).toEqual(expected);
        expect(count).toBe(u + expected.filter(Boolean).length);
      }),
      { numRuns: 400 },
    );
  });

  it('never leaves an active conditional with fewer pledges active than its threshold', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), fc.array(fc.integer({ min: 2, max: 80 })), (u, ts) => {
        const { count, isActive } = resolveCouncilPledges(u, ts);
        expect(count).toBe(u + ts.filter(isActive).length);
        for (const t of ts) if (isActive(t)) expect(t).toBeLessThanOrEqual(count);
      }),
    );
  });

  it('gives the same answer pledge by pledge, keeping the active ones fixed, as from scratch', () => {
    // The server resolves an added pledge from the active count and the pending thresholds only.
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 2, max: 14 }), { nil: null }), { maxLength: 20 }),
        (pledges) => {
          let active = 0;
          let pending: number[] = [];
          for (const [i, p] of pledges.entries()) {
            if (p === null) active += 1;
            else pending.push(p);
            const count = resolvePledges(active, pending);
            pending = pending.filter((t) => t > count);
            active = count;
            const sofar = pledges.slice(0, i + 1);
            const scratch = resolvePledges(
              sofar.filter((x) => x === null).length,
              sofar.filter((x): x is number => x !== null),
            );
            expect(active).toBe(scratch);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('only grows when a pledge is added', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 }),
        thresholdsArb,
        fc.option(fc.integer({ min: 2, max: 14 })),
        (u, ts, added) => {
          const before = resolvePledges(u, ts);
          const after = added === null ? resolvePledges(u + 1, ts) : resolvePledges(u, [...ts, added]);
          expect(after).toBeGreaterThanOrEqual(before);
        },
      ),
    );
  });
});
