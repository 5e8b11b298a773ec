// A closed-loop HTTP load generator over real sockets: `clients` workers, each with its own keep-alive
// connection (a raw socket per worker, RawConnection), sending the next request as soon as the previous
// one answers. Requests that complete inside the timed window (after the warm-up) count towards the
// rate and the latency percentiles; every response, warm-up and drain included, is handed to
// `onResponse` so the caller can check what was written. Plus small helpers the HTTP benchmarks share:
// percentiles and the machine's CPU use over a window (/proc/stat).
import { readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { performance } from 'node:perf_hooks';

export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface LoadResponse {
  status: number;
  body: string;
  ms: number;
  /** True when the response completed inside the timed window. */
  timed: boolean;
}

export interface LoadOptions {
  port: number;
  host?: string;
  clients: number;
  warmupMs: number;
  durationMs: number;
  /** The next request for worker `client`, or undefined when it has nothing left to send. */
  next: (client: number) => LoadRequest | undefined;
  onResponse?: (request: LoadRequest, response: LoadResponse) => void;
}

export interface LoadResult {
  /** Responses completed in the timed window, by status. */
  timedByStatus: Map<number, number>;
  /** All responses (warm-up, window, drain), by status. */
  allByStatus: Map<number, number>;
  /** Latencies (ms) of the responses completed in the timed window, sorted. */
  latencies: Float64Array;
  /** Length of the timed window actually covered (shorter when every worker ran out of requests). */
  windowMs: number;
  /** Transport errors (reset connections, timeouts), all phases. */
  errors: number;
  /** Workers that ran out of requests before the window ended. */
  starved: number;
  firstError: string | undefined;
}

/**
 * One keep-alive HTTP/1.1 connection over a raw socket: the request is written as one buffer and the
 * response parsed by its content-length. Leaner than node:http's client, so the load generator takes
 * less of the machine it shares with the server it measures (pgbench's client is C).
 */
class RawConnection {
  private socket: net.Socket | undefined;
  private buffered: Buffer = Buffer.alloc(0);
  private waiting:
    | { resolve: (r: { status: number; body: string }) => void; reject: (e: Error) => void }
    | undefined;

  constructor(
    private readonly host: string,
    private readonly port: number,
  ) {}

  private connect(): Promise<net.Socket> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(this.port, this.host);
      socket.setNoDelay(true);
      socket.once('connect', () => resolve(socket));
      socket.on('error', (error) => {
        reject(error);
        this.fail(error);
      });
      socket.on('data', (chunk: Buffer) => this.received(chunk));
      socket.on('close', () => {
        if (this.socket === socket) this.socket = undefined;
        this.fail(new Error('connection closed by the server'));
      });
      socket.setTimeout(30_000, () => socket.destroy(new Error('request timed out after 30 s')));
    });
  }

  private fail(error: Error): void {
    const w = this.waiting;
    this.waiting = undefined;
    this.buffered = Buffer.alloc(0);
    w?.reject(error);
  }

  private received(chunk: Buffer): void {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    const headEnd = this.buffered.indexOf('\r\n\r\n');
    if (headEnd < 0) return;
    const head = this.buffered.toString('latin1', 0, headEnd);
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    if (!length) {
      this.socket?.destroy();
      this.fail(new Error(`response without content-length: ${head.slice(0, 200)}`));
      return;
    }
    const total = headEnd + 4 + Number(length[1]);
    if (this.buffered.length < total) return;
    const status = Number(head.slice(9, 12));
    const body = this.buffered.toString('utf8', headEnd + 4, total);
    this.buffered = this.buffered.subarray(total);
    const w = this.waiting;
    this.waiting = undefined;
    if (/\r\nconnection:\s*close/i.test(head)) this.socket?.end();
    w?.resolve({ status, body });
  }

  async send(request: Buffer): Promise<{ status: number; body: string }> {
    this.socket ??= await this.connect();
    const socket = this.socket;
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      socket.write(request);
    });
  }

  close(): void {
    this.socket?.destroy();
  }
}

function encode(host: string, port: number, r: LoadRequest): Buffer {
  const body = r.body === undefined ? undefined : Buffer.from(r.body);
  let head = `${r.method} ${r.path} HTTP/1.1\r\nhost: ${host}:${port}\r\n`;
  for (const [k, v] of Object.entries(r.headers)) head += `${k}: ${v}\r\n`;
  head += body ? `content-length: ${body.length}\r\n\r\n` : '\r\n';
  return body ? Buffer.concat([Buffer.from(head, 'latin1'), body]) : Buffer.from(head, 'latin1');
}

const bump = (m: Map<number, number>, k: number) => m.set(k, (m.get(k) ?? 0) + 1);

export async function runClosedLoop(o: LoadOptions): Promise<LoadResult> {
  const host = o.host ?? '127.0.0.1';
  const connections = Array.from({ length: o.clients }, () => new RawConnection(host, o.port));
  const timedByStatus = new Map<number, number>();
  const allByStatus = new Map<number, number>();
  let latencies = new Float64Array(1 << 16);
  let count = 0;
  let errors = 0;
  let starved = 0;
  let firstError: string | undefined;
  let lastTimedEnd = 0;
  const t0 = performance.now();
  const windowStart = t0 + o.warmupMs;
  const windowEnd = windowStart + o.durationMs;

  const worker = async (client: number) => {
    const connection = connections[client]!;
    while (performance.now() < windowEnd) {
      const request = o.next(client);
      if (!request) {
        starved += 1;
        return;
      }
      const started = performance.now();
      try {
        const res = await connection.send(encode(host, o.port, request));
        const ended = performance.now();
        const ms = ended - started;
        const timed = started >= windowStart && ended <= windowEnd;
        bump(allByStatus, res.status);
        if (timed) {
          bump(timedByStatus, res.status);
          if (count === latencies.length) {
            const grown = new Float64Array(latencies.length * 2);
            grown.set(latencies);
            latencies = grown;
          }
          latencies[count++] = ms;
          lastTimedEnd = Math.max(lastTimedEnd, ended);
        }
        o.onResponse?.(request, { ...res, ms, timed });
      } catch (error) {
        errors += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(connections.map((_, i) => worker(i)));
  for (const c of connections) c.close();
  const sorted = latencies.slice(0, count).sort();
  const windowMs = starved === o.clients ? Math.max(0, lastTimedEnd - windowStart) : o.durationMs;
  return { timedByStatus, allByStatus, latencies: sorted, windowMs, errors, starved, firstError };
}

/** The q-quantile (0..1) of sorted values, nearest rank. */
export function quantile(sorted: Float64Array | number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

export { median } from './bench-stats.ts';

/** Machine-wide CPU counters (jiffies) from /proc/stat; undefined off Linux. */
export function cpuTimes(): { busy: number; total: number } | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const f = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = (f[3] ?? 0) + (f[4] ?? 0);
    const total = f.slice(0, 8).reduce((s, x) => s + x, 0);
    return { busy: total - idle, total };
  } catch {
    return undefined;
  }
}

/** Share of all CPUs busy between two cpuTimes() readings, 0..1. */
export function busyShare(a: ReturnType<typeof cpuTimes>, b: ReturnType<typeof cpuTimes>): number {
  if (!a || !b || b.total === a.total) return Number.NaN;
  return (b.busy - a.busy) / (b.total - a.total);
}

/** CPU time (ms) of every process whose command name is `comm` (e.g. 'postgres'), by pid, from /proc. */
export function processCpuMs(comm: string): Map<number, number> {
  const out = new Map<number, number>();
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return out;
  }
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      if (stat.slice(stat.indexOf('(') + 1, close) !== comm) continue;
      // Fields after the command: state is field 3, utime 14 and stime 15 (clock ticks, 100 per second).
      const f = stat.slice(close + 2).split(' ');
      out.set(Number(pid), ((Number(f[11]) + Number(f[12])) * 1000) / 100);
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

/** CPU ms spent between two processCpuMs readings (processes started in between count from zero). */
export function cpuMsBetween(a: Map<number, number>, b: Map<number, number>): number {
  let sum = 0;
  for (const [pid, ms] of b) sum += ms - (a.get(pid) ?? 0);
  return sum;
}
