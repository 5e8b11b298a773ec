// What the PostgreSQL benchmarks share: options, warm-up-then-timed runs, progress lines with elapsed time, a dedicated database that is
// built once and reused while its marker (a comment on the database naming the generator version,
// seed and sizes) matches, and a deterministic uniform draw usable inside set-based SQL.
import pg from 'pg';

const started = performance.now();

/** Prints one progress line prefixed with the seconds since the benchmark started. */
export function say(what: string): void {
  process.stdout.write(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${what}\n`);
}

/**
 * SQL for a uniform [0,1) draw from a row number: unlike random(), independent of the query plan and
 * of row order, so the same seed always generates the same rows.
 */
export function unitDraw(expr: string, seed: number): string {
  return `((hashint8extended((${expr})::bigint, ${seed}) & 2147483647)::float8 / 2147483648)`;
}

/** Creates `dbName` when missing, stale (marker differs) or `rebuild` is asked; returns its URL. */
export async function prepareDatabase(
  adminUrl: string,
  dbName: string,
  marker: string,
  rebuild: boolean,
): Promise<{ url: string; fresh: boolean }> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ marker: string | null }>(
      `select shobj_description(oid, 'pg_database') as marker from pg_database where datname = $1`,
      [dbName],
    );
    const fresh = rows.length === 0 || rows[0]?.marker !== marker || rebuild;
    if (fresh) {
      say(rows.length === 0 ? `creating ${dbName}` : `dropping and recreating ${dbName}`);
      await admin.query(`drop database if exists ${dbName} with (force)`);
      await admin.query(`create database ${dbName}`);
    }
    const url = new URL(adminUrl);
    url.pathname = `/${dbName}`;
    return { url: url.toString(), fresh };
  } finally {
    await admin.end();
  }
}

export { option } from './bench-stats.ts';

/** One warm-up call, then `runs` timed calls; returns each run's milliseconds and the last result. */
export async function time<T>(runs: number, fn: () => Promise<T>): Promise<{ ms: number[]; result: T }> {
  let result = await fn();
  const ms: number[] = [];
  for (let r = 0; r < runs; r += 1) {
    const t0 = performance.now();
    result = await fn();
    ms.push(performance.now() - t0);
  }
  return { ms, result };
}
