// Seeding for the actions benchmark (bench/actions.bench.ts), set-based so a national federation is
// built in about a minute: a tree national → 9 regions → federations → base councils, `membersPer`
// persons per base council, each with an account, a live session (cookie token + CSRF token derived
// from the seed, so the load generator recomputes them instead of holding a million strings) and an
// active membership; then a national officer proposes a strike over the whole tree through the product's
// own use case (proposeCollectiveAction: the action and its 100,000 action_councils rows), and the call
// is adopted by SQL that mirrors what closing the vote writes (action-subject.ts `decided`): the decision
// adopted, the action called, the ledger entry and the notice — the national body's vote itself (seated
// delegates, a poll) is not what this benchmark measures.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { findCollectiveAction } from '../server/actions/collective-actions.store.ts';
import { proposeCollectiveAction } from '../server/actions/propose-collective-action.ts';
import { insertOffice } from '../server/federation/index.ts';
import type { Db } from '../server/platform/database.ts';
import { appendLedgerEntry } from '../server/platform/ledger.ts';
import { viewerOf } from '../server/test-factories.ts';
import { say } from './bench-database.ts';

export interface Shape {
  regions: number;
  federations: number;
  councils: number;
  membersPer: number;
}

/** 9 regions, ~111 base councils per federation (100,000 → 900 federations). */
export function shapeFor(councils: number, membersPer: number): Shape {
  const regions = Math.min(9, councils);
  const federations = Math.max(regions, Math.round(councils / 111));
  return { regions, federations, councils, membersPer };
}

const hex = (what: string) => createHash('sha256').update(what).digest('hex');
/** Person g's session cookie token, its CSRF token: the same text the seeding SQL computes. */
export const sessionToken = (seed: number, g: number) => hex(`bench-actions-session-${seed}-${g}`);
export const csrfToken = (seed: number, g: number) => hex(`bench-actions-csrf-${seed}-${g}`).slice(0, 32);
const sqlHex = (text: string) => `encode(sha256(convert_to(${text}, 'UTF8')), 'hex')`;

/** Councils, persons, accounts, sessions and memberships; returns the national council's id. */
export async function seedFederation(url: string, seed: number, shape: Shape): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const run = async (what: string, text: string, values: unknown[] = []) => {
    say(`${what} …`);
    await client.query(text, values);
  };
  try {
    await client.query(
      `set synchronous_commit = off; set maintenance_work_mem = '256MB'; set work_mem = '128MB'`,
    );
    await client.query('begin');
    const levels = [1, shape.regions, shape.federations, shape.councils];
    const names = ['national', 'regional', 'local'];
    let first = 1;
    for (const [depth, count] of levels.entries()) {
      const parentCount = levels[depth - 1] ?? 0;
      const parentFirst = first - parentCount;
      const base = depth === levels.length - 1;
      await run(
        `councils at depth ${depth}: ${count.toLocaleString('en')}`,
        `insert into councils (seq, name, kind, level, territory, parent_id, path, depth)
         overriding system value
         select s.seq, ${base ? `'Council ' || s.seq` : `'${names[depth]} federation ' || s.seq`},
                ${base ? `(array['factory','mine','office','village','neighbourhood','union'])[1 + s.seq % 6]` : `'federation'`},
                ${base ? 'null' : `'${names[depth]}'`}, 'Territory ' || (s.seq % 9973),
                p.id, coalesce(p.path, '/') || s.seq || '/', ${depth}
           from (select ${first} + g.j as seq, g.j from generate_series(0, ${count - 1}) g(j)) s
           left join councils p on p.seq = ${parentFirst} + (s.j::bigint * ${parentCount}) / ${count}
            and ${depth} > 0`,
      );
      first += count;
    }
    await client.query(`select setval(pg_get_serial_sequence('councils', 'seq'), ${first - 1})`);
    const persons = shape.councils * shape.membersPer;
    const baseFirst = first - shape.councils;
    const person = (g: string) => `md5('bench-actions-person-' || ${g})::uuid`;
    await run(
      `persons and accounts: ${persons.toLocaleString('en')}`,
      `insert into persons (id, full_name, created_at)
       select ${person('g')}, 'Member ' || g, timestamptz '2020-01-01' from generate_series(0, $1::int - 1) g;
       insert into accounts (person_id, login, login_kind, password_hash)
       select ${person('g')}, 'member' || g || '@example.org', 'email', null from generate_series(0, $1::int - 1) g`.replace(
        /\$1/g,
        String(persons),
      ),
    );
    // Person g is a member of base council number g / membersPer.
    await run(
      `memberships: ${persons.toLocaleString('en')} (${shape.membersPer} per base council, all active)`,
      `insert into memberships (id, council_id, person_id, status, joined_at)
       select md5('bench-actions-membership-' || g)::uuid, c.id, ${person('g')}, 'active', timestamptz '2020-01-01'
         from generate_series(0, $1::int - 1) g join councils c on c.seq = $2::bigint + g / $3::int`,
      [persons, baseFirst, shape.membersPer],
    );
    // The membership use cases keep direct_members exact; a bulk insert does it by hand.
    await run(
      'direct_members',
      `update councils set direct_members = $1 where depth = ${levels.length - 1}`,
      [shape.membersPer],
    );
    const token = `'bench-actions-session-${seed}-' || g`;
    await run(
      `sessions: ${persons.toLocaleString('en')} (cookie token and CSRF token per member)`,
      `insert into sessions (token_hash, person_id, csrf_token, expires_at)
       select ${sqlHex(sqlHex(token))}, ${person('g')}, left(${sqlHex(`'bench-actions-csrf-${seed}-' || g`)}, 32),
              now() + interval '2 days'
         from generate_series(0, $1::int - 1) g`,
      [persons],
    );
    await client.query('commit');
    await run('vacuum analyze', 'vacuum analyze');
    const { rows } = await client.query<{ id: string }>('select id from councils where seq = 1');
    return rows[0]!.id;
  } finally {
    await client.end();
  }
}

/**
 * The national strike: proposed through proposeCollectiveAction by the national chair (a person of its
 * own, not a pledger), called by the SQL mirror of the vote's closing (see the file comment).
 */
export async function callNationalAction(db: Db, nationalId: string): Promise<string> {
  const chair = '00000000-0000-4000-8000-00000000c4a1';
  await sql`insert into persons (id, full_name) values (${chair}, 'National chair')`.execute(db);
  await insertOffice(db, nationalId, 'chair', chair);
  const { action, decision } = await proposeCollectiveAction(db, viewerOf(chair), nationalId, {
    kind: 'strike',
    title: 'Huelga general nacional',
    description: 'Against the price of diesel',
    startsAt: '2026-12-01T06:00:00Z',
    endsAt: null,
    liftingConditions: 'Diesel back at 3.72 BOB per litre',
    scopeCouncilIds: null,
    coordinatorIds: [],
  });
  await db.transaction().execute(async (tx) => {
    await findCollectiveAction(tx, action.id, 'no-key-update');
    const at = (await sql<{ at: string }>`select clock_timestamp()::text as at`.execute(tx)).rows[0]!.at;
    const summary = 'Adopted (benchmark seed: the call is written as the vote would, without the vote)';
    await sql`update action_decisions set status = 'adopted', decided_at = ${at}::timestamptz,
                     decision_summary = ${summary} where id = ${decision.id}`.execute(tx);
    await sql`update collective_actions set status = 'called', called_at = ${at}::timestamptz
               where id = ${action.id}`.execute(tx);
    await appendLedgerEntry(tx, {
      chainId: nationalId,
      kind: 'collective-action.call-adopted',
      actorPersonId: null,
      payload: { actionId: action.id, decisionId: decision.id, pollId: null, status: 'called', summary },
    });
    await sql`insert into action_notices (action_id, kind, text, at)
              values (${action.id}, 'called', ${`${action.title}: called.`}, ${at}::timestamptz)`.execute(tx);
  });
  await sql`analyze action_councils`.execute(db);
  return action.id;
}
