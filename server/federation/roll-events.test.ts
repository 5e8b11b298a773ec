// A recall reaches the rooms at once: the seat council's live topic says its roll changed when the
// recall commits, so a sitting's page refetches and the recalled delegate's vote button goes.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  buildApportionment,
  buildCouncil,
  buildElectionResult,
  buildMember,
  followEvents,
  startTestServer,
  TestClient,
  type TestServer,
  until,
  viewerOf,
} from '../test-factories.ts';
import { insertOffice } from './councils.store.ts';
import { recallMandate } from './index.ts';

let s: TestServer;
let port: number;
beforeAll(async () => {
  s = await startTestServer();
  await s.app.listen({ port: 0, host: '127.0.0.1' });
  port = (s.app.server.address() as AddressInfo).port;
});
afterAll(async () => s.close());

it('tells followers of the seat council that its roll changed when a delegate is recalled', async () => {
  const federation = await buildCouncil(s.db, { kind: 'federation', level: 'local' });
  const base = await buildCouncil(s.db, { kind: 'mine', parentId: federation });
  const [delegate, substitute, secretary] = await Promise.all([1, 2, 3].map(() => buildMember(s.db, base)));
  await insertOffice(s.db, base, 'secretary', secretary!.personId);
  await buildApportionment(s.db, federation, 1);
  const elected = await buildElectionResult(s.db, base, [delegate!.personId], [substitute!.personId]);

  const watcher = await TestClient.signedIn(s.app, substitute!.login);
  const stream = followEvents(port, watcher.cookieHeader(), `council:${federation}`);
  await until(() => stream.status() === 200);
  await recallMandate(s.db, viewerOf(secretary!.personId), elected.mandates[0]!.mandateId, {
    decisionReference: 'Asamblea 3/2026',
    minuteText: 'Revocado.',
  });
  await until(() => stream.types.includes('roll'));
  expect(stream.types.filter((t) => t === 'roll')).toHaveLength(1);
  stream.close();

  const stranger = await buildMember(s.db, await buildCouncil(s.db, { kind: 'mine' }));
  const refused = followEvents(
    port,
    (await TestClient.signedIn(s.app, stranger.login)).cookieHeader(),
    `council:${federation}`,
  );
  await until(() => refused.status() !== 0);
  expect(refused.status()).toBe(403);
  refused.close();
});
