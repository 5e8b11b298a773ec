import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type QuorumRule, quorumState } from './quorum.ts';

const HALF: QuorumRule = { kind: 'more-than-half' };
const percent = (p: number): QuorumRule => ({ kind: 'percent', percent: p });

describe('quorumState: more than half', () => {
  // [entitled, needed]: half rounded down, plus one unit (one thousandth of a vote).
  const needed: Array<[number, number]> = [
    [10_000, 5_001], // ten members: exactly half (5 votes) is not enough
    [9_000, 4_501], // nine members: 4.5 votes is not a vote; 4.501 millis is the least above half
    [7_500, 3_751], // delegates weighing 7.5 votes in all
    [1_000, 501], // a council of one
    [1, 1],
  ];
  it.each(needed)('entitled %d millis needs %d', (entitled, need) => {
    expect(quorumState(HALF, 0, entitled).neededMillis).toBe(need);
    expect(quorumState(HALF, need, entitled).isQuorate).toBe(true);
    expect(quorumState(HALF, need - 1, entitled).isQuorate).toBe(false);
  });

  it('is not quorate with exactly half of ten members present', () => {
    expect(quorumState(HALF, 5_000, 10_000)).toEqual({
      presentMillis: 5_000,
      entitledMillis: 10_000,
      neededMillis: 5_001,
      isQuorate: false,
    });
  });

  it('is quorate with six of ten members present', () => {
    expect(quorumState(HALF, 6_000, 10_000).isQuorate).toBe(true);
  });

  it('is quorate with five of nine members present, not with four', () => {
    expect(quorumState(HALF, 5_000, 9_000).isQuorate).toBe(true);
    expect(quorumState(HALF, 4_000, 9_000).isQuorate).toBe(false);
  });

  it('counts mandate weights: 2.5 + 1.5 of 7.5 votes is quorate, 2.5 + 1 is not', () => {
    expect(quorumState(HALF, 2_500 + 1_500, 7_500).isQuorate).toBe(true);
    expect(quorumState(HALF, 2_500 + 1_000, 7_500).isQuorate).toBe(false);
  });
});

describe('quorumState: percent of the entitled weight', () => {
  // [percent, entitled, needed]: the share, rounded up to a whole milli.
  const needed: Array<[number, number, number]> = [
    [50, 10_000, 5_000], // "at least half": exactly half is enough, unlike more-than-half
    [50, 9_000, 4_500],
    [33, 10_000, 3_300],
    [33, 7_500, 2_475],
    [30, 7_001, 2_101], // 2,100.3 rounds up
    [25, 1_001, 251], // 250.25 rounds up
    [100, 7_500, 7_500],
    [100, 10_000, 10_000],
  ];
  it.each(needed)('%d %% of %d millis needs %d', (p, entitled, need) => {
    expect(quorumState(percent(p), 0, entitled).neededMillis).toBe(need);
    expect(quorumState(percent(p), need, entitled).isQuorate).toBe(true);
    expect(quorumState(percent(p), need - 1, entitled).isQuorate).toBe(false);
  });

  it('at 100 % one absent member is enough to lose quorum', () => {
    expect(quorumState(percent(100), 9_000, 10_000).isQuorate).toBe(false);
    expect(quorumState(percent(100), 10_000, 10_000).isQuorate).toBe(true);
  });

  it('a 0 % rule still needs someone present', () => {
    expect(quorumState(percent(0), 0, 10_000).isQuorate).toBe(false);
    expect(quorumState(percent(0), 1_000, 10_000).isQuorate).toBe(true);
  });
});

describe('quorumState: nobody entitled', () => {
  it.each([
    ['more than half', HALF],
    ['50 %', percent(50)],
    ['0 %', percent(0)],
  ] as const)('is never quorate under %s, whatever is present', (_name, rule) => {
    expect(quorumState(rule, 0, 0).isQuorate).toBe(false);
    expect(quorumState(rule, 5_000, 0).isQuorate).toBe(false);
  });
});

describe('quorumState: properties', () => {
  it('more than half: quorate exactly when twice the present weight exceeds the entitled weight', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        (e, p) => {
          expect(quorumState(HALF, p, e).isQuorate).toBe(2 * p > e);
        },
      ),
    );
  });

  it('percent: quorate exactly when present × 100 ≥ entitled × percent (and someone is present)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 100 }),
        (e, p, pct) => {
          expect(quorumState(percent(pct), p, e).isQuorate).toBe(p > 0 && p * 100 >= e * pct);
        },
      ),
    );
  });
});
