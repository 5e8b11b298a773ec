// Invariant 2 at the level of the schema (ADR 0005): nothing stored can link a secret ballot to its voter.
// secret_ballots has exactly the columns it needs — no person, no mandate, no time, no serial — and its key
// is a random v4 uuid; no foreign key, view or column joins it to poll_voters. Each check is a query over
// the catalogue, and each is shown to fail on a copy of the table with a linking column added.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../platform/database.ts';
import { startTestServer, type TestServer } from '../test-factories.ts';

let s: TestServer;

beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => s.close());

/** Tables that name or date a voter: nothing about a secret ballot may point at them. */
const LINKING_TABLES = ['persons', 'accounts', 'mandates', 'poll_voters', 'named_ballots', 'attendance'];

interface ColumnFacts {
  name: string;
  type: string;
  default_expr: string | null;
  identity: string;
  generated: string;
}

async function columnsOf(db: Db, relation: string): Promise<ColumnFacts[]> {
  const { rows } = await sql<ColumnFacts>`
    select a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
           pg_get_expr(d.adbin, d.adrelid) as default_expr, a.attidentity::text as identity,
           a.attgenerated::text as generated
      from pg_attribute a left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
     where a.attrelid = ${relation}::regclass and a.attnum > 0 and not a.attisdropped
     order by a.attnum`.execute(db);
  return rows;
}

/** Every way `relation` could tie a ballot to a voter or to the moment it was cast; [] when none. */
async function linkingProblems(db: Db, relation: string): Promise<string[]> {
  const problems: string[] = [];
  for (const c of await columnsOf(db, relation)) {
    if (/time|date|interval/i.test(c.type)) problems.push(`${c.name} is a ${c.type}`);
    if (c.identity !== '') problems.push(`${c.name} is an identity column`);
    if (c.generated !== '') problems.push(`${c.name} is generated`);
    if (c.default_expr !== null && !/^gen_random_uuid\(\)$/.test(c.default_expr))
      problems.push(`${c.name} defaults to ${c.default_expr}`);
    if (/person|mandate|voter|cast|created|at$/i.test(c.name))
      problems.push(`${c.name} names a voter or a time`);
  }
  const { rows: references } = await sql<{ target: string }>`
    select confrelid::regclass::text as target from pg_constraint
     where contype = 'f' and conrelid = ${relation}::regclass`.execute(db);
  for (const r of references)
    if (LINKING_TABLES.includes(r.target)) problems.push(`a foreign key references ${r.target}`);
  const { rows: sequences } = await sql<{ seq: string }>`
    select d.objid::regclass::text as seq from pg_depend d join pg_class c on c.oid = d.objid
     where d.refobjid = ${relation}::regclass and c.relkind = 'S'`.execute(db);
  for (const r of sequences) problems.push(`owns the sequence ${r.seq}`);
  const { rows: triggers } = await sql<{ name: string }>`
    select tgname as name from pg_trigger where tgrelid = ${relation}::regclass and not tgisinternal`.execute(
    db,
  );
  for (const r of triggers) problems.push(`has the trigger ${r.name}`);
  return problems;
}

/** Views (any schema but the catalogue's) whose definition reads both tables. */
async function viewsJoining(db: Db, a: string, b: string): Promise<string[]> {
  const { rows } = await sql<{ name: string; definition: string }>`
    select schemaname || '.' || viewname as name, definition from pg_views
     where schemaname not in ('pg_catalog', 'information_schema')
    union all
    select schemaname || '.' || matviewname, definition from pg_matviews`.execute(db);
  const mentions = (text: string, table: string) => new RegExp(`\\b${table}\\b`).test(text);
  return rows.filter((v) => mentions(v.definition, a) && mentions(v.definition, b)).map((v) => v.name);
}

describe('the schema of secret ballots', () => {
  it('has exactly the columns a ballot needs, and a random v4 uuid for a key', async () => {
    const columns = await columnsOf(s.db, 'secret_ballots');
    expect(columns.map((c) => [c.name, c.type])).toEqual([
      ['id', 'uuid'],
      ['poll_id', 'uuid'],
      ['receipt_code', 'text'],
      ['contents', 'jsonb'],
      ['weight_millis', 'integer'],
      ['base_council_id', 'uuid'],
    ]);
    expect(columns.filter((c) => c.default_expr !== null).map((c) => [c.name, c.default_expr])).toEqual([
      ['id', 'gen_random_uuid()'],
    ]);
    const { rows: key } = await sql<{ columns: string[] }>`
      select array(select a.attname::text from unnest(c.conkey) k join pg_attribute a
                    on a.attrelid = c.conrelid and a.attnum = k) as columns
        from pg_constraint c where c.conrelid = 'secret_ballots'::regclass and c.contype = 'p'`.execute(s.db);
    expect(key).toEqual([{ columns: ['id'] }]);
    expect(await linkingProblems(s.db, 'secret_ballots')).toEqual([]);
  });

  it('references only the poll and the base council, and nothing references it', async () => {
    const { rows: outgoing } = await sql<{ target: string }>`
      select confrelid::regclass::text as target from pg_constraint
       where contype = 'f' and conrelid = 'secret_ballots'::regclass order by 1`.execute(s.db);
    expect(outgoing.map((r) => r.target)).toEqual(['councils', 'polls']);
    const { rows: incoming } = await sql<{ source: string }>`
      select conrelid::regclass::text as source from pg_constraint
       where contype = 'f' and confrelid = 'secret_ballots'::regclass`.execute(s.db);
    expect(incoming).toEqual([]);
  });

  it('keeps who voted apart: poll_voters has no column that could point at a ballot', async () => {
    const columns = await columnsOf(s.db, 'poll_voters');
    expect(columns.map((c) => c.name)).toEqual(['poll_id', 'person_id', 'mandate_id', 'voted_at']);
    const { rows } = await sql<{ target: string }>`
      select confrelid::regclass::text as target from pg_constraint
       where contype = 'f' and conrelid = 'poll_voters'::regclass order by 1`.execute(s.db);
    expect(rows.map((r) => r.target)).toEqual(['mandates', 'persons', 'polls']);
  });

  it('has no view that reads both secret_ballots and poll_voters', async () => {
    expect(await viewsJoining(s.db, 'secret_ballots', 'poll_voters')).toEqual([]);
  });

  it('would fail on a copy with a cast time, a voter, a serial, a trigger or a joining view', async () => {
    await s.db
      .transaction()
      .execute(async (tx) => {
        await sql`create table probe (like secret_ballots including all)`.execute(tx);
        expect(await linkingProblems(tx, 'probe')).toEqual([]);
        await sql`alter table probe add column cast_at timestamptz default now()`.execute(tx);
        await sql`alter table probe add column voter uuid references persons (id)`.execute(tx);
        await sql`alter table probe add column n bigserial`.execute(tx);
        await sql`create function probe_touch() returns trigger language plpgsql as $$ begin return new; end $$`.execute(
          tx,
        );
        await sql`create trigger probe_touch before insert on probe for each row execute function probe_touch()`.execute(
          tx,
        );
        const problems = await linkingProblems(tx, 'probe');
        expect(problems).toEqual(
          expect.arrayContaining([
            'cast_at is a timestamp with time zone',
            'cast_at defaults to now()',
            'a foreign key references persons',
            "n defaults to nextval('probe_n_seq'::regclass)",
            'has the trigger probe_touch',
          ]),
        );
        expect(problems.some((p) => p.startsWith('owns the sequence'))).toBe(true);
        expect(problems).toContain('voter names a voter or a time');

        await sql`create view probe_link as
                    select v.person_id, b.contents from poll_voters v join secret_ballots b using (poll_id)`.execute(
          tx,
        );
        expect(await viewsJoining(tx, 'secret_ballots', 'poll_voters')).toEqual([
          expect.stringMatching(/\.probe_link$/),
        ]);
        // Undo everything the probe created: DDL is transactional, so nobody else ever sees it.
        throw new Error('rollback');
      })
      .catch((error: unknown) => {
        if (!(error instanceof Error && error.message === 'rollback')) throw error;
      });
    expect(await viewsJoining(s.db, 'secret_ballots', 'poll_voters')).toEqual([]);
  });
});
