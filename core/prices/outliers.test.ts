import { describe, expect, it } from 'vitest';
import { type ScreenInput, screenOutliers } from './outliers.ts';

/** One series, months 2020-01, 2020-02, … with these prices in cents. */
const series = (prices: number[], seriesKey = 's'): ScreenInput[] =>
  prices.map((priceCents, i) => ({
    seriesKey,
    date: `${2020 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-15`,
    priceCents,
  }));

const flags = (prices: number[]) =>
  screenOutliers(series(prices))
    .map((v) => (v.isOutlier ? 'X' : v.isLevelShift ? 'S' : '.'))
    .join('');

describe('screenOutliers', () => {
  const CASES: Array<[name: string, prices: number[], expected: string]> = [
    ['accepts ordinary moves', [100, 110, 95, 120, 130], '.....'],
    // 5122 → 63 is ×0.0123: flagged; 4792 is then measured against 5122 (×0.936), not against 63.
    ['flags an isolated fall and measures the next month against the last good one', [5122, 63, 4792], '.X.'],
    // 50 → 731 is ×14.6; back to 50.
    ['flags an isolated jump up', [50, 50, 731, 50], '..X.'],
    // Exactly ×3 and exactly ×1/3 count as jumps; 299 and 34 (×2.99, ×0.34) do not.
    ['flags exactly ×3 and ×1/3', [100, 300, 100, 33, 100, 299, 100, 34], '.X.X....'],
    // 707 → 227 (×0.321) flagged, 212 is ×0.300 of 707 too and within ×3 of 227: a new level, accepted.
    ['accepts the second of two agreeing jumps as a level shift', [336, 707, 227, 212, 211, 195], '..XS..'],
    // Up then down: the two outliers disagree, so neither confirms the other.
    ['does not take two opposite jumps for a level shift', [100, 400, 20, 100], '.XX.'],
    // 100 → 400 → 1300: both ×3 up from 100, but 1300 is ×3.25 of 400: no agreement.
    ['does not take two jumps of different size for a level shift', [100, 400, 1300, 100], '.XX.'],
    ['flags nothing in a series of one', [100], '.'],
  ];
  it.each(CASES)('%s', (_, prices, expected) => expect(flags(prices)).toBe(expected));

  it('gives the ratio and the reference the outlier was measured against', () => {
    const v = screenOutliers(series([5122, 63, 4792]));
    expect(v[1]).toMatchObject({ isOutlier: true, referenceIndex: 0 });
    expect(v[1]!.ratio).toBeCloseTo(63 / 5122, 10);
    expect(v[1]!.reason).toMatch(/×0\.012 against 2020-01-15 \(51\.22\)/);
    expect(v[2]).toMatchObject({ isOutlier: false, referenceIndex: 0, reason: null });
    expect(v[0]).toMatchObject({ ratio: null, referenceIndex: -1 });
  });

  it('screens each series on its own and in date order, whatever the input order', () => {
    const a = series([100, 400, 100], 'a');
    const b = series([100, 110, 120], 'b');
    const mixed = [b[2]!, a[2]!, b[0]!, a[0]!, a[1]!, b[1]!];
    const v = screenOutliers(mixed);
    expect(v.map((x) => x.isOutlier)).toEqual([false, false, false, false, true, false]);
  });

  it('never changes a verdict when later months arrive (month by month = all at once)', () => {
    const prices = [336, 707, 227, 212, 211, 195, 5000, 190, 60, 58, 57];
    const whole = screenOutliers(series(prices));
    for (let k = 1; k <= prices.length; k += 1)
      expect(screenOutliers(series(prices.slice(0, k)))).toEqual(whole.slice(0, k));
  });
});
