// Mandates issued from election results, the roll at an instant, the trace to the base council.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../platform/ledger.ts';
import {
  buildAdmin,
  buildApportionment,
  buildCouncil,
  buildElectionResult,
  buildMember,
  buildOfficer,
  startTestServer,
  TestClient,
  type TestServer,
  tableCounts,
} from '../test-factories.ts';

let s: TestServer;

beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => s.close());

const inOneYear = () => new Date(Date.now() + 365 * 24 * 3600 * 1000).toISOString();

/** The instant one microsecond before `iso`, as the database counts it. */
async function microBefore(iso: string): Promise<string> {
  const { rows } = await sql<{ at: string }>`
    select to_char((${iso}::timestamptz - interval '1 microsecond') at time zone 'UTC',
                   'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at`.execute(s.db);
  return rows[0]!.at;
}

const rollOf = async (councilId: string, at?: string) => {
  const anyone = await TestClient.anonymous(s.app);
  const res = await anyone.request(
    'GET',
    `/api/v1/councils/${councilId}/roll${at ? `?at=${encodeURIComponent(at)}` : ''}`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    seats: Array<{ holder: { id: string }; weightMillis: number; sendingCouncil: { id: string } }>;
    totalWeightMillis: number;
  };
};
const holders = (roll: { seats: Array<{ holder: { id: string } }> }) =>
  roll.seats.map((r) => r.holder.id).sort();

/** A local federation with two base councils of two seats each, and the given members in each. */
async function localFederation() {
  const local = await buildCouncil(s.db, { kind: 'federation', level: 'local' });
  const b1 = await buildCouncil(s.db, { kind: 'mine', parentId: local });
  const b2 = await buildCouncil(s.db, { kind: 'village', parentId: local });
  const m1 = await Promise.all([1, 2, 3, 4].map(() => buildMember(s.db, b1)));
  const m2 = await Promise.all([1, 2].map(() => buildMember(s.db, b2)));
  await buildApportionment(s.db, local, 2);
  return { local, b1, b2, m1: m1.map((m) => m.personId), m2: m2.map((m) => m.personId) };
}

const result = (winners: string[], substitutes: string[] = [], extra: Record<string, unknown> = {}) => ({
  source: 'paper-count',
  sheetReference: 'Acta de escrutinio 7/2026',
  tellers: ['Rosa Mamani', 'Juan Quispe'],
  winners: winners.map((personId, i) => ({ personId, votes: 40 - i })),
  substitutes: substitutes.map((personId, i) => ({ personId, votes: 20 - i })),
  termEndsAt: inOneYear(),
  ...extra,
});

describe('mandates from an election result', () => {
  it('issues mandates from a paper count, on the roll from exactly that instant, with a ledger entry', async () => {
    const { local, b1, m1 } = await localFederation();
    const secretary = await TestClient.signedIn(s.app, (await buildOfficer(s.db, b1)).login);
    const res = await secretary.request(
      'POST',
      `/api/v1/councils/${b1}/election-results`,
      result(m1.slice(0, 2), [m1[2]!]),
    );
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.seatCouncilId).toBe(local);
    expect(body.mandates).toHaveLength(2);
    expect(
      body.mandates.every(
        (m: { weightMillis: number; dependsOnMandateId: null }) =>
          m.weightMillis === 1000 && m.dependsOnMandateId === null,
      ),
    ).toBe(true);

    expect(holders(await rollOf(local, await microBefore(body.termStartsAt)))).toEqual([]);
    const roll = await rollOf(local, body.termStartsAt);
    expect(holders(roll)).toEqual(m1.slice(0, 2).sort());
    expect(roll.totalWeightMillis).toBe(2000);
    expect(roll.seats.every((r) => r.sendingCouncil.id === b1)).toBe(true);
    expect(holders(await rollOf(local))).toEqual(m1.slice(0, 2).sort());

    const { rows } = await sql<{ kind: string; payload: { tellers: string[]; mandates: unknown[] } }>`
      select kind, payload from ledger_entries where chain_id = ${b1} order by seq desc limit 1`.execute(
      s.db,
    );
    expect(rows[0]).toMatchObject({
      kind: 'election-result.recorded',
      payload: { tellers: ['Rosa Mamani', 'Juan Quispe'] },
    });
    expect(rows[0]!.payload.mandates).toHaveLength(2);
    expect((await verifyLedger(s.db, b1))[0]!.firstBroken).toBeNull();
    const { rows: subs } = await sql<{ person_id: string; rank: number }>`
      select person_id, rank from mandate_substitutes where election_result_id = ${body.electionResultId}`.execute(
      s.db,
    );
    expect(subs).toEqual([{ person_id: m1[2], rank: 1 }]);
  });

  it('refuses more winners than seats, non-members, a bad count and councils without seats, writing nothing', async () => {
    const { b1, m1, m2 } = await localFederation();
    const secretary = await TestClient.signedIn(s.app, (await buildOfficer(s.db, b1)).login);
    const post = (councilId: string, body: unknown) =>
      secretary.request('POST', `/api/v1/councils/${councilId}/election-results`, body);
    const before = await tableCounts(s.db);
    const cases: Array<[unknown, number, string, string?]> = [
      [result(m1.slice(0, 3)), 400, 'too-many-winners', 'winners'],
      [result([m1[0]!, m2[0]!]), 400, 'holder-not-eligible', 'winners'],
      [result([m1[0]!], [m2[0]!]), 400, 'holder-not-eligible', 'substitutes'],
      [result([m1[0]!], [m1[0]!]), 400, 'duplicate-candidate', 'substitutes'],
      [
        result([m1[0]!], [m1[1]!], { substitutes: [{ personId: m1[1], votes: 99 }] }),
        400,
        'order-contradicts-count',
        'substitutes',
      ],
      [result([m1[0]!], [], { termEndsAt: '2020-01-01T00:00:00Z' }), 400, 'term-end-invalid', 'termEndsAt'],
      [result([m1[0]!], [], { tellers: ['Rosa Mamani', 'rosa mamani'] }), 400, 'invalid-request', 'tellers'],
      [result([m1[0]!], [], { tellers: ['Rosa Mamani'] }), 400, 'invalid-request', 'tellers'],
    ];
    for (const [body, status, code, field] of cases) {
      const res = await post(b1, body);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().error.code, res.body).toBe(code);
      if (field) expect(res.json().error.field, res.body).toBe(field);
    }
    // A council under a federation that has apportioned nothing, and a council at the top.
    const bare = await buildCouncil(s.db, { kind: 'federation', level: 'local' });
    const orphanChild = await buildCouncil(s.db, { kind: 'mine', parentId: bare });
    const top = await buildCouncil(s.db, { kind: 'mine' });
    for (const [councilId, code] of [
      [orphanChild, 'no-seats-apportioned'],
      [top, 'no-parent-council'],
    ] as const) {
      const officer = await buildOfficer(s.db, councilId);
      const client = await TestClient.signedIn(s.app, officer.login);
      const res = await client.request(
        'POST',
        `/api/v1/councils/${councilId}/election-results`,
        result([officer.personId]),
      );
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().error.code).toBe(code);
    }
    const after = await tableCounts(s.db);
    for (const table of ['election_results', 'mandates', 'mandate_substitutes'])
      expect(after[table]).toBe(before[table]);
  });

  it("refuses an election result from anyone but the sending council's secretary or chair", async () => {
    const { local, b1, b2, m1 } = await localFederation();
    const member = await TestClient.signedIn(s.app, (await buildMember(s.db, b1)).login);
    const otherSecretary = await TestClient.signedIn(s.app, (await buildOfficer(s.db, b2)).login);
    const treasurer = await TestClient.signedIn(s.app, (await buildOfficer(s.db, b1, 'treasurer')).login);
    const chairAbove = await buildMember(s.db, b2);
    await sql`insert into offices (council_id, office, person_id) values (${local}, 'chair', ${chairAbove.personId})`.execute(
      s.db,
    );
    const admin = await TestClient.signedIn(s.app, (await buildAdmin(s.db)).login);
    for (const client of [
      member,
      otherSecretary,
      treasurer,
      await TestClient.signedIn(s.app, chairAbove.login),
      admin,
    ]) {
      const res = await client.request('POST', `/api/v1/councils/${b1}/election-results`, result([m1[0]!]));
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().error.code).toBe('not-permitted');
    }
    const anonymous = await TestClient.anonymous(s.app);
    expect(
      (await anonymous.request('POST', `/api/v1/councils/${b1}/election-results`, result([m1[0]!])))
        .statusCode,
    ).toBe(401);
  });

  it('a new election supersedes the earlier mandates at its instant, keeping the seats above of a delegate elected again', async () => {
    const regional = await buildCouncil(s.db, { kind: 'federation', level: 'regional' });
    const local = await buildCouncil(s.db, { kind: 'federation', level: 'local', parentId: regional });
    const b1 = await buildCouncil(s.db, { kind: 'mine', parentId: local });
    const [a, b, c, d] = (await Promise.all([1, 2, 3, 4].map(() => buildMember(s.db, b1)))).map(
      (m) => m.personId,
    ) as [string, string, string, string];
    await buildApportionment(s.db, local, 2);
    await buildApportionment(s.db, regional, 1);
    const first = await buildElectionResult(s.db, b1, [a, b]);
    const mandateOfA = first.mandates[0]!.mandateId;
    const upper = await buildElectionResult(s.db, local, [a]);
    expect(upper.mandates[0]!.dependsOnMandateId).toBe(mandateOfA);

    const second = await buildElectionResult(s.db, b1, [a, c]);
    expect(second.supersededMandateIds.sort()).toEqual(first.mandates.map((m) => m.mandateId).sort());
    const { rows: old } = await sql<{ status: string; end_reason: string; ended: string }>`
      select status, end_reason, to_char(ended_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as ended
        from mandates where id = any(${second.supersededMandateIds}::uuid[])`.execute(s.db);
    expect(
      old.every(
        (r) => r.status === 'expired' && r.end_reason === 'superseded' && r.ended === second.termStartsAt,
      ),
    ).toBe(true);
    expect(holders(await rollOf(local, await microBefore(second.termStartsAt)))).toEqual([a, b].sort());
    expect(holders(await rollOf(local, second.termStartsAt))).toEqual([a, c].sort());
    // a sits on in the regional council, now by the new mandate.
    expect(holders(await rollOf(regional))).toEqual([a]);
    const upperNow = await sql<{ depends_on_mandate_id: string; status: string }>`
      select depends_on_mandate_id, status from mandates where id = ${upper.mandates[0]!.mandateId}`.execute(
      s.db,
    );
    expect(upperNow.rows[0]).toEqual({
      depends_on_mandate_id: second.mandates[0]!.mandateId,
      status: 'active',
    });

    // Not elected again: a's seat above ends with the seat below, at the same instant.
    const third = await buildElectionResult(s.db, b1, [c, d]);
    const upperThen = await sql<{ status: string; end_reason: string; ended: string }>`
      select status, end_reason, to_char(ended_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as ended
        from mandates where id = ${upper.mandates[0]!.mandateId}`.execute(s.db);
    expect(upperThen.rows[0]).toEqual({
      status: 'expired',
      end_reason: 'cascade',
      ended: third.termStartsAt,
    });
    expect(holders(await rollOf(regional))).toEqual([]);
  });

  it('a federated council sends only delegates who sit in it', async () => {
    const regional = await buildCouncil(s.db, { kind: 'federation', level: 'regional' });
    const local = await buildCouncil(s.db, { kind: 'federation', level: 'local', parentId: regional });
    const b1 = await buildCouncil(s.db, { kind: 'mine', parentId: local });
    const member = (await buildMember(s.db, b1)).personId;
    await buildApportionment(s.db, local, 1);
    await buildApportionment(s.db, regional, 1);
    await expect(buildElectionResult(s.db, local, [member])).rejects.toMatchObject({
      code: 'holder-not-eligible',
    });
  });

  it("traces a national seat to the base council, shows the seat's history and the holder's mandates", async () => {
    const national = await buildCouncil(s.db, { kind: 'federation', level: 'national' });
    const regional = await buildCouncil(s.db, {
      kind: 'federation',
      level: 'regional',
      parentId: national,
      name: 'Región Oruro',
    });
    const local = await buildCouncil(s.db, {
      kind: 'federation',
      level: 'local',
      parentId: regional,
      name: 'Local Huanuni',
    });
    const base = await buildCouncil(s.db, { kind: 'mine', parentId: local, name: 'Mina Huanuni' });
    const holder = await buildMember(s.db, base, 'Ana Condori');
    for (const f of [local, regional, national]) await buildApportionment(s.db, f, 1);
    await buildElectionResult(s.db, base, [holder.personId]);
    await buildElectionResult(s.db, local, [holder.personId]);
    const top = await buildElectionResult(s.db, regional, [holder.personId]);
    const anyone = await TestClient.anonymous(s.app);
    const detail = (await anyone.request('GET', `/api/v1/mandates/${top.mandates[0]!.mandateId}`)).json();
    expect(
      detail.trace.map((t: { seatCouncil: { name: string }; sendingCouncil: { name: string } }) => [
        t.sendingCouncil.name,
        '→',
        t.seatCouncil.name,
      ]),
    ).toEqual([
      ['Región Oruro', '→', expect.any(String)],
      ['Local Huanuni', '→', 'Región Oruro'],
      ['Mina Huanuni', '→', 'Local Huanuni'],
    ]);
    expect(detail.trace.at(-1).sendingCouncil.kind).toBe('mine');
    const nationalRoll = (await anyone.request('GET', `/api/v1/councils/${national}/roll`)).json();
    expect(
      nationalRoll.seats.map((seat: { baseCouncil: { name: string } }) => seat.baseCouncil.name),
    ).toEqual(['Mina Huanuni']);
    expect(detail.history.map((h: { id: string }) => h.id)).toEqual([top.mandates[0]!.mandateId]);
    const me = await TestClient.signedIn(s.app, holder.login);
    const mine = (await me.request('GET', '/api/v1/me/mandates')).json();
    expect(mine.mandates.map((m: { seatCouncil: { id: string } }) => m.seatCouncil.id).sort()).toEqual(
      [local, regional, national].sort(),
    );
    expect((await anyone.request('GET', '/api/v1/me/mandates')).statusCode).toBe(401);
    expect((await anyone.request('GET', `/api/v1/mandates/${regional}`)).json().error.code).toBe(
      'mandate-not-found',
    );
  });

  it('answers a bad instant on the roll with a 400 naming the field', async () => {
    const { local } = await localFederation();
    const anyone = await TestClient.anonymous(s.app);
    for (const at of [
      'yesterday',
      '0000-01-01T00:00:00Z',
      '2026-13-01T00:00:00Z',
      '2026-01-01T00:00:00',
      "'; drop table mandates; --",
    ]) {
      const res = await anyone.request('GET', `/api/v1/councils/${local}/roll?at=${encodeURIComponent(at)}`);
      expect(res.statusCode, at).toBe(400);
      expect(res.json().error.field, at).toBe('at');
    }
    expect((await anyone.request('GET', `/api/v1/councils/${local}/roll?who=1`)).statusCode).toBe(400);
    expect(
      (await anyone.request('GET', `/api/v1/councils/${local}/roll?at=2026-01-01T00:00:00.123456%2B02:00`))
        .statusCode,
    ).toBe(200);
  });
});
