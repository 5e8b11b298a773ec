// Observations laid out for the anomaly scans: grouped by series, in month order, in typed arrays (one
// column each), so a scan over a million observations walks memory in order and allocates nothing per
// observation.

export interface PriceSeriesTable {
  seriesCount: number;
  /** Series s occupies positions seriesStart[s] to seriesStart[s + 1] − 1, in month order. */
  seriesStart: Int32Array;
  /** year × 12 + month − 1 (monthIndexOf). */
  monthIndex: Int32Array;
  /** Above 0, in one unit per series: the scans compare prices of a series with each other only. */
  price: Float64Array;
  /** 1: a screened outlier — not checked and in no baseline. */
  isExcluded: Uint8Array;
  /** The index, in the list given to buildSeriesTable, of the observation at each position. */
  source: Int32Array;
}

export interface TableInput {
  seriesKey: string;
  monthIndex: number;
  price: number;
  isExcluded: boolean;
}

/** The table and the key of each series, in the table's series order (keys sorted, UTF-16 order). */
export function buildSeriesTable(items: readonly TableInput[]): {
  table: PriceSeriesTable;
  seriesKeys: string[];
} {
  const order = items.map((_, i) => i);
  order.sort((a, b) => {
    const x = items[a]!;
    const y = items[b]!;
    if (x.seriesKey !== y.seriesKey) return x.seriesKey < y.seriesKey ? -1 : 1;
    return x.monthIndex - y.monthIndex || a - b;
  });
  const n = items.length;
  const monthIndex = new Int32Array(n);
  const price = new Float64Array(n);
  const isExcluded = new Uint8Array(n);
  const source = new Int32Array(n);
  const starts: number[] = [];
  const seriesKeys: string[] = [];
  for (let p = 0; p < n; p += 1) {
    const i = order[p]!;
    const item = items[i]!;
    if (seriesKeys[seriesKeys.length - 1] !== item.seriesKey) {
      seriesKeys.push(item.seriesKey);
      starts.push(p);
    }
    if (!(item.price > 0)) throw new RangeError(`price at ${i} must be above 0, got ${item.price}`);
    monthIndex[p] = item.monthIndex;
    price[p] = item.price;
    isExcluded[p] = item.isExcluded ? 1 : 0;
    source[p] = i;
  }
  starts.push(n);
  return {
    table: {
      seriesCount: seriesKeys.length,
      seriesStart: Int32Array.from(starts),
      monthIndex,
      price,
      isExcluded,
      source,
    },
    seriesKeys,
  };
}
