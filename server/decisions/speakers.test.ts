// The speakers list of a sitting: who may ask for the floor, the queue order with points of order first,
// one waiting request per person and one speaker at a time under concurrent presses, the time limit, and
// a recalled delegate losing the floor at the instant of recall (DESIGN §3 invariant 3).
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

const soon = () => new Date(Date.now() + 6 * 60_000).toISOString();
const sitting = {
  title: 'Asamblea extraordinaria',
  startsAt: soon(),
  isExtraordinary: true,
  place: 'Sede, Calle 1',
};

const speakerKinds = async (chainId: string) =>
  (
    await sql<{ kind: string; payload: Record<string, unknown> }>`
      select kind, payload from ledger_entries where chain_id = ${chainId} and kind like 'assembly.speak%'
       order by seq`.execute(s.db)
  ).rows;

const ledgerIsValid = async (chainId: string) =>
  expect((await verifyLedger(s.db, chainId))[0]!.firstBroken).toBeNull();

/** A base council in session: its secretary (the chair) and `n` members, the first `present` checked in. */
async function baseSitting(n: number, present = n) {
  const council = await buildCouncil(s.db, { kind: 'neighbourhood' });
  const secretary = await buildOfficer(s.db, council);
  const chair = await TestClient.signedIn(s.app, secretary.login);
  const members = [];
  for (let i = 0; i < n; i++) members.push(await buildMember(s.db, council, `Vecina ${i + 1}`));
  const clients = await Promise.all(members.map((m) => TestClient.signedIn(s.app, m.login)));
  const convened = await chair.request('POST', `/api/v1/councils/${council}/assemblies`, sitting);
  expect(convened.statusCode, convened.body).toBe(201);
  const id: string = convened.json().id;
  expect((await chair.request('POST', `/api/v1/assemblies/${id}/start`)).statusCode).toBe(200);
  for (const client of clients.slice(0, present))
    expect((await client.request('POST', `/api/v1/assemblies/${id}/check-in`, {})).statusCode).toBe(200);
  return { council, id, chair, members, clients };
}

const ask = (client: TestClient, id: string, body: Record<string, unknown>) =>
  client.request('POST', `/api/v1/assemblies/${id}/speakers`, body);
const next = (client: TestClient, id: string, currentRequestId: string | null) =>
  client.request('POST', `/api/v1/assemblies/${id}/speakers/next`, { currentRequestId });

describe('asking for the floor', () => {
  it('puts points of order first, then turns in request order, and gives the floor in that order', async () => {
    const { council, id, chair, members, clients } = await baseSitting(4);
    expect((await ask(clients[0]!, id, { kind: 'speak', side: 'pro' })).statusCode).toBe(201);
    expect((await ask(clients[1]!, id, { kind: 'speak', side: 'contra' })).statusCode).toBe(201);
    expect((await ask(clients[2]!, id, { kind: 'speak' })).statusCode).toBe(201);
    const point = await ask(clients[3]!, id, { kind: 'point-of-order' });
    expect(point.statusCode, point.body).toBe(201);
    expect(point.json().mine).toMatchObject({ kind: 'point-of-order', status: 'waiting', position: 1 });

    const view = (await chair.request('GET', `/api/v1/assemblies/${id}/speakers`)).json();
    expect(view.queue.map((r: { name: string }) => r.name)).toEqual([
      'Vecina 4',
      'Vecina 1',
      'Vecina 2',
      'Vecina 3',
    ]);
    expect(view.queue.map((r: { kind: string; side: string | null }) => [r.kind, r.side])).toEqual([
      ['point-of-order', null],
      ['speak', 'pro'],
      ['speak', 'contra'],
      ['speak', null],
    ]);
    expect(view).toMatchObject({ current: null, timeLimitSeconds: 180, viewer: { mayModerate: true } });

    const first = await next(chair, id, null);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().current).toMatchObject({ personId: members[3]!.personId, timeLimitSeconds: 180 });
    expect(first.json().current.startedAt <= first.json().now).toBe(true);
    const second = await next(chair, id, first.json().current.requestId);
    expect(second.json().current.personId).toBe(members[0]!.personId);
    expect(second.json().queue).toHaveLength(2);
    const asSecond = (await clients[1]!.request('GET', `/api/v1/assemblies/${id}/speakers`)).json();
    expect(asSecond.mine).toMatchObject({ status: 'waiting', position: 1 });
    expect(asSecond.viewer.mayModerate).toBe(false);

    expect((await speakerKinds(council)).map((e) => e.kind)).toEqual([
      'assembly.speaker-requested',
      'assembly.speaker-requested',
      'assembly.speaker-requested',
      'assembly.speaker-requested',
      'assembly.speaker-called',
      'assembly.speaker-called',
    ]);
    await ledgerIsValid(council);
  });

  it('refuses someone not checked in, a non-member, a side on a point of order, and changes nothing', async () => {
    const { id, clients } = await baseSitting(2, 1);
    const outsider = await buildMember(s.db, await buildCouncil(s.db));
    const outsiderClient = await TestClient.signedIn(s.app, outsider.login);
    const before = await tableCounts(s.db);

    const absent = await ask(clients[1]!, id, { kind: 'speak', side: 'pro' });
    expect(absent.statusCode).toBe(409);
    expect(absent.json().error.code).toBe('not-checked-in');
    const stranger = await ask(outsiderClient, id, { kind: 'speak' });
    expect(stranger.json().error.code).toBe('not-checked-in');
    const sidedPoint = await ask(clients[0]!, id, { kind: 'point-of-order', side: 'pro' });
    expect(sidedPoint.statusCode).toBe(400);
    const badKind = await ask(clients[0]!, id, { kind: 'shout' });
    expect(badKind.statusCode).toBe(400);
    const foreignItem = await ask(clients[0]!, id, {
      kind: 'speak',
      agendaItemId: '00000000-0000-4000-8000-000000000000',
    });
    expect(foreignItem.json().error).toMatchObject({
      code: 'agenda-item-not-in-assembly',
      field: 'agendaItemId',
    });
    expect(await tableCounts(s.db)).toEqual(before);
  });

  it('keeps one waiting request per person under 50 concurrent requests', async () => {
    const { council, id, clients } = await baseSitting(1);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        ask(clients[0]!, id, { kind: i % 2 ? 'point-of-order' : 'speak' }),
      ),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    const refused = results.filter((r) => r.statusCode !== 201);
    expect(refused).toHaveLength(49);
    expect(refused.every((r) => r.json().error.code === 'already-waiting-to-speak')).toBe(true);
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from speaker_requests where assembly_id = ${id}`.execute(s.db);
    expect(rows[0]!.n).toBe(1);
    expect(await speakerKinds(council)).toHaveLength(1);
    await ledgerIsValid(council);
  });

  it('lets a person withdraw their own request, not another’s; the chair may take one off', async () => {
    const { id, chair, clients } = await baseSitting(2);
    const mine: string = (await ask(clients[0]!, id, { kind: 'speak' })).json().mine.requestId;
    const theirs: string = (await ask(clients[1]!, id, { kind: 'speak' })).json().mine.requestId;
    const byOther = await clients[1]!.request('POST', `/api/v1/speaker-requests/${mine}/withdraw`);
    expect(byOther.statusCode).toBe(403);
    const own = await clients[0]!.request('POST', `/api/v1/speaker-requests/${mine}/withdraw`);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().mine).toBeNull();
    const again = await clients[0]!.request('POST', `/api/v1/speaker-requests/${mine}/withdraw`);
    expect(again.json().error.code).toBe('speaker-request-not-waiting');
    const byChair = await chair.request('POST', `/api/v1/speaker-requests/${theirs}/withdraw`);
    expect(byChair.json().queue).toEqual([]);
    const missing = await chair.request('POST', `/api/v1/speaker-requests/${crypto.randomUUID()}/withdraw`);
    expect(missing.statusCode).toBe(404);
    // A withdrawn request frees the place: the person may ask again.
    expect((await ask(clients[0]!, id, { kind: 'speak' })).statusCode).toBe(201);
  });
});

describe('giving the floor', () => {
  it('gives the floor once when two chairs press "next" at the same moment', async () => {
    const { council, id, chair, clients } = await baseSitting(3);
    const coChair = await buildMember(s.db, council);
    await insertOffice(s.db, council, 'chair', coChair.personId);
    const other = await TestClient.signedIn(s.app, coChair.login);
    for (const client of clients) await ask(client, id, { kind: 'speak' });

    const [a, b] = await Promise.all([next(chair, id, null), next(other, id, null)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.statusCode === 409)!.json().error.code).toBe('speakers-changed');
    const { rows } = await sql<{ status: string; n: number }>`
      select status, count(*)::int as n from speaker_requests where assembly_id = ${id}
       group by status order by status`.execute(s.db);
    expect(rows).toEqual([
      { status: 'speaking', n: 1 },
      { status: 'waiting', n: 2 },
    ]);
    expect((await speakerKinds(council)).filter((e) => e.kind === 'assembly.speaker-called')).toHaveLength(1);

    // Many presses at once, each from the same view: still one move.
    const current: string = (await chair.request('GET', `/api/v1/assemblies/${id}/speakers`)).json().current
      .requestId;
    const presses = await Promise.all(Array.from({ length: 10 }, () => next(chair, id, current)));
    expect(presses.filter((r) => r.statusCode === 200)).toHaveLength(1);
    await ledgerIsValid(council);
  });

  it('closes the floor with the sitting: the speech in progress ends and the waiting list is withdrawn', async () => {
    const { council, id, chair, clients } = await baseSitting(3);
    for (const client of clients) await ask(client, id, { kind: 'speak' });
    expect((await next(chair, id, null)).statusCode).toBe(200);
    const closed = await chair.request('POST', `/api/v1/assemblies/${id}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    const { rows } = await sql<{ status: string; n: number; open: number }>`
      select status, count(*)::int as n, count(*) filter (where ended_at is null)::int as open
        from speaker_requests where assembly_id = ${id} group by status order by status`.execute(s.db);
    expect(rows).toEqual([
      { status: 'done', n: 1, open: 0 },
      { status: 'withdrawn', n: 2, open: 0 },
    ]);
    const { rows: entries } = await sql<{ payload: Record<string, unknown> }>`
      select payload from ledger_entries where chain_id = ${council} and kind = 'assembly.closed'`.execute(
      s.db,
    );
    expect(entries[0]?.payload).toMatchObject({ assemblyId: id, speechesEnded: 1, requestsWithdrawn: 2 });
    await ledgerIsValid(council);
  });

  it('ends a speech by the speaker or the chair only, and refuses an end that names a finished speech', async () => {
    const { id, chair, clients } = await baseSitting(2);
    await ask(clients[0]!, id, { kind: 'speak' });
    await ask(clients[1]!, id, { kind: 'speak' });
    const first: string = (await next(chair, id, null)).json().current.requestId;
    const end = (client: TestClient, requestId: string) =>
      client.request('POST', `/api/v1/assemblies/${id}/speakers/end`, { requestId });
    expect((await end(clients[1]!, first)).statusCode).toBe(403);
    const own = await end(clients[0]!, first);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().current).toBeNull();
    expect((await end(clients[0]!, first)).json().error.code).toBe('speakers-changed');
    const second: string = (await next(chair, id, null)).json().current.requestId;
    expect((await end(chair, second)).statusCode).toBe(200);
    const empty = await next(chair, id, null);
    expect(empty.statusCode).toBe(409);
    expect(empty.json().error.code).toBe('no-speaker-waiting');
  });

  it('sets the speaking time for the speech under way and those after it, by the chair only', async () => {
    const { council, id, chair, clients } = await baseSitting(2);
    await ask(clients[0]!, id, { kind: 'speak' });
    await ask(clients[1]!, id, { kind: 'speak' });
    const first = (await next(chair, id, null)).json().current;
    expect(first.timeLimitSeconds).toBe(180);
    const put = (client: TestClient, body: Record<string, unknown>) =>
      client.request('PUT', `/api/v1/assemblies/${id}/speaking-time`, body);
    const before = await tableCounts(s.db);
    expect((await put(clients[0]!, { seconds: 60 })).statusCode).toBe(403);
    expect((await put(chair, { seconds: 5 })).statusCode).toBe(400);
    expect((await put(chair, { seconds: 60.5 })).statusCode).toBe(400);
    expect((await put(chair, { seconds: 60, extra: 1 })).statusCode).toBe(400);
    expect(await tableCounts(s.db)).toEqual(before);

    const set = await put(chair, { seconds: 60 });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({
      timeLimitSeconds: 60,
      current: { requestId: first.requestId, timeLimitSeconds: 60 },
    });
    const second = (await next(chair, id, first.requestId)).json().current;
    expect(second.timeLimitSeconds).toBe(60);
    const entries = await speakerKinds(council);
    expect(entries.find((e) => e.kind === 'assembly.speaking-time-set')?.payload).toMatchObject({
      timeLimitSeconds: 60,
      currentRequestId: first.requestId,
    });
    await ledgerIsValid(council);
  });

  it('alternates pro and contra when the chair chose it', async () => {
    const { id, chair, clients } = await baseSitting(4);
    await chair.request('PUT', `/api/v1/assemblies/${id}/speaking-time`, {
      seconds: 120,
      alternatesSides: true,
    });
    for (const [i, side] of (['pro', 'pro', 'contra', 'contra'] as const).entries())
      await ask(clients[i]!, id, { kind: 'speak', side });
    const view = (await chair.request('GET', `/api/v1/assemblies/${id}/speakers`)).json();
    expect(view.queue.map((r: { side: string }) => r.side)).toEqual(['pro', 'contra', 'pro', 'contra']);
  });
});

describe('a recalled delegate', () => {
  /** Local federation L ← bases B1, B2: d1 (substitute s1) and d2 are delegates in L; L's secretary chairs. */
  async function congress() {
    const local = await buildCouncil(s.db, { kind: 'federation', level: 'local' });
    const b1 = await buildCouncil(s.db, { kind: 'mine', parentId: local });
    const b2 = await buildCouncil(s.db, { kind: 'village', parentId: local });
    const d1 = await buildMember(s.db, b1);
    const s1 = await buildMember(s.db, b1);
    const d2 = await buildMember(s.db, b2);
    await buildApportionment(s.db, local, 1);
    const m1 = (await buildElectionResult(s.db, b1, [d1.personId], [s1.personId])).mandates[0]!.mandateId;
    const m2 = (await buildElectionResult(s.db, b2, [d2.personId])).mandates[0]!.mandateId;
    const secretary = await buildMember(s.db, b1);
    await insertOffice(s.db, local, 'secretary', secretary.personId);
    const chair = await TestClient.signedIn(s.app, secretary.login);
    const id: string = (await chair.request('POST', `/api/v1/councils/${local}/assemblies`, sitting)).json()
      .id;
    expect((await chair.request('POST', `/api/v1/assemblies/${id}/start`)).statusCode).toBe(200);
    const d1Client = await TestClient.signedIn(s.app, d1.login);
    const d2Client = await TestClient.signedIn(s.app, d2.login);
    expect(
      (await d1Client.request('POST', `/api/v1/assemblies/${id}/check-in`, { mandateId: m1 })).statusCode,
    ).toBe(200);
    expect(
      (await d2Client.request('POST', `/api/v1/assemblies/${id}/check-in`, { mandateId: m2 })).statusCode,
    ).toBe(200);
    const recall = async () => {
      const baseSecretary = await buildOfficer(s.db, b1);
      return recallMandate(s.db, viewerOf(baseSecretary.personId), m1, {
        decisionReference: 'Asamblea 4/2026, punto 2',
        minuteText: 'Se revoca el mandato.',
      });
    };
    return { local, id, chair, d1, d2, d1Client, d2Client, m1, m2, recall };
  }

  it('is skipped when called after the recall: their request is refused and the next gets the floor', async () => {
    const c = await congress();
    const asked = await ask(c.d1Client, c.id, { kind: 'speak', side: 'pro' });
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json().queue[0]).toMatchObject({ personId: c.d1.personId, mandateId: c.m1 });
    await ask(c.d2Client, c.id, { kind: 'speak', side: 'contra', mandateId: c.m2 });
    const recall = await c.recall();

    const called = await next(c.chair, c.id, null);
    expect(called.statusCode, called.body).toBe(200);
    expect(called.json().current).toMatchObject({ personId: c.d2.personId, mandateId: c.m2 });
    expect(called.json().queue).toEqual([]);
    const { rows } = await sql<{ status: string; ended_at: string }>`
      select status, ended_at::text from speaker_requests where id = ${asked.json().mine.requestId}`.execute(
      s.db,
    );
    expect(rows[0]!.status).toBe('refused');
    const { rows: refusedAt } = await sql<{ after: boolean }>`
      select ended_at >= ${recall.endedAt}::timestamptz as after from speaker_requests
       where id = ${asked.json().mine.requestId}`.execute(s.db);
    expect(refusedAt[0]!.after).toBe(true);
    const calledEntry = (await speakerKinds(c.local)).find((e) => e.kind === 'assembly.speaker-called');
    expect(calledEntry?.payload).toMatchObject({
      refusedRequestIds: [asked.json().mine.requestId],
      startedRequestId: called.json().current.requestId,
    });
    await ledgerIsValid(c.local);
  });

  it('cannot ask for the floor once recalled, though still on the attendance list', async () => {
    const c = await congress();
    await c.recall();
    const before = await tableCounts(s.db);
    const refused = await ask(c.d1Client, c.id, { kind: 'point-of-order' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('mandate-ended');
    const borrowed = await ask(c.d1Client, c.id, { kind: 'speak', mandateId: c.m2 });
    expect(borrowed.json().error.code).toBe('mandate-not-held');
    expect(await tableCounts(s.db)).toEqual(before);
    expect((await ask(c.d2Client, c.id, { kind: 'speak' })).statusCode).toBe(201);
  });

  it('who got the floor before the recall keeps the speech that started before its instant', async () => {
    const c = await congress();
    await ask(c.d1Client, c.id, { kind: 'speak' });
    const started = (await next(c.chair, c.id, null)).json().current;
    const recall = await c.recall();
    expect(started.startedAt < recall.endedAt).toBe(true);
  });
});
