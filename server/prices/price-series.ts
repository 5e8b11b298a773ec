// A commodity's price series with what the scans say about each observation: the screening verdict
// (stored at import), the median rule (price ÷ median of the previous 12 accepted observations; a rise
// above the factor, 1.25 by default) and the seasonal indicator (z and its phase) — computed on read
// from the stored series (core/prices/anomalies.ts), so a changed factor needs no re-import.
import {
  buildSeriesTable,
  DEFAULT_RISE_FACTOR,
  monthIndexOf,
  SEASONAL_PHASES,
  type SeasonalPhase,
  scanMedianRule,
  scanSeasonalDeviation,
} from '../../core/prices/index.ts';
import type { Db } from '../platform/database.ts';
import { observationsOf, type SeriesObservationRow } from './price-imports.store.ts';

export interface ScannedObservation extends SeriesObservationRow {
  medianRatio: number | null;
  isRise: boolean;
  seasonalZ: number | null;
  phase: SeasonalPhase;
}

export function scanObservations(
  rows: SeriesObservationRow[],
  factor = DEFAULT_RISE_FACTOR,
): ScannedObservation[] {
  if (rows.length === 0) return [];
  const { table } = buildSeriesTable(
    rows.map((r) => ({
      seriesKey: `${r.market_id}/${r.commodity_id}/${r.price_type}/${r.unit_label}/${r.currency}`,
      monthIndex: monthIndexOf(r.observed_on) ?? 0,
      price: r.price_cents,
      isExcluded: r.is_outlier,
    })),
  );
  const median = scanMedianRule(table, { factor });
  const seasonal = scanSeasonalDeviation(table);
  const out = new Array<ScannedObservation>(rows.length);
  for (let p = 0; p < rows.length; p++) {
    const i = table.source[p]!;
    const ratio = median.ratio[p]!;
    const z = seasonal.z[p]!;
    out[i] = {
      ...rows[i]!,
      medianRatio: Number.isNaN(ratio) ? null : ratio,
      isRise: median.isRise[p] === 1,
      seasonalZ: Number.isNaN(z) ? null : z,
      phase: SEASONAL_PHASES[seasonal.phase[p]!] ?? 'not-assessed',
    };
  }
  return out;
}

export async function commoditySeries(
  db: Db,
  commodityId: string,
  marketId: string | null,
  factor?: number,
): Promise<ScannedObservation[]> {
  // The whole series is scanned even when one market is asked for: baselines need every month.
  const rows = await observationsOf(db, { commodityIds: [commodityId], ...(marketId ? { marketId } : {}) });
  return scanObservations(rows, factor);
}

/** Observations in the last `months` months of the data that rose by the median rule or reached alert. */
export async function recentAnomalies(
  db: Db,
  months: number,
  factor?: number,
): Promise<ScannedObservation[]> {
  const scanned = scanObservations(await observationsOf(db, {}), factor);
  if (scanned.length === 0) return [];
  let latestMonth = Number.NEGATIVE_INFINITY;
  for (const o of scanned) latestMonth = Math.max(latestMonth, monthIndexOf(o.observed_on) ?? latestMonth);
  const since = latestMonth - months + 1;
  return scanned
    .filter(
      (o) =>
        (monthIndexOf(o.observed_on) ?? 0) >= since &&
        (o.isRise || o.phase === 'alert' || o.phase === 'crisis'),
    )
    .sort((a, b) => (a.observed_on === b.observed_on ? 0 : a.observed_on < b.observed_on ? 1 : -1));
}
