// Everyone in scope is told at once: lifting (like calling and suspending) records one notice that every
// active member of every council in scope reads at GET /me/action-notices — through the scope, not a row
// per person — and that a member outside the scope never sees; followers of `action:<id>` get the event.
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  buildMember,
  followEvents,
  startTestServer,
  TestClient,
  type TestServer,
  until,
} from '../test-factories.ts';
import { buildActionPlace, callAction, decideLater, strike } from './collective-actions-factories.ts';

let s: TestServer;
let port: number;
beforeAll(async () => {
  s = await startTestServer();
  await s.app.listen({ port: 0, host: '127.0.0.1' });
  port = (s.app.server.address() as AddressInfo).port;
});
afterAll(async () => s.close());

it('tells every member of every council in scope that the action was lifted, and nobody outside it', async () => {
  const p = await buildActionPlace(s, 2);
  const actionId = await callAction(s, p, p.local, strike({ title: 'Bloqueo de caminos' }));
  const follower = await TestClient.signedIn(s.app, p.members[p.bases[1]!]![0]!.login);
  const stream = followEvents(port, follower.cookieHeader(), `action:${actionId}`);
  await until(() => stream.status() === 200);
  const noticesBefore = (
    await sql<{ n: number }>`select count(*)::int as n from action_notices`.execute(s.db)
  ).rows[0]!.n;

  await decideLater(s, p, p.local, actionId, 'lift', 'The government withdrew the decree');
  await until(() => stream.types.includes('action-lifted'));
  stream.close();
  // One row for everyone, however many they are.
  const noticesAfter = (await sql<{ n: number }>`select count(*)::int as n from action_notices`.execute(s.db))
    .rows[0]!.n;
  expect(noticesAfter - noticesBefore).toBe(1);

  const inScope = [
    ...p.bases.flatMap((b) => p.members[b]!),
    ...p.baseSecretaries,
    ...p.delegates,
    p.secretary,
    p.chair,
  ];
  for (const person of inScope) {
    const client = await TestClient.signedIn(s.app, person.login);
    const res = await client.request('GET', '/api/v1/me/action-notices');
    expect(res.statusCode, res.body).toBe(200);
    const mine = (res.json().notices as Array<{ actionId: string; kind: string; text: string }>).filter(
      (n) => n.actionId === actionId,
    );
    expect(mine.map((n) => n.kind)).toEqual(['lifted', 'called']);
    expect(mine[0]!.text).toContain('The government withdrew the decree');
  }
  const outsider = await TestClient.signedIn(s.app, p.outsider.login);
  const away = await outsider.request('GET', '/api/v1/me/action-notices');
  expect(away.json().notices.filter((n: { actionId: string }) => n.actionId === actionId)).toEqual([]);
  // A member who joined a council in scope afterwards is told too: notices are read through the scope.
  const newcomer = await buildMember(s.db, p.bases[0]!);
  const late = await (await TestClient.signedIn(s.app, newcomer.login)).request(
    'GET',
    '/api/v1/me/action-notices',
  );
  expect(late.json().notices.map((n: { kind: string }) => n.kind)).toContain('lifted');
  const anonymous = await TestClient.anonymous(s.app);
  expect((await anonymous.request('GET', '/api/v1/me/action-notices')).statusCode).toBe(401);
});

it('lets anyone follow a called action but nobody outside the body follow a proposal', async () => {
  const p = await buildActionPlace(s, 1);
  const secretary = await TestClient.signedIn(s.app, p.secretary.login);
  const res = await secretary.request('POST', `/api/v1/councils/${p.local}/actions`, strike());
  const actionId = res.json().action.id as string;
  const outsider = await TestClient.signedIn(s.app, p.outsider.login);
  const refused = followEvents(port, outsider.cookieHeader(), `action:${actionId}`);
  await until(() => refused.status() !== 0);
  expect(refused.status()).toBeGreaterThanOrEqual(400);
  refused.close();
});
