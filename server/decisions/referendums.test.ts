// A referendum of a federated council: every member of every base council under it votes once, and the
// results are shown per council and rolled up the tree, agreeing with the overall count.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { insertOffice } from '../federation/index.ts';
import {
  buildCouncil,
  buildMember,
  startTestServer,
  TestClient,
  type TestServer,
} from '../test-factories.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => s.close());

it('counts each base council, rolls the counts up the tree, and the top equals the poll', async () => {
  const regional = await buildCouncil(s.db, {
    kind: 'federation',
    level: 'regional',
    name: 'Federación Sur',
  });
  const local = await buildCouncil(s.db, {
    kind: 'federation',
    level: 'local',
    parentId: regional,
    name: 'Local',
  });
  const mine = await buildCouncil(s.db, { kind: 'mine', parentId: local, name: 'Mina' });
  const village = await buildCouncil(s.db, { kind: 'village', parentId: regional, name: 'Comunidad' });
  // The federation's secretary is a member of a council under it, like any officer of a federation.
  const secretary = await buildMember(s.db, village);
  await insertOffice(s.db, regional, 'secretary', secretary.personId);
  const miners = await Promise.all([1, 2, 3].map(() => buildMember(s.db, mine)));
  const villagers = await Promise.all([1, 2].map(() => buildMember(s.db, village)));
  const chair = await TestClient.signedIn(s.app, secretary.login);

  const opened = await chair.request('POST', `/api/v1/councils/${regional}/polls`, {
    kind: 'referendum',
    title: '¿Control obrero del precio del gas?',
    method: 'yes-no',
    secrecy: 'secret',
    majority: 'absolute',
    majorityBase: 'voting',
  });
  expect(opened.statusCode, opened.body).toBe(201);
  const poll = opened.json();
  expect(poll.electorate).toBe('members-below');
  const choices = ['yes', 'yes', 'no', 'no', 'no'] as const;
  for (const [i, person] of [...miners, ...villagers].entries()) {
    const client = await TestClient.signedIn(s.app, person.login);
    const cast = await client.request('POST', `/api/v1/polls/${poll.id}/ballots`, { choice: choices[i] });
    expect(cast.statusCode, cast.body).toBe(201);
  }
  const outsider = await buildMember(s.db, await buildCouncil(s.db, { kind: 'mine' }));
  const refused = await (await TestClient.signedIn(s.app, outsider.login)).request(
    'POST',
    `/api/v1/polls/${poll.id}/ballots`,
    { choice: 'yes' },
  );
  expect(refused.json().error.code).toBe('not-entitled');

  expect((await chair.request('GET', `/api/v1/polls/${poll.id}/results-by-council`)).json().error.code).toBe(
    'not-published',
  );
  const closed = await chair.request('POST', `/api/v1/polls/${poll.id}/close`);
  expect(closed.json().outcome).toBe('rejected');
  const byCouncil = (await chair.request('GET', `/api/v1/polls/${poll.id}/results-by-council`)).json();
  const row = (id: string) => byCouncil.councils.find((c: { councilId: string }) => c.councilId === id);
  expect(byCouncil.councils.map((c: { councilId: string }) => c.councilId)).toEqual([
    regional,
    local,
    mine,
    village,
  ]);
  expect(row(mine).result.totals).toEqual({ yes: 2000, no: 1000, abstain: 0 });
  expect(row(mine).outcome).toBe('adopted');
  expect(row(local).result.totals).toEqual(row(mine).result.totals);
  expect(row(village).result.totals).toEqual({ yes: 0, no: 2000, abstain: 0 });
  expect(row(village).outcome).toBe('rejected');
  expect(row(regional).result).toEqual(closed.json().result);
  expect(row(regional).entitledMillis).toBe(6000);
  expect(row(village).entitledMillis).toBe(3000);
});
