// `npm run bench -- prices-import [--runs 5] [--file PATH]` (issue 7: "import of the 18,094-row file end
// to end (parse, normalise, screen, store): target ≤ 2 s on the PostgreSQL server"). Each run empties the
// price tables of the database cabildo_bench_prices and imports the real WFP Bolivia file through the
// product's use case (startPriceImport: CSV parse, row checks and units, screening, markets and
// commodities, observations in chunks, re-screening of the touched series, the ledger entry), timed
// from the call to the import's end; then the same file again (the idempotent re-import: nothing added).
// PostgreSQL server from DATABASE_URL (admin access); the file from ../shared/data unless --file.
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { openDatabase } from '../server/platform/database.ts';
import { migrate } from '../server/platform/migrate.ts';
import { startPriceImport } from '../server/prices/index.ts';
import { option, prepareDatabase, say } from './bench-database.ts';
import { median } from './bench-stats.ts';

const DB_NAME = 'cabildo_bench_prices';
const TARGET_MS = 2_000;
const DEFAULT_FILE = join(
  fileURLToPath(new URL('.', import.meta.url)),
  '../../shared/data/prices/wfp_food_prices_bol.csv',
);

export async function main(args: string[]): Promise<void> {
  const file = option(args, '--file', DEFAULT_FILE);
  const runs = Number(option(args, '--runs', '5'));
  if (!existsSync(file)) {
    say(`no file at ${file}: pass --file PATH to the WFP CSV (../shared/data is not in a user's clone)`);
    return;
  }
  const text = readFileSync(file, 'utf8');
  const adminUrl =
    process.env.BENCH_DATABASE_URL ??
    process.env.DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/postgres';
  const { url } = await prepareDatabase(adminUrl, DB_NAME, 'cabildo-bench-prices v1', true);
  const handle = await openDatabase({ kind: 'postgres', url });
  try {
    await migrate(handle);
    const db = handle.db;
    const admin = (
      await sql<{
        id: string;
      }>`insert into persons (full_name) values ('Bench importer') returning id`.execute(db)
    ).rows[0]!.id;
    const viewer = {
      personId: admin,
      fullName: 'Bench importer',
      isAdmin: true,
      csrfToken: '',
      sessionHash: '',
    };
    const once = async () => {
      const t0 = performance.now();
      const { finished } = await startPriceImport(db, viewer, { name: 'wfp_food_prices_bol.csv', text });
      const done = await finished;
      return { ms: performance.now() - t0, done };
    };
    const empty = () =>
      sql`truncate price_observations, price_imports, commodities, markets restart identity cascade`.execute(
        db,
      );
    const fresh: number[] = [];
    const again: number[] = [];
    let last: Awaited<ReturnType<typeof once>>['done'] | undefined;
    let repeat: Awaited<ReturnType<typeof once>>['done'] | undefined;
    say(`warm-up import of ${file}`);
    await empty();
    await once();
    for (let r = 0; r < runs; r++) {
      await empty();
      const a = await once();
      fresh.push(a.ms);
      last = a.done;
      const b = await once();
      again.push(b.ms);
      repeat = b.done;
      say(`run ${r + 1}/${runs}: import ${a.ms.toFixed(0)} ms, re-import ${b.ms.toFixed(0)} ms`);
    }
    const [l1, l5, l15] = loadavg().map((x) => x.toFixed(2));
    process.stdout.write(
      `\nmachine: ${availableParallelism()} CPUs; load average ${l1} ${l5} ${l15}; ${runs} runs after a warm-up\n\n`,
    );
    process.stdout.write(
      '| step | rows | imported | already present | rejected | outliers | median ms | runs ms | target |\n',
    );
    process.stdout.write('|---|---|---|---|---|---|---|---|---|\n');
    const row = (step: string, ms: number[], d: typeof last, target: string) =>
      process.stdout.write(
        `| ${step} | ${d?.rows_total} | ${d?.imported} | ${d?.already_present} | ${d?.rejected} | ${d?.outliers} | ${median(ms).toFixed(0)} | ${ms.map((m) => m.toFixed(0)).join(', ')} | ${target} |\n`,
      );
    row(
      'import into empty tables',
      fresh,
      last,
      `≤ ${TARGET_MS} ms: ${median(fresh) <= TARGET_MS ? 'met' : 'MISSED'}`,
    );
    row('re-import of the same file', again, repeat, 'adds nothing');
  } finally {
    await handle.close();
  }
}
