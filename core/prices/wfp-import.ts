// A whole WFP file planned before anything is stored: every data row comes out either as an observation
// (screened for outliers) or as a rejection with its line and reason, so imported + rejected = data rows.
// HXL tag rows are skipped as a second header and counted apart. Nothing here writes; the server stores
// the plan's observations under their key, so importing the same file again adds nothing (mergeObservations
// says what a re-import would add, leave alone, or find changed).
import { type ScreenVerdict, screenOutliers, seriesKeyOf } from './outliers.ts';
import {
  mapWfpHeader,
  type PriceObservation,
  type RowRejection,
  readWfpRow,
  type WfpRowOptions,
} from './wfp-rows.ts';

export interface WfpRecord {
  fields: readonly string[];
  /** The line of the file the record ends on (csv-parse's info.lines), the header being line 1. */
  line: number;
}

export interface ScreenedObservation extends PriceObservation {
  /** One observation per key: series (market, commodity, price type, unit, currency) and date. */
  key: string;
  seriesKey: string;
  screen: ScreenVerdict;
}

export interface WfpImportOptions extends WfpRowOptions {
  /** Called every progressEvery rows and once at the end, for a progress bar on large files. */
  onProgress?: (rowsDone: number, rowsTotal: number) => void;
  progressEvery?: number;
}

export interface WfpImportPlan {
  ok: true;
  /** Records after the header, HXL tag rows included. */
  dataRows: number;
  observations: ScreenedObservation[];
  /** In line order, one per rejected row. */
  rejections: RowRejection[];
  /** HXL tag rows: a second header, neither imported nor rejected. */
  skipped: RowRejection[];
  outliers: number;
}

export type WfpImportResult = WfpImportPlan | ({ ok: false } & RowRejection);

export const observationKeyOf = (seriesKey: string, date: string): string => `${seriesKey}\u001f${date}`;

/** records[0] is the header. */
export function planWfpImport(
  records: readonly WfpRecord[],
  options: WfpImportOptions = {},
): WfpImportResult {
  const [header, ...rows] = records;
  if (!header)
    return { ok: false, line: 1, error: 'header-missing-column', field: 'date', reason: 'the file is empty' };
  const mapped = mapWfpHeader(header.fields);
  if (!mapped.ok) return mapped;
  const every = Math.max(1, options.progressEvery ?? 1000);
  const accepted: Array<PriceObservation & { key: string; seriesKey: string }> = [];
  const rejections: RowRejection[] = [];
  const skipped: RowRejection[] = [];
  const seen = new Map<string, PriceObservation>();
  for (const [i, record] of rows.entries()) {
    if (options.onProgress && i > 0 && i % every === 0) options.onProgress(i, rows.length);
    const r = readWfpRow(record.fields, record.line, mapped.columns, options);
    if (!r.ok) {
      const rejection: RowRejection = { line: r.line, error: r.error, field: r.field, reason: r.reason };
      (r.error === 'hxl-tag-row' ? skipped : rejections).push(rejection);
      continue;
    }
    const o = r.observation;
    const seriesKey = seriesKeyOf(o);
    const key = observationKeyOf(seriesKey, o.date);
    const earlier = seen.get(key);
    if (earlier) {
      const same = earlier.priceCents === o.priceCents;
      rejections.push({
        line: o.line,
        error: same ? 'duplicate-row' : 'duplicate-conflict',
        field: same ? 'row' : 'price',
        reason: same
          ? `same observation as line ${earlier.line}`
          : `line ${earlier.line} gives ${(earlier.priceCents / 100).toFixed(2)} for the same market, item, unit and date`,
      });
      continue;
    }
    seen.set(key, o);
    accepted.push({ ...o, key, seriesKey });
  }
  options.onProgress?.(rows.length, rows.length);
  const verdicts = screenOutliers(accepted);
  const observations = accepted.map((o, i) => ({ ...o, screen: verdicts[i]! }));
  return {
    ok: true,
    dataRows: rows.length,
    observations,
    rejections,
    skipped,
    outliers: verdicts.filter((v) => v.isOutlier).length,
  };
}

export interface MergePlan<T> {
  /** New keys: what a store would insert. */
  added: T[];
  /** Keys already stored with the same price: nothing to do. */
  unchanged: number;
  /** Keys already stored with another price: left as stored, reported (a correction is its own act). */
  changed: Array<{ observation: T; storedPriceCents: number }>;
}

/** What importing `incoming` on top of the stored prices (key → priceCents) would do. */
export function mergeObservations<T extends { key: string; priceCents: number }>(
  stored: ReadonlyMap<string, number>,
  incoming: readonly T[],
): MergePlan<T> {
  const plan: MergePlan<T> = { added: [], unchanged: 0, changed: [] };
  for (const o of incoming) {
    const storedPriceCents = stored.get(o.key);
    if (storedPriceCents === undefined) plan.added.push(o);
    else if (storedPriceCents === o.priceCents) plan.unchanged += 1;
    else plan.changed.push({ observation: o, storedPriceCents });
  }
  return plan;
}
