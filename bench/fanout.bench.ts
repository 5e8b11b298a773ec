// `npm run bench -- fanout [--clients N] [--runs R] [--processes P] [--in-process] [--rebuild]`
// Live-event fan-out: N server-sent-event clients (default 2,000) follow one topic; an event is
// published in a transaction and each client's delay is measured from just before the commit to the
// moment its stream delivers the event. On the PostgreSQL server (BENCH_DATABASE_URL / DATABASE_URL,
// database cabildo_bench_fanout) the servers run as P child processes (each its own hub and LISTEN
// connection), the clients spread round-robin over them, and this process publishes through its own
// connection, as another server process would; without a URL, or with --in-process, one server runs
// in this process (embedded PGlite when there is no URL). One warm-up event, then R timed ones; the
// table shows the median over runs of each run's p50, p99 and max.
import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { get, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { buildServer } from '../server/build-server.ts';
import { readConfig } from '../server/platform/config.ts';
import { type DatabaseHandle, openDatabase } from '../server/platform/database.ts';
import { migrate } from '../server/platform/migrate.ts';
import { publishEvent, registerTopicKind } from '../server/platform/realtime.ts';
import { option, prepareDatabase, say } from './bench-database.ts';
import { median } from './bench-stats.ts';

const DB_NAME = 'cabildo_bench_fanout';
const MARKER = 'cabildo-bench-fanout v1 (schema only)';
// Fixed, so two runs follow the same topic.
const TOPIC = 'bench:5eed0000-0000-4000-8000-000000020261';
const EVENT_TYPE = 'poll.result';
const TARGET_P99_MS = 1000;
// Connections opened at once: below the listen backlog (511), so no SYN is dropped and retried.
const OPEN_BATCH = 200;
const RECEIVE_TIMEOUT_MS = 10_000;

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;

/** One SSE client: the run whose event it last received, and when. */
interface Client {
  res: IncomingMessage;
  run: number;
  receivedAt: number;
}

function openClient(origin: string, runOf: () => number): Promise<Client> {
  return new Promise((resolve, reject) => {
    // No agent: one socket per stream, as N browsers would hold.
    const req = get(`${origin}/api/v1/events?topic=${TOPIC}`, { agent: false }, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`GET /api/v1/events answered ${res.statusCode}`));
        return;
      }
      const client: Client = { res, run: -1, receivedAt: 0 };
      let buffered = '';
      let isSubscribed = false;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        const at = performance.now();
        buffered += chunk;
        let end = buffered.indexOf('\n\n');
        while (end >= 0) {
          const frame = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          end = buffered.indexOf('\n\n');
          if (!isSubscribed && frame.startsWith('retry:')) {
            isSubscribed = true;
            resolve(client);
          }
          if (!frame.includes(`event: ${EVENT_TYPE}\n`)) continue;
          const data = frame.slice(frame.indexOf('data: ') + 6);
          const run = (JSON.parse(data) as { run: number }).run;
          if (run === runOf()) {
            client.run = run;
            client.receivedAt = at;
          }
        }
      });
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

interface Server {
  origin: string;
  stop(): Promise<void>;
}

const here = fileURLToPath(new URL('.', import.meta.url));

/** A server in a child process (this file with --serve), on its own hub and LISTEN connection. */
function spawnServer(url: string): Promise<Server> {
  const child = spawn(process.execPath, [...process.execArgv, join(here, 'run.ts'), 'fanout', '--serve'], {
    env: { ...process.env, FANOUT_DATABASE_URL: url },
    // The child exits when its stdin closes, so a crashed benchmark leaves no server behind.
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server process exited with ${code} before listening`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const port = /^listening (\d+)$/.exec(line)?.[1];
      if (!port) return;
      resolve({
        origin: `http://127.0.0.1:${port}`,
        async stop() {
          child.stdin?.end();
          await exited;
        },
      });
    });
  });
}

/** The child side of spawnServer. */
async function serve(): Promise<void> {
  const url = process.env.FANOUT_DATABASE_URL;
  if (!url) throw new Error('--serve is internal: FANOUT_DATABASE_URL is missing');
  const handle = await openDatabase({ kind: 'postgres', url });
  const app = await buildServer(handle, readConfig({}));
  await app.listen({ port: 0, host: '127.0.0.1' });
  process.stdout.write(`listening ${(app.server.address() as AddressInfo).port}\n`);
  process.stdin.resume();
  process.stdin.once('end', async () => {
    await app.close();
    await handle.close();
    process.exit(0);
  });
}

async function openHandle(url: string | undefined, rebuild: boolean): Promise<DatabaseHandle> {
  if (!url) {
    say('no BENCH_DATABASE_URL / DATABASE_URL: embedded PGlite in memory');
    const handle = await openDatabase({ kind: 'pglite-memory' });
    await migrate(handle);
    return handle;
  }
  const { url: dbUrl } = await prepareDatabase(url, DB_NAME, MARKER, rebuild);
  const handle = await openDatabase({ kind: 'postgres', url: dbUrl });
  await migrate(handle);
  return handle;
}

export async function main(args: string[]): Promise<void> {
  // Everyone may follow the bench topic, in this process and in every server process.
  registerTopicKind('bench', async () => true);
  if (args[0] === '--serve') return serve();

  const clientCount = Number(option(args, '--clients', '2000'));
  const runs = Number(option(args, '--runs', '5'));
  const processCount = Number(option(args, '--processes', '1'));
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  const isInProcess = !adminUrl || args.includes('--in-process');
  if (isInProcess && processCount !== 1)
    throw new Error('--processes needs a PostgreSQL server (BENCH_DATABASE_URL) and no --in-process');

  const fileLimit = execFileSync('sh', ['-c', 'ulimit -n']).toString().trim();
  const handle = await openHandle(adminUrl, args.includes('--rebuild'));
  const servers: Server[] = [];
  const clients: Client[] = [];
  let currentRun = -1;
  try {
    if (isInProcess) {
      const app = await buildServer(handle, readConfig({}));
      await app.listen({ port: 0, host: '127.0.0.1' });
      servers.push({
        origin: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
        stop: () => app.close(),
      });
    } else {
      const url = new URL(adminUrl);
      url.pathname = `/${DB_NAME}`;
      servers.push(...(await Promise.all(Array.from({ length: processCount }, () => spawnServer(`${url}`)))));
    }
    say(`${servers.length} server${servers.length > 1 ? 's' : ''} up; ulimit -n ${fileLimit}`);

    for (let i = 0; i < clientCount; i += OPEN_BATCH) {
      const batch = Array.from({ length: Math.min(OPEN_BATCH, clientCount - i) }, (_, j) =>
        openClient(servers[(i + j) % servers.length]!.origin, () => currentRun),
      );
      clients.push(...(await Promise.all(batch)));
    }
    say(`${clients.length} streams open and subscribed`);

    const version = (
      await sql<{ v: string }>`select current_setting('server_version') as v`.execute(handle.db)
    ).rows[0]!.v;
    const load = loadavg()[0]!.toFixed(2);
    const results: Array<{ received: number; p50: number; p99: number; max: number; commitMs: number }> = [];
    for (let run = 0; run <= runs; run += 1) {
      currentRun = run;
      let beforeCommit = 0;
      await handle.db.transaction().execute(async (tx) => {
        await publishEvent(tx, TOPIC, {
          type: EVENT_TYPE,
          data: { run, pollId: randomUUID(), votes: 1234, blank: 5 },
        });
        beforeCommit = performance.now();
      });
      const committed = performance.now();
      const until = committed + RECEIVE_TIMEOUT_MS;
      while (clients.some((c) => c.run !== run) && performance.now() < until)
        await new Promise((resolve) => setTimeout(resolve, 5));
      const delays = clients
        .filter((c) => c.run === run)
        .map((c) => c.receivedAt - beforeCommit)
        .sort((a, b) => a - b);
      const result = {
        received: delays.length,
        p50: quantile(delays, 0.5),
        p99: quantile(delays, 0.99),
        max: delays[delays.length - 1] ?? Number.NaN,
        commitMs: committed - beforeCommit,
      };
      say(
        `${run === 0 ? 'warm-up' : `run ${run}`}: ${result.received}/${clients.length} received, ` +
          `p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, max ${result.max.toFixed(1)} ms`,
      );
      if (run > 0) results.push(result);
      // Lets the streams drain before the next event, so runs do not overlap.
      await new Promise((resolve) => setTimeout(resolve, 200));
    }

    const where = isInProcess
      ? `1 server in the benchmark process (${handle.kind === 'pglite' ? 'embedded PGlite' : `PostgreSQL ${version}`})`
      : `${processCount} server process${processCount > 1 ? 'es' : ''} on PostgreSQL ${version}, publisher in a further process`;
    console.log(
      `\nmachine: ${availableParallelism()} CPUs, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}; ` +
        `ulimit -n ${fileLimit}; load average ${load} before timing, ${loadavg()[0]!.toFixed(2)} after`,
    );
    console.log(`setup: ${where}; ${clients.length} SSE clients on one topic, spread over the servers`);
    console.log(
      `delay from just before COMMIT to the event read by each client, median of ${runs} runs after one warm-up:\n`,
    );
    console.log('| measure | median | min | max |\n|---|---|---|---|');
    const row = (name: string, xs: number[], digits = 1) =>
      console.log(
        `| ${name} | ${median(xs).toFixed(digits)} | ${Math.min(...xs).toFixed(digits)} | ${Math.max(...xs).toFixed(digits)} |`,
      );
    row(
      `clients that received it (of ${clients.length})`,
      results.map((r) => r.received),
      0,
    );
    row(
      'COMMIT, ms',
      results.map((r) => r.commitMs),
    );
    row(
      'p50 delay, ms',
      results.map((r) => r.p50),
    );
    row(
      'p99 delay, ms',
      results.map((r) => r.p99),
    );
    row(
      'max delay, ms',
      results.map((r) => r.max),
    );
    const p99 = median(results.map((r) => r.p99));
    const allReceived = results.every((r) => r.received === clients.length);
    console.log(
      `\n${clients.length} clients within ${TARGET_P99_MS} ms at p99: ${p99 <= TARGET_P99_MS && allReceived ? 'meets' : 'MISSES'} ` +
        `(p99 ${p99.toFixed(1)} ms; ${allReceived ? 'every client received every event' : 'SOME EVENTS NOT RECEIVED'})`,
    );
  } finally {
    for (const c of clients) c.res.destroy();
    await Promise.all(servers.map((s) => s.stop()));
    await handle.close();
  }
}
