// Recall petitions: opened and signed by members of the sending council, one crossing of the threshold.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../platform/http-errors.ts';
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
import { recallMandate } from './index.ts';
import { signRecallPetition } from './sign-recall-petition.ts';

let s: TestServer;

beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => s.close());

/** A base council of `members` members (the delegate among them) with one seat in a local federation. */
async function delegateOf(members: number) {
  const federation = await buildCouncil(s.db, { kind: 'federation', level: 'local' });
  const base = await buildCouncil(s.db, { kind: 'neighbourhood', parentId: federation });
  const people = [];
  for (let i = 0; i < members; i++) people.push(await buildMember(s.db, base));
  await buildApportionment(s.db, federation, 1);
  const elected = await buildElectionResult(s.db, base, [people[0]!.personId], [people[1]!.personId]);
  return { federation, base, people, mandateId: elected.mandates[0]!.mandateId };
}

const open = (client: TestClient, mandateId: string, reason = 'No rinde cuentas a la asamblea') =>
  client.request('POST', `/api/v1/mandates/${mandateId}/recall-petitions`, { reason });
const sign = (client: TestClient, petitionId: string) =>
  client.request('POST', `/api/v1/recall-petitions/${petitionId}/signatures`, {});

describe('recall petitions', () => {
  it('a member opens a petition with the first signature; the threshold is 20 % of members at opening', async () => {
    const { base, people, mandateId } = await delegateOf(11);
    const opener = await TestClient.signedIn(s.app, people[3]!.login);
    const res = await open(opener, mandateId);
    expect(res.statusCode, res.body).toBe(201);
    // 20 % of 11 is 2.2: three signatures.
    expect(res.json()).toMatchObject({
      membersAtOpening: 11,
      thresholdPercent: 20,
      signaturesNeeded: 3,
      signatureCount: 1,
      status: 'open',
      viewerHasSigned: true,
    });
    const petitionId = res.json().id;
    const second = await sign(await TestClient.signedIn(s.app, people[4]!.login), petitionId);
    expect(second.json()).toMatchObject({ signatureCount: 2, status: 'open', crossedThreshold: false });
    const third = await sign(await TestClient.signedIn(s.app, people[5]!.login), petitionId);
    expect(third.json()).toMatchObject({ signatureCount: 3, status: 'vote-due', crossedThreshold: true });
    const fourth = await sign(await TestClient.signedIn(s.app, people[6]!.login), petitionId);
    expect(fourth.json()).toMatchObject({ signatureCount: 4, status: 'vote-due', crossedThreshold: false });

    const anyone = await TestClient.anonymous(s.app);
    const progress = (await anyone.request('GET', `/api/v1/recall-petitions/${petitionId}`)).json();
    expect(progress).toMatchObject({ signatureCount: 4, signaturesNeeded: 3, viewerHasSigned: false });
    expect(progress.thresholdReachedAt).not.toBeNull();
    const listed = (await anyone.request('GET', `/api/v1/mandates/${mandateId}/recall-petitions`)).json();
    expect(listed.petitions.map((p: { id: string }) => p.id)).toEqual([petitionId]);
    const unknown = await anyone.request('GET', `/api/v1/mandates/${petitionId}/recall-petitions`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('mandate-not-found');
    expect((await verifyLedger(s.db, base))[0]!.firstBroken).toBeNull();
  });

  it("refuses signing twice, opening twice, petitions for another council's delegate, and signing for an ended mandate", async () => {
    const { base, people, mandateId } = await delegateOf(10);
    const other = await delegateOf(3);
    const member = await TestClient.signedIn(s.app, people[2]!.login);
    const petitionId = (await open(member, mandateId)).json().id;
    const before = await tableCounts(s.db);
    const cases: Array<
      [Promise<{ statusCode: number; json(): { error: { code: string } } }>, number, string]
    > = [
      [sign(member, petitionId), 409, 'already-signed'],
      [open(await TestClient.signedIn(s.app, people[3]!.login), mandateId), 409, 'petition-already-open'],
      [
        sign(await TestClient.signedIn(s.app, other.people[2]!.login), petitionId),
        403,
        'not-a-member-of-sender',
      ],
      [
        open(await TestClient.signedIn(s.app, other.people[2]!.login), mandateId),
        403,
        'not-a-member-of-sender',
      ],
      [sign(await TestClient.anonymous(s.app), petitionId), 401, 'unauthenticated'],
      [sign(member, base), 404, 'petition-not-found'],
      [open(member, base), 404, 'mandate-not-found'],
    ];
    for (const [pending, status, code] of cases) {
      const res = await pending;
      expect(res.statusCode, code).toBe(status);
      expect(res.json().error.code).toBe(code);
    }
    expect(await tableCounts(s.db)).toMatchObject({
      recall_petitions: before.recall_petitions,
      recall_signatures: before.recall_signatures,
      ledger_entries: before.ledger_entries,
    });
    const secretary = await buildOfficer(s.db, base);
    await recallMandate(s.db, viewerOf(secretary.personId), mandateId, {
      decisionReference: 'Asamblea 2/2026',
      minuteText: 'Revocado.',
    });
    const late = await sign(await TestClient.signedIn(s.app, people[4]!.login), petitionId);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('mandate-ended');
  });

  it("in a federated council only the seated delegates may petition against the council's own delegate", async () => {
    const regional = await buildCouncil(s.db, { kind: 'federation', level: 'regional' });
    const local = await buildCouncil(s.db, { kind: 'federation', level: 'local', parentId: regional });
    const base = await buildCouncil(s.db, { kind: 'mine', parentId: local });
    const [a, b, c] = [
      await buildMember(s.db, base),
      await buildMember(s.db, base),
      await buildMember(s.db, base),
    ];
    await buildApportionment(s.db, local, 2);
    await buildApportionment(s.db, regional, 1);
    await buildElectionResult(s.db, base, [a.personId, b.personId]);
    const upper = await buildElectionResult(s.db, local, [a.personId]);
    const notSeated = await open(await TestClient.signedIn(s.app, c.login), upper.mandates[0]!.mandateId);
    expect(notSeated.json().error.code).toBe('not-a-member-of-sender');
    const seated = await open(await TestClient.signedIn(s.app, b.login), upper.mandates[0]!.mandateId);
    expect(seated.statusCode, seated.body).toBe(201);
    // Two seats in the local council: 20 % of 2 rounds up to one signature, the opener's.
    expect(seated.json()).toMatchObject({ membersAtOpening: 2, signaturesNeeded: 1, status: 'vote-due' });
  });

  it("uses the council's own threshold, set by its secretary or chair only", async () => {
    const { base, people, mandateId } = await delegateOf(4);
    const member = await TestClient.signedIn(s.app, people[2]!.login);
    const put = (client: TestClient, thresholdPercent: unknown) =>
      client.request('PUT', `/api/v1/councils/${base}/recall-threshold`, { thresholdPercent });
    expect((await put(member, 50)).json().error.code).toBe('not-permitted');
    const read = async () =>
      (await member.request('GET', `/api/v1/councils/${base}/recall-threshold`)).json();
    expect(await read()).toEqual({ thresholdPercent: 20 });
    const secretary = await TestClient.signedIn(s.app, (await buildOfficer(s.db, base)).login);
    const bad = await put(secretary, 0);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('thresholdPercent');
    expect((await put(secretary, 50)).json()).toEqual({ thresholdPercent: 50 });
    expect(await read()).toEqual({ thresholdPercent: 50 });
    // Five members now (the secretary joined): half of them, rounded up.
    expect((await open(member, mandateId)).json()).toMatchObject({
      thresholdPercent: 50,
      signaturesNeeded: 3,
    });
  });

  it('concurrent signers cross the threshold exactly once, and nobody signs twice', async () => {
    const { base, people, mandateId } = await delegateOf(30);
    const outsiders = await delegateOf(3);
    const opened = await open(await TestClient.signedIn(s.app, people[0]!.login), mandateId);
    const petitionId: string = opened.json().id;
    expect(opened.json().signaturesNeeded).toBe(6);
    const attempts = [...people.slice(1).flatMap((p) => [p, p]), ...outsiders.people.map((p) => p)].map((p) =>
      signRecallPetition(s.db, viewerOf(p.personId), petitionId).then(
        (r) => (r.crossedThreshold ? 'crossed' : 'signed'),
        (error: unknown) => (error instanceof AppError ? error.code : Promise.reject(error)),
      ),
    );
    const outcomes = await Promise.all(attempts);
    const count = (what: string) => outcomes.filter((o) => o === what).length;
    expect(count('crossed')).toBe(1);
    expect(count('signed')).toBe(28);
    expect(count('already-signed')).toBe(29);
    expect(count('not-a-member-of-sender')).toBe(3);
    const { rows } = await sql<{
      signatures: number;
      signature_count: number;
      status: string;
      crossings: number;
    }>`
      select (select count(*)::int from recall_signatures where petition_id = ${petitionId}) as signatures,
             p.signature_count, p.status,
             (select count(*)::int from ledger_entries where chain_id = ${base}
                and (payload->>'thresholdReached')::boolean and payload->>'petitionId' = ${petitionId}) as crossings
        from recall_petitions p where p.id = ${petitionId}`.execute(s.db);
    expect(rows[0]).toEqual({ signatures: 30, signature_count: 30, status: 'vote-due', crossings: 1 });
  });
});
