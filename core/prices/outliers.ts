// Screening for entry and unit errors before any cap or alarm acts on a price. A series is one market,
// commodity, price type, unit and currency; its observations are taken in date order, and each is
// compared with the series' previous accepted observation (its reference):
//
//   ratio = price ÷ reference price;   ratio ≥ 3 or ratio ≤ 1/3  →  outlier (a likely entry or unit error)
//
// An outlier is kept and flagged, with the ratio and the reference it was measured against, never
// silently dropped; it is not a reference for the next observation and the anomaly scans leave it out
// of every baseline (and do not check it). Food prices do not move ×3 in a month: in the Bolivia file the
// month-on-month change is +9.6 % at the 95th percentile and +23.8 % at the 99th.
//
// A real change of level (a unit the file stopped stating, a devaluation) would otherwise flag every
// later observation. So when an observation is a jump in the same direction as the outlier just before
// it in the series, and within ×3 of that outlier, the two agree on a new level: the second is accepted
// as a level shift and becomes the reference. The first stays flagged.
//
// Verdicts only look back, so an observation's verdict never changes when later months arrive: importing
// a file month by month or all at once flags the same observations.

export const JUMP_FACTOR = 3;

export interface ScreenInput {
  /** Market, commodity, price type, unit and currency (seriesKeyOf): one series, one unit. */
  seriesKey: string;
  /** YYYY-MM-DD; equal dates keep their input order. */
  date: string;
  /** As quoted, in the series' single unit, so a ratio of two prices is exact integer arithmetic. */
  priceCents: number;
}

export interface ScreenVerdict {
  /** A likely entry or unit error: kept, shown, out of every baseline. */
  isOutlier: boolean;
  /** Accepted although it is a jump, because it confirms the level of the outlier just before it. */
  isLevelShift: boolean;
  /** Price ÷ the reference price; null for the first observation of a series. */
  ratio: number | null;
  /** Index (into the input) of the reference observation; -1 for the first of a series. */
  referenceIndex: number;
  /** Why it was flagged or accepted as a shift, for a person to read; null when plainly accepted. */
  reason: string | null;
}

export const seriesKeyOf = (o: {
  market: string;
  marketId: string;
  commodity: string;
  commodityId: string;
  priceType: string;
  unit: string;
  currency: string;
}): string =>
  [o.marketId || o.market, o.commodityId || o.commodity, o.priceType, o.unit, o.currency].join('\u001f');

/** Compares a / b with 3 exactly, in integers: 1 a rise ×3 or more, -1 a fall to a third or less, 0 none. */
function jumpDirection(price: number, reference: number): -1 | 0 | 1 {
  if (price >= JUMP_FACTOR * reference) return 1;
  if (JUMP_FACTOR * price <= reference) return -1;
  return 0;
}

const ratioText = (ratio: number) => `×${ratio >= 1 ? ratio.toFixed(2) : ratio.toFixed(3)}`;

/** One verdict per input, index for index. */
export function screenOutliers(inputs: readonly ScreenInput[]): ScreenVerdict[] {
  const order = inputs.map((_, i) => i);
  order.sort((a, b) => {
    const x = inputs[a]!;
    const y = inputs[b]!;
    if (x.seriesKey !== y.seriesKey) return x.seriesKey < y.seriesKey ? -1 : 1;
    if (x.date !== y.date) return x.date < y.date ? -1 : 1;
    return a - b;
  });
  const verdicts = new Array<ScreenVerdict>(inputs.length);
  let series = '';
  let reference = -1;
  let lastOutlier = -1; // the previous observation of the series, when it was an outlier
  for (const i of order) {
    const o = inputs[i]!;
    if (o.seriesKey !== series) {
      series = o.seriesKey;
      reference = -1;
      lastOutlier = -1;
    }
    if (reference < 0) {
      verdicts[i] = { isOutlier: false, isLevelShift: false, ratio: null, referenceIndex: -1, reason: null };
      reference = i;
      continue;
    }
    const ref = inputs[reference]!;
    const ratio = o.priceCents / ref.priceCents;
    const direction = jumpDirection(o.priceCents, ref.priceCents);
    if (direction === 0) {
      verdicts[i] = { isOutlier: false, isLevelShift: false, ratio, referenceIndex: reference, reason: null };
      reference = i;
      lastOutlier = -1;
      continue;
    }
    const previous = lastOutlier >= 0 ? inputs[lastOutlier]! : null;
    const confirms =
      previous !== null &&
      jumpDirection(previous.priceCents, ref.priceCents) === direction &&
      jumpDirection(o.priceCents, previous.priceCents) === 0;
    if (confirms) {
      verdicts[i] = {
        isOutlier: false,
        isLevelShift: true,
        ratio,
        referenceIndex: reference,
        reason: `level shift: ${ratioText(ratio)} against ${ref.date}, confirming the outlier of ${previous.date}`,
      };
      reference = i;
      lastOutlier = -1;
      continue;
    }
    verdicts[i] = {
      isOutlier: true,
      isLevelShift: false,
      ratio,
      referenceIndex: reference,
      reason: `${ratioText(ratio)} against ${ref.date} (${(ref.priceCents / 100).toFixed(2)}): likely an entry or unit error`,
    };
    lastOutlier = i;
  }
  return verdicts;
}
