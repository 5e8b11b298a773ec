import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { phaseOf, SEASONAL_PHASES, scanMedianRule, scanSeasonalDeviation } from './anomalies.ts';
import { buildSeriesTable, type TableInput } from './series-table.ts';

/** One series from month 0 on: a number is a price, [price, 'x'] an excluded (screened) observation. */
function table(prices: Array<number | [number, 'x']>, months?: number[]) {
  const items: TableInput[] = prices.map((p, i) => ({
    seriesKey: 's',
    monthIndex: months?.[i] ?? i,
    price: typeof p === 'number' ? p : p[0],
    isExcluded: typeof p !== 'number',
  }));
  return buildSeriesTable(items).table;
}
const twelve = (price: number) => new Array<number>(12).fill(price);

describe('scanMedianRule', () => {
  it('flags 126 after twelve months at 100 (×1.26 > 1.25) but not 125 (not above)', () => {
    const scan = scanMedianRule(table([...twelve(100), 126, 125]));
    expect([...scan.isRise.slice(12)]).toEqual([1, 0]);
    expect(scan.ratio[12]).toBeCloseTo(1.26, 12);
    expect(scan).toMatchObject({ checked: 2, rises: 1 });
  });

  it('takes the mean of the two middle values: 100 … 1200 has median 650, so 813 is a rise and 812 not', () => {
    const rising = Array.from({ length: 12 }, (_, i) => 100 * (i + 1));
    expect(scanMedianRule(table([...rising, 813])).isRise[12]).toBe(1);
    expect(scanMedianRule(table([...rising, 812])).isRise[12]).toBe(0);
  });

  it('checks nothing before twelve previous observations, and skips and ignores excluded ones', () => {
    const scan = scanMedianRule(table([...twelve(100).slice(1), [9000, 'x'], 126, 126]));
    // Eleven at 100, an excluded 9000 (not checked, not in the window), then 126 with only 11 behind it.
    expect(Number.isNaN(scan.ratio[11]!)).toBe(true);
    expect(Number.isNaN(scan.ratio[12]!)).toBe(true);
    expect(scan.ratio[13]).toBeCloseTo(1.26, 12);
    expect(scan.checked).toBe(1);
  });

  it('takes the factor as a parameter', () => {
    expect(scanMedianRule(table([...twelve(100), 115]), { factor: 1.1 }).rises).toBe(1);
    expect(() => scanMedianRule(table([1]), { factor: 0 })).toThrow(RangeError);
  });

  it('agrees with sorting the previous window at every step (property)', () => {
    const series = fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.boolean()), { maxLength: 60 });
    fc.assert(
      fc.property(
        fc.array(series, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 13 }),
        (all, window) => {
          const items: TableInput[] = all.flatMap((s, k) =>
            s.map(([price, isExcluded], i) => ({ seriesKey: `s${k}`, monthIndex: i, price, isExcluded })),
          );
          const { table: t } = buildSeriesTable(items);
          const scan = scanMedianRule(t, { window });
          for (let s = 0; s < t.seriesCount; s += 1) {
            const kept: number[] = [];
            for (let p = t.seriesStart[s]!; p < t.seriesStart[s + 1]!; p += 1) {
              if (t.isExcluded[p] === 1) continue;
              const x = t.price[p]!;
              if (kept.length >= window) {
                const w = kept.slice(-window).sort((a, b) => a - b);
                const median = (w[(window - 1) >> 1]! + w[window >> 1]!) / 2;
                expect(scan.ratio[p]).toBe(x / median);
                expect(scan.isRise[p]).toBe(x > 1.25 * median ? 1 : 0);
              } else expect(Number.isNaN(scan.ratio[p]!)).toBe(true);
              kept.push(x);
            }
          }
        },
      ),
    );
  });
});

describe('scanSeasonalDeviation: worked examples', () => {
  it('a pure seasonal pattern: 100 from January to June, 110 from July to December, two years', () => {
    // Each calendar month holds two equal prices, so ȳ_m = ln 100 or ln 110, Σ(y − ȳ_m)² = 0 and the
    // slope is 0 (Σ(t − t̄_m)(y − ȳ_m) = 0). RSS = 0, so σ = minSigma = 0.02 and ŷ is the month's level.
    //   January at 105:   z = ln(1.05) / 0.02 = 0.048790 / 0.02 = 2.4395 → crisis
    //   January at 100.4: z = ln(1.004) / 0.02 = 0.003992 / 0.02 = 0.1996 → normal
    //   July at 110:      z = 0 → normal;  July at 121: z = ln 1.1 / 0.02 = 4.77 → crisis
    const base = [...Array(6).fill(100), ...Array(6).fill(110), ...Array(6).fill(100), ...Array(6).fill(110)];
    const zAt = (price: number, month: number) =>
      scanSeasonalDeviation(table([...base, price], [...base.keys(), month])).z[24]!;
    expect(zAt(105, 24)).toBeCloseTo(2.4395, 4);
    expect(zAt(100.4, 24)).toBeCloseTo(0.1996, 4);
    expect(zAt(110, 30)).toBeCloseTo(0, 10);
    expect(phaseOf(zAt(105, 24))).toBe('crisis');
    expect(phaseOf(zAt(100.4, 24))).toBe('normal');
  });

  it('a pure trend: prices 100·e^(0.01 t) for t = 0 … 23, then month 24', () => {
    // Within each calendar month t̄_m = m + 6 and ȳ_m = ln 100 + 0.01 (m + 6), so b = 0.01, RSS = 0,
    // σ = 0.02, and ŷ(24) = ȳ_0 + 0.01 · (24 − 6) = ln 100 + 0.24.
    //   price 100·e^0.27:  z = 0.03 / 0.02 = 1.5 → alert
    //   price 100·e^0.24:  z = 0 (on the trend) → normal
    const base = Array.from({ length: 24 }, (_, t) => 100 * Math.exp(0.01 * t));
    expect(scanSeasonalDeviation(table([...base, 100 * Math.exp(0.27)])).z[24]).toBeCloseTo(1.5, 9);
    expect(scanSeasonalDeviation(table([...base, 100 * Math.exp(0.24)])).z[24]).toBeCloseTo(0, 9);
  });

  it('a noisy baseline: three Januaries … Decembers at ln 50 + 0.05, − 0.10, + 0.05, then January at +0.25', () => {
    // Each calendar month has t deviations −12, 0, +12 and y deviations +d, −2d, +d (d = 0.05), so
    // Σ(t − t̄)(y − ȳ) = −12d + 0 + 12d = 0: slope 0. Σ(y − ȳ)² = 6d² per month, RSS = 72d².
    // n = 36, k = 12 months + 1 = 13: √(RSS / 23) = d √(72/23).
    // At t = 36 (January): n_m = 3, t − t̄_0 = 36 − 12 = 24, Σ(t − t̄)² = 12 × (144 + 0 + 144) = 3456,
    // so the prediction factor is √(1 + 1/3 + 576/3456) = √1.5 and σ = d √(108/23) = 0.1083473.
    //   y − ŷ = 0.25:  z = 0.25 / 0.1083473 = 2.30740 → crisis
    //   y − ŷ = 0.10:  z = 0.10 / 0.1083473 = 0.92296 → stress
    const d = 0.05;
    const base = Array.from({ length: 36 }, (_, t) => 50 * Math.exp([d, -2 * d, d][Math.floor(t / 12)]!));
    const zFor = (gap: number) =>
      scanSeasonalDeviation(table([...base, 50 * Math.exp(gap)]), { years: 3 }).z[36]!;
    expect(zFor(0.25)).toBeCloseTo(2.3074, 5);
    expect(zFor(0.1)).toBeCloseTo(0.92296, 5);
    expect(phaseOf(zFor(0.1))).toBe('stress');
    // A fall is never above normal.
    expect(phaseOf(zFor(-0.25))).toBe('normal');
  });

  it('does not assess with fewer than 24 observations, without this calendar month, or an excluded one', () => {
    const flat = Array.from({ length: 23 }, () => 100);
    expect(SEASONAL_PHASES[scanSeasonalDeviation(table([...flat, 100])).phase[23]!]).toBe('not-assessed');
    // 24 observations in months 0–10 and 12–22 … but none in the month of the last one (11 = December).
    const months = [
      ...Array.from({ length: 11 }, (_, i) => i),
      ...Array.from({ length: 11 }, (_, i) => 12 + i),
      24,
      25,
    ];
    const s = scanSeasonalDeviation(table([...Array(24).fill(100), 100], [...months, 35]));
    expect(s.phase[24]).toBe(0);
    const excluded = scanSeasonalDeviation(table([...Array(24).fill(100), [500, 'x']]));
    expect(excluded.phase[24]).toBe(0);
    expect(excluded.counts[0]).toBe(25);
  });

  it('leaves baseline observations older than `years` out (a price from six years ago does not count)', () => {
    // 24 months at 100, a gap of five years, then 24 more at 100: month 108 sees only the second run … of
    // which all 24 lie in months 84–107, the window of 60 months before it.
    const months = [
      ...Array.from({ length: 24 }, (_, i) => i),
      ...Array.from({ length: 24 }, (_, i) => 84 + i),
      108,
    ];
    const s = scanSeasonalDeviation(table([...Array(24).fill(1000), ...Array(24).fill(100), 105], months));
    expect(s.z[48]).toBeCloseTo(Math.log(1.05) / 0.02, 9);
  });
});

describe('scanSeasonalDeviation agrees with fitting each baseline from scratch (property)', () => {
  function direct(months: number[], prices: number[], excluded: boolean[], p: number, span: number) {
    const idx = months.flatMap((m, i) =>
      !excluded[i] && m < months[p]! && m >= months[p]! - span ? [i] : [],
    );
    if (excluded[p] || idx.length < 24) return Number.NaN;
    const byMonth = new Map<number, number[]>();
    for (const i of idx) byMonth.set(months[i]! % 12, [...(byMonth.get(months[i]! % 12) ?? []), i]);
    const own = byMonth.get(months[p]! % 12);
    if (!own) return Number.NaN;
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    let stt = 0;
    let sty = 0;
    let syy = 0;
    const centre = new Map<number, [number, number]>();
    for (const [m, is] of byMonth) {
      const tb = mean(is.map((i) => months[i]!));
      const yb = mean(is.map((i) => Math.log(prices[i]!)));
      centre.set(m, [tb, yb]);
      for (const i of is) {
        stt += (months[i]! - tb) ** 2;
        sty += (months[i]! - tb) * (Math.log(prices[i]!) - yb);
        syy += (Math.log(prices[i]!) - yb) ** 2;
      }
    }
    const b = stt > 0 ? sty / stt : 0;
    const [tb, yb] = centre.get(months[p]! % 12)!;
    const lead = months[p]! - tb;
    const s =
      Math.sqrt(Math.max(0, syy - b * sty) / (idx.length - byMonth.size - 1)) *
      Math.sqrt(1 + 1 / own.length + (stt > 0 ? lead ** 2 / stt : 0));
    return (Math.log(prices[p]!) - (yb + b * lead)) / Math.max(0.02, s);
  }

  it('on random series with gaps and excluded observations', () => {
    const obs = fc.array(
      fc.tuple(fc.integer({ min: 1, max: 3 }), fc.double({ min: 50, max: 200, noNaN: true }), fc.boolean()),
      {
        minLength: 20,
        maxLength: 90,
      },
    );
    fc.assert(
      fc.property(obs, (list) => {
        let month = 0;
        const months = list.map(([gap]) => (month += gap));
        const prices = list.map(([, price]) => price);
        const excluded = list.map(([, , x], i) => x && i % 5 === 0);
        const t = table(
          prices.map((price, i) => (excluded[i] ? ([price, 'x'] as [number, 'x']) : price)),
          months,
        );
        const z = scanSeasonalDeviation(t, { years: 4 }).z;
        for (let p = 0; p < list.length; p += 1) {
          const want = direct(months, prices, excluded, p, 48);
          if (Number.isNaN(want)) expect(Number.isNaN(z[p]!)).toBe(true);
          else expect(z[p]).toBeCloseTo(want, 6);
        }
      }),
      { numRuns: 200 },
    );
  });
});
