// Assemblies: convening with notice, opening and closing the sitting, check-in of members and of
// delegates with their mandates, the live quorum — and a recalled delegate's weight leaving it at once.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertOffice, recallMandate } from '../federation/index.ts';
import { verifyLedger } from '../platform/ledger.ts';
import {
  buildApportionment,
  buildCouncil,
  buildElectionResult,
  buildMember,
  buildOfficer,
  startTestServer,
  TestClient,
  type TestServer,
  tableCounts,
  viewerOf,
} from '../test-factories.ts';

let s: TestServer;

beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => s.close());

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

const convene = (client: TestClient, councilId: string, body: Record<string, unknown>) =>
  client.request('POST', `/api/v1/councils/${councilId}/assemblies`, body);

const ordinary = (overrides: Record<string, unknown> = {}) => ({
  title: 'Asamblea ordinaria',
  startsAt: inHours(49),
  place: 'Sede sindical, Calle 1',
  agenda: [{ title: 'Informe de la directiva' }, { title: 'Varios', notes: 'Lo que surja' }],
  ...overrides,
});

const kindsOf = async (chainId: string) =>
  (
    await sql<{
      kind: string;
    }>`select kind from ledger_entries where chain_id = ${chainId} order by seq`.execute(s.db)
  ).rows.map((r) => r.kind);

const ledgerIsValid = async (chainId: string) =>
  expect((await verifyLedger(s.db, chainId))[0]!.firstBroken).toBeNull();

/** A base council with its secretary and `n` members, each with a signed-in client. */
async function baseCouncil(n: number) {
  const council = await buildCouncil(s.db, { kind: 'neighbourhood' });
  const secretary = await buildOfficer(s.db, council);
  const members = [];
  for (let i = 0; i < n; i++) members.push(await buildMember(s.db, council));
  return {
    council,
    secretary,
    secretaryClient: await TestClient.signedIn(s.app, secretary.login),
    members,
  };
}

describe('convening a sitting', () => {
  it('lets only an officer convene, with 48 hours of notice for an ordinary sitting and any notice for an extraordinary one', async () => {
    const { council, secretaryClient, members } = await baseCouncil(1);
    const member = await TestClient.signedIn(s.app, members[0]!.login);
    const before = await tableCounts(s.db);

    const byMember = await convene(member, council, ordinary());
    expect(byMember.statusCode).toBe(403);
    expect(byMember.json().error.code).toBe('not-permitted');

    const short = await convene(secretaryClient, council, ordinary({ startsAt: inHours(47) }));
    expect(short.statusCode).toBe(400);
    expect(short.json().error).toMatchObject({ code: 'notice-too-short', field: 'startsAt' });

    const nowhere = await convene(secretaryClient, council, ordinary({ place: null }));
    expect(nowhere.statusCode).toBe(400);
    expect(nowhere.json().error.field).toBe('place');
    expect(await tableCounts(s.db)).toEqual(before);

    const ok = await convene(secretaryClient, council, ordinary());
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({
      status: 'convened',
      isExtraordinary: false,
      place: 'Sede sindical, Calle 1',
      quorumRule: { kind: 'more-than-half' },
      agenda: [
        { position: 1, title: 'Informe de la directiva', notes: null },
        { position: 2, title: 'Varios', notes: 'Lo que surja' },
      ],
    });

    const extraordinary = await convene(
      secretaryClient,
      council,
      ordinary({
        startsAt: inHours(0.1),
        isExtraordinary: true,
        place: null,
        onlineUrl: 'https://meet.example.org/asamblea',
      }),
    );
    expect(extraordinary.statusCode, extraordinary.body).toBe(201);
    expect(extraordinary.json()).toMatchObject({
      isExtraordinary: true,
      onlineUrl: 'https://meet.example.org/asamblea',
    });

    expect((await kindsOf(council)).filter((k) => k.startsWith('assembly.'))).toEqual([
      'assembly.convened',
      'assembly.convened',
    ]);
    await ledgerIsValid(council);
  });
});

describe('running a sitting', () => {
  it('is opened and closed by the chair only, and does not close while a poll is open', async () => {
    const { council, secretaryClient, members } = await baseCouncil(4);
    const member = await TestClient.signedIn(s.app, members[0]!.login);
    const id: string = (await convene(secretaryClient, council, ordinary())).json().id;

    const startByMember = await member.request('POST', `/api/v1/assemblies/${id}/start`);
    expect(startByMember.statusCode).toBe(403);
    expect(startByMember.json().error.code).toBe('not-permitted');
    const started = await secretaryClient.request('POST', `/api/v1/assemblies/${id}/start`);
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json().status).toBe('in-session');
    expect(started.json().openedAt).not.toBeNull();

    // Five members: quorum is three.
    for (const m of members.slice(0, 3)) {
      const client = await TestClient.signedIn(s.app, m.login);
      expect((await client.request('POST', `/api/v1/assemblies/${id}/check-in`, {})).statusCode).toBe(200);
    }
    const poll = await secretaryClient.request('POST', `/api/v1/councils/${council}/polls`, {
      kind: 'motion',
      assemblyId: id,
      title: 'Aprobar el acta anterior',
      method: 'yes-no',
    });
    expect(poll.statusCode, poll.body).toBe(201);
    expect(poll.json().presentAtOpenMillis).toBe(3000);

    const early = await secretaryClient.request('POST', `/api/v1/assemblies/${id}/close`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('polls-still-open');
    const closeByMember = await member.request('POST', `/api/v1/assemblies/${id}/close`);
    expect(closeByMember.json().error.code).toBe('not-permitted');

    const pollClosed = await secretaryClient.request('POST', `/api/v1/polls/${poll.json().id}/close`);
    expect(pollClosed.statusCode, pollClosed.body).toBe(200);
    const closed = await secretaryClient.request('POST', `/api/v1/assemblies/${id}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().status).toBe('closed');
    const again = await secretaryClient.request('POST', `/api/v1/assemblies/${id}/close`);
    expect(again.statusCode).toBe(409);
    const lateCheckIn = await member.request('POST', `/api/v1/assemblies/${id}/check-in`, {});
    expect(lateCheckIn.json().error.code).toBe('assembly-closed');

    expect((await kindsOf(council)).filter((k) => /^(assembly|poll)\./.test(k))).toEqual([
      'assembly.convened',
      'assembly.opened',
      'assembly.checked-in',
      'assembly.checked-in',
      'assembly.checked-in',
      'poll.opened',
      'poll.closed',
      'assembly.closed',
    ]);
    await ledgerIsValid(council);
  });
});

describe('check-in in a base council', () => {
  it('counts each member present as one vote, lets the chair check someone in, and refuses non-members', async () => {
    const { council, secretary, secretaryClient, members } = await baseCouncil(5);
    const outsider = await buildMember(s.db, await buildCouncil(s.db));
    const id: string = (await convene(secretaryClient, council, ordinary())).json().id;
    const clients = await Promise.all(members.map((m) => TestClient.signedIn(s.app, m.login)));
    const outsiderClient = await TestClient.signedIn(s.app, outsider.login);
    const checkIn = (client: TestClient, body: Record<string, unknown> = {}) =>
      client.request('POST', `/api/v1/assemblies/${id}/check-in`, body);

    // Six members (the secretary is one): quorum is four.
    const first = await checkIn(clients[0]!);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({
      presentMillis: 1000,
      entitledMillis: 6000,
      neededMillis: 3001,
      isQuorate: false,
    });

    const before = await tableCounts(s.db);
    const notMember = await checkIn(outsiderClient);
    expect(notMember.statusCode).toBe(403);
    expect(notMember.json().error.code).toBe('not-entitled');
    const chairsOutsider = await checkIn(secretaryClient, { personId: outsider.personId });
    expect(chairsOutsider.statusCode).toBe(403);
    expect(chairsOutsider.json().error).toMatchObject({ code: 'not-entitled', field: 'personId' });
    const memberForAnother = await checkIn(clients[1]!, { personId: members[2]!.personId });
    expect(memberForAnother.statusCode).toBe(403);
    expect(memberForAnother.json().error.code).toBe('not-permitted');
    const twice = await checkIn(clients[0]!);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('already-checked-in');
    expect(await tableCounts(s.db)).toEqual(before);

    const byChair = await checkIn(secretaryClient, { personId: members[1]!.personId });
    expect(byChair.statusCode, byChair.body).toBe(200);
    expect(byChair.json().presentMillis).toBe(2000);
    await checkIn(clients[2]!);
    const fourth = await checkIn(clients[3]!);
    expect(fourth.json()).toEqual({
      presentMillis: 4000,
      entitledMillis: 6000,
      neededMillis: 3001,
      isQuorate: true,
    });

    const out = await clients[3]!.request('POST', `/api/v1/assemblies/${id}/check-out`, {});
    expect(out.json()).toMatchObject({ presentMillis: 3000, isQuorate: false });
    const outTwice = await clients[3]!.request('POST', `/api/v1/assemblies/${id}/check-out`, {});
    expect(outTwice.statusCode).toBe(409);
    expect(outTwice.json().error.code).toBe('not-checked-in');

    const view = (await secretaryClient.request('GET', `/api/v1/assemblies/${id}`)).json();
    expect(view.quorum).toEqual({
      presentMillis: 3000,
      entitledMillis: 6000,
      neededMillis: 3001,
      isQuorate: false,
    });
    expect(view.present.map((p: { personId: string }) => p.personId).sort()).toEqual(
      members
        .slice(0, 3)
        .map((m) => m.personId)
        .sort(),
    );
    expect(view.present.every((p: { weightMillis: number }) => p.weightMillis === 1000)).toBe(true);
    const { rows } = await sql<{ recorded_by: string }>`
      select recorded_by from attendance where assembly_id = ${id} and person_id = ${members[1]!.personId}`.execute(
      s.db,
    );
    expect(rows).toEqual([{ recorded_by: secretary.personId }]);

    expect((await kindsOf(council)).filter((k) => k.startsWith('assembly.check'))).toEqual([
      'assembly.checked-in',
      'assembly.checked-in',
      'assembly.checked-in',
      'assembly.checked-in',
      'assembly.checked-out',
    ]);
    await ledgerIsValid(council);
  });
});

describe('check-in in a federated council', () => {
  /**
   * Regional R ← local L ← bases B1, B2, B3 (one seat each in L, weights 2000, 1000 and 1500); B1 elects
   * d1 (substitute s1), B2 d2, B3 d3; L sends d1 to R. L's secretary sits in B1.
   */
  async function congress() {
    const regional = await buildCouncil(s.db, { kind: 'federation', level: 'regional' });
    const local = await buildCouncil(s.db, { kind: 'federation', level: 'local', parentId: regional });
    const bases = [
      await buildCouncil(s.db, { kind: 'mine', parentId: local }),
      await buildCouncil(s.db, { kind: 'village', parentId: local }),
      await buildCouncil(s.db, { kind: 'factory', parentId: local }),
    ];
    const d1 = await buildMember(s.db, bases[0]!);
    const s1 = await buildMember(s.db, bases[0]!);
    const d2 = await buildMember(s.db, bases[1]!);
    const d3 = await buildMember(s.db, bases[2]!);
    await buildApportionment(s.db, local, 1);
    await buildApportionment(s.db, regional, 1);
    const m1 = (await buildElectionResult(s.db, bases[0]!, [d1.personId], [s1.personId])).mandates[0]!
      .mandateId;
    const m2 = (await buildElectionResult(s.db, bases[1]!, [d2.personId])).mandates[0]!.mandateId;
    const m3 = (await buildElectionResult(s.db, bases[2]!, [d3.personId])).mandates[0]!.mandateId;
    await sql`update mandates set weight_millis = case id when ${m1}::uuid then 2000 when ${m2}::uuid then 1000 else 1500 end
               where id in (${m1}::uuid, ${m2}::uuid, ${m3}::uuid)`.execute(s.db);
    const inRegional = (await buildElectionResult(s.db, local, [d1.personId])).mandates[0]!.mandateId;
    const secretary = await buildMember(s.db, bases[0]!);
    await insertOffice(s.db, local, 'secretary', secretary.personId);
    return { regional, local, bases, d1, d2, d3, s1, m1, m2, m3, inRegional, secretary };
  }

  it('counts each delegate with their mandate’s weight and refuses a missing, foreign or borrowed mandate', async () => {
    const c = await congress();
    const chair = await TestClient.signedIn(s.app, c.secretary.login);
    const id: string = (await convene(chair, c.local, ordinary())).json().id;
    const d1 = await TestClient.signedIn(s.app, c.d1.login);
    const d2 = await TestClient.signedIn(s.app, c.d2.login);
    const checkIn = (client: TestClient, body: Record<string, unknown> = {}) =>
      client.request('POST', `/api/v1/assemblies/${id}/check-in`, body);

    const before = await tableCounts(s.db);
    const cases: Array<[TestClient, Record<string, unknown>, number, string]> = [
      [d1, {}, 400, 'mandate-required'],
      [d1, { mandateId: c.inRegional }, 403, 'mandate-not-for-this-body'],
      [d2, { mandateId: c.m1 }, 403, 'mandate-not-held'],
      [chair, { personId: c.d2.personId, mandateId: c.m1 }, 403, 'mandate-not-held'],
      [d2, { personId: c.d3.personId, mandateId: c.m3 }, 403, 'not-permitted'],
    ];
    for (const [client, body, status, code] of cases) {
      const res = await checkIn(client, body);
      expect(res.statusCode, code).toBe(status);
      expect(res.json().error.code).toBe(code);
    }
    expect(await tableCounts(s.db)).toEqual(before);

    const first = await checkIn(d1, { mandateId: c.m1 });
    expect(first.statusCode, first.body).toBe(200);
    // Entitled: 2000 + 1000 + 1500; more than half is 2251.
    expect(first.json()).toEqual({
      presentMillis: 2000,
      entitledMillis: 4500,
      neededMillis: 2251,
      isQuorate: false,
    });
    const byChair = await checkIn(chair, { personId: c.d2.personId, mandateId: c.m2 });
    expect(byChair.statusCode, byChair.body).toBe(200);
    expect(byChair.json()).toEqual({
      presentMillis: 3000,
      entitledMillis: 4500,
      neededMillis: 2251,
      isQuorate: true,
    });

    const view = (await chair.request('GET', `/api/v1/assemblies/${id}`)).json();
    expect(
      view.present
        .map((p: { mandateId: string; weightMillis: number }) => [p.mandateId, p.weightMillis])
        .sort(),
    ).toEqual(
      [
        [c.m1, 2000],
        [c.m2, 1000],
      ].sort(),
    );
    const asDelegate = (await d1.request('GET', `/api/v1/assemblies/${id}`)).json();
    expect(asDelegate.viewer).toMatchObject({
      isPresent: true,
      mandates: [{ mandateId: c.m1, weightMillis: 2000 }],
    });
    await ledgerIsValid(c.local);
  });

  it("takes a recalled delegate's weight out of the quorum at the instant of recall, and then no binding poll opens", async () => {
    const c = await congress();
    const chair = await TestClient.signedIn(s.app, c.secretary.login);
    const id: string = (await convene(chair, c.local, ordinary())).json().id;
    expect((await chair.request('POST', `/api/v1/assemblies/${id}/start`)).statusCode).toBe(200);
    const d1 = await TestClient.signedIn(s.app, c.d1.login);
    expect(
      (await d1.request('POST', `/api/v1/assemblies/${id}/check-in`, { mandateId: c.m1 })).statusCode,
    ).toBe(200);
    expect(
      (
        await chair.request('POST', `/api/v1/assemblies/${id}/check-in`, {
          personId: c.d2.personId,
          mandateId: c.m2,
        })
      ).statusCode,
    ).toBe(200);
    const motion = { kind: 'motion', assemblyId: id, title: 'Plan de abastecimiento', method: 'yes-no' };
    const quorate = await chair.request('POST', `/api/v1/councils/${c.local}/polls`, motion);
    expect(quorate.statusCode, quorate.body).toBe(201);
    expect(quorate.json()).toMatchObject({ presentAtOpenMillis: 3000, entitledMillis: 4500 });
    expect((await chair.request('POST', `/api/v1/polls/${quorate.json().id}/close`)).statusCode).toBe(200);

    const baseSecretary = await buildOfficer(s.db, c.bases[0]!);
    const recall = await recallMandate(s.db, viewerOf(baseSecretary.personId), c.m1, {
      decisionReference: 'Asamblea 3/2026, punto 1',
      minuteText: 'Se revoca el mandato.',
    });
    const view = (await chair.request('GET', `/api/v1/assemblies/${id}`)).json();
    // The substitute took the seat with its weight: entitled is unchanged, but s1 is not in the room.
    expect(view.quorum).toEqual({
      presentMillis: 1000,
      entitledMillis: 4500,
      neededMillis: 2251,
      isQuorate: false,
    });
    expect(view.present.map((p: { personId: string }) => p.personId)).toEqual([c.d2.personId]);
    expect(recall.seated.map((x) => x.personId)).toEqual([c.s1.personId]);

    // Just before the recall's instant the delegate still counted.
    const { rows } = await sql<{ before: number; at: number }>`
      select (select coalesce(sum(m.weight_millis), 0)::int from attendance a join mandates m on m.id = a.mandate_id
               where a.assembly_id = ${id} and a.checked_out_at is null
                 and m.active_until > ${recall.endedAt}::timestamptz - interval '1 microsecond') as before,
             (select coalesce(sum(m.weight_millis), 0)::int from attendance a join mandates m on m.id = a.mandate_id
               where a.assembly_id = ${id} and a.checked_out_at is null
                 and m.active_until > ${recall.endedAt}::timestamptz) as at`.execute(s.db);
    expect(rows[0]).toEqual({ before: 3000, at: 1000 });

    const before = await tableCounts(s.db);
    const refused = await chair.request('POST', `/api/v1/councils/${c.local}/polls`, motion);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('quorum-not-met');
    const recalledCheckIn = await d1.request('POST', `/api/v1/assemblies/${id}/check-in`, {
      mandateId: c.m1,
    });
    expect(recalledCheckIn.statusCode).toBe(409);
    expect(recalledCheckIn.json().error.code).toBe('mandate-ended');
    expect(await tableCounts(s.db)).toEqual(before);

    expect((await kindsOf(c.local)).filter((k) => /^(assembly|poll)\./.test(k))).toEqual([
      'assembly.convened',
      'assembly.opened',
      'assembly.checked-in',
      'assembly.checked-in',
      'poll.opened',
      'poll.closed',
    ]);
    await ledgerIsValid(c.local);
    await ledgerIsValid(c.bases[0]!);
  });
});
