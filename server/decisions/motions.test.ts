// Motions over HTTP: submitting, supporting, admitting, withdrawing, referring — with the state
// machine's refusals and their codes — exact support counts under concurrency, who may do what, and
// bad input answered with a 4xx that writes nothing.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildCouncil,
  buildLocalFederation,
  buildMember,
  buildOfficer,
  startTestServer,
  TestClient,
  type TestServer,
  tableCounts,
  viewerOf,
} from '../test-factories.ts';
import { supportMotion } from './support-motion.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => s.close());

async function council() {
  const id = await buildCouncil(s.db, { kind: 'neighbourhood' });
  const secretary = await buildOfficer(s.db, id);
  const member = await buildMember(s.db, id);
  return {
    id,
    secretary: await TestClient.signedIn(s.app, secretary.login),
    member: await TestClient.signedIn(s.app, member.login),
    memberId: member.personId,
  };
}

const submit = (client: TestClient, councilId: string, body: Record<string, unknown> = {}) =>
  client.request('POST', `/api/v1/councils/${councilId}/motions`, {
    title: 'Agua potable',
    text: 'Pedimos una cisterna.\nY un turno de reparto.',
    ...body,
  });

describe('motions', () => {
  it('lets a member submit and support a motion, and an officer admit it', async () => {
    const c = await council();
    const res = await submit(c.member, c.id, { text: 'Line one\r\nLine two' });
    expect(res.statusCode).toBe(201);
    const motion = res.json();
    expect(motion).toMatchObject({
      status: 'submitted',
      text: 'Line one\nLine two',
      currentVersion: 1,
      supportersCount: 0,
      viewer: { isSubmitter: true, mayManage: false },
    });
    const supported = await c.secretary.request('POST', `/api/v1/motions/${motion.id}/support`);
    expect(supported.statusCode).toBe(200);
    expect(supported.json()).toMatchObject({
      supportersCount: 1,
      viewer: { isSupporter: true, mayManage: true },
    });
    expect(
      (await c.secretary.request('POST', `/api/v1/motions/${motion.id}/support`)).json().error.code,
    ).toBe('already-supporting');
    expect((await c.member.request('POST', `/api/v1/motions/${motion.id}/admit`)).statusCode).toBe(403);
    const admitted = await c.secretary.request('POST', `/api/v1/motions/${motion.id}/admit`);
    expect(admitted.json().status).toBe('admitted');
    const list = (await c.member.request('GET', `/api/v1/councils/${c.id}/motions`)).json();
    expect(list.motions.map((m: { id: string }) => m.id)).toEqual([motion.id]);
  });

  it('refuses acts the state machine does not allow, with their codes', async () => {
    const c = await council();
    const id = (await submit(c.member, c.id)).json().id;
    expect((await c.member.request('POST', `/api/v1/motions/${id}/withdraw`)).json().status).toBe(
      'withdrawn',
    );
    for (const act of ['admit', 'withdraw', 'refer', 'support']) {
      const res = await c.secretary.request('POST', `/api/v1/motions/${id}/${act}`);
      expect(res.statusCode, act).toBe(409);
      expect(res.json().error.code, act).toBe('motion-transition-not-allowed');
    }
    const other = (await submit(c.member, c.id)).json().id;
    expect((await c.secretary.request('POST', `/api/v1/motions/${other}/refer`)).json().status).toBe(
      'referred',
    );
    const res = await c.member.request('POST', `/api/v1/motions/${other}/amendments`, {
      baseVersion: 1,
      lineFrom: 1,
      lineTo: 1,
      replacementLines: ['x'],
    });
    expect(res.json().error.code).toBe('motion-transition-not-allowed');
    // Only an adopted motion is forwarded.
    expect((await c.secretary.request('POST', `/api/v1/motions/${other}/forward`)).json().error.code).toBe(
      'motion-not-adopted',
    );
  });

  it('lets only the submitter or an officer withdraw', async () => {
    const c = await council();
    const stranger = await TestClient.signedIn(s.app, (await buildMember(s.db, c.id)).login);
    const id = (await submit(c.member, c.id)).json().id;
    expect((await stranger.request('POST', `/api/v1/motions/${id}/withdraw`)).json().error.code).toBe(
      'not-permitted',
    );
    expect((await c.secretary.request('POST', `/api/v1/motions/${id}/withdraw`)).json().status).toBe(
      'withdrawn',
    );
  });

  it('refuses motions from people with no voice in the council', async () => {
    const c = await council();
    const outsider = await TestClient.signedIn(
      s.app,
      (await buildMember(s.db, await buildCouncil(s.db))).login,
    );
    expect((await submit(outsider, c.id)).json().error.code).toBe('not-entitled');
    const id = (await submit(c.member, c.id)).json().id;
    expect((await outsider.request('POST', `/api/v1/motions/${id}/support`)).json().error.code).toBe(
      'not-entitled',
    );
    // Reading is for the council and those below and above it.
    expect((await outsider.request('GET', `/api/v1/motions/${id}`)).statusCode).toBe(403);
  });

  it('lets a delegate on the roll submit to a federated council, and not a member below', async () => {
    const fed = await buildLocalFederation(s.db, 2);
    const delegate = await TestClient.signedIn(s.app, fed.delegates[0]!.login);
    const res = await submit(delegate, fed.local);
    expect(res.statusCode).toBe(201);
    const memberBelow = await TestClient.signedIn(s.app, fed.baseSecretaries[0]!.login);
    expect((await submit(memberBelow, fed.local)).json().error.code).toBe('not-entitled');
    expect((await memberBelow.request('GET', `/api/v1/motions/${res.json().id}`)).statusCode).toBe(200);
  });

  it('counts 30 supporters who each support twice at the same time exactly once each', async () => {
    const c = await council();
    const id = (await submit(c.member, c.id)).json().id;
    const { rows } = await sql<{ person_id: string }>`
      with p as (insert into persons (full_name) select 'Supporter ' || g from generate_series(1, 30) g returning id)
      insert into memberships (council_id, person_id, status) select ${c.id}, id, 'active' from p
      returning person_id`.execute(s.db);
    const people = rows.map((r) => r.person_id);
    const outcomes = await Promise.all(
      [...people, ...people].map((p) =>
        supportMotion(s.db, viewerOf(p), id).then(
          () => 'ok',
          (e: { code?: string }) => e.code ?? 'error',
        ),
      ),
    );
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(30);
    expect(outcomes.filter((o) => o === 'already-supporting')).toHaveLength(30);
    expect((await c.member.request('GET', `/api/v1/motions/${id}`)).json().supportersCount).toBe(30);
    const entries = await sql<{ n: number }>`
      select count(*)::int as n from ledger_entries where chain_id = ${c.id} and kind = 'motion.supported'`.execute(
      s.db,
    );
    expect(entries.rows[0]!.n).toBe(30);
  });

  it('answers bad input with a 4xx and writes nothing', async () => {
    const c = await council();
    const id = (await submit(c.member, c.id)).json().id;
    const before = await tableCounts(s.db);
    const bad: Array<[string, string, unknown]> = [
      ['POST', `/api/v1/councils/${c.id}/motions`, { title: '', text: 'x' }],
      ['POST', `/api/v1/councils/${c.id}/motions`, { title: 'x', text: 'y'.repeat(20001) }],
      ['POST', `/api/v1/councils/${c.id}/motions`, { title: 'x', text: 'y', isAdmin: true }],
      ['POST', `/api/v1/councils/${c.id}/motions`, { title: 'x', text: 'y', agendaPosition: 3 }],
      [
        'POST',
        `/api/v1/motions/${id}/amendments`,
        { baseVersion: 1, lineFrom: 0, lineTo: 0, replacementLines: [] },
      ],
      [
        'POST',
        `/api/v1/motions/${id}/amendments`,
        { baseVersion: 1, lineFrom: 1, lineTo: 1, replacementLines: ['a\nb'] },
      ],
      [
        'POST',
        `/api/v1/motions/${id}/amendments`,
        { baseVersion: 9, lineFrom: 1, lineTo: 1, replacementLines: ['a'] },
      ],
      [
        'POST',
        `/api/v1/motions/${id}/amendments`,
        { baseVersion: 1, lineFrom: 9, lineTo: 9, replacementLines: ['a'] },
      ],
      ['POST', `/api/v1/councils/${c.id}/composites`, { motionIds: [id], title: 'x', text: 'y' }],
      ['POST', `/api/v1/councils/${c.id}/composites`, { motionIds: [id, id], title: 'x', text: 'y' }],
      ['PUT', `/api/v1/motions/${id}/instructions/${c.id}`, { position: 'maybe' }],
      ['PUT', `/api/v1/motions/${id}/instructions/${c.id}`, { position: 'for' }],
      ['POST', '/api/v1/motions/00000000-0000-4000-8000-000000000000/support', {}],
      ['POST', '/api/v1/amendments/00000000-0000-4000-8000-000000000000/withdraw', {}],
    ];
    for (const [method, url, body] of bad) {
      const res = await c.secretary.request(method as 'POST', url, body);
      expect(res.statusCode, `${method} ${url} ${JSON.stringify(body).slice(0, 80)}`).toBeGreaterThanOrEqual(
        400,
      );
      expect(res.statusCode).toBeLessThan(500);
      expect(typeof res.json().error.code).toBe('string');
    }
    expect(await tableCounts(s.db)).toEqual(before);
  });
});
