// `npm run bench -- supply-allocation [--households N] [--runs R]`
// (a) one distribution round for 1,000,000 households (fixed seed): sizes 1–10, people in age bands,
//     ~15 % with a priority flag, stock at ~60 % of the total entitlement. Households and entitlements
//     are built first, not timed; allocateRound is timed: one warm-up, then the median of R runs.
//     Two items: rice (1 g steps of a kg, capped per household) and LPG (whole cylinders only).
import { availableParallelism, loadavg } from 'node:os';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { allocateRound, type RoundHousehold } from '../core/supply/allocate-round.ts';
import {
  AGE_BANDS,
  entitlementOf,
  type PeopleByBand,
  PRIORITY_FLAGS,
  type PriorityFlag,
  priorityClassOf,
  type RationRule,
  weightMillisOf,
} from '../core/supply/ration-rule.ts';
import { median, option } from './bench-stats.ts';

const SEED = 20_250_601;
const TARGET_MS = 1000;

interface SyntheticHousehold {
  id: string;
  people: PeopleByBand;
  flags: PriorityFlag[];
}

/** Household sizes roughly as in a census (percent of households of 1, 2, … 10 people). */
const SIZE_SHARE = [14, 24, 20, 17, 11, 6, 4, 2, 1, 1];
/** Percent of people in each age band, in AGE_BANDS order. */
const BAND_SHARE = [6, 22, 56, 16];

export function syntheticHouseholds(count: number, seed: number): SyntheticHousehold[] {
  const rng = xoroshiro128plus(seed);
  const pick = (shares: number[]) => {
    let r = uniformInt(rng, 0, shares.reduce((s, x) => s + x, 0) - 1);
    for (let i = 0; i < shares.length; i += 1) {
      r -= shares[i] ?? 0;
      if (r < 0) return i;
    }
    return shares.length - 1;
  };
  const households: SyntheticHousehold[] = [];
  for (let h = 0; h < count; h += 1) {
    const people: PeopleByBand = { infant: 0, child: 0, adult: 0, elder: 0 };
    const size = pick(SIZE_SHARE) + 1;
    for (let p = 0; p < size; p += 1) people[AGE_BANDS[pick(BAND_SHARE)]!] += 1;
    const flags: PriorityFlag[] = uniformInt(rng, 0, 99) < 15 ? [PRIORITY_FLAGS[uniformInt(rng, 0, 3)]!] : [];
    households.push({ id: `h${String(h).padStart(7, '0')}`, people, flags });
  }
  return households;
}

const RICE: RationRule = {
  perPersonMilli: 5000,
  weightsPermille: { infant: 300, child: 700, adult: 1000, elder: 900 },
  priorityClasses: [
    ['illness', 'disability'],
    ['infants', 'elderly'],
  ],
  capPerHouseholdMilli: 30_000,
};
const LPG: RationRule = {
  perPersonMilli: 250,
  weightsPermille: { infant: 1000, child: 1000, adult: 1000, elder: 1000 },
  priorityClasses: [['illness', 'disability', 'infants', 'elderly']],
};

function roundInputs(households: SyntheticHousehold[], rule: RationRule, stepMilli: number) {
  let total = 0;
  const rows: RoundHousehold[] = households.map((h) => {
    const entitlementMilli = entitlementOf(rule, h, stepMilli);
    total += entitlementMilli;
    return {
      id: h.id,
      entitlementMilli,
      weightMillis: weightMillisOf(rule, h.people),
      priorityClass: priorityClassOf(rule, h.flags),
    };
  });
  return { households: rows, stockMilli: Math.floor(total * 0.6), stepMilli, totalMilli: total };
}

export async function main(args: string[]): Promise<void> {
  const count = Number(option(args, '--households', '1000000'));
  const runs = Number(option(args, '--runs', '5'));
  console.log(`node ${process.version}, ${process.platform}/${process.arch}; seed ${SEED}`);
  // Inputs first, then the synthetic households are dropped: the timed runs see a heap holding only
  // the round's own input, as a server holding one round would.
  const items = (() => {
    const households = syntheticHouseholds(count, SEED);
    return [
      { label: 'rice, 1 g steps, cap 30 kg', input: roundInputs(households, RICE, 1) },
      { label: 'LPG, whole cylinders', input: roundInputs(households, LPG, 1000) },
    ];
  })();
  const rows: string[] = [];
  for (const { label, input } of items) {
    const times: number[] = [];
    const cpuTimes: number[] = [];
    let short = '';
    for (let run = 0; run <= runs; run += 1) {
      const cpu = process.cpuUsage();
      const start = performance.now();
      const result = allocateRound(input);
      const elapsed = performance.now() - start;
      const used = process.cpuUsage(cpu);
      if (run > 0) {
        times.push(elapsed);
        cpuTimes.push((used.user + used.system) / 1000);
      }
      const shortClass = result.classes.find((c) => c.status === 'short');
      short = shortClass ? `class ${shortClass.priorityClass}, ${shortClass.levelMilliPerPerson}` : 'none';
    }
    const med = median(times);
    const share = ((100 * input.stockMilli) / input.totalMilli).toFixed(0);
    rows.push(
      `| ${label} | ${count.toLocaleString('en')} | ${share} % | ${short} | ${med.toFixed(0)} | ${Math.min(...times).toFixed(0)} | ${Math.max(...times).toFixed(0)} | ${median(cpuTimes).toFixed(0)} | ≤ ${TARGET_MS.toLocaleString('en')} | ${med <= TARGET_MS ? 'met' : 'MISSED'} |`,
    );
  }
  const load = loadavg().map((l) => l.toFixed(2));
  console.log(
    `\nallocateRound, one warm-up then ${runs} runs; ms wall-clock (CPU: process time, GC threads included); load average ${load.join(', ')} on ${availableParallelism()} CPUs\n`,
  );
  console.log(
    '| item | households | stock / entitlement | short class, level (milli per person) | median | min | max | CPU median | target | |',
  );
  console.log('|---|---:|---:|---|---:|---:|---:|---:|---:|---|');
  for (const row of rows) console.log(row);
}
