// Sittings called by the members: a petition reaching the council's share of signatures convenes the
// sitting it proposes, exactly once however many sign at the same moment.
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyLedger } from '../platform/ledger.ts';
import {
  buildCouncil,
  buildMember,
  buildOfficer,
  startTestServer,
  TestClient,
  type TestServer,
  tableCounts,
  viewerOf,
} from '../test-factories.ts';
import { openAssemblyPetition } from './open-assembly-petition.ts';
import { signAssemblyPetition } from './sign-assembly-petition.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => s.close());

const proposal = {
  title: 'Asamblea sobre el corte de agua',
  reason: 'La zona lleva una semana sin agua y la directiva no convoca.',
  startsAt: new Date(Date.now() + 5 * 86_400_000).toISOString(),
  place: 'Cancha de la zona',
  agenda: [{ title: 'Corte de agua' }],
};

it('convenes the proposed sitting when the signatures reach the council’s share, and only then', async () => {
  const council = await buildCouncil(s.db, { kind: 'neighbourhood' });
  const secretary = await buildOfficer(s.db, council);
  const members = await Promise.all(Array.from({ length: 9 }, () => buildMember(s.db, council)));
  const chair = await TestClient.signedIn(s.app, secretary.login);
  // 10 members; a 30 % share needs 3 signatures.
  const share = await chair.request('PUT', `/api/v1/councils/${council}/assembly-petition-share`, {
    sharePercent: 30,
  });
  expect(share.json()).toEqual({ sharePercent: 30 });
  const notByMember = await (await TestClient.signedIn(s.app, members[0]!.login)).request(
    'PUT',
    `/api/v1/councils/${council}/assembly-petition-share`,
    { sharePercent: 1 },
  );
  expect(notByMember.statusCode).toBe(403);

  const first = await TestClient.signedIn(s.app, members[0]!.login);
  const before = await tableCounts(s.db);
  const nowhere = await first.request('POST', `/api/v1/councils/${council}/assembly-petitions`, {
    ...proposal,
    place: null,
  });
  expect(nowhere.json().error).toMatchObject({ code: 'invalid-request', field: 'place' });
  expect(await tableCounts(s.db)).toEqual(before);

  const opened = await first.request('POST', `/api/v1/councils/${council}/assembly-petitions`, proposal);
  expect(opened.statusCode, opened.body).toBe(201);
  expect(opened.json()).toMatchObject({
    signaturesNeeded: 3,
    signatureCount: 1,
    status: 'open',
    viewerHasSigned: true,
  });
  const id = opened.json().id as string;
  const second = await TestClient.signedIn(s.app, members[1]!.login);
  expect((await second.request('POST', `/api/v1/assembly-petitions/${id}/signatures`)).json().status).toBe(
    'open',
  );
  expect(
    (await second.request('POST', `/api/v1/assembly-petitions/${id}/signatures`)).json().error.code,
  ).toBe('already-signed-petition');
  const outsider = await buildMember(s.db, await buildCouncil(s.db, { kind: 'neighbourhood' }));
  expect(
    (
      await (
        await TestClient.signedIn(s.app, outsider.login)
      ).request('POST', `/api/v1/assembly-petitions/${id}/signatures`)
    ).json().error.code,
  ).toBe('not-a-petitioner');

  const third = await TestClient.signedIn(s.app, members[2]!.login);
  const crossed = (await third.request('POST', `/api/v1/assembly-petitions/${id}/signatures`)).json();
  expect(crossed).toMatchObject({ status: 'convened', signatureCount: 3 });
  const sitting = (await third.request('GET', `/api/v1/assemblies/${crossed.assemblyId}`)).json();
  expect(sitting).toMatchObject({
    title: proposal.title,
    isExtraordinary: true,
    place: proposal.place,
    status: 'convened',
    agenda: [{ position: 1, title: 'Corte de agua' }],
  });
  expect((await verifyLedger(s.db, council)).map((v) => v.firstBroken)).toEqual([null]);
});

it('convenes exactly one sitting when many sign at once', async () => {
  const council = await buildCouncil(s.db, { kind: 'union' });
  const members = await Promise.all(Array.from({ length: 30 }, () => buildMember(s.db, council)));
  // Default share 10 % of 30 members: 3 signatures; 29 sign at once after the opener.
  const id = await openAssemblyPetition(s.db, viewerOf(members[0]!.personId), council, {
    ...proposal,
    onlineUrl: null,
    agenda: [{ title: 'Pliego', notes: null }],
  });
  const results = await Promise.allSettled(
    members.slice(1).map((m) => signAssemblyPetition(s.db, viewerOf(m.personId), id)),
  );
  expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
  const { rows } = await sql<{ n: number; signatures: number }>`
    select (select count(*)::int from assemblies where council_id = ${council}) as n,
           (select signature_count from assembly_petitions where id = ${id}) as signatures`.execute(s.db);
  expect(rows[0]).toEqual({ n: 1, signatures: 30 });
});
