// `npm run bench -- ballots [--voters N] [--clients C] [--seconds S] [--warmup S] [--runs R]
//                           [--secrecy secret[,roll-call]] [--server child|inline] [--database-url URL]
//                           [--sample-waits] [--keep]`
// Ballots cast through the HTTP API over real sockets into the PostgreSQL server, side by side with
// pgbench's insert-only TPS on the same server (the physical limit of durable single-row writes here).
// Setup (fixed seed, fresh database cabildo_bench_ballots, dropped at the end unless --keep): one base
// council with N members, each with an account and a real session (cookie token + CSRF token) inserted
// in bulk; the server (buildServer) listens on a random port, by default in a child process so the load
// generator does not share its event loop. Each run opens a new poll through openPoll (yes-no, no
// assembly; secret, and roll-call when asked), then C keep-alive clients cast ballots for distinct
// voters (POST /api/v1/polls/:id/ballots) for a warm-up and S timed seconds; then pgbench (-c C -j nproc
// -T S, one-row inserts into a one-table schema) runs against the same server. After each run the
// poll's rows are counted against the 201 responses: lost = 201s − voter rows, duplicated = voter rows −
// distinct voters, plus every receipt code answered must be found among the ballots. Targets (issue):
// ballots/s ≥ 50 % of pgbench TPS, p99 ≤ 50 ms, 0 lost, 0 duplicated, 0 5xx.
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { buildServer } from '../server/build-server.ts';
import { openPoll, type PollInput } from '../server/decisions/open-poll.ts';
import { readConfig } from '../server/platform/config.ts';
import { CSRF_HEADER } from '../server/platform/csrf.ts';
import { type DatabaseHandle, type Db, openDatabase } from '../server/platform/database.ts';
import { migrate } from '../server/platform/migrate.ts';
import { SESSION_COOKIE } from '../server/platform/sessions.ts';
import { buildCouncil, buildOfficer, viewerOf } from '../server/test-factories.ts';
import { option, prepareDatabase, say } from './bench-database.ts';
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
import { type PgbenchRun, pgbenchPath, pgbenchScript } from './pgbench-insert.ts';

const DB_NAME = 'cabildo_bench_ballots';
const SEED = 20_261_201;
const MARKER = `cabildo-bench-ballots v1 seed=${SEED}`;
const TARGET_RATIO = 0.5;
const TARGET_P99_MS = 50;
const CHOICES = ['yes', 'no', 'abstain'] as const;
type Secrecy = 'secret' | 'roll-call';

const here = dirname(fileURLToPath(import.meta.url));

/** Deterministic per-voter secrets: the same seed gives the same tokens (a bench, not a product). */
const digest = (what: string) => createHash('sha256').update(what).digest('hex');
const sessionToken = (i: number) => digest(`bench-ballots-session-${SEED}-${i}`);
const csrfToken = (i: number) => digest(`bench-ballots-csrf-${SEED}-${i}`).slice(0, 32);

/** mulberry32: a small seeded PRNG, so voter i always casts the same choice. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Voters {
  count: number;
  cookies: string[];
  csrf: string[];
  bodies: string[];
}

/** One base council, its secretary, and `n` members with accounts and live sessions, in bulk. */
async function setup(
  db: Db,
  url: string,
  n: number,
): Promise<{ councilId: string; officerId: string; voters: Voters }> {
  const councilId = await buildCouncil(db, { kind: 'neighbourhood', name: 'Bench base council' });
  const officer = await buildOfficer(db, councilId, 'secretary');
  const draw = prng(SEED);
  const voters: Voters = { count: n, cookies: [], csrf: [], bodies: [] };
  const tokenHashes: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const token = sessionToken(i);
    tokenHashes.push(digest(token));
    voters.cookies.push(`${SESSION_COOKIE}=${token}`);
    voters.csrf.push(csrfToken(i));
    voters.bodies.push(JSON.stringify({ choice: CHOICES[Math.floor(draw() * CHOICES.length)] }));
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin');
    say(`persons, accounts, memberships: ${n.toLocaleString('en')} …`);
    await client.query(
      `insert into persons (id, full_name, created_at)
       select md5('bench-ballots-person-' || g)::uuid, 'Voter ' || g, timestamptz '2020-01-01'
         from generate_series(0, $1::int - 1) g`,
      [n],
    );
    await client.query(
      `insert into accounts (person_id, login, login_kind, password_hash)
       select md5('bench-ballots-person-' || g)::uuid, 'voter' || g || '@example.org', 'email', null
         from generate_series(0, $1::int - 1) g`,
      [n],
    );
    await client.query(
      `insert into memberships (id, council_id, person_id, status, joined_at)
       select md5('bench-ballots-membership-' || g)::uuid, $2::uuid, md5('bench-ballots-person-' || g)::uuid,
              'active', timestamptz '2020-01-01'
         from generate_series(0, $1::int - 1) g`,
      [n, councilId],
    );
    // The membership use cases keep direct_members exact; a bulk insert does it by hand.
    await client.query('update councils set direct_members = direct_members + $2 where id = $1', [
      councilId,
      n,
    ]);
    say(`sessions: ${n.toLocaleString('en')} (cookie token and CSRF token per voter) …`);
    await client.query(
      `insert into sessions (token_hash, person_id, csrf_token, expires_at)
       select h, md5('bench-ballots-person-' || (o - 1))::uuid, c, now() + interval '1 day'
         from unnest($1::text[], $2::text[]) with ordinality as t(h, c, o)`,
      [tokenHashes, voters.csrf],
    );
    await client.query('commit');
    await client.query('analyze persons; analyze accounts; analyze memberships; analyze sessions');
  } finally {
    await client.end();
  }
  return { councilId, officerId: officer.personId, voters };
}

const pollInput = (secrecy: Secrecy, run: number): PollInput => ({
  kind: 'motion',
  assemblyId: null,
  title: `Bench motion ${run} (${secrecy})`,
  body: null,
  method: 'yes-no',
  options: [],
  seats: 1,
  maxMarks: 1,
  allowSplit: false,
  majority: 'simple',
  majorityBase: 'voting',
  secrecy,
  closesAt: null,
});

// ---------------------------------------------------------------------------------------------------
// The server: in a child process (default) or in this one.

interface ServerUsage {
  cpuMs: number;
  elu: number;
}

interface RunningServer {
  port: number;
  /** Server process CPU time (user + system, ms) and event-loop utilisation since the last call. */
  usage(): Promise<ServerUsage>;
  stop(): Promise<void>;
}

function usageTracker() {
  let cpu = process.cpuUsage();
  let elu = performance.eventLoopUtilization();
  return (): ServerUsage => {
    const dc = process.cpuUsage(cpu);
    const de = performance.eventLoopUtilization(elu);
    cpu = process.cpuUsage();
    elu = performance.eventLoopUtilization();
    return { cpuMs: (dc.user + dc.system) / 1000, elu: de.utilization };
  };
}

async function listen(
  url: string,
  pool: number | undefined,
): Promise<{ app: FastifyInstance; handle: DatabaseHandle; port: number }> {
  const base = await openDatabase({ kind: 'postgres', url });
  let handle = base;
  if (pool !== undefined) {
    // What-if only (--pool): the product's handle with its Kysely pool swapped for one of `pool` connections.
    const db: Db = new Kysely({
      dialect: new PostgresDialect({
        pool: new pg.Pool({ connectionString: url, max: pool, idleTimeoutMillis: 500 }),
      }),
    });
    handle = {
      ...base,
      db,
      async close() {
        await db.destroy();
        await base.close();
      },
    };
  }
  const app = await buildServer(handle, readConfig({}));
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, handle, port: (app.server.address() as AddressInfo).port };
}

async function startInline(url: string, pool: number | undefined): Promise<RunningServer> {
  const { app, handle, port } = await listen(url, pool);
  const usage = usageTracker();
  return {
    port,
    usage: async () => usage(),
    async stop() {
      await app.close();
      await handle.close();
    },
  };
}

type ServerMessage = { type: 'listening'; port: number } | { type: 'usage'; usage: ServerUsage };

async function startChild(url: string, pool: number | undefined): Promise<RunningServer> {
  const child: ChildProcess = spawn(
    process.execPath,
    [...process.execArgv, join(here, 'run.ts'), 'ballots', '--serve', url, String(pool ?? '')],
    { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  const waiters: Array<{ resolve: (m: ServerMessage) => void; reject: (e: Error) => void }> = [];
  child.on('message', (m: ServerMessage) => waiters.shift()?.resolve(m));
  child.on('exit', (code) => {
    for (const w of waiters.splice(0)) w.reject(new Error(`server child exited with ${code}`));
  });
  const nextMessage = () =>
    new Promise<ServerMessage>((resolve, reject) => {
      waiters.push({ resolve, reject });
    });
  const first = await nextMessage();
  if (first.type !== 'listening') throw new Error('server child did not report its port');
  say(`server child pid ${child.pid} listening on 127.0.0.1:${first.port}`);
  return {
    port: first.port,
    async usage() {
      const reply = nextMessage();
      child.send({ type: 'usage' });
      const m = await reply;
      if (m.type !== 'usage') throw new Error('unexpected message from server child');
      return m.usage;
    },
    async stop() {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.send({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The child's side: serve until told to stop (or until the parent goes away). */
async function serve(url: string, pool: number | undefined): Promise<void> {
  const { app, handle, port } = await listen(url, pool);
  const usage = usageTracker();
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.on('message', (m: { type: string }) => {
    if (m.type === 'usage') process.send?.({ type: 'usage', usage: usage() });
    else if (m.type === 'stop') void stop();
  });
  process.on('disconnect', () => void stop());
  process.send?.({ type: 'listening', port });
}

// ---------------------------------------------------------------------------------------------------
// Sampling where PostgreSQL backends wait (pg_stat_activity), optional.

async function sampleWaits(url: string, until: () => boolean): Promise<Map<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const seen = new Map<string, number>();
  try {
    while (!until()) {
      const { rows } = await client.query<{ w: string; n: number }>(
        `select coalesce(wait_event_type || ':' || wait_event, 'CPU') || ' (' || state || ')' as w, count(*)::int as n
           from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'
          group by 1`,
      );
      for (const r of rows) seen.set(r.w, (seen.get(r.w) ?? 0) + r.n);
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    await client.end();
  }
  return seen;
}

// ---------------------------------------------------------------------------------------------------
// One timed run of ballots, and one of pgbench.

interface BallotRun {
  secrecy: Secrecy;
  ballots: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  ok201: number;
  voterRows: number;
  ballotRows: number;
  receiptsFound: number;
  lost: number;
  duplicated: number;
  non201: string;
  fiveXx: number;
  transportErrors: number;
  serverCpu: number;
  serverElu: number;
  benchCpu: number;
  postgresCpu: number;
  machineBusy: number;
  xactsPerBallot: number;
  waits: Map<string, number> | undefined;
}

async function xactCommits(db: Db): Promise<number> {
  return Number(
    (
      await sql<{
        n: string;
      }>`select xact_commit::text as n from pg_stat_database where datname = current_database()`.execute(db)
    ).rows[0]?.n ?? 0,
  );
}

async function castBallots(
  db: Db,
  url: string,
  server: RunningServer,
  councilId: string,
  officerId: string,
  voters: Voters,
  secrecy: Secrecy,
  run: number,
  o: { clients: number; seconds: number; warmup: number; waits: boolean },
): Promise<BallotRun> {
  const pollId = await openPoll(db, viewerOf(officerId), councilId, pollInput(secrecy, run));
  const path = `/api/v1/polls/${pollId}/ballots`;
  const origin = `http://127.0.0.1:${server.port}`;
  let cursor = 0;
  const receipts: string[] = [];
  const next = (): LoadRequest | undefined => {
    if (cursor >= voters.count) return undefined;
    const i = cursor++;
    return {
      method: 'POST',
      path,
      headers: {
        cookie: voters.cookies[i]!,
        [CSRF_HEADER]: voters.csrf[i]!,
        'content-type': 'application/json',
        // What a browser sends on a same-origin fetch: the CSRF checks see a same-site request.
        origin,
        'sec-fetch-site': 'same-origin',
      },
      body: voters.bodies[i]!,
    };
  };
  let firstFailure: string | undefined;
  let windowDone = false;
  const warmupMs = o.warmup * 1000;
  const durationMs = o.seconds * 1000;
  // Counters read at the window's edges (the load generator reports only at the end).
  let at0:
    | { cpu: ReturnType<typeof cpuTimes>; bench: NodeJS.CpuUsage; xacts: number; pg: Map<number, number> }
    | undefined;
  let at1: typeof at0;
  let serverAt1: Promise<ServerUsage> | undefined;
  const edges = (async () => {
    await new Promise((r) => setTimeout(r, warmupMs));
    await server.usage();
    at0 = {
      cpu: cpuTimes(),
      bench: process.cpuUsage(),
      pg: processCpuMs('postgres'),
      xacts: await xactCommits(db),
    };
    await new Promise((r) => setTimeout(r, durationMs));
    serverAt1 = server.usage();
    at1 = {
      cpu: cpuTimes(),
      bench: process.cpuUsage(),
      pg: processCpuMs('postgres'),
      xacts: await xactCommits(db),
    };
  })();
  const waitsDuring = o.waits
    ? (async () => {
        await new Promise((r) => setTimeout(r, warmupMs));
        return sampleWaits(url, () => windowDone);
      })()
    : undefined;
  const load = await runClosedLoop({
    port: server.port,
    clients: o.clients,
    warmupMs,
    durationMs,
    next: () => next(),
    onResponse: (_request, res) => {
      if (res.status === 201) receipts.push((JSON.parse(res.body) as { receiptCode: string }).receiptCode);
      else firstFailure ??= `${res.status} ${res.body.slice(0, 300)}`;
    },
  });
  windowDone = true;
  await edges;
  const waits = await waitsDuring;
  const serverUsage = await serverAt1!;
  // PostgreSQL CPU of this database's backends only: other databases on the server are not this bench's.
  const backends = new Set(
    (
      await sql<{ pid: number }>`select pid from pg_stat_activity where datname = current_database()`.execute(
        db,
      )
    ).rows.map((r) => r.pid),
  );
  if (load.starved > 0)
    say(`WARNING: ${load.starved} clients ran out of voters before the window ended: raise --voters`);
  if (firstFailure) say(`first non-201 response: ${firstFailure}`);
  if (load.firstError) say(`first transport error: ${load.firstError}`);

  // Correctness: what the database holds for this poll against what the clients were told.
  const table = secrecy === 'secret' ? sql.table('secret_ballots') : sql.table('named_ballots');
  const counts = (
    await sql<{ voter_rows: number; distinct_voters: number; ballot_rows: number; found: number }>`
      select (select count(*)::int from poll_voters where poll_id = ${pollId}) as voter_rows,
             (select count(distinct person_id)::int from poll_voters where poll_id = ${pollId}) as distinct_voters,
             (select count(*)::int from ${table} where poll_id = ${pollId}) as ballot_rows,
             (select count(*)::int from ${table} where poll_id = ${pollId}
                and receipt_code = any(${receipts}::text[])) as found`.execute(db)
  ).rows[0]!;
  const ok201 = load.allByStatus.get(201) ?? 0;
  const other = [...load.allByStatus].filter(([s]) => s !== 201);
  const dt = (at1!.xacts - at0!.xacts) / Math.max(1, load.timedByStatus.get(201) ?? 0);
  const benchCpu = process.cpuUsage(at0!.bench);
  const ballots = load.timedByStatus.get(201) ?? 0;
  return {
    secrecy,
    ballots,
    perSecond: ballots / (load.windowMs / 1000),
    p50: quantile(load.latencies, 0.5),
    p95: quantile(load.latencies, 0.95),
    p99: quantile(load.latencies, 0.99),
    max: quantile(load.latencies, 1),
    ok201,
    voterRows: counts.voter_rows,
    ballotRows: counts.ballot_rows,
    receiptsFound: counts.found,
    lost: Math.max(ok201 - counts.voter_rows, ok201 - counts.found),
    duplicated:
      counts.voter_rows - counts.distinct_voters + Math.max(0, counts.ballot_rows - counts.voter_rows),
    non201: other.length ? other.map(([s, n]) => `${n}×${s}`).join(' ') : '0',
    fiveXx: other.filter(([s]) => s >= 500).reduce((sum, [, n]) => sum + n, 0),
    transportErrors: load.errors,
    serverCpu: serverUsage.cpuMs / durationMs,
    serverElu: serverUsage.elu,
    benchCpu: (benchCpu.user + benchCpu.system) / 1000 / durationMs,
    postgresCpu: cpuMsBetween(at0!.pg, onlyPids(at1!.pg, backends)) / durationMs,
    machineBusy: busyShare(at0!.cpu, at1!.cpu),
    xactsPerBallot: dt,
    waits,
  };
}

const onlyPids = (m: Map<number, number>, pids: Set<number>) =>
  new Map([...m].filter(([pid]) => pids.has(pid)));

// ---------------------------------------------------------------------------------------------------

const f0 = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : '–');
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(0)} %` : '–');

export async function main(args: string[]): Promise<void> {
  if (args[0] === '--serve') return serve(args[1]!, args[2] ? Number(args[2]) : undefined);
  const adminUrl = option(
    args,
    '--database-url',
    process.env.BENCH_DATABASE_URL ??
      process.env.DATABASE_URL ??
      'postgres://postgres@127.0.0.1:5432/postgres',
  );
  const voterCount = Number(option(args, '--voters', '60000'));
  const clients = Number(option(args, '--clients', '64'));
  const seconds = Number(option(args, '--seconds', '10'));
  const warmup = Number(option(args, '--warmup', '2'));
  const runs = Number(option(args, '--runs', '3'));
  const where = option(args, '--server', 'child');
  const variants = option(args, '--secrecy', 'secret').split(',') as Secrecy[];
  const waits = args.includes('--sample-waits');
  const poolOption = option(args, '--pool', '');
  const pool = poolOption ? Number(poolOption) : undefined;
  if (pool !== undefined && (!Number.isInteger(pool) || pool < 1))
    throw new Error('--pool must be a positive integer');
  for (const [name, v] of Object.entries({ voterCount, clients, seconds, runs }))
    if (!Number.isInteger(v) || v < 1) throw new Error(`${name} must be a positive integer`);
  if (!Number.isFinite(warmup) || warmup < 0) throw new Error('--warmup must be ≥ 0');
  if (where !== 'child' && where !== 'inline') throw new Error('--server is child or inline');
  if (variants.some((v) => v !== 'secret' && v !== 'roll-call'))
    throw new Error('--secrecy: secret, roll-call');
  pgbenchPath(); // fail before seeding if pgbench is missing
  const threads = Math.min(availableParallelism(), clients);

  const { url } = await prepareDatabase(adminUrl, DB_NAME, MARKER, true);
  const handle = await openDatabase({ kind: 'postgres', url });
  let server: RunningServer | undefined;
  try {
    const { applied } = await migrate(handle);
    say(`migrations applied: ${applied.join(', ')}`);
    const db = handle.db;
    const { councilId, officerId, voters } = await setup(db, url, voterCount);
    await sql`create table bench_insert (id bigserial primary key, poll_id uuid, payload jsonb)`.execute(db);
    const insertOnly = `insert into bench_insert (poll_id, payload) values (gen_random_uuid(), '{"choice": "yes"}');`;
    const facts = (
      await sql<{ version: string; sync: string; fsync: string; max: string }>`
        select current_setting('server_version') as version, current_setting('synchronous_commit') as sync,
               current_setting('fsync') as fsync, current_setting('max_connections') as max`.execute(db)
    ).rows[0]!;
    server = where === 'child' ? await startChild(url, pool) : await startInline(url, pool);
    const load0 = loadavg()[0]!;

    const ballotRuns: BallotRun[] = [];
    const pgbenchRuns: PgbenchRun[] = [];
    for (let r = 1; r <= runs; r += 1) {
      for (const secrecy of variants) {
        say(`run ${r}/${runs}: ${secrecy} poll, ${clients} clients, ${warmup} s warm-up + ${seconds} s …`);
        const b = await castBallots(db, url, server, councilId, officerId, voters, secrecy, r, {
          clients,
          seconds,
          warmup,
          waits,
        });
        ballotRuns.push(b);
        say(
          `  ${b.secrecy}: ${f0(b.perSecond)} ballots/s, p50 ${f1(b.p50)} p99 ${f1(b.p99)} max ${f1(b.max)} ms; ` +
            `201s ${b.ok201}, voter rows ${b.voterRows}, ballot rows ${b.ballotRows}, lost ${b.lost}, dup ${b.duplicated}, non-201 ${b.non201}`,
        );
      }
      say(`run ${r}/${runs}: pgbench insert-only -c ${clients} -j ${threads} -T ${seconds} …`);
      // A what-if pool of many connections lets them go when idle, so pgbench's clients fit in max_connections.
      if (pool !== undefined) await new Promise((r) => setTimeout(r, 1500));
      const p = await pgbenchScript(url, insertOnly, { clients, threads, seconds });
      pgbenchRuns.push(p);
      say(`  pgbench: ${f0(p.tps)} TPS, latency average ${p.latencyMs} ms`);
    }

    const cpu = cpus()[0]?.model ?? 'unknown CPU';
    console.log(
      `\nmachine: ${availableParallelism()} CPUs (${cpu}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ` +
        `PostgreSQL ${facts.version} (synchronous_commit=${facts.sync}, fsync=${facts.fsync}, max_connections=${facts.max}), ` +
        `Node ${process.version}; load average ${load0.toFixed(2)} before, ${loadavg()[0]!.toFixed(2)} after`,
    );
    console.log(
      `setup: 1 base council, ${voterCount.toLocaleString('en')} voters with sessions; server in ${where === 'child' ? 'a child process' : 'the bench process'} with ${pool === undefined ? "the product's own database pool" : `a what-if pool of ${pool} connections`}; ` +
        `${clients} keep-alive clients, ${warmup} s warm-up then ${seconds} s timed; pgbench -n -c ${clients} -j ${threads} -T ${seconds} ` +
        `(one-row insert into bench_insert(id bigserial, poll_id uuid, payload jsonb))\n`,
    );
    console.log(
      '| run | poll | ballots/s | p50 ms | p95 ms | p99 ms | max ms | pgbench TPS | ratio | 201s | lost | dup | non-201 | 5xx | server CPU | server loop busy | PostgreSQL CPU | load-gen CPU | machine busy | DB xacts/ballot |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
    for (const [i, b] of ballotRuns.entries()) {
      const p = pgbenchRuns[Math.floor(i / variants.length)]!;
      console.log(
        `| ${Math.floor(i / variants.length) + 1} | ${b.secrecy} | ${f0(b.perSecond)} | ${f1(b.p50)} | ${f1(b.p95)} | ${f1(b.p99)} | ${f1(b.max)} | ` +
          `${f0(p.tps)} | ${pct(b.perSecond / p.tps)} | ${b.ok201} | ${b.lost} | ${b.duplicated} | ${b.non201} | ${b.fiveXx + b.transportErrors} | ` +
          `${pct(b.serverCpu)} | ${pct(b.serverElu)} | ${pct(b.postgresCpu)} | ${pct(b.benchCpu)} | ${pct(b.machineBusy)} | ${b.xactsPerBallot.toFixed(2)} |`,
      );
    }
    console.log(
      "\nCPU columns: cores used in the timed window (100 % = one core; PostgreSQL: this database's backends); " +
        'server loop busy: its event-loop ' +
        'utilisation; machine busy: share of all CPUs (other processes included); DB xacts/ballot: commits in the ' +
        'database per 201 (session lookup + the cast transaction = 2).',
    );
    const pgTps = median(pgbenchRuns.map((p) => p.tps));
    console.log(`\nmedian of ${runs} runs:\n`);
    console.log(
      '| poll | ballots/s | p50 ms | p95 ms | p99 ms | max ms | pgbench TPS | ratio | targets (≥ 50 %, p99 ≤ 50 ms, 0 lost/dup/5xx) |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|');
    let allMet = true;
    for (const secrecy of variants) {
      const mine = ballotRuns.filter((b) => b.secrecy === secrecy);
      const m = (pick: (b: BallotRun) => number) => median(mine.map(pick));
      const rate = m((b) => b.perSecond);
      const p99 = m((b) => b.p99);
      const ratio = rate / pgTps;
      const clean = mine.every(
        (b) => b.lost === 0 && b.duplicated === 0 && b.fiveXx === 0 && b.transportErrors === 0,
      );
      const verdict = [
        ratio >= TARGET_RATIO ? 'ratio met' : 'ratio MISSED',
        p99 <= TARGET_P99_MS ? 'p99 met' : 'p99 MISSED',
        clean ? '0/0/0' : 'LOST, DUPLICATED OR 5xx',
      ];
      allMet &&= ratio >= TARGET_RATIO && p99 <= TARGET_P99_MS && clean;
      console.log(
        `| ${secrecy} | ${f0(rate)} | ${f1(m((b) => b.p50))} | ${f1(m((b) => b.p95))} | ${f1(p99)} | ${f1(m((b) => b.max))} | ` +
          `${f0(pgTps)} | ${pct(ratio)} | ${verdict.join(', ')} |`,
      );
    }
    console.log(
      `\npgbench latency average (median): ${median(pgbenchRuns.map((p) => p.latencyMs)).toFixed(2)} ms; ` +
        `targets ${allMet ? 'all met' : 'NOT all met'}`,
    );
    if (waits)
      for (const [i, b] of ballotRuns.entries()) {
        const total = [...(b.waits ?? new Map()).values()].reduce((s, n) => s + n, 0);
        const top = [...(b.waits ?? new Map())]
          .sort((x, y) => y[1] - x[1])
          .slice(0, 8)
          .map(([w, n]) => `${w} ${pct(n / total)}`)
          .join(', ');
        console.log(`backend states, run ${Math.floor(i / variants.length) + 1} ${b.secrecy}: ${top}`);
      }
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
