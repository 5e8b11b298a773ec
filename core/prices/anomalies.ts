// Abnormal rises per series (market, commodity, price type, unit), two ways. Both look only back, both
// leave screened outliers out (not checked, in no baseline), and both run on a PriceSeriesTable in one pass
// with no allocation per observation: a million observations in well under a second.
//
// (a) The median rule. An observation is checked once its series has 12 earlier accepted observations,
//     whatever the gaps between them; it is a rise when
//         price > factor × median(previous 12 accepted prices)        (factor 1.25 by default)
//     The median of an even window is the mean of its two middle values. The window is kept sorted in
//     place (one removal and one insertion shift, at most 12 moves), not re-sorted at every step.
//
// (b) The seasonal deviation, in the spirit of WFP's Alert for Price Spikes (ALPS: the gap between a price
//     and its seasonal trend, in standard deviations; WFP, "Calculation and Use of the Alert for Price
//     Spikes (ALPS) Indicator", technical guidance note, April 2014). Our own formulation, trailing rather
//     than fitted on the whole history, so that a spike cannot hide itself by pulling the trend up:
//       y = ln price; the baseline is every accepted observation of the series in the `years` × 12 months
//       before this one's month (5 years, 60 months, by default). On it, ordinary least squares fits
//           y = a_m + b·t          (one level per calendar month m, one common slope b per month t)
//       that is, within each calendar month t and y are centred on their month means (t̄_m, ȳ_m), and
//           b = Σ (t − t̄_m)(y − ȳ_m) / Σ (t − t̄_m)²,   RSS = Σ (y − ȳ_m)² − b · Σ (t − t̄_m)(y − ȳ_m).
//       The trend at this observation (month m, time t) is ŷ = ȳ_m + b (t − t̄_m). Its spread is the
//       standard error of a prediction from that fit, so a level estimated from few observations or a
//       trend carried far ahead widens it:
//           s = √(RSS / (n − k)) · √(1 + 1/n_m + (t − t̄_m)² / Σ (t − t̄_m)²),    σ = max(minSigma, s)
//       with n observations in the baseline, n_m of them in month m, k = calendar months present + 1.
//       The indicator is z = (y − ŷ) / σ, assessed when the baseline holds at least minObservations (24),
//       this calendar month among them.
//     minSigma (0.02, a 2 % spread) keeps a price that sat still for years from turning a 1-centavo change
//     into an infinite z. Phases use WFP's ALPS thresholds:
//         normal z < 0.25 ≤ stress < 1 ≤ alert < 2 ≤ crisis.
//     Only rises are phases above normal: a price below its trend is normal. Prices persist (a high month
//     is followed by high months), so on the Bolivia file more observations reach alert than the 16 % a
//     normal residual would give (the corpus test prints the figures).
//
// Running sums per calendar month (n, Σt, Σy, Σt², Σty, Σy²) are updated as observations enter and leave
// the window; t counts months from the series' first observation, so sums of t are exact integers.
import type { PriceSeriesTable } from './series-table.ts';

export const DEFAULT_RISE_FACTOR = 1.25;
export const DEFAULT_MEDIAN_WINDOW = 12;

export interface MedianRuleOptions {
  factor?: number;
  window?: number;
}

export interface MedianRuleScan {
  /** price ÷ median of the previous window; NaN where not checked (too few previous, or an outlier). */
  ratio: Float64Array;
  /** 1 where price > factor × median. */
  isRise: Uint8Array;
  checked: number;
  rises: number;
}

export function scanMedianRule(table: PriceSeriesTable, options: MedianRuleOptions = {}): MedianRuleScan {
  const factor = options.factor ?? DEFAULT_RISE_FACTOR;
  const window = options.window ?? DEFAULT_MEDIAN_WINDOW;
  if (!(factor > 0)) throw new RangeError(`factor must be above 0, got ${factor}`);
  if (!Number.isInteger(window) || window < 1)
    throw new RangeError(`window must be 1 or more, got ${window}`);
  const { seriesStart, price, isExcluded } = table;
  const n = price.length;
  const ratio = new Float64Array(n).fill(Number.NaN);
  const isRise = new Uint8Array(n);
  const sorted = new Float64Array(window); // the window, ascending
  const ring = new Float64Array(window); // the window, oldest at `oldest` once full
  const lowMid = (window - 1) >> 1;
  const highMid = window >> 1;
  let checked = 0;
  let rises = 0;
  for (let s = 0; s < table.seriesCount; s += 1) {
    let size = 0;
    let oldest = 0;
    for (let p = seriesStart[s]!; p < seriesStart[s + 1]!; p += 1) {
      if (isExcluded[p] === 1) continue;
      const x = price[p]!;
      let hole: number; // where the sorted window has a free slot for x
      if (size === window) {
        const median = (sorted[lowMid]! + sorted[highMid]!) / 2;
        ratio[p] = x / median;
        checked += 1;
        if (x > factor * median) {
          isRise[p] = 1;
          rises += 1;
        }
        // Drop the oldest value: find one copy of it, close the gap towards the end.
        const out = ring[oldest]!;
        ring[oldest] = x;
        oldest = oldest + 1 === window ? 0 : oldest + 1;
        hole = 0;
        while (sorted[hole] !== out) hole += 1;
        for (; hole < window - 1; hole += 1) sorted[hole] = sorted[hole + 1]!;
      } else {
        ring[size] = x;
        hole = size;
        size += 1;
      }
      // Insert x: shift larger values one up into the hole at the end.
      while (hole > 0 && sorted[hole - 1]! > x) {
        sorted[hole] = sorted[hole - 1]!;
        hole -= 1;
      }
      sorted[hole] = x;
    }
  }
  return { ratio, isRise, checked, rises };
}

export const SEASONAL_PHASES = ['not-assessed', 'normal', 'stress', 'alert', 'crisis'] as const;
export type SeasonalPhase = (typeof SEASONAL_PHASES)[number];
/** Lower bound of z for stress, alert and crisis (WFP ALPS). */
export const PHASE_THRESHOLDS = { stress: 0.25, alert: 1, crisis: 2 } as const;

export interface SeasonalOptions {
  years?: number;
  minObservations?: number;
  minSigma?: number;
}

export interface SeasonalScan {
  /** The indicator z; NaN where not assessed. */
  z: Float64Array;
  /** Index into SEASONAL_PHASES (0 not assessed). */
  phase: Uint8Array;
  /** Observations in each phase, SEASONAL_PHASES order. */
  counts: number[];
}

export const phaseOf = (z: number): Exclude<SeasonalPhase, 'not-assessed'> =>
  z >= PHASE_THRESHOLDS.crisis
    ? 'crisis'
    : z >= PHASE_THRESHOLDS.alert
      ? 'alert'
      : z >= PHASE_THRESHOLDS.stress
        ? 'stress'
        : 'normal';

export function scanSeasonalDeviation(table: PriceSeriesTable, options: SeasonalOptions = {}): SeasonalScan {
  const span = 12 * (options.years ?? 5);
  const minObservations = options.minObservations ?? 24;
  const minSigma = options.minSigma ?? 0.02;
  if (!Number.isInteger(span) || span < 12)
    throw new RangeError(`years must be a whole number of at least 1`);
  if (!Number.isInteger(minObservations) || minObservations < 14)
    throw new RangeError(`minObservations must be 14 or more, so that n − k ≥ 1, got ${minObservations}`);
  const { seriesStart, monthIndex, price, isExcluded } = table;
  const total = price.length;
  const z = new Float64Array(total).fill(Number.NaN);
  const phase = new Uint8Array(total);
  const counts = [0, 0, 0, 0, 0];
  const logPrice = new Float64Array(total);
  for (let p = 0; p < total; p += 1) logPrice[p] = Math.log(price[p]!);
  // Per calendar month: count, Σt, Σy, Σt², Σty, Σy².
  const cn = new Float64Array(12);
  const ct = new Float64Array(12);
  const cy = new Float64Array(12);
  const ctt = new Float64Array(12);
  const cty = new Float64Array(12);
  const cyy = new Float64Array(12);
  const apply = (p: number, origin: number, sign: 1 | -1) => {
    const m = monthIndex[p]! % 12;
    const t = monthIndex[p]! - origin;
    const y = logPrice[p]!;
    cn[m]! += sign;
    ct[m]! += sign * t;
    cy[m]! += sign * y;
    ctt[m]! += sign * t * t;
    cty[m]! += sign * t * y;
    cyy[m]! += sign * y * y;
  };

  for (let s = 0; s < table.seriesCount; s += 1) {
    const first = seriesStart[s]!;
    const end = seriesStart[s + 1]!;
    if (first === end) continue;
    const origin = monthIndex[first]!;
    cn.fill(0);
    ct.fill(0);
    cy.fill(0);
    ctt.fill(0);
    cty.fill(0);
    cyy.fill(0);
    let n = 0;
    let added = first; // next position to enter the baseline
    let removed = first; // next position to leave it
    for (let p = first; p < end; p += 1) {
      const month = monthIndex[p]!;
      for (; added < end && monthIndex[added]! < month; added += 1)
        if (isExcluded[added] === 0) {
          apply(added, origin, 1);
          n += 1;
        }
      for (; removed < added && monthIndex[removed]! < month - span; removed += 1)
        if (isExcluded[removed] === 0) {
          apply(removed, origin, -1);
          n -= 1;
        }
      const m = month % 12;
      if (isExcluded[p] === 1 || n < minObservations || cn[m]! < 0.5) continue;
      let stt = 0;
      let sty = 0;
      let syy = 0;
      let months = 0;
      for (let c = 0; c < 12; c += 1) {
        const k = cn[c]!;
        if (k < 0.5) continue;
        months += 1;
        stt += ctt[c]! - (ct[c]! * ct[c]!) / k;
        sty += cty[c]! - (ct[c]! * cy[c]!) / k;
        syy += cyy[c]! - (cy[c]! * cy[c]!) / k;
      }
      const slope = stt > 0 ? sty / stt : 0;
      const rss = Math.max(0, syy - slope * sty);
      const k = cn[m]!;
      const lead = month - origin - ct[m]! / k;
      const spread =
        Math.sqrt(rss / (n - months - 1)) * Math.sqrt(1 + 1 / k + (stt > 0 ? (lead * lead) / stt : 0));
      const sigma = Math.max(minSigma, spread);
      const trend = cy[m]! / k + slope * lead;
      const value = (logPrice[p]! - trend) / sigma;
      z[p] = value;
      const ph =
        value >= PHASE_THRESHOLDS.crisis
          ? 4
          : value >= PHASE_THRESHOLDS.alert
            ? 3
            : value >= PHASE_THRESHOLDS.stress
              ? 2
              : 1;
      phase[p] = ph;
      counts[ph]! += 1;
    }
  }
  counts[0] = total - counts[1]! - counts[2]! - counts[3]! - counts[4]!;
  return { z, phase, counts };
}
