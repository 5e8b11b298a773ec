// `npm run bench -- supply-shipments [--depots N] [--councils N] [--runs R]`
// (b) of issue 6: a shipment plan for 100 depots × 1,000 councils with every route present, on a plane
// of 1,000 × 1,100 km (about Bolivia's area), costs the rounded straight-line distance in km, supply
// about 70 % of demand, fixed seed. One warm-up, then the median of R runs of planShipments and of
// HiGHS on the same three LPs (bench/shipment-lp.ts), side by side; target ≤ 2,000 ms.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import {
  planShipments,
  type ShipmentPlanInput,
  type ShipmentPlanResult,
} from '../core/supply/shipment-plan.ts';
import { median, option } from './bench-stats.ts';
import { type LpPlan, loadLpSolver, solveShipmentLp } from './shipment-lp.ts';

const SEED = 20_250_606;
const TARGET_MS = 2_000;

/** Councils demand 100–5,000 units; depots hold random shares of 70 % of the total demand. */
export function syntheticShipments(
  depotCount: number,
  councilCount: number,
  seed: number,
): ShipmentPlanInput {
  const rng = xoroshiro128plus(seed);
  const place = () => ({ x: uniformInt(rng, 0, 1_000_000), y: uniformInt(rng, 0, 1_100_000) }); // metres
  const depotAt = Array.from({ length: depotCount }, place);
  const councilAt = Array.from({ length: councilCount }, place);
  const councils = councilAt.map((_, j) => ({ id: `council-${j}`, demand: uniformInt(rng, 100, 5_000) }));
  const totalDemand = councils.reduce((sum, c) => sum + c.demand, 0);
  const weights = depotAt.map(() => uniformInt(rng, 1, 100));
  const totalWeight = weights.reduce((sum, w) => sum + w, 0);
  const depots = weights.map((w, i) => ({
    id: `depot-${i}`,
    supply: Math.floor((0.7 * totalDemand * w) / totalWeight),
  }));
  const routes = depotAt.flatMap((d, i) =>
    councilAt.map((c, j) => ({
      depotId: `depot-${i}`,
      councilId: `council-${j}`,
      costPerUnit: Math.round(Math.hypot(d.x - c.x, d.y - c.y) / 1000),
    })),
  );
  return { depots, councils, routes };
}

export async function main(args: string[]): Promise<void> {
  const depotCount = Number(option(args, '--depots', '100'));
  const councilCount = Number(option(args, '--councils', '1000'));
  const runs = Number(option(args, '--runs', '5'));
  const input = syntheticShipments(depotCount, councilCount, SEED);
  const highs = await loadLpSolver();
  const { version } = JSON.parse(
    readFileSync(new URL('../node_modules/highs/package.json', import.meta.url), 'utf8'),
  ) as { version: string };
  console.log(
    `node ${process.version}, ${process.platform}/${process.arch}, npm highs ${version} (HiGHS ${highs.version.string}, WebAssembly), load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(
    `(b) ${depotCount} depots × ${councilCount} councils, ${input.routes.length} routes, supply ${sum(input.depots.map((d) => d.supply))} / demand ${sum(input.councils.map((c) => c.demand))}, seed ${SEED}; median of ${runs} after a warm-up\n`,
  );

  const ourMs: number[] = [];
  const highsMs: number[] = [];
  const highsSolverMs: number[] = [];
  const ourCpuMs: number[] = [];
  let ours: ShipmentPlanResult | undefined;
  let lp: LpPlan | undefined;
  for (let run = 0; run <= runs; run += 1) {
    const cpu = process.cpuUsage();
    let start = performance.now();
    ours = planShipments(input);
    if (run > 0) {
      ourMs.push(performance.now() - start);
      const used = process.cpuUsage(cpu);
      ourCpuMs.push((used.user + used.system) / 1000);
    }
    start = performance.now();
    lp = solveShipmentLp(highs, input);
    if (run > 0) {
      highsMs.push(performance.now() - start);
      highsSolverMs.push(lp.solverMs);
    }
  }
  if (!ours?.ok || !lp) throw new Error(`no plan: ${ours && !ours.ok ? ours.error : 'no runs'}`);

  const fOurs = ours.fairRatio.value;
  const sameGuarantees = ours.councils.every((c, j) => c.guaranteed === lp.guaranteed[j]);
  const isEqual =
    Math.abs(fOurs - lp.fairRatio) <= 1e-9 &&
    sameGuarantees &&
    ours.totalShipped === Math.round(lp.totalShipped) &&
    ours.totalCost === Math.round(lp.totalCost);
  const ms = median(ourMs);
  const hMs = median(highsMs);
  console.log(
    '| our ms | HiGHS ms (solver only) | HiGHS ÷ ours | our cost | HiGHS cost | equal | f* ours | f* HiGHS | shipped ours / HiGHS | target |',
  );
  console.log('|---:|---:|---:|---:|---:|:---:|---:|---:|---:|---:|');
  console.log(
    `| ${ms.toFixed(0)} | ${hMs.toFixed(0)} (${median(highsSolverMs).toFixed(0)}) | ${(hMs / ms).toFixed(1)} | ${ours.totalCost} | ${lp.totalCost.toFixed(2)} | ${isEqual ? 'yes' : 'no'} | ${ours.fairRatio.numerator}/${ours.fairRatio.denominator} = ${fOurs.toFixed(9)} | ${lp.fairRatio.toFixed(9)} | ${ours.totalShipped} / ${lp.totalShipped.toFixed(2)} | ≤ ${TARGET_MS.toLocaleString('en')} ms ${ms <= TARGET_MS ? 'met' : 'MISSED'} |`,
  );
  console.log(
    `\nour runs (ms): ${ourMs.map((t) => t.toFixed(0)).join(', ')} (CPU ms: ${ourCpuMs.map((t) => t.toFixed(0)).join(', ')}); HiGHS runs (ms): ${highsMs.map((t) => t.toFixed(0)).join(', ')}`,
  );
  if (!sameGuarantees)
    console.log('guarantees differ: HiGHS ratio rounded to another floor for some council');
}

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
