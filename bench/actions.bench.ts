// `npm run bench -- actions [--councils N] [--members M] [--pledges P] [--clients C] [--conditional F]
//                           [--max-seconds S] [--warmup S] [--runs R] [--pgbench-seconds S] [--pgbench-runs R]
//                           [--database-url URL] [--keep]`
// Issue 8: a national call to action over the whole federation, pledges arriving through the HTTP API
// into the PostgreSQL server, and the status roll-up of the whole federation afterwards.
// Setup (fixed seed, fresh database cabildo_bench_actions, dropped at the end unless --keep; see
// actions-seed.ts): national → 9 regions → ~N/111 federations → N base councils (default 100,000), M
// members each (default 10: 1,000,000 persons with accounts, sessions and active memberships); the
// strike proposed by the national chair through proposeCollectiveAction (scope: all N councils), its
// call adopted by SQL mirroring the vote's closing. The server (buildServer on the product's pg pool)
// runs in a child process (ballots.bench.ts's --serve mode), so the load generator does not share its
// event loop. C keep-alive clients (http-load.ts) send POST /api/v1/actions/:id/pledges, one per member
// in a seeded order, each signed in with its own session cookie and CSRF token; a seeded F of them
// (default 30 %) conditional, thresholds 2–8. The load runs until P pledges are answered or S seconds
// pass (then the rate is extrapolated, and says so). The first --warmup seconds are left out of the rate
// and the latencies. After: the pledges stored against the 200s, every council's counters and statuses
// against the pure resolution; the roll-up (GET /actions/:id/status and GET /actions/:id/councils of
// the national node over HTTP, rollUpUnder directly), median of R runs after one warm-up, target
// ≤ 100 ms; and the baseline, pgbench inserting one pledge-shaped row per transaction into a table of
// its own (bench_pledge_rows, no foreign keys), C clients, median of its runs.
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import pg from 'pg';
import { rollUpUnder } from '../server/actions/council-action-status.store.ts';
import { CSRF_HEADER } from '../server/platform/csrf.ts';
import { openDatabase } from '../server/platform/database.ts';
import { migrate } from '../server/platform/migrate.ts';
import { SESSION_COOKIE } from '../server/platform/sessions.ts';
import { checkPledges } from './actions-check.ts';
import { pledgePlan } from './actions-pledge-plan.ts';
import { callNationalAction, csrfToken, seedFederation, sessionToken, shapeFor } from './actions-seed.ts';
import { startAppServer } from './app-server.ts';
import { option, prepareDatabase, say, time } from './bench-database.ts';
import {
  busyShare,
  cpuMsBetween,
  cpuTimes,
  type LoadRequest,
  median,
  processCpuMs,
  quantile,
  runClosedLoop,
} from './http-load.ts';
import { type PgbenchRun, pgbenchScript } from './pgbench-insert.ts';

const DB_NAME = 'cabildo_bench_actions';
const SEED = 20_261_208;
const TARGET_ROLL_UP_MS = 100;

const f0 = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : '–');
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '–');
const n = (x: number) => x.toLocaleString('en');
const procLoad = async () => (await import('node:fs')).readFileSync('/proc/loadavg', 'utf8').trim();

export async function main(args: string[]): Promise<void> {
  const adminUrl = option(
    args,
    '--database-url',
    process.env.BENCH_DATABASE_URL ??
      process.env.DATABASE_URL ??
      'postgres://postgres@127.0.0.1:5432/postgres',
  );
  const councils = Number(option(args, '--councils', '100000'));
  const members = Number(option(args, '--members', '10'));
  const pledges = Number(option(args, '--pledges', String(councils * members)));
  const clients = Number(option(args, '--clients', '64'));
  const conditional = Number(option(args, '--conditional', '0.3'));
  const maxSeconds = Number(option(args, '--max-seconds', '900'));
  const warmup = Number(option(args, '--warmup', '2'));
  const runs = Number(option(args, '--runs', '10'));
  const pgbenchSeconds = Number(option(args, '--pgbench-seconds', '10'));
  const pgbenchRuns = Number(option(args, '--pgbench-runs', '3'));
  for (const [name, v] of Object.entries({
    councils,
    members,
    pledges,
    clients,
    maxSeconds,
    runs,
    pgbenchSeconds,
    pgbenchRuns,
  }))
    if (!Number.isInteger(v) || v < 1) throw new Error(`${name} must be a positive integer`);
  if (councils < 9) throw new Error('--councils must be at least 9');
  if (pledges > councils * members)
    throw new Error('--pledges is at most councils × members (one pledge a person)');
  if (!(conditional >= 0 && conditional <= 1)) throw new Error('--conditional is a share, 0..1');
  if (!Number.isFinite(warmup) || warmup < 0) throw new Error('--warmup must be ≥ 0');
  const shape = shapeFor(councils, members);
  const marker = `cabildo-bench-actions v1 seed=${SEED} councils=${councils} members=${members}`;

  const { url } = await prepareDatabase(adminUrl, DB_NAME, marker, true);
  const handle = await openDatabase({ kind: 'postgres', url });
  let server: Awaited<ReturnType<typeof startAppServer>> | undefined;
  try {
    const seedStart = performance.now();
    const { applied } = await migrate(handle);
    say(`migrations applied: ${applied.length}`);
    const db = handle.db;
    const nationalId = await seedFederation(url, SEED, shape);
    say('proposing the national strike through proposeCollectiveAction (scope: every base council) …');
    const actionId = await callNationalAction(db, nationalId);
    const scope = (
      await sql<{
        n: number;
      }>`select scope_councils as n from collective_actions where id = ${actionId}`.execute(db)
    ).rows[0]!.n;
    const seedSeconds = (performance.now() - seedStart) / 1000;
    say(`seeded in ${seedSeconds.toFixed(0)} s: action ${actionId} called, scope ${n(scope)} base councils`);
    await sql`create table bench_pledge_rows (id uuid primary key default gen_random_uuid(), action_id uuid not null,
                person_id uuid not null, council_id uuid not null, threshold int, status text not null,
                pledged_at timestamptz not null default now())`.execute(db);
    const facts = (
      await sql<{ version: string; sync: string; max: string }>`
        select current_setting('server_version') as version, current_setting('synchronous_commit') as sync,
               current_setting('max_connections') as max`.execute(db)
    ).rows[0]!;

    const { order, thresholds } = pledgePlan(SEED, councils * members, conditional);
    const councilIds = (
      await sql<{ id: string }>`select id from councils where depth = 3 order by seq`.execute(db)
    ).rows.map((r) => r.id);
    server = await startAppServer(url);
    const path = `/api/v1/actions/${actionId}/pledges`;
    const origin = `http://127.0.0.1:${server.port}`;
    let cursor = 0;
    const next = (): LoadRequest | undefined => {
      if (cursor >= pledges) return undefined;
      const g = order[cursor++]!;
      const t = thresholds[g]!;
      return {
        method: 'POST',
        path,
        headers: {
          cookie: `${SESSION_COOKIE}=${sessionToken(SEED, g)}`,
          [CSRF_HEADER]: csrfToken(SEED, g),
          'content-type': 'application/json',
          origin,
          'sec-fetch-site': 'same-origin',
        },
        body: JSON.stringify({
          councilId: councilIds[Math.floor(g / members)],
          threshold: t === 0 ? null : t,
        }),
      };
    };
    let firstFailure: string | undefined;
    const loadBefore = await procLoad();
    await server.usage();
    const cpu0 = cpuTimes();
    const pg0 = processCpuMs('postgres');
    const bench0 = process.cpuUsage();
    const t0 = performance.now();
    say(
      `pledging: ${n(pledges)} pledges, ${clients} clients, ${warmup} s warm-up, at most ${maxSeconds} s …`,
    );
    const progress = setInterval(
      () => say(`  … ${n(cursor)} pledges sent; load ${loadavg()[0]!.toFixed(2)}`),
      30_000,
    );
    const load = await runClosedLoop({
      port: server.port,
      clients,
      warmupMs: warmup * 1000,
      durationMs: maxSeconds * 1000,
      next,
      onResponse: (_request, res) => {
        if (res.status !== 200) firstFailure ??= `${res.status} ${res.body.slice(0, 300)}`;
      },
    });
    clearInterval(progress);
    const elapsedS = (performance.now() - t0) / 1000;
    const machineBusy = busyShare(cpu0, cpuTimes());
    const serverUsage = await server.usage();
    const pg1 = processCpuMs('postgres');
    // PostgreSQL CPU of this database's backends only: other databases on the server are not this bench's.
    const backends = new Set(
      (
        await sql<{
          pid: number;
        }>`select pid from pg_stat_activity where datname = current_database()`.execute(db)
      ).rows.map((r) => r.pid),
    );
    const postgresMs = cpuMsBetween(pg0, new Map([...pg1].filter(([pid]) => backends.has(pid))));
    const benchCpu = process.cpuUsage(bench0);
    const loadAfter = await procLoad();
    if (firstFailure) say(`first non-200 response: ${firstFailure}`);
    if (load.firstError) say(`first transport error: ${load.firstError}`);
    const ok = load.allByStatus.get(200) ?? 0;
    const timedOk = load.timedByStatus.get(200) ?? 0;
    const rate = timedOk / (load.windowMs / 1000);
    const complete = ok === pledges;
    const other = [...load.allByStatus].filter(([s]) => s !== 200);
    const p50 = quantile(load.latencies, 0.5);
    const p95 = quantile(load.latencies, 0.95);
    const p99 = quantile(load.latencies, 0.99);
    const max = quantile(load.latencies, 1);
    const cpuLine =
      `CPU per pledge answered: server ${f2(serverUsage.cpuMs / ok)} ms (event loop ${f0(serverUsage.elu * 100)} % busy, ` +
      `process ${f0((serverUsage.cpuMs / 1000 / elapsedS) * 100)} % of a core), PostgreSQL (this database's backends) ${f2(postgresMs / ok)} ms, ` +
      `load generator ${f2((benchCpu.user + benchCpu.system) / 1000 / ok)} ms`;
    say(cpuLine);
    say(
      `pledged: ${n(ok)} × 200 in ${elapsedS.toFixed(0)} s; ${f0(rate)} pledges/s (timed window), p50 ${f1(p50)} p95 ${f1(p95)} p99 ${f1(p99)} max ${f1(max)} ms`,
    );

    say('checking every council against the pure resolution …');
    const check = await checkPledges(db, actionId);
    say(
      `stored ${n(check.pledgeRows)} pledges (${n(check.distinctPersons)} persons); ${n(check.councilsChecked)} councils checked, ${check.councilsWrong} wrong` +
        `${check.firstWrong ? ` (first: ${check.firstWrong})` : ''}; active below threshold ${check.activeBelowThreshold}, pending but satisfied ${check.pendingButSatisfied}`,
    );

    say(`roll-up: median of ${runs} after one warm-up …`);
    const loadRollUp = await procLoad();
    const get = async (p: string) => {
      const res = await fetch(`${origin}${p}`);
      const text = await res.text();
      if (res.status !== 200) throw new Error(`GET ${p}: ${res.status} ${text.slice(0, 300)}`);
      return JSON.parse(text) as {
        totals: { councils: number; activePledges: number; pendingPledges: number };
        children: unknown[];
      };
    };
    const httpStatus = await time(runs, () => get(`/api/v1/actions/${actionId}/status`));
    const httpCouncils = await time(runs, () =>
      get(`/api/v1/actions/${actionId}/councils?parentId=${nationalId}`),
    );
    const direct = await time(runs, () => rollUpUnder(db, actionId, { id: nationalId }));
    const totals = httpStatus.result.totals;
    const rollUpRight =
      totals.councils === scope &&
      totals.activePledges === check.activePledges &&
      totals.pendingPledges === check.pendingPledges &&
      direct.result.totals.councils === scope;

    say(
      `baseline: pgbench, one pledge-shaped row per transaction, -c ${clients}, ${pgbenchRuns} × ${pgbenchSeconds} s …`,
    );
    const loadPgbench = await procLoad();
    const threads = Math.min(availableParallelism(), clients);
    const pgRuns: PgbenchRun[] = [];
    for (let r = 0; r < pgbenchRuns; r += 1)
      pgRuns.push(
        await pgbenchScript(
          url,
          `insert into bench_pledge_rows (action_id, person_id, council_id, threshold, status) values ('${actionId}', gen_random_uuid(), '${nationalId}', null, 'active');`,
          { clients, threads, seconds: pgbenchSeconds },
        ),
      );
    const tps = median(pgRuns.map((p) => p.tps));

    console.log(
      `\nmachine: ${availableParallelism()} CPUs (${cpus()[0]?.model ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ` +
        `PostgreSQL ${facts.version} (synchronous_commit=${facts.sync}, max_connections=${facts.max}), Node ${process.version}`,
    );
    console.log(
      `load average (/proc/loadavg): before pledging ${loadBefore}; after pledging ${loadAfter}; before roll-up ${loadRollUp}; before pgbench ${loadPgbench}; machine busy while pledging ${f0(machineBusy * 100)} %`,
    );
    console.log(cpuLine);
    console.log(
      `setup: ${n(councils)} base councils (1 national, ${shape.regions} regions, ${shape.federations} federations), ${n(councils * members)} members with sessions ` +
        `(${members} per council); action proposed through proposeCollectiveAction, call adopted by SQL mirroring the vote's closing; seeded in ${seedSeconds.toFixed(0)} s\n` +
        `load: ${n(pledges)} pledges planned (seed ${SEED}; ${f0(conditional * 100)} % conditional, thresholds 2–8), ${clients} keep-alive clients, server in a child process, ` +
        `${warmup} s warm-up left out of rate and latencies\n`,
    );
    console.log(
      '| pledges answered 200 | wall s | pledges/s (timed) | p50 ms | p95 ms | p99 ms | max ms | non-200 | transport errors | pgbench TPS | ratio |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|---|---|');
    console.log(
      `| ${n(ok)} of ${n(pledges)} | ${elapsedS.toFixed(0)} | ${f0(rate)} | ${f1(p50)} | ${f1(p95)} | ${f1(p99)} | ${f1(max)} | ` +
        `${other.length ? other.map(([s, k]) => `${k}×${s}`).join(' ') : '0'} | ${load.errors} | ${f0(tps)} | ${f0((rate / tps) * 100)} % |`,
    );
    if (!complete)
      console.log(
        `\nINCOMPLETE: ${n(ok)} of ${n(pledges)} pledges answered in ${maxSeconds} s; EXTRAPOLATED at the measured rate, all ${n(pledges)} would take ≈ ${f0(pledges / rate)} s`,
      );
    console.log(
      `\ncorrectness: ${n(check.pledgeRows)} pledges stored for ${n(ok)} × 200 (${check.pledgeRows === ok ? 'equal' : 'DIFFERENT'}), ` +
        `${n(check.distinctPersons)} distinct persons; ${n(check.councilsChecked)} councils resolved from scratch: ${check.councilsWrong} differ from the pure function; ` +
        `active conditionals below their threshold: ${check.activeBelowThreshold}; pending ones already satisfied: ${check.pendingButSatisfied}; ` +
        `totals ${n(check.activePledges)} active, ${n(check.pendingPledges)} pending`,
    );
    console.log(
      `\nroll-up of the whole federation, median of ${runs} after one warm-up (target ≤ ${TARGET_ROLL_UP_MS} ms):\n`,
    );
    console.log('| query | median ms | min | max | result |\n|---|---|---|---|---|');
    const row = (q: string, ms: number[], result: string) =>
      console.log(
        `| ${q} | ${f2(median(ms))} | ${f2(Math.min(...ms))} | ${f2(Math.max(...ms))} | ${result} |`,
      );
    row(
      'GET /actions/:id/status (HTTP)',
      httpStatus.ms,
      `${n(totals.councils)} councils, ${httpStatus.result.children.length} children`,
    );
    row(
      'GET /actions/:id/councils?parentId=national (HTTP)',
      httpCouncils.ms,
      `${httpCouncils.result.children.length} children`,
    );
    row('rollUpUnder(national) (store)', direct.ms, `${n(direct.result.totals.councils)} councils`);
    console.log(
      `\nroll-up totals ${rollUpRight ? 'equal' : 'DIFFER FROM'} the scope and the stored counters; GET status ${median(httpStatus.ms) <= TARGET_ROLL_UP_MS ? 'meets' : 'MISSES'} ≤ ${TARGET_ROLL_UP_MS} ms`,
    );
    console.log(
      `pgbench runs (TPS): ${pgRuns.map((p) => f0(p.tps)).join(', ')}; latency average (median) ${f2(median(pgRuns.map((p) => p.latencyMs)))} ms`,
    );
  } finally {
    await server?.stop();
    await handle.close();
    if (!args.includes('--keep')) {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${DB_NAME} with (force)`);
      await admin.end();
      say(`dropped ${DB_NAME}`);
    }
  }
}
