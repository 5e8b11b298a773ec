// `npm run bench -- counting [--ballots N] [--runs R] [--skip-corpus] [--methods a,b]`
// (a) the 352 Scottish wards of ../shared/data counted in one process (files read first, not timed),
//     median of 5 runs after one warm-up, under Scottish STV, WIGM and Meek;
// (b) a synthetic election (1,000,000 ranked ballots, 20 candidates, 5 seats, fixed seed) under every
//     method of countBallots, each in its own child process so its peak memory is its own.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { COUNTING_METHODS, countBallots, readBlt } from '../core/decisions/counting/index.ts';
import type { BallotProfile, CountingMethod } from '../core/decisions/counting/tally.ts';
import { median, option } from './bench-stats.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const shared = process.env.CABILDO_SHARED_DATA ?? join(here, '../../shared/data');
const SEED = 20_250_601;
const MB = 1024 * 1024;

/**
 * Voters of five parties (four candidates each, party shares 30/25/20/15/10 %) rank 1–8 candidates:
 * their party's candidates first, in a noisy party order, then others by popularity. Identical
 * rankings are folded into one weighted ballot, as a BLT file would hold them.
 */
export function syntheticElection(ballots: number, seed: number): BallotProfile {
  const rng = xoroshiro128plus(seed);
  const candidates = Array.from({ length: 20 }, (_, c) => `Candidate ${c + 1} (P${Math.floor(c / 4) + 1})`);
  const partyShare = [30, 25, 20, 15, 10];
  const lengthShare = [25, 25, 20, 12, 8, 5, 3, 2]; // percent ranking 1, 2, … 8 candidates
  const pick = (shares: number[]) => {
    let r = uniformInt(rng, 0, shares.reduce((s, x) => s + x, 0) - 1);
    for (let i = 0; i < shares.length; i += 1) {
      r -= shares[i] ?? 0;
      if (r < 0) return i;
    }
    return shares.length - 1;
  };
  const folded = new Map<string, number>();
  const ranking: number[] = [];
  for (let b = 0; b < ballots; b += 1) {
    const party = pick(partyShare);
    const length = pick(lengthShare) + 1;
    ranking.length = 0;
    while (ranking.length < length) {
      const fromParty = ranking.length < 4 && uniformInt(rng, 0, 99) < 75;
      const c = fromParty
        ? party * 4 + Math.min(3, pick([40, 30, 20, 10]))
        : pick(partyShare) * 4 + uniformInt(rng, 0, 3);
      if (!ranking.includes(c)) ranking.push(c);
    }
    const key = ranking.join(',');
    folded.set(key, (folded.get(key) ?? 0) + 1);
  }
  return {
    title: `synthetic ${ballots} ballots, seed ${seed}`,
    seats: 5,
    candidates,
    withdrawn: [],
    ballots: Array.from(folded, ([key, weight]) => ({
      weight,
      ranks: key.split(',').map((c) => [Number(c)]),
    })),
  };
}

function corpus(runs: number): void {
  const dir = join(shared, 'ballots/scotland/blt');
  if (!existsSync(dir)) {
    console.log(`(a) skipped: ${dir} not found (set CABILDO_SHARED_DATA)`);
    return;
  }
  const profiles = readdirSync(dir)
    .filter((f) => f.endsWith('.blt'))
    .map((f) => {
      const read = readBlt(readFileSync(join(dir, f)));
      if (!read.ok) throw new Error(`${f}: ${read.error.message}`);
      return read.profile;
    });
  const papers = profiles.reduce((s, p) => s + p.ballots.reduce((t, b) => t + b.weight, 0), 0);
  console.log(
    `(a) ${profiles.length} Scottish wards, ${papers} papers, counting only, ${runs} runs after a warm-up`,
  );
  for (const method of ['stv-scottish', 'stv-wigm', 'stv-meek'] as const) {
    const times: number[] = [];
    for (let run = 0; run <= runs; run += 1) {
      const start = performance.now();
      for (const profile of profiles) countBallots(method, profile);
      if (run > 0) times.push(performance.now() - start);
    }
    console.log(
      `    ${method.padEnd(13)} median ${median(times).toFixed(0)} ms  (runs: ${times.map((t) => t.toFixed(0)).join(', ')})`,
    );
  }
}

/** Child process: generate, collect garbage, then count `runs` times and print one JSON line. */
function child(method: CountingMethod, ballots: number, runs: number): void {
  const profile = syntheticElection(ballots, SEED);
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage();
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  let elected: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    const tally = countBallots(method, profile, method === 'irv' ? { seats: 1 } : {});
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
    const after = process.memoryUsage();
    peakRss = Math.max(peakRss, after.rss);
    peakHeap = Math.max(peakHeap, after.heapUsed);
    elected = tally.elected;
  }
  const result = {
    method,
    distinct: profile.ballots.length,
    timesMs: times,
    cpuMs: cpuTimes,
    rssBeforeMb: before.rss / MB,
    rssAfterMb: peakRss / MB,
    heapBeforeMb: before.heapUsed / MB,
    heapAfterMb: peakHeap / MB,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    elected,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function synthetic(ballots: number, runs: number, methods: CountingMethod[]): void {
  console.log(
    `(b) synthetic election: ${ballots} ballots, 20 candidates, 5 seats (IRV: 1), seed ${SEED}; median of ${runs}, each method in its own process`,
  );
  console.log(
    '    method        median ms   runs (ms)               CPU ms   rss before→peak MB   heap before→peak MB   process max RSS MB',
  );
  for (const method of methods) {
    const run = spawnSync(
      process.execPath,
      [
        ...process.execArgv,
        '--expose-gc',
        fileURLToPath(import.meta.url),
        '--child',
        method,
        String(ballots),
        String(runs),
      ],
      {
        encoding: 'utf8',
        maxBuffer: 16 * MB,
      },
    );
    const line = run.stdout.trim().split('\n').at(-1) ?? '';
    if (run.status !== 0 || !line.startsWith('{')) {
      console.log(`    ${method.padEnd(13)} failed: ${run.stderr.trim().split('\n').slice(-3).join(' | ')}`);
      continue;
    }
    const r = JSON.parse(line) as {
      distinct: number;
      timesMs: number[];
      cpuMs: number[];
      rssBeforeMb: number;
      rssAfterMb: number;
      heapBeforeMb: number;
      heapAfterMb: number;
      maxRssMb: number;
    };
    console.log(
      `    ${method.padEnd(13)} ${median(r.timesMs).toFixed(0).padStart(9)}   ${r.timesMs
        .map((t) => t.toFixed(0))
        .join(', ')
        .padEnd(
          22,
        )}  ${median(r.cpuMs).toFixed(0).padStart(6)}   ${r.rssBeforeMb.toFixed(0)}→${r.rssAfterMb.toFixed(0)}`.padEnd(
        92,
      ) +
        `${r.heapBeforeMb.toFixed(0)}→${r.heapAfterMb.toFixed(0)}`.padEnd(22) +
        `${r.maxRssMb.toFixed(0)}   (${r.distinct} distinct rankings)`,
    );
  }
}

export async function main(args: string[]): Promise<void> {
  const ballots = Number(option(args, '--ballots', '1000000'));
  const runs = Number(option(args, '--runs', '5'));
  const methods = option(args, '--methods', COUNTING_METHODS.join(',')).split(',') as CountingMethod[];
  console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
  if (!args.includes('--skip-corpus')) corpus(runs);
  synthetic(ballots, Math.max(1, Math.min(runs, 3)), methods);
}

if (process.argv[2] === '--child') {
  child(process.argv[3] as CountingMethod, Number(process.argv[4]), Number(process.argv[5]));
}
