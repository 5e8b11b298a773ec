// The decisions context's live topics over the real stream: members of the council follow a sitting and
// see the quorum change and a poll open; people outside it are refused.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  buildCouncil,
  buildMember,
  buildOfficer,
  followEvents,
  startTestServer,
  TestClient,
  type TestServer,
  until,
} from '../test-factories.ts';

let s: TestServer;
let port: number;
beforeAll(async () => {
  s = await startTestServer();
  await s.app.listen({ port: 0, host: '127.0.0.1' });
  port = (s.app.server.address() as AddressInfo).port;
});
afterAll(async () => s.close());

it('pushes quorum changes and poll openings to members following the sitting, and refuses others', async () => {
  const council = await buildCouncil(s.db, { kind: 'union' });
  const secretary = await buildOfficer(s.db, council);
  const member = await buildMember(s.db, council);
  const outsider = await buildMember(s.db, await buildCouncil(s.db, { kind: 'union' }));
  const chair = await TestClient.signedIn(s.app, secretary.login);
  const created = await chair.request('POST', `/api/v1/councils/${council}/assemblies`, {
    title: 'Asamblea de emergencia',
    startsAt: new Date().toISOString(),
    isExtraordinary: true,
    place: 'Sede sindical',
  });
  const assemblyId = created.json().id as string;
  const memberClient = await TestClient.signedIn(s.app, member.login);

  const stream = followEvents(port, memberClient.cookieHeader(), `assembly:${assemblyId}`);
  await until(() => stream.status() === 200);
  expect((await chair.request('POST', `/api/v1/assemblies/${assemblyId}/start`)).statusCode).toBe(200);
  expect((await chair.request('POST', `/api/v1/assemblies/${assemblyId}/check-in`, {})).statusCode).toBe(200);
  expect(
    (await memberClient.request('POST', `/api/v1/assemblies/${assemblyId}/check-in`, {})).statusCode,
  ).toBe(200);
  const opened = await chair.request('POST', `/api/v1/councils/${council}/polls`, {
    kind: 'motion',
    assemblyId,
    title: 'Paro de 24 horas',
    method: 'yes-no',
    secrecy: 'secret',
  });
  expect(opened.statusCode, opened.body).toBe(201);
  await until(() => stream.types.includes('poll-opened'));
  expect(stream.types.filter((t) => t === 'quorum')).toHaveLength(2);
  expect(stream.types).toContain('assembly');
  stream.close();

  const outsiderClient = await TestClient.signedIn(s.app, outsider.login);
  const refused = followEvents(port, outsiderClient.cookieHeader(), `assembly:${assemblyId}`);
  await until(() => refused.status() !== 0);
  expect(refused.status()).toBe(403);
  refused.close();
});

it('follows several topics on one stream, only those the viewer may follow, each event naming its topic', async () => {
  const council = await buildCouncil(s.db, { kind: 'union' });
  const foreign = await buildCouncil(s.db, { kind: 'union' });
  const secretary = await buildOfficer(s.db, council);
  const chair = await TestClient.signedIn(s.app, secretary.login);
  const created = await chair.request('POST', `/api/v1/councils/${council}/assemblies`, {
    title: 'Asamblea',
    startsAt: new Date().toISOString(),
    isExtraordinary: true,
    place: 'Sede',
  });
  const assemblyId = created.json().id as string;
  const topics = `assembly:${assemblyId},council:${council},council:${foreign}`;
  const stream = followEvents(port, chair.cookieHeader(), topics);
  await until(() => stream.status() === 200);
  expect((await chair.request('POST', `/api/v1/assemblies/${assemblyId}/start`)).statusCode).toBe(200);
  await until(() => stream.types.includes('assembly'));
  expect(stream.text()).toContain(`"topic":"assembly:${assemblyId}"`);
  stream.close();

  const malformed = followEvents(port, chair.cookieHeader(), `assembly:${assemblyId},nonsense`);
  await until(() => malformed.status() !== 0);
  expect(malformed.status()).toBe(400);
  malformed.close();
});
