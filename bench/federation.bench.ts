// `npm run bench -- federation [--rebuild] [--runs R] [--explain]`
// A synthetic federation on the PostgreSQL server (DATABASE_URL / BENCH_DATABASE_URL, admin access):
// 100,000 councils over 6 levels and 5,000,000 memberships in the database cabildo_bench_federation,
// built once and reused while its marker matches. Times the product's rolled-up counts (rollUp over the
// materialised path) for the national node and one regional subtree against a naive recursive walk
// that counts memberships, plus the home page query; median of R runs after one warm-up.
import { availableParallelism, loadavg, totalmem } from 'node:os';
import { sql } from 'kysely';
import pg from 'pg';
import { rollUp, treeWithRollUps } from '../server/federation/councils.store.ts';
import { type Db, openDatabase } from '../server/platform/database.ts';
import { migrate } from '../server/platform/migrate.ts';
import { option, prepareDatabase, say, time, unitDraw } from './bench-database.ts';
import { median } from './bench-stats.ts';

const DB_NAME = 'cabildo_bench_federation';
const SEED = 20_250_601;
// Councils per depth: national, regions, provinces, municipalities, local federations, base councils.
const LEVELS = [1, 8, 64, 512, 4096, 95_319];
const LEVEL_NAMES = ['national', 'regional', 'provincial', 'municipal', 'local'];
const COUNCILS = LEVELS.reduce((s, n) => s + n, 0);
const MEMBERSHIPS = 5_000_000;
// Every person holds one membership; the last million memberships are second ones (workplace and
// neighbourhood), so the (council, person) pairs stay unique.
const PERSONS = 4_000_000;
const MARKER = `cabildo-bench-federation v1 seed=${SEED} levels=${LEVELS.join(',')} memberships=${MEMBERSHIPS}`;

// A uniform [0,1) draw from a row number: unlike random(), independent of plan and row order.
const unit = (expr: string, salt: number) => unitDraw(expr, SEED + salt);

async function generate(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const run = async (what: string, text: string) => {
    say(`${what} …`);
    await client.query(text);
  };
  try {
    await client.query(`set maintenance_work_mem = '512MB'; set work_mem = '256MB'`);
    let first = 1;
    for (const [depth, count] of LEVELS.entries()) {
      const parentFirst = first - (LEVELS[depth - 1] ?? 0);
      const parentCount = LEVELS[depth - 1] ?? 0;
      const base = depth === LEVELS.length - 1;
      const kind = base
        ? `(array['factory','mine','office','village','neighbourhood','union'])[1 + floor(${unit('g.j', 1)} * 6)::int]`
        : `'federation'`;
      await run(
        `councils at depth ${depth}: ${count.toLocaleString('en')}`,
        `insert into councils (seq, name, kind, level, territory, sector, parent_id, path, depth)
         overriding system value
         select s.seq, ${base ? `initcap(s.kind)` : `'${LEVEL_NAMES[depth]} federation'`} || ' ' || s.seq, s.kind, ${base ? 'null' : `'${LEVEL_NAMES[depth]}'`},
                'Territory ' || (s.seq % 9973), case when s.kind in ('factory','mine','office','union')
                  then (array['mining','textiles','metal','food','transport'])[1 + s.seq % 5] end,
                p.id, coalesce(p.path, '/') || s.seq || '/', ${depth}
           from (select ${first} + g.j as seq, g.j, ${kind} as kind from generate_series(0, ${count - 1}) g(j)) s
           left join councils p on p.seq = ${parentFirst} + (s.j * ${parentCount}) / ${count}
            and ${depth} > 0`,
      );
      first += count;
    }
    await client.query(`select setval(pg_get_serial_sequence('councils', 'seq'), ${COUNCILS})`);
    // About one base council in 400 is dissolved with its memberships left in place, as the product
    // does: roll-ups must leave them out.
    await run(
      'dissolving 1 in 400 base councils',
      `update councils set dissolved_at = timestamp '2024-06-01', dissolution_reason = 'merged'
        where depth = ${LEVELS.length - 1} and seq % 400 = 0`,
    );
    await run(
      `persons: ${PERSONS.toLocaleString('en')}`,
      `insert into persons (id, full_name, created_at)
       select md5('bench-person-' || g)::uuid, 'Person ' || g, timestamp '2015-01-01'
         from generate_series(1, ${PERSONS}) g`,
    );
    // Sizes by kind (mines and factories large, villages small) with jitter, apportioned by largest
    // remainder so the total is exactly MEMBERSHIPS.
    await run(
      'apportioning memberships to base councils',
      `create temp table sizes as
       with w as (
         select id, seq, (case kind when 'mine' then 140 when 'factory' then 100 when 'union' then 70
                  when 'neighbourhood' then 45 when 'office' then 35 else 25 end) * (0.5 + ${unit('seq', 2)}) as w
           from councils where depth = ${LEVELS.length - 1}),
       f as (select id, seq, w * ${MEMBERSHIPS} / sum(w) over () as exact from w),
       n as (select id, seq, floor(exact)::int as n, exact - floor(exact) as frac from f),
       r as (select id, seq, n + (row_number() over (order by frac desc, seq)
                      <= ${MEMBERSHIPS} - sum(n) over ())::int as n from n)
       select id, seq, n, sum(n) over (order by seq) - n + 1 as first_slot from r`,
    );
    const { rows: fences } = await client.query<{ c: string; def: string; kind: string }>(
      `select conname as c, pg_get_constraintdef(oid) as def, contype as kind from pg_constraint
        where conrelid = 'memberships'::regclass and contype in ('p', 'u', 'f') order by contype desc`,
    );
    const { rows: indexes } = await client.query<{ name: string; def: string }>(
      `select indexrelid::regclass::text as name, pg_get_indexdef(indexrelid) as def from pg_index i
        where indrelid = 'memberships'::regclass
          and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.conrelid = i.indrelid)`,
    );
    // Bulk load: the migrated indexes and constraints are dropped, then rebuilt from their own
    // definitions, so the final schema is exactly the product's and every row is still checked.
    for (const f of fences) await client.query(`alter table memberships drop constraint "${f.c}"`);
    for (const i of indexes) await client.query(`drop index ${i.name}`);
    await run(
      `memberships: ${MEMBERSHIPS.toLocaleString('en')} (≈96 % active, 3 % left, 1 % suspended)`,
      `insert into memberships (id, council_id, person_id, status, joined_at, left_at)
       select md5('bench-membership-' || k)::uuid, id,
              md5('bench-person-' || case when k <= ${PERSONS} then k else k - ${PERSONS} end)::uuid,
              case when u < 0.03 then 'left' when u < 0.04 then 'suspended' else 'active' end,
              timestamp '2015-01-01' + (u * 3000) * interval '1 day',
              case when u < 0.03 then timestamp '2024-01-01' end
         from (select id, k, ${unit('k', 3)} as u
                 from (select id, generate_series(first_slot, first_slot + n - 1) as k from sizes) s) t`,
    );
    for (const i of indexes) await run(`rebuilding ${i.name}`, i.def);
    for (const f of fences)
      await run(`rebuilding ${f.c}`, `alter table memberships add constraint "${f.c}" ${f.def}`);
    await run(
      'direct_members from active memberships',
      `update councils c set direct_members = m.n
         from (select council_id, count(*)::int as n from memberships where status = 'active' group by council_id) m
        where c.id = m.council_id`,
    );
    await run('vacuum analyze', 'vacuum analyze');
    await client.query(`comment on database ${DB_NAME} is '${MARKER}'`);
    say('generated');
  } finally {
    await client.end();
  }
}

// The honest naive way: walk the live tree by parent_id, then count its active memberships.
const naive = async (db: Db, id: string) =>
  (
    await sql<{ councils: number; members: number }>`
      with recursive sub as (
        select id from councils where id = ${id} and dissolved_at is null
        union all
        select c.id from councils c join sub on c.parent_id = sub.id where c.dissolved_at is null)
      select (select count(*)::int from sub) as councils,
             (select count(*)::int from memberships m
               where m.council_id in (select id from sub) and m.status = 'active') as members`.execute(db)
  ).rows[0]!;

export async function main(args: string[]): Promise<void> {
  const adminUrl =
    process.env.BENCH_DATABASE_URL ??
    process.env.DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/postgres';
  const runs = Number(option(args, '--runs', '5'));
  const { url, fresh } = await prepareDatabase(adminUrl, DB_NAME, MARKER, args.includes('--rebuild'));
  const handle = await openDatabase({ kind: 'postgres', url });
  try {
    const { applied } = await migrate(handle);
    if (applied.length) say(`migrations applied: ${applied.join(', ')}`);
    if (fresh) await generate(url);
    else say(`reusing ${DB_NAME} (pass --rebuild to regenerate)`);
    const db = handle.db;
    const facts = (
      await sql<{ councils: number; live: number; memberships: number; version: string }>`
        select (select count(*)::int from councils) as councils,
               (select count(*)::int from councils where dissolved_at is null) as live,
               (select count(*)::int from memberships) as memberships, current_setting('server_version') as version`.execute(
        db,
      )
    ).rows[0]!;
    if (facts.councils !== COUNCILS || facts.memberships !== MEMBERSHIPS)
      throw new Error(
        `${DB_NAME} holds ${facts.councils} councils and ${facts.memberships} memberships: rerun with --rebuild`,
      );
    const nodes = (
      await sql<{ id: string; path: string; label: string }>`
        select id, path, case depth when 0 then 'national' else name end as label
          from councils where seq in (1, 2) order by seq`.execute(db)
    ).rows;

    for (const n of nodes) {
      const product = await rollUp(db, n.path);
      const brute = await naive(db, n.id);
      if (product.councils !== brute.councils || product.members !== brute.members)
        throw new Error(
          `WRONG ROLL-UP for ${n.label}: product ${JSON.stringify(product)}, walk ${JSON.stringify(brute)}`,
        );
      say(
        `check ${n.label}: ${product.councils} live councils, ${product.members} active members — product = walk`,
      );
    }

    const load = loadavg()[0]!.toFixed(2);
    const rows: Array<{ query: string; result: string; ms: number[] }> = [];
    for (const n of nodes) {
      const p = await time(runs, () => rollUp(db, n.path));
      rows.push({
        query: `product rollUp(${n.label})`,
        result: `${p.result.councils} / ${p.result.members}`,
        ms: p.ms,
      });
      const w = await time(runs, () => naive(db, n.id));
      rows.push({
        query: `naive walk(${n.label})`,
        result: `${w.result.councils} / ${w.result.members}`,
        ms: w.ms,
      });
    }
    const home = await time(runs, () => treeWithRollUps(db, null, 1));
    rows.push({
      query: 'product treeWithRollUps(null, 1)',
      result: `${home.result.length} rows`,
      ms: home.ms,
    });

    console.log(
      `\nmachine: ${availableParallelism()} CPUs, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, PostgreSQL ${facts.version}, ` +
        `Node ${process.version}; load average ${load} before timing, ${loadavg()[0]!.toFixed(2)} after`,
    );
    console.log(
      `data: ${facts.councils} councils (${facts.live} live; per depth ${LEVELS.join(' / ')}), ${facts.memberships} memberships, ${PERSONS} persons`,
    );
    console.log(`median of ${runs} after one warm-up, ms (target ≤ 50 ms for product rollUp):\n`);
    console.log('| query | councils / members | median | min | max |\n|---|---|---|---|---|');
    for (const r of rows)
      console.log(
        `| ${r.query} | ${r.result} | ${median(r.ms).toFixed(2)} | ${Math.min(...r.ms).toFixed(2)} | ${Math.max(...r.ms).toFixed(2)} |`,
      );
    console.log('');
    for (const [i, n] of nodes.entries()) {
      const p = median(rows[2 * i]!.ms);
      const w = median(rows[2 * i + 1]!.ms);
      console.log(
        `${n.label}: naive / product = ${(w / p).toFixed(1)}×; product ${p <= 50 ? 'meets' : 'MISSES'} ≤ 50 ms`,
      );
    }
    if (args.includes('--explain'))
      for (const n of nodes) {
        const plan = await sql<{ 'QUERY PLAN': string }>`explain (analyze, buffers)
          select count(*)::int as councils, coalesce(sum(direct_members), 0)::int as members from councils
           where path >= ${n.path} and path < ${`${n.path.slice(0, -1)}0`} and dissolved_at is null`.execute(
          db,
        );
        console.log(`\n${n.label}:\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`);
      }
  } finally {
    await handle.close();
  }
}
