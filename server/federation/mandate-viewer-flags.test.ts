// The mandate page's "what may I do" comes from the server, with the same checks the acts make: the
// sending council's secretary may recall, the holder may resign, its members may petition; nobody may
// do anything with an ended mandate.
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  buildApportionment,
  buildCouncil,
  buildElectionResult,
  buildMember,
  buildOfficer,
  startTestServer,
  TestClient,
  type TestServer,
  viewerOf,
} from '../test-factories.ts';
import { insertOffice, recallMandate } from './index.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => s.close());

it('tells each viewer what they may do with a mandate, and nothing once it has ended', async () => {
  const federation = await buildCouncil(s.db, { kind: 'federation', level: 'local' });
  const base = await buildCouncil(s.db, { kind: 'village', parentId: federation });
  const holder = await buildMember(s.db, base);
  const member = await buildMember(s.db, base);
  const secretary = await buildOfficer(s.db, base);
  const fedSecretary = await buildMember(s.db, base);
  const outsider = await buildMember(s.db, await buildCouncil(s.db, { kind: 'village' }));
  await buildApportionment(s.db, federation, 1);
  const mandateId = (await buildElectionResult(s.db, base, [holder.personId])).mandates[0]!.mandateId;

  const flags = async (login: string | null) => {
    const client = login ? await TestClient.signedIn(s.app, login) : await TestClient.anonymous(s.app);
    return (await client.request('GET', `/api/v1/mandates/${mandateId}`)).json().viewer;
  };
  expect(await flags(secretary.login)).toEqual({ mayRecall: true, mayResign: false, mayPetition: true });
  expect(await flags(holder.login)).toEqual({ mayRecall: false, mayResign: true, mayPetition: true });
  expect(await flags(member.login)).toEqual({ mayRecall: false, mayResign: false, mayPetition: true });
  expect(await flags(outsider.login)).toEqual({ mayRecall: false, mayResign: false, mayPetition: false });
  expect(await flags(null)).toEqual({ mayRecall: false, mayResign: false, mayPetition: false });
  // Officers above the sending council do not recall its delegate.
  await insertOffice(s.db, federation, 'secretary', fedSecretary.personId);
  expect((await flags(fedSecretary.login)).mayRecall).toBe(false);

  await recallMandate(s.db, viewerOf(secretary.personId), mandateId, {
    decisionReference: 'Asamblea 2/2026',
    minuteText: 'Revocado.',
  });
  expect(await flags(secretary.login)).toEqual({ mayRecall: false, mayResign: false, mayPetition: false });
  expect(await flags(holder.login)).toEqual({ mayRecall: false, mayResign: false, mayPetition: false });
});
