import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../platform/ledger.ts';
import {
  buildAdmin,
  buildCouncil,
  buildMember,
  startTestServer,
  TestClient,
  type TestServer,
  tableCounts,
} from '../test-factories.ts';
import { insertOffice, recomputeApportionmentsAbove } from './index.ts';

let s: TestServer;
let admin: TestClient;

beforeAll(async () => {
  s = await startTestServer();
  admin = await TestClient.signedIn(s.app, (await buildAdmin(s.db)).login);
});
afterAll(async () => s.close());

/**
 * `n` active members in one statement, for worked examples with thousands of members; the count is
 * recomputed as the member import does, so roll-ups see exactly these memberships.
 */
async function addMembers(councilId: string, n: number) {
  await sql`
    with p as (insert into persons (full_name) select 'Member ' || g from generate_series(1, ${n}::int) g returning id)
    insert into memberships (council_id, person_id, status) select ${councilId}, id, 'active' from p`.execute(
    s.db,
  );
  await sql`update councils set direct_members =
              (select count(*)::int from memberships where council_id = ${councilId} and status = 'active')
             where id = ${councilId}`.execute(s.db);
}

/** A regional federation whose children are base councils with the given members, named by key. */
async function federationWith(members: Record<string, number>, parentId: string | null = null) {
  const federation = await buildCouncil(s.db, { kind: 'federation', level: 'regional', parentId });
  const ids: Record<string, string> = {};
  for (const [name, n] of Object.entries(members)) {
    ids[name] = await buildCouncil(s.db, { kind: 'village', parentId: federation, name });
    await addMembers(ids[name]!, n);
  }
  return { federation, ids };
}

const setRule = (client: TestClient, federation: string, body: unknown) =>
  client.request('PUT', `/api/v1/councils/${federation}/apportionment-rule`, body);
const recompute = (client: TestClient, federation: string, body: unknown = {}) =>
  client.request('POST', `/api/v1/councils/${federation}/apportionment`, body);

type Row = { name: string; seats: number; quotient: string | null; remainder: string | null };
const seatsByName = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.name, r.seats]));

async function chainOf(federation: string) {
  const { rows } = await sql<{ id: string; seq: number; previous_id: string | null }>`
    select id, seq, previous_id from apportionments where council_id = ${federation} order by seq`.execute(
    s.db,
  );
  return rows;
}

/** One chain: seq 1…n, each record pointing to the one before, no record pointed to twice. */
function expectLinear(chain: Array<{ id: string; seq: number; previous_id: string | null }>) {
  expect(chain.map((r) => r.seq)).toEqual(chain.map((_, i) => i + 1));
  expect(chain.map((r) => r.previous_id)).toEqual([null, ...chain.slice(0, -1).map((r) => r.id)]);
  expect(new Set(chain.map((r) => r.previous_id)).size).toBe(chain.length);
}

describe('apportionment of a federated council', () => {
  it("gives the Honikel 10-seat example its D'Hondt, Sainte-Laguë and Hamilton seats, each table pointing to the one before", async () => {
    // staatsrecht.honikel.de, "Berechnungsbeispiele – Lösungen" (the source of the core tests): 6100, 5000
    // and 900; B is itself a federation whose two councils hold its 5000 members.
    const federation = await buildCouncil(s.db, { kind: 'federation', level: 'regional' });
    const a = await buildCouncil(s.db, { kind: 'village', parentId: federation, name: 'A' });
    const b = await buildCouncil(s.db, {
      kind: 'federation',
      level: 'local',
      parentId: federation,
      name: 'B',
    });
    const c = await buildCouncil(s.db, { kind: 'village', parentId: federation, name: 'C' });
    await addMembers(a, 6100);
    await addMembers(await buildCouncil(s.db, { kind: 'mine', parentId: b }), 3000);
    await addMembers(await buildCouncil(s.db, { kind: 'factory', parentId: b }), 2000);
    await addMembers(c, 900);

    expect((await setRule(admin, federation, { method: 'dhondt', totalSeats: 10 })).statusCode).toBe(200);
    const dhondt = await recompute(admin, federation);
    expect(dhondt.statusCode).toBe(201);
    expect(dhondt.json()).toMatchObject({ seq: 1, previousId: null, method: 'dhondt', totalSeats: 10 });
    expect(dhondt.json().rows).toEqual([
      {
        councilId: a,
        name: 'A',
        members: 6100,
        seats: 6,
        quotient: '1016.666666',
        remainder: null,
        minimumApplied: false,
      },
      {
        councilId: b,
        name: 'B',
        members: 5000,
        seats: 4,
        quotient: '1250.000000',
        remainder: null,
        minimumApplied: false,
      },
      {
        councilId: c,
        name: 'C',
        members: 900,
        seats: 0,
        quotient: null,
        remainder: null,
        minimumApplied: false,
      },
    ]);

    await setRule(admin, federation, { method: 'sainte-lague', totalSeats: 10 });
    const sainteLague = (await recompute(admin, federation)).json();
    expect(seatsByName(sainteLague.rows)).toEqual({ A: 5, B: 4, C: 1 });
    expect(sainteLague).toMatchObject({ seq: 2, previousId: dhondt.json().id });

    await setRule(admin, federation, { method: 'hamilton', totalSeats: 10 });
    const hamilton = (await recompute(admin, federation)).json();
    expect(hamilton.rows.map((r: Row) => [r.name, r.seats, r.quotient, r.remainder])).toEqual([
      ['A', 5, '5.083333', '0.083333'],
      ['B', 4, '4.166666', '0.166666'],
      ['C', 1, '0.750000', '0.750000'],
    ]);
    expect(hamilton.previousId).toBe(sainteLague.id);

    const anyone = await TestClient.anonymous(s.app);
    const page = (await anyone.request('GET', `/api/v1/councils/${federation}/apportionment`)).json();
    expect(page.rule).toMatchObject({
      method: 'hamilton',
      totalSeats: 10,
      seatsPerChild: null,
      minimumPerChild: 0,
    });
    expect(page.current.id).toBe(hamilton.id);
    expect(
      page.current.rows.map((r: Row & { previousSeats: number }) => [r.name, r.seats, r.previousSeats]),
    ).toEqual([
      ['A', 5, 5],
      ['B', 4, 4],
      ['C', 1, 1],
    ]);
    expect(page.previous).toMatchObject({ id: sainteLague.id, seq: 2, totalSeats: 10 });
    const history = (
      await anyone.request('GET', `/api/v1/councils/${federation}/apportionment/history`)
    ).json();
    expect(history.entries.map((e: { method: string }) => e.method)).toEqual([
      'hamilton',
      'sainte-lague',
      'dhondt',
    ]);
    const older = await anyone.request(
      'GET',
      `/api/v1/councils/${federation}/apportionment/history?before=3&limit=1`,
    );
    expect(older.json().entries.map((e: { seq: number }) => e.seq)).toEqual([2]);
  });

  it('shows the Alabama paradox when a Hamilton house grows from 10 to 11 seats', async () => {
    // Wikipedia, "Apportionment paradox", § Alabama paradox: 6, 6 and 2 give 4, 4, 2, then 5, 5, 1.
    const { federation } = await federationWith({ A: 6, B: 6, C: 2 });
    await setRule(admin, federation, { method: 'hamilton', totalSeats: 10 });
    expect(seatsByName((await recompute(admin, federation)).json().rows)).toEqual({ A: 4, B: 4, C: 2 });
    await setRule(admin, federation, { method: 'hamilton', totalSeats: 11 });
    expect(seatsByName((await recompute(admin, federation)).json().rows)).toEqual({ A: 5, B: 5, C: 1 });
    const page = (await admin.request('GET', `/api/v1/councils/${federation}/apportionment`)).json();
    expect(page.current.rows.find((r: Row) => r.name === 'C')).toMatchObject({ seats: 1, previousSeats: 2 });
  });

  it('gives every child the fixed number of seats, whatever its members', async () => {
    const { federation } = await federationWith({ A: 500, B: 3, C: 0 });
    await setRule(admin, federation, { method: 'fixed', seatsPerChild: 2 });
    const table = (await recompute(admin, federation)).json();
    expect(table).toMatchObject({ method: 'fixed', totalSeats: 6, seatsPerChild: 2 });
    expect(seatsByName(table.rows)).toEqual({ A: 2, B: 2, C: 2 });
  });

  it('records a new table pointing to the previous one after memberships change, and refuses a recompute with nothing changed', async () => {
    const { federation, ids } = await federationWith({ A: 2, B: 1 });
    await setRule(admin, federation, { method: 'sainte-lague', totalSeats: 3 });
    const first = (await recompute(admin, federation)).json();
    expect(seatsByName(first.rows)).toEqual({ A: 2, B: 1 });

    const unchanged = await recompute(admin, federation);
    expect(unchanged.statusCode).toBe(409);
    expect(unchanged.json().error.code).toBe('apportionment-unchanged');

    for (let i = 0; i < 3; i++) await buildMember(s.db, ids.B!);
    const second = await recompute(admin, federation);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({ seq: 2, previousId: first.id });
    expect(second.json().rows.map((r: Row & { members: number }) => [r.name, r.members, r.seats])).toEqual([
      ['A', 2, 1],
      ['B', 4, 2],
    ]);
    expectLinear(await chainOf(federation));

    const ledger = (await admin.request('GET', `/api/v1/councils/${federation}/ledger`)).json();
    expect(ledger.verified).toBe(true);
    expect(ledger.entries.map((e: { kind: string }) => e.kind).slice(0, 3)).toEqual([
      'seats.apportioned',
      'seats.apportioned',
      'apportionment-rule.set',
    ]);
    expect(ledger.entries[0].payload).toMatchObject({
      apportionmentId: second.json().id,
      previousId: first.id,
      seq: 2,
    });
  });

  it('takes effect at a later date when asked, and never at a past one', async () => {
    const { federation } = await federationWith({ A: 1, B: 1 });
    await setRule(admin, federation, { method: 'dhondt', totalSeats: 2 });
    const past = await recompute(admin, federation, { effectiveAt: '2020-01-01T00:00:00Z' });
    expect(past.statusCode).toBe(400);
    expect(past.json().error).toMatchObject({ code: 'effective-at-in-past', field: 'effectiveAt' });
    const later = await recompute(admin, federation, { effectiveAt: '2999-06-01T12:00:00+02:00' });
    expect(later.statusCode).toBe(201);
    expect(later.json().effectiveAt).toBe('2999-06-01T10:00:00.000Z');
  });

  it('recomputes the tables of every federation above a council whose members changed, for the membership use cases', async () => {
    const national = await buildCouncil(s.db, { kind: 'federation', level: 'national' });
    const regional = await buildCouncil(s.db, { kind: 'federation', level: 'regional', parentId: national });
    const other = await buildCouncil(s.db, { kind: 'village', parentId: national });
    const base = await buildCouncil(s.db, { kind: 'village', parentId: regional, name: 'Base' });
    const sibling = await buildCouncil(s.db, { kind: 'village', parentId: regional, name: 'Sibling' });
    await addMembers(base, 3);
    await addMembers(sibling, 3);
    await addMembers(other, 6);
    await setRule(admin, national, { method: 'dhondt', totalSeats: 3 });
    await setRule(admin, regional, { method: 'hamilton', totalSeats: 6 });

    await addMembers(base, 3);
    const outcomes = await recomputeApportionmentsAbove(s.db, base);
    expect(outcomes.map((o) => [o.councilId, o.recorded])).toEqual([
      [regional, true],
      [national, true],
    ]);
    const regionalPage = (await admin.request('GET', `/api/v1/councils/${regional}/apportionment`)).json();
    expect(seatsByName(regionalPage.current.rows)).toEqual({ Base: 4, Sibling: 2 });
    const { rows } = await sql<{ actor_person_id: string | null }>`
      select actor_person_id from apportionments where council_id = ${national}`.execute(s.db);
    expect(rows).toEqual([{ actor_person_id: null }]);

    expect(await recomputeApportionmentsAbove(s.db, base)).toEqual([
      { councilId: regional, recorded: false, reason: 'apportionment-unchanged' },
      { councilId: national, recorded: false, reason: 'apportionment-unchanged' },
    ]);
  });
});

describe('who may apportion seats', () => {
  it('lets leading officers of the federation or above and the administrator set the rule, not members or others', async () => {
    const national = await buildCouncil(s.db, { kind: 'federation', level: 'national' });
    const { federation, ids } = await federationWith({ A: 3, B: 2 }, national);
    const signIn = async (login: string) => TestClient.signedIn(s.app, login);
    const member = await buildMember(s.db, ids.A!);
    const secretary = await buildMember(s.db, ids.A!);
    const treasurer = await buildMember(s.db, ids.B!);
    const childSecretary = await buildMember(s.db, ids.B!);
    const chairAbove = await buildMember(s.db, ids.B!);
    await insertOffice(s.db, federation, 'secretary', secretary.personId);
    await insertOffice(s.db, federation, 'treasurer', treasurer.personId);
    await insertOffice(s.db, ids.B!, 'secretary', childSecretary.personId);
    await insertOffice(s.db, national, 'chair', chairAbove.personId);
    const rule = { method: 'dhondt', totalSeats: 5 };

    for (const who of [member, treasurer, childSecretary]) {
      const client = await signIn(who.login);
      const res = await setRule(client, federation, rule);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('not-permitted');
      expect((await recompute(client, federation)).statusCode).toBe(403);
    }
    const anonymous = await TestClient.anonymous(s.app);
    expect((await setRule(anonymous, federation, rule)).statusCode).toBe(401);
    expect((await recompute(anonymous, federation)).statusCode).toBe(401);
    expect(
      await sql`select 1 from apportionment_rules where council_id = ${federation}`.execute(s.db),
    ).toMatchObject({
      rows: [],
    });

    for (const [who, totalSeats] of [
      [secretary.login, 5],
      [chairAbove.login, 6],
      [(await buildAdmin(s.db)).login, 7],
    ] as const) {
      const client = await signIn(who);
      expect((await setRule(client, federation, { method: 'dhondt', totalSeats })).statusCode).toBe(200);
      expect((await recompute(client, federation)).json().totalSeats).toBe(totalSeats);
    }
    // The table is public.
    expect((await anonymous.request('GET', `/api/v1/councils/${federation}/apportionment`)).statusCode).toBe(
      200,
    );
  });
});

describe('bad input', () => {
  it('refuses malformed rules with a 400 naming the field, and writes nothing', async () => {
    const { federation } = await federationWith({ A: 1, B: 1 });
    const cases: Array<[unknown, string]> = [
      [{ method: 'borda', totalSeats: 5 }, 'method'],
      [{ method: 'dhondt', totalSeats: -3 }, 'totalSeats'],
      [{ method: 'dhondt', totalSeats: 0 }, 'totalSeats'],
      [{ method: 'dhondt', totalSeats: 2.5 }, 'totalSeats'],
      [{ method: 'dhondt', totalSeats: '10' }, 'totalSeats'],
      [{ method: 'dhondt', totalSeats: 100_001 }, 'totalSeats'],
      [{ method: 'dhondt' }, 'totalSeats'],
      [{ method: 'hamilton', totalSeats: 5, minimumPerChild: -1 }, 'minimumPerChild'],
      [{ method: 'hamilton', totalSeats: 5, seatsPerChild: 2 }, 'seatsPerChild'],
      [{ method: 'fixed', seatsPerChild: 2, totalSeats: 5 }, 'totalSeats'],
      [{ method: 'fixed', seatsPerChild: 'two' }, 'seatsPerChild'],
      [{ method: 'sainte-lague', totalSeats: 5, isAdmin: true }, 'isAdmin'],
    ];
    const before = await tableCounts(s.db);
    for (const [body, field] of cases) {
      const res = await setRule(admin, federation, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error, JSON.stringify(body)).toMatchObject({ code: 'invalid-request', field });
    }
    for (const [body, field] of [
      [{ effectiveAt: 'tomorrow' }, 'effectiveAt'],
      [{ effectiveAt: 5 }, 'effectiveAt'],
      [{ force: true }, 'force'],
    ] as const) {
      const res = await recompute(admin, federation, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'invalid-request', field });
    }
    expect(await tableCounts(s.db)).toEqual(before);
  });

  it('refuses a base council, a council without a rule, and a rule that does not fit its children, writing nothing', async () => {
    const { federation, ids } = await federationWith({ A: 1, B: 1, C: 1 });
    const empty = await buildCouncil(s.db, { kind: 'federation', level: 'local' });
    const before = await tableCounts(s.db);
    const base = await setRule(admin, ids.A!, { method: 'dhondt', totalSeats: 3 });
    expect(base.statusCode).toBe(400);
    expect(base.json().error).toMatchObject({ code: 'not-a-federation', field: 'id' });
    expect((await admin.request('GET', `/api/v1/councils/${ids.A}/apportionment`)).json().error.code).toBe(
      'not-a-federation',
    );
    expect((await recompute(admin, federation)).json().error.code).toBe('no-apportionment-rule');
    expect(await tableCounts(s.db)).toEqual(before);

    await setRule(admin, federation, { method: 'dhondt', totalSeats: 5, minimumPerChild: 2 });
    const afterRule = await tableCounts(s.db);
    const tooFew = await recompute(admin, federation);
    expect(tooFew.statusCode).toBe(409);
    expect(tooFew.json().error).toMatchObject({ code: 'minimum-exceeds-total', field: 'minimumPerChild' });
    await setRule(admin, empty, { method: 'dhondt', totalSeats: 5 });
    const noChildren = await recompute(admin, empty);
    expect(noChildren.json().error.code).toBe('no-children');
    expect((await tableCounts(s.db)).apportionments).toBe(afterRule.apportionments);
  });
});

describe('concurrent recomputes', () => {
  it('records one table when ten recomputes race over the same inputs', async () => {
    const { federation, ids } = await federationWith({ A: 5, B: 3 });
    await setRule(admin, federation, { method: 'dhondt', totalSeats: 4 });
    await recompute(admin, federation);
    await addMembers(ids.B!, 2);
    const responses = await Promise.all(Array.from({ length: 10 }, () => recompute(admin, federation)));
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, ...Array(9).fill(409)]);
    const chain = await chainOf(federation);
    expect(chain).toHaveLength(2);
    expectLinear(chain);
  });

  it('keeps one linear history when ten recomputes race ten membership changes', async () => {
    const { federation, ids } = await federationWith({ A: 4, B: 4, C: 4 });
    await setRule(admin, federation, { method: 'sainte-lague', totalSeats: 7 });
    await recompute(admin, federation);
    const children = [ids.A!, ids.B!, ids.C!];
    const responses = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        await buildMember(s.db, children[i % 3]!);
        return recompute(admin, federation);
      }),
    );
    const codes = responses.map((r) => r.statusCode);
    expect(
      codes.every((c) => c === 201 || c === 409),
      codes.join(),
    ).toBe(true);
    const chain = await chainOf(federation);
    expect(chain.length).toBe(1 + codes.filter((c) => c === 201).length);
    expectLinear(chain);
    // The last recompute to take the lock saw every membership: the head is the table of now.
    const head = (await admin.request('GET', `/api/v1/councils/${federation}/apportionment`)).json().current;
    expect(head.rows.map((r: { members: number }) => r.members)).toEqual([8, 7, 7]);
    const [verdict] = await verifyLedger(s.db, federation);
    expect(verdict?.firstBroken).toBeNull();
  });
});
