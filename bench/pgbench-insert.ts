// pgbench as a baseline for benchmarks that insert rows through the API: `pgbench -n -f script` with a
// one-statement script, parsed for its TPS (without connection time) and average latency.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PgbenchRun {
  tps: number;
  latencyMs: number;
  transactions: number;
}

let found: string | undefined;

/** The pgbench binary: Debian's PostgreSQL 15 one, or whatever `pgbench` is on the PATH. */
export function pgbenchPath(): string {
  if (found) return found;
  for (const p of ['/usr/lib/postgresql/15/bin/pgbench', 'pgbench']) {
    try {
      execFileSync(p, ['--version'], { stdio: 'ignore' });
      found = p;
      return p;
    } catch {
      // try the next one
    }
  }
  throw new Error('pgbench not found: apt-get install -y postgresql-contrib (or postgresql-15)');
}

export async function pgbenchScript(
  url: string,
  statement: string,
  o: { clients: number; threads: number; seconds: number },
): Promise<PgbenchRun> {
  const dir = mkdtempSync(join(tmpdir(), 'cabildo-pgbench-'));
  const script = join(dir, 'script.sql');
  writeFileSync(script, `${statement}\n`);
  const args = [
    '-n',
    '-f',
    script,
    '-c',
    String(o.clients),
    '-j',
    String(o.threads),
    '-T',
    String(o.seconds),
    url,
  ];
  try {
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(pgbenchPath(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
      let text = '';
      child.stdout.on('data', (c: Buffer) => {
        text += c.toString();
      });
      child.stderr.on('data', (c: Buffer) => {
        text += c.toString();
      });
      child.on('error', reject);
      child.on('exit', (code) =>
        code === 0 ? resolve(text) : reject(new Error(`pgbench exited ${code}:\n${text}`)),
      );
    });
    const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(out)?.[1];
    if (!tps) throw new Error(`could not read pgbench's TPS:\n${out}`);
    return {
      tps: Number(tps),
      latencyMs: Number(/latency average = ([\d.]+) ms/.exec(out)?.[1] ?? Number.NaN),
      transactions: Number(/number of transactions actually processed: (\d+)/.exec(out)?.[1] ?? Number.NaN),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
