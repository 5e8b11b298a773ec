// `npm run bench -- prices-anomalies [--series N] [--months M] [--runs R]`
// (a) Both anomaly scans (the median rule and the seasonal deviation, core/prices/anomalies.ts) over
//     1,000,000 synthetic observations: 2,000 series × 500 months (fixed seed), each a log price with a
//     trend, a seasonal swing, persistent noise, a few spikes and 1 % screened outliers. The table is built
//     first, not timed; each scan is timed: one warm-up, then the median of R runs. Target ≤ 1,000 ms for
//     both scans together (issue 7).
// (b) When ../shared/data (or $CABILDO_SHARED_DATA) is present: the Bolivia file parsed with csv-parse,
//     then checked row by row, unit-normalised and screened (planWfpImport), timed apart. Storing in
//     PostgreSQL is the server's and is measured there.
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { scanMedianRule, scanSeasonalDeviation } from '../core/prices/anomalies.ts';
import type { PriceSeriesTable } from '../core/prices/series-table.ts';
import { planWfpImport } from '../core/prices/wfp-import.ts';
import { median, option } from './bench-stats.ts';

const SEED = 20_250_707;
const TARGET_MS = 1000;
const here = dirname(fileURLToPath(import.meta.url));
const shared = process.env.CABILDO_SHARED_DATA ?? join(here, '../../shared/data');

/** Series laid out directly in table order (series by series, month by month). */
export function syntheticTable(seriesCount: number, months: number, seed: number): PriceSeriesTable {
  const rng = xoroshiro128plus(seed);
  const u = () => uniformFloat64(rng);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
  const n = seriesCount * months;
  const seriesStart = new Int32Array(seriesCount + 1);
  const monthIndex = new Int32Array(n);
  const price = new Float64Array(n);
  const isExcluded = new Uint8Array(n);
  const source = new Int32Array(n);
  for (let s = 0; s < seriesCount; s += 1) {
    seriesStart[s] = s * months;
    const level = Math.log(100 + 4900 * u()); // 1 to 50 currency units, in cents
    const trend = 0.003 * gauss(); // per month
    const swing = 0.05 + 0.1 * u(); // seasonal amplitude, log
    const phase = 2 * Math.PI * u();
    let noise = 0;
    let spike = 0;
    for (let m = 0; m < months; m += 1) {
      const p = s * months + m;
      noise = 0.7 * noise + 0.03 * gauss(); // persistent, as real prices are
      if (u() < 0.005) spike = 0.3 + 0.3 * u(); // a shock every ~200 months, fading
      spike *= 0.8;
      monthIndex[p] = 2000 * 12 + m;
      price[p] = Math.exp(
        level + trend * m + swing * Math.sin((2 * Math.PI * m) / 12 + phase) + noise + spike,
      );
      isExcluded[p] = u() < 0.01 ? 1 : 0;
      source[p] = p;
    }
  }
  seriesStart[seriesCount] = n;
  return { seriesCount, seriesStart, monthIndex, price, isExcluded, source };
}

function time<T>(runs: number, work: () => T): { ms: number[]; result: T } {
  let result = work(); // warm-up
  const ms: number[] = [];
  for (let r = 0; r < runs; r += 1) {
    const start = performance.now();
    result = work();
    ms.push(performance.now() - start);
  }
  return { ms, result };
}

export async function main(args: string[]): Promise<void> {
  const seriesCount = Number(option(args, '--series', '2000'));
  const months = Number(option(args, '--months', '500'));
  const runs = Number(option(args, '--runs', '5'));
  console.log(`node ${process.version}, ${process.platform}/${process.arch}; seed ${SEED}`);
  const table = syntheticTable(seriesCount, months, SEED);
  const count = table.price.length;

  const medianRule = time(runs, () => scanMedianRule(table));
  const seasonal = time(runs, () => scanSeasonalDeviation(table));
  const both = time(runs, () => [scanMedianRule(table), scanSeasonalDeviation(table)] as const);
  const load = loadavg().map((l) => l.toFixed(2));
  console.log(
    `\nAnomaly scans, one warm-up then ${runs} runs; ms wall-clock; load average ${load.join(', ')} on ${availableParallelism()} CPUs\n`,
  );
  console.log('| scan | observations | flagged | median | min | max | target | |');
  console.log('|---|---:|---|---:|---:|---:|---:|---|');
  const m = medianRule.result;
  const c = seasonal.result.counts;
  const rows: Array<[string, string, number[], boolean]> = [
    ['median rule (×1.25, 12 previous)', `${m.rises} of ${m.checked} checks`, medianRule.ms, false],
    ['seasonal deviation (5 years)', `alert ${c[3]}, crisis ${c[4]} of ${count - c[0]!}`, seasonal.ms, false],
    ['both', '', both.ms, true],
  ];
  for (const [label, flagged, ms, hasTarget] of rows) {
    const med = median(ms);
    const target = hasTarget ? `≤ ${TARGET_MS.toLocaleString('en')}` : '';
    const verdict = hasTarget ? (med <= TARGET_MS ? 'met' : 'MISSED') : '';
    console.log(
      `| ${label} | ${count.toLocaleString('en')} | ${flagged} | ${med.toFixed(0)} | ${Math.min(...ms).toFixed(0)} | ${Math.max(...ms).toFixed(0)} | ${target} | ${verdict} |`,
    );
  }

  const file = join(shared, 'prices/wfp_food_prices_bol.csv');
  if (!existsSync(file)) {
    console.log(`\n(${file} not found: the real-file part is skipped)`);
    return;
  }
  const text = readFileSync(file, 'utf8');
  const parsing = time(runs, () =>
    (
      parse(text, { bom: true, info: true, relax_column_count: true }) as unknown as Array<{
        record: string[];
        info: { lines: number };
      }>
    ).map((r) => ({ fields: r.record, line: r.info.lines })),
  );
  const planning = time(runs, () => planWfpImport(parsing.result));
  const plan = planning.result;
  if (!plan.ok) throw new Error(plan.reason);
  console.log(
    `\nThe Bolivia file (${(text.length / 1e6).toFixed(1)} MB, ${plan.dataRows - plan.skipped.length} data rows), same runs\n`,
  );
  console.log('| step | result | median | min | max |');
  console.log('|---|---|---:|---:|---:|');
  for (const [label, result, ms] of [
    ['csv-parse (records with lines)', `${parsing.result.length} records`, parsing.ms],
    [
      'rows checked, units normalised, outliers screened',
      `${plan.observations.length} imported, ${plan.rejections.length} rejected, ${plan.outliers} outliers`,
      planning.ms,
    ],
  ] as const)
    console.log(
      `| ${label} | ${result} | ${median([...ms]).toFixed(0)} | ${Math.min(...ms).toFixed(0)} | ${Math.max(...ms).toFixed(0)} |`,
    );
}
