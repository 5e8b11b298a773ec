// Putting a motion on a sitting's agenda: the council's officers only, a sitting of the same council that
// is not over, recorded in the ledger.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyLedger } from '../platform/ledger.ts';
import {
  buildCouncil,
  buildMember,
  buildOfficer,
  startTestServer,
  TestClient,
  type TestServer,
} from '../test-factories.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => s.close());

it('lets an officer put a motion on a sitting of its own council, and nobody else', async () => {
  const council = await buildCouncil(s.db, { kind: 'office' });
  const other = await buildCouncil(s.db, { kind: 'office' });
  const secretary = await buildOfficer(s.db, council);
  const otherSecretary = await buildOfficer(s.db, other);
  const member = await buildMember(s.db, council);
  const chair = await TestClient.signedIn(s.app, secretary.login);
  const sitting = async (client: TestClient, id: string) =>
    (
      await client.request('POST', `/api/v1/councils/${id}/assemblies`, {
        title: 'Asamblea',
        startsAt: new Date().toISOString(),
        isExtraordinary: true,
        place: 'Sala 2',
      })
    ).json().id as string;
  const ours = await sitting(chair, council);
  const theirs = await sitting(await TestClient.signedIn(s.app, otherSecretary.login), other);
  const submitter = await TestClient.signedIn(s.app, member.login);
  const motion = (
    await submitter.request('POST', `/api/v1/councils/${council}/motions`, {
      title: 'Horario de atención',
      text: 'Abrir la oficina los sábados.',
    })
  ).json().id as string;

  const byMember = await submitter.request('PUT', `/api/v1/motions/${motion}/sitting`, { assemblyId: ours });
  expect(byMember.statusCode).toBe(403);
  const elsewhere = await chair.request('PUT', `/api/v1/motions/${motion}/sitting`, { assemblyId: theirs });
  expect(elsewhere.json().error).toMatchObject({ code: 'assembly-not-found', field: 'assemblyId' });

  const placed = await chair.request('PUT', `/api/v1/motions/${motion}/sitting`, {
    assemblyId: ours,
    agendaPosition: 3,
  });
  expect(placed.statusCode, placed.body).toBe(200);
  expect(placed.json()).toMatchObject({ assemblyId: ours, agendaPosition: 3 });
  const removed = await chair.request('PUT', `/api/v1/motions/${motion}/sitting`, { assemblyId: null });
  expect(removed.json()).toMatchObject({ assemblyId: null, agendaPosition: null });
  expect((await verifyLedger(s.db, council)).map((v) => v.firstBroken)).toEqual([null]);
});
