// Paper ballots entered by tellers: the papers count with the online ballots, their voters cannot vote
// again online, and a bad batch writes nothing.
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  buildCouncil,
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

it('counts the papers with the online ballots and keeps each paper voter from voting again', async () => {
  const council = await buildCouncil(s.db, { kind: 'village', name: 'Comunidad Corpa' });
  const secretary = await buildOfficer(s.db, council);
  const online = await buildMember(s.db, council);
  const onPaper = await Promise.all([1, 2, 3].map(() => buildMember(s.db, council)));
  const outsider = await buildMember(s.db, await buildCouncil(s.db, { kind: 'village' }));
  const chair = await TestClient.signedIn(s.app, secretary.login);
  const poll = (
    await chair.request('POST', `/api/v1/councils/${council}/polls`, {
      kind: 'motion',
      title: 'Turnos de riego',
      method: 'yes-no',
      secrecy: 'secret',
    })
  ).json();
  const voter = await TestClient.signedIn(s.app, online.login);
  expect((await voter.request('POST', `/api/v1/polls/${poll.id}/ballots`, { choice: 'no' })).statusCode).toBe(
    201,
  );

  const tellers = ['Felipa Tarqui', 'Marcos Ajata'];
  const before = await tableCounts(s.db);
  const refusals = [
    {
      body: {
        tellers,
        voterIds: [onPaper[0]!.personId, online.personId],
        ballots: [{ choice: 'yes' }, { choice: 'yes' }],
      },
      code: 'already-voted',
      field: 'voterIds.1',
    },
    {
      body: { tellers, voterIds: [outsider.personId], ballots: [{ choice: 'yes' }] },
      code: 'not-entitled',
      field: 'voterIds.0',
    },
    {
      body: { tellers, voterIds: [onPaper[0]!.personId], ballots: [{ ranking: [0] }] },
      code: 'wrong-ballot-kind',
    },
    {
      body: { tellers: ['Ana', 'ana'], voterIds: [onPaper[0]!.personId], ballots: [{ choice: 'yes' }] },
      code: 'invalid-request',
    },
    {
      body: { tellers, voterIds: [onPaper[0]!.personId], ballots: [{ choice: 'yes' }, { choice: 'no' }] },
      code: 'invalid-request',
    },
  ];
  for (const r of refusals) {
    const answer = await chair.request('POST', `/api/v1/polls/${poll.id}/paper-ballots`, r.body);
    expect(answer.statusCode, answer.body).toBeGreaterThanOrEqual(400);
    expect(answer.statusCode).toBeLessThan(500);
    expect(answer.json().error.code).toBe(r.code);
    if (r.field) expect(answer.json().error.field).toBe(r.field);
  }
  const byMember = await voter.request('POST', `/api/v1/polls/${poll.id}/paper-ballots`, {
    tellers,
    voterIds: [onPaper[0]!.personId],
    ballots: [{ choice: 'yes' }],
  });
  expect(byMember.statusCode).toBe(403);
  expect(await tableCounts(s.db)).toEqual(before);

  const entered = await chair.request('POST', `/api/v1/polls/${poll.id}/paper-ballots`, {
    tellers,
    voterIds: onPaper.map((p) => p.personId),
    ballots: [{ choice: 'yes' }, { choice: 'yes' }, { choice: 'abstain' }],
  });
  expect(entered.statusCode, entered.body).toBe(201);
  expect(entered.json().receiptCodes).toHaveLength(3);
  const again = await (await TestClient.signedIn(s.app, onPaper[1]!.login)).request(
    'POST',
    `/api/v1/polls/${poll.id}/ballots`,
    { choice: 'no' },
  );
  expect(again.json().error.code).toBe('already-voted');

  const closed = (await chair.request('POST', `/api/v1/polls/${poll.id}/close`)).json();
  expect(closed.result.totals).toEqual({ yes: 2000, no: 1000, abstain: 1000 });
  expect(closed.outcome).toBe('adopted');
  const published = (await chair.request('GET', `/api/v1/polls/${poll.id}/ballots`)).json();
  const codes = published.ballots.map((b: { receiptCode: string }) => b.receiptCode);
  for (const code of entered.json().receiptCodes) expect(codes).toContain(code);
  expect((await chair.request('GET', `/api/v1/polls/${poll.id}/seal`)).json().matches).toBe(true);
});
