// `npm run bench -- supply-balance [--rebuild] [--runs R]`
// The stock ledger at size, on the PostgreSQL server (DATABASE_URL / BENCH_DATABASE_URL, admin access):
// one depot and item with 1,000,000 stock events bulk-inserted with generate_series in a fixed pattern
// (every tenth a receipt of 10 units, the nine after it issues of 1 unit, 30 seconds apart, ending when
// the database was built) and a consistent cache, in the database cabildo_bench_supply, built once and
// reused while its marker matches. Times the product's balance queries (the store's, as the API runs
// them), the first page of the stock card, a deep page, a naive sum over the events for comparison, and
// the product's recordStockEvent for a current-time issue and for an issue back-dated one day before the
// latest event (2,880 later events to check). The issues it records are removed afterwards (trigger
// disabled by the owner for that one transaction) so every run sees the same 1,000,000 events.
import { availableParallelism, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import pg from 'pg';
import { type Db, openDatabase } from '../server/platform/database.ts';
import { migrate } from '../server/platform/migrate.ts';
import type { Viewer } from '../server/platform/sessions.ts';
import { depotShelf } from '../server/supply/depots.store.ts';
import { recordStockEvent } from '../server/supply/record-stock-event.ts';
import { balanceOf, stockCard } from '../server/supply/stock-events.store.ts';
import { option, prepareDatabase, say, time } from './bench-database.ts';
import { median, p99 } from './bench-stats.ts';

const DB_NAME = 'cabildo_bench_supply';
const EVENTS = 1_000_000;
const SPACING_S = 30;
const MARKER = `cabildo-bench-supply v1 events=${EVENTS} pattern=receipt10-then-9-issues-of-1 spacing=${SPACING_S}s`;
const TARGET_BALANCE_MS = 10;
const COUNCIL = 'b0000000-0000-4000-8000-000000000001';
const PERSON = 'b0000000-0000-4000-8000-000000000002';
const ITEM = 'b0000000-0000-4000-8000-000000000003';
const DEPOT = 'b0000000-0000-4000-8000-000000000004';
const OTHER_ITEM = 'b0000000-0000-4000-8000-000000000005';

async function generate(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const run = async (what: string, text: string) => {
    say(`${what} …`);
    await client.query(text);
  };
  try {
    await client.query(`set maintenance_work_mem = '256MB'; set work_mem = '128MB'; set timezone = 'UTC'`);
    await run(
      'a council, its treasurer, an item and a depot',
      `insert into councils (id, name, kind, territory, path, depth) values ('${COUNCIL}', 'Bench village', 'village', 'Bench', '', 0);
       update councils set path = '/' || seq || '/' where id = '${COUNCIL}';
       insert into persons (id, full_name) values ('${PERSON}', 'Bench treasurer');
       insert into offices (council_id, office, person_id) values ('${COUNCIL}', 'treasurer', '${PERSON}');
       insert into items (id, name, category, base_unit, step_milli) values
         ('${ITEM}', 'Bench LPG cylinder', 'fuel', 'cylinder 10 kg', 1000),
         ('${OTHER_ITEM}', 'Bench rice', 'food', 'kg', 1);
       insert into depots (id, council_id, name, kind) values ('${DEPOT}', '${COUNCIL}', 'Bench depot', 'depot')`,
    );
    await run(
      `${EVENTS.toLocaleString('en')} stock events`,
      `insert into stock_events (depot_id, item_id, kind, delta_milli, occurred_at, recorded_at, source, recorded_by)
       select '${DEPOT}', '${ITEM}', case when g % 10 = 1 then 'receipt' else 'issue' end,
              case when g % 10 = 1 then 10000 else -1000 end, t, t,
              case when g % 10 = 1 then 'delivery' end, '${PERSON}'
         from (select g, date_trunc('second', now()) - (${EVENTS} - g) * interval '${SPACING_S} seconds' as t
                 from generate_series(1, ${EVENTS}) g) s
        order by g`,
    );
    await run(
      'a few events of another item at the depot',
      `insert into stock_events (depot_id, item_id, kind, delta_milli, occurred_at, recorded_at, source, recorded_by)
       select '${DEPOT}', '${OTHER_ITEM}', 'receipt', 25000, now() - g * interval '1 hour', now() - g * interval '1 hour',
              'donation', '${PERSON}' from generate_series(1, 100) g`,
    );
    await run(
      'the balance cache',
      `insert into stock_balances (depot_id, item_id, quantity_milli, event_count)
       select depot_id, item_id, sum(delta_milli), count(*) from stock_events group by depot_id, item_id`,
    );
    await run('vacuum analyze', 'vacuum analyze');
    await client.query(`comment on database ${DB_NAME} is '${MARKER}'`);
    say('generated');
  } finally {
    await client.end();
  }
}

/** Removes the events a run recorded (ids above `lastId`) and puts the cache back: the owner's bypass. */
async function restore(db: Db, lastId: string): Promise<number> {
  return db.transaction().execute(async (tx) => {
    await sql`alter table stock_events disable trigger stock_events_append_only`.execute(tx);
    const { numAffectedRows } = await sql`delete from stock_events where id > ${lastId}::bigint`.execute(tx);
    await sql`alter table stock_events enable trigger stock_events_append_only`.execute(tx);
    await sql`update stock_balances b set quantity_milli = s.total, event_count = s.n
                from (select depot_id, item_id, sum(delta_milli) as total, count(*) as n from stock_events
                       where depot_id = ${DEPOT} group by depot_id, item_id) s
               where b.depot_id = s.depot_id and b.item_id = s.item_id`.execute(tx);
    return Number(numAffectedRows ?? 0);
  });
}

export async function main(args: string[]): Promise<void> {
  const adminUrl =
    process.env.BENCH_DATABASE_URL ??
    process.env.DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/postgres';
  const runs = Number(option(args, '--runs', '200'));
  const writeRuns = Number(option(args, '--write-runs', '50'));
  const { url, fresh } = await prepareDatabase(adminUrl, DB_NAME, MARKER, args.includes('--rebuild'));
  const handle = await openDatabase({ kind: 'postgres', url });
  try {
    const { applied } = await migrate(handle);
    if (applied.length) say(`migrations applied: ${applied.join(', ')}`);
    if (fresh) await generate(url);
    else say(`reusing ${DB_NAME} (pass --rebuild to regenerate)`);
    const db = handle.db;

    // Correctness before timing: the cache is the sum of the events and no running balance dips below 0.
    const facts = (
      await sql<{
        events: string;
        summed: string;
        cached: string;
        lowest: string;
        last_id: string;
        last_at: string;
        version: string;
      }>`
        select count(*)::text as events, sum(delta_milli)::text as summed,
               (select quantity_milli::text from stock_balances where depot_id = ${DEPOT} and item_id = ${ITEM}) as cached,
               min(running)::text as lowest, max(id)::text as last_id,
               to_char(max(occurred_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as last_at,
               current_setting('server_version') as version
          from (select id, occurred_at, delta_milli,
                       sum(delta_milli) over (order by occurred_at, id) as running
                  from stock_events where depot_id = ${DEPOT} and item_id = ${ITEM}) e`.execute(db)
    ).rows[0]!;
    if (Number(facts.events) !== EVENTS)
      throw new Error(`${DB_NAME} holds ${facts.events} events, not ${EVENTS}: rerun with --rebuild`);
    if (facts.summed !== facts.cached)
      throw new Error(`WRONG CACHE: ${facts.cached} against ${facts.summed}`);
    if (BigInt(facts.lowest) < 0n) throw new Error(`NEGATIVE running balance ${facts.lowest}`);
    say(`check: ${facts.events} events, cache ${facts.cached} = sum, lowest running balance ${facts.lowest}`);
    const lastGeneratedId = (
      await sql<{ id: string }>`select max(id)::text as id from stock_events`.execute(db)
    ).rows[0]!.id;

    const load = loadavg()[0]!.toFixed(2);
    const rows: Array<{ measure: string; result: string; ms: number[]; target: string }> = [];
    const add = (measure: string, result: string, ms: number[], target = '') =>
      rows.push({ measure, result, ms, target });

    const one = await time(runs, () => balanceOf(db, DEPOT, ITEM));
    if (one.result.toString() !== facts.cached) throw new Error('balanceOf disagrees with the cache');
    add('balance of one item (store balanceOf)', `${one.result} milli`, one.ms, `≤ ${TARGET_BALANCE_MS} ms`);
    const shelf = await time(runs, () => depotShelf(db, DEPOT));
    add(
      'GET /depots/:id/stock query (store depotShelf)',
      `${shelf.result.length} items`,
      shelf.ms,
      `≤ ${TARGET_BALANCE_MS} ms`,
    );
    const naive = await time(20, async () => {
      const { rows: r } = await sql<{ s: string }>`
        select sum(delta_milli)::text as s from stock_events where depot_id = ${DEPOT} and item_id = ${ITEM}`.execute(
        db,
      );
      return r[0]!.s;
    });
    if (naive.result !== facts.cached) throw new Error('naive sum disagrees with the cache');
    add('naive: sum of all events (not the product)', `${naive.result} milli`, naive.ms);
    const card = await time(runs, () => stockCard(db, DEPOT, ITEM, null, 50));
    if (card.result.events[0]?.balanceAfterMilli.toString() !== facts.cached)
      throw new Error('stock card does not start at the balance');
    add('stock card, first page of 50 (store stockCard)', `${card.result.events.length} events`, card.ms);
    const deep = (
      await sql<{ id: string; at: string }>`
        select id::text as id, to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at
          from stock_events where depot_id = ${DEPOT} and item_id = ${ITEM}
         order by occurred_at desc, id desc offset 100000 limit 1`.execute(db)
    ).rows[0]!;
    const deepCard = await time(20, () =>
      stockCard(db, DEPOT, ITEM, { occurredAt: deep.at, id: deep.id }, 50),
    );
    add('stock card, a page 100,000 events back', `${deepCard.result.events.length} events`, deepCard.ms);

    const viewer: Viewer = {
      personId: PERSON,
      fullName: 'Bench treasurer',
      isAdmin: false,
      csrfToken: '',
      sessionHash: '',
    };
    const dayBefore = new Date(Date.parse(facts.last_at) - 86_400_000).toISOString();
    const later = (
      await sql<{ n: number }>`
        select count(*)::int as n from stock_events
         where depot_id = ${DEPOT} and item_id = ${ITEM} and occurred_at > ${dayBefore}::timestamptz`.execute(
        db,
      )
    ).rows[0]!.n;
    try {
      const now = await time(writeRuns, () =>
        recordStockEvent(db, viewer, DEPOT, { kind: 'issue', itemId: ITEM, quantity: '1' }),
      );
      add('recordStockEvent: issue now (use case, committed)', `balance ${now.result.balanceMilli}`, now.ms);
      const back = await time(writeRuns, () =>
        recordStockEvent(db, viewer, DEPOT, {
          kind: 'issue',
          itemId: ITEM,
          quantity: '1',
          occurredAt: dayBefore,
        }),
      );
      add(
        'recordStockEvent: issue back-dated 1 day (use case, committed)',
        `${later.toLocaleString('en')} later events checked`,
        back.ms,
      );
      const refused: number[] = [];
      for (let r = 0; r <= 20; r++) {
        const t0 = performance.now();
        const outcome = await recordStockEvent(db, viewer, DEPOT, {
          kind: 'issue',
          itemId: ITEM,
          quantity: '100000',
          occurredAt: dayBefore,
        }).then(
          () => 'accepted',
          (error: { code?: string }) => error.code ?? 'error',
        );
        if (outcome !== 'stock-would-go-negative') throw new Error(`an over-issue was ${outcome}`);
        if (r > 0) refused.push(performance.now() - t0);
      }
      add('recordStockEvent: back-dated over-issue, refused', 'stock-would-go-negative', refused);
    } finally {
      const removed = await restore(db, lastGeneratedId);
      // The deleted rows' index entries would slow the next run's first backward scans.
      await sql`vacuum analyze stock_events`.execute(db);
      say(`removed the ${removed} events this run recorded; cache restored; vacuumed`);
    }
    const after = await balanceOf(db, DEPOT, ITEM);
    if (after.toString() !== facts.cached) throw new Error(`restore failed: balance ${after}`);

    console.log(
      `\nmachine: ${availableParallelism()} CPUs, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, PostgreSQL ${facts.version}, ` +
        `Node ${process.version}; load average ${load} before timing, ${loadavg()[0]!.toFixed(2)} after`,
    );
    console.log(
      `data: one depot, one item with ${EVENTS.toLocaleString('en')} stock events (another with 100); ` +
        `balance ${facts.cached} milli; reads: ${runs} runs, writes: ${writeRuns} runs, after one warm-up\n`,
    );
    console.log('| measure | result | median ms | p99 ms | target |\n|---|---|---|---|---|');
    for (const r of rows)
      console.log(
        `| ${r.measure} | ${r.result} | ${median(r.ms).toFixed(2)} | ${p99(r.ms).toFixed(2)} | ${r.target} |`,
      );
    const balanceMedian = Math.max(median(one.ms), median(shelf.ms));
    console.log(
      `\nbalance target ≤ ${TARGET_BALANCE_MS} ms: ${balanceMedian <= TARGET_BALANCE_MS ? 'met' : 'MISSED'} (median ${balanceMedian.toFixed(2)} ms)`,
    );
  } finally {
    await handle.close();
  }
}
