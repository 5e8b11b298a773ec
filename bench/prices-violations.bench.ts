// `npm run bench -- prices-violations [--rebuild] [--runs R]`
// The violation check of a new price report at size, on the PostgreSQL server (DATABASE_URL /
// BENCH_DATABASE_URL, admin access), in the database cabildo_bench_prices, built once and reused while
// its marker matches: a federation of four levels (1 national body, 6 regions, 36 local federations,
// 216 base councils, one reporting member each), 20 items, adopted caps at every level (the national
// body caps every item in BOB and USD, regions 10 items, locals 5 — ended at the close of 2025 — and
// bases 2), and 100,000 existing reports of 3,000 sellers over two years, with their violations found
// by a set-based query. Times, for R new reports (default 500, fixed pattern, about half above the cap):
// the product's reportPrice use case (authorisation, normalisation, the check, the insert of the report
// and of any violation, the ledger entry; committed), and the check query alone (store capInForce).
// Correctness first: the violations the use case made are compared with an independent query (bodies
// above found by path prefix, not by seq). The reports a run adds, with their violations, are removed
// afterwards (their ledger entries stay: the ledger is append-only), so every run sees 100,000 reports.
import { availableParallelism, loadavg, totalmem } from 'node:os';
import { sql } from 'kysely';
import pg from 'pg';
import { findCouncil } from '../server/federation/index.ts';
import { openDatabase } from '../server/platform/database.ts';
import { migrate } from '../server/platform/migrate.ts';
import type { Viewer } from '../server/platform/sessions.ts';
import { lineageSeqs } from '../server/prices/price-access.ts';
import { capInForce, capInForceQuery } from '../server/prices/price-caps.store.ts';
import { type ReportPriceInput, reportPrice } from '../server/prices/report-price.ts';
import { option, prepareDatabase, say, unitDraw } from './bench-database.ts';
import { median, p99 } from './bench-stats.ts';

const DB_NAME = 'cabildo_bench_prices';
const REPORTS = 100_000;
const FANOUT = 6;
const ITEMS = 20;
const SELLERS = 3_000;
const SEED = 7;
const MARKER = `cabildo-bench-prices v2 reports=${REPORTS} fanout=${FANOUT} levels=4 items=${ITEMS} sellers=${SELLERS} seed=${SEED}`;
const TARGET_MS = 5;

async function generate(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const run = async (what: string, text: string) => {
    say(`${what} …`);
    await client.query(text);
  };
  try {
    await client.query(`set maintenance_work_mem = '256MB'; set work_mem = '64MB'; set timezone = 'UTC'`);
    await run(
      'four levels of councils',
      `insert into councils (name, kind, level, territory, path, depth) values ('Bench nation', 'federation', 'national', 'Bench', '', 0);
       update councils set path = '/' || seq || '/' where depth = 0;
       insert into councils (name, kind, level, territory, parent_id, path, depth)
         select 'Bench region ' || g, 'federation', 'regional', 'Bench', p.id, '', 1
           from councils p, generate_series(1, ${FANOUT}) g where p.depth = 0;
       update councils c set path = p.path || c.seq || '/' from councils p where c.parent_id = p.id and c.depth = 1;
       insert into councils (name, kind, level, territory, parent_id, path, depth)
         select p.name || ' local ' || g, 'federation', 'local', 'Bench', p.id, '', 2
           from councils p, generate_series(1, ${FANOUT}) g where p.depth = 1;
       update councils c set path = p.path || c.seq || '/' from councils p where c.parent_id = p.id and c.depth = 2;
       insert into councils (name, kind, level, territory, parent_id, path, depth)
         select p.name || ' base ' || g, 'neighbourhood', null, 'Bench', p.id, '', 3
           from councils p, generate_series(1, ${FANOUT}) g where p.depth = 2;
       update councils c set path = p.path || c.seq || '/' from councils p where c.parent_id = p.id and c.depth = 3`,
    );
    await run(
      'a member in every base council, items, a stand-in closed poll for the adopted caps',
      `insert into persons (full_name) select 'Bench reporter ' || c.seq from councils c where c.depth = 3;
       insert into memberships (council_id, person_id, status)
         select c.id, p.id, 'active' from councils c join persons p on p.full_name = 'Bench reporter ' || c.seq;
       update councils c set direct_members = 1 where depth = 3;
       insert into items (name, category, base_unit, step_milli)
         select 'Bench item ' || lpad(g::text, 2, '0'), 'food', 'kg', 1 from generate_series(1, ${ITEMS}) g;
       insert into item_units (item_id, unit, milli_per_unit)
         select id, 'sack 50 kg', 50000 from items where name like 'Bench item %';
       insert into polls (council_id, kind, title, method, options, seats, max_marks, allow_split, majority,
                          majority_base, secrecy, electorate, status, opened_at, closed_at, entitled_millis, seed, outcome)
         select id, 'motion', 'Bench caps', 'yes-no', '[]', 1, 1, false, 'simple', 'voting', 'open', 'mandates',
                'closed', '2020-01-01', '2020-01-02', 0, 'bench', 'adopted' from councils where depth = 0`,
    );
    // Caps per base unit (kg) in hundredths: national 10.00 (+ item), regions 9.xx on half the items,
    // locals 8.xx on a quarter (ended 2025-12-31), bases 7.xx on two items.
    await run(
      'adopted caps at every level',
      `insert into price_caps (council_id, item_id, currency, cap_cents, valid_from, valid_to, status, proposed_by, poll_id, decided_at, decision_summary)
         select c.id, i.id, cur, case when cur = 'USD' then 150 else 1000 end + i.n * 5,
                '2020-01-01', null, 'adopted', p.id, poll.id, '2020-01-02', 'bench'
           from councils c
           cross join (select id, row_number() over (order by name)::int as n from items where name like 'Bench item %') i
           cross join unnest(array['BOB', 'USD']) cur
           cross join (select id from persons order by full_name limit 1) p
           cross join (select id from polls where title = 'Bench caps') poll
          where c.depth = 0;
       insert into price_caps (council_id, item_id, currency, cap_cents, valid_from, valid_to, status, proposed_by, poll_id, decided_at, decision_summary)
         select c.id, i.id, 'BOB', (case c.depth when 1 then 900 when 2 then 800 else 700 end) + (c.seq % 50)::int,
                '2020-01-01', case when c.depth = 2 then '2025-12-31'::date end, 'adopted', p.id, poll.id, '2020-01-02', 'bench'
           from councils c
           join (select id, row_number() over (order by name)::int as n from items where name like 'Bench item %') i
             on i.n <= case c.depth when 1 then 10 when 2 then 5 else 2 end
           cross join (select id from persons order by full_name limit 1) p
           cross join (select id from polls where title = 'Bench caps') poll
          where c.depth between 1 and 3`,
    );
    const draw = (k: number) => unitDraw(`g * 16 + ${k}`, SEED);
    await run(
      `${REPORTS.toLocaleString('en')} reports`,
      `with bases as (select c.id, m.person_id, row_number() over (order by c.seq) - 1 as n
                        from councils c join memberships m on m.council_id = c.id where c.depth = 3),
            its as (select id, row_number() over (order by name) - 1 as n from items where name like 'Bench item %'),
            r as (select g, floor(${draw(1)} * (select count(*) from bases))::int as b, floor(${draw(2)} * ${ITEMS})::int as i,
                         floor(${draw(3)} * ${SELLERS})::int as s, ${draw(4)} < 0.2 as sack, 500 + (${draw(5)} * 700)::int as per_kg,
                         (${draw(6)} * 730)::int as day
                    from generate_series(1, ${REPORTS}) g)
       insert into price_reports (council_id, reported_by, seller, seller_key, market, item_id, quantity_milli, unit,
                                  price_cents, currency, base_price_cents, observed_on, reported_at)
       select b.id, b.person_id, 'Seller ' || r.s, 'seller ' || r.s, 'Bench market', its.id,
              case when r.sack then 50000 else 1000 end, case when r.sack then 'sack 50 kg' else 'kg' end,
              r.per_kg * case when r.sack then 50 else 1 end, 'BOB', r.per_kg, date '2024-06-01' + r.day,
              timestamptz '2024-06-01' + r.day * interval '1 day' + r.g * interval '1 millisecond'
         from r join bases b on b.n = r.b join its on its.n = r.i`,
    );
    await run(
      'their violations (lowest cap in force of the council and the bodies above, on the day observed)',
      `insert into price_violations (report_id, cap_id, council_id, created_at)
       select r.id, cap.id, r.council_id, r.reported_at
         from price_reports r
         join councils me on me.id = r.council_id
         cross join lateral (
           select p.id, p.cap_cents from councils a
             join price_caps p on p.council_id = a.id and p.item_id = r.item_id and p.currency = r.currency
                              and p.status = 'adopted'
            where starts_with(me.path, a.path) and p.valid_from <= r.observed_on
              and (p.valid_to is null or p.valid_to >= r.observed_on)
            order by p.cap_cents, a.depth desc limit 1) cap
        where r.price_cents::numeric * 1000 > cap.cap_cents::numeric * r.quantity_milli`,
    );
    await run('vacuum analyze', 'vacuum analyze');
    await client.query(`comment on database ${DB_NAME} is '${MARKER}'`);
    say('generated');
  } finally {
    await client.end();
  }
}

export async function main(args: string[]): Promise<void> {
  const adminUrl =
    process.env.BENCH_DATABASE_URL ??
    process.env.DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/postgres';
  const runs = Number(option(args, '--runs', '500'));
  const { url, fresh } = await prepareDatabase(adminUrl, DB_NAME, MARKER, args.includes('--rebuild'));
  const handle = await openDatabase({ kind: 'postgres', url });
  try {
    const { applied } = await migrate(handle);
    if (applied.length) say(`migrations applied: ${applied.join(', ')}`);
    if (fresh) await generate(url);
    else say(`reusing ${DB_NAME} (pass --rebuild to regenerate)`);
    const db = handle.db;
    const facts = (
      await sql<{ reports: number; violations: number; caps: number; councils: number; version: string }>`
        select (select count(*)::int from price_reports) as reports,
               (select count(*)::int from price_violations) as violations,
               (select count(*)::int from price_caps where status = 'adopted') as caps,
               (select count(*)::int from councils) as councils,
               current_setting('server_version') as version`.execute(db)
    ).rows[0]!;
    if (facts.reports !== REPORTS)
      throw new Error(`${DB_NAME} holds ${facts.reports} reports, not ${REPORTS}: rerun with --rebuild`);
    say(
      `check: ${facts.councils} councils, ${facts.caps} caps in force, ${facts.reports} reports, ${facts.violations} violations`,
    );
    const bases = (
      await sql<{ id: string; person_id: string }>`
        select c.id, m.person_id from councils c join memberships m on m.council_id = c.id
         where c.depth = 3 order by c.seq`.execute(db)
    ).rows;
    const items = (
      await sql<{ id: string }>`select id from items where name like 'Bench item %' order by name`.execute(db)
    ).rows;
    // The R new reports: every 7th base, every item in turn, a sack one time in five, prices per kg from
    // 6.00 to 11.90 in 10-centavo steps (caps run from 7.00 to 11.00), dated in 2025 and 2026.
    const inputs = Array.from({ length: runs }, (_, i) => {
      const base = bases[(i * 7) % bases.length]!;
      const sack = i % 5 === 0;
      const perKgCents = 600 + ((i * 37) % 60) * 10;
      const input: ReportPriceInput = {
        seller: `Seller ${(i * 13) % SELLERS}`,
        market: 'Bench market',
        itemId: items[i % items.length]!.id,
        quantity: '1',
        unit: sack ? 'sack 50 kg' : 'kg',
        price: ((perKgCents * (sack ? 50 : 1)) / 100).toFixed(2),
        currency: 'BOB',
        observedOn: i % 2 === 0 ? '2025-06-15' : '2026-06-15',
        note: null,
      };
      return { base, input };
    });
    const viewer = (personId: string): Viewer => ({
      personId,
      fullName: 'Bench reporter',
      isAdmin: false,
      csrfToken: '',
      sessionHash: '',
    });
    const load = loadavg()[0]!.toFixed(2);
    const lineage = new Map<string, number[]>();
    for (const b of bases) lineage.set(b.id, lineageSeqs((await findCouncil(db, b.id))!));

    // The check query alone, as reportPrice runs it (one warm-up pass first).
    for (const { base, input } of inputs.slice(0, 50))
      await capInForce(db, lineage.get(base.id)!, input.itemId, 'BOB', input.observedOn);
    const queryMs: number[] = [];
    for (const { base, input } of inputs) {
      const t0 = performance.now();
      await capInForce(db, lineage.get(base.id)!, input.itemId, 'BOB', input.observedOn);
      queryMs.push(performance.now() - t0);
    }
    const first = inputs[0]!;
    const plan = (
      await sql<{ 'QUERY PLAN': string }>`explain (analyze, costs off, timing off, summary off)
        ${capInForceQuery(lineage.get(first.base.id)!, first.input.itemId, 'BOB', first.input.observedOn)}`.execute(
        db,
      )
    ).rows.map((r) => r['QUERY PLAN']);

    // The use case, committed: one report at a time.
    const useCaseMs: number[] = [];
    const made: Array<{ reportId: string; violationId: string | null }> = [];
    try {
      for (const { base, input } of inputs) {
        const t0 = performance.now();
        made.push(await reportPrice(db, viewer(base.person_id), base.id, input));
        useCaseMs.push(performance.now() - t0);
      }
      const ids = made.map((m) => m.reportId);
      const expected = (
        await sql<{ n: number }>`
          select count(*)::int as n from price_reports r
            join councils me on me.id = r.council_id
           cross join lateral (
             select p.cap_cents from councils a
               join price_caps p on p.council_id = a.id and p.item_id = r.item_id and p.currency = r.currency
                                and p.status = 'adopted'
              where starts_with(me.path, a.path) and p.valid_from <= r.observed_on
                and (p.valid_to is null or p.valid_to >= r.observed_on)
              order by p.cap_cents limit 1) cap
           where r.id = any(${ids}::uuid[])
             and r.price_cents::numeric * 1000 > cap.cap_cents::numeric * r.quantity_milli`.execute(db)
      ).rows[0]!.n;
      const got = made.filter((m) => m.violationId !== null).length;
      if (got !== expected) throw new Error(`WRONG: ${got} violations made, ${expected} expected`);
      say(`check: ${got} of ${runs} new reports above the cap in force, as the independent query finds`);

      console.log(
        `\nmachine: ${availableParallelism()} CPUs, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, PostgreSQL ${facts.version}, ` +
          `Node ${process.version}; load average ${load} before timing, ${loadavg()[0]!.toFixed(2)} after`,
      );
      console.log(
        `data: ${facts.councils} councils on 4 levels, ${facts.caps} caps in force, ${facts.reports.toLocaleString('en')} reports, ` +
          `${facts.violations.toLocaleString('en')} violations; ${runs} new reports, ${got} above the cap\n`,
      );
      console.log('| measure | median ms | p99 ms | target |\n|---|---|---|---|');
      console.log(
        `| reportPrice use case (check + report + violation + ledger, committed) | ${median(useCaseMs).toFixed(2)} | ${p99(useCaseMs).toFixed(2)} | |`,
      );
      console.log(
        `| violation check query alone (store capInForce) | ${median(queryMs).toFixed(2)} | ${p99(queryMs).toFixed(2)} | ≤ ${TARGET_MS} ms |`,
      );
      console.log(`\nplan of the check query:\n${plan.map((l) => `    ${l}`).join('\n')}`);
      console.log(
        `\nviolation check target ≤ ${TARGET_MS} ms: ${median(queryMs) <= TARGET_MS ? 'met' : 'MISSED'} (median ${median(queryMs).toFixed(2)} ms; ` +
          `the whole use case ${median(useCaseMs).toFixed(2)} ms)`,
      );
    } finally {
      const ids = made.map((m) => m.reportId);
      await db.transaction().execute(async (tx) => {
        await sql`delete from price_violations where report_id = any(${ids}::uuid[])`.execute(tx);
        await sql`delete from price_reports where id = any(${ids}::uuid[])`.execute(tx);
      });
      say(`removed the ${ids.length} reports this run made and their violations`);
    }
  } finally {
    await handle.close();
  }
}
