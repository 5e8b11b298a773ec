import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../platform/ledger.ts';
import {
  buildCouncil,
  buildOfficer,
  startTestServer,
  TestClient,
  type TestServer,
} from '../test-factories.ts';

let s: TestServer;
let councilId: string;
let secretary: Awaited<ReturnType<typeof buildOfficer>>;
let secondSecretary: Awaited<ReturnType<typeof buildOfficer>>;

beforeAll(async () => {
  s = await startTestServer();
  const fejuve = await buildCouncil(s.db, { kind: 'federation', level: 'local', name: 'FEJUVE' });
  councilId = await buildCouncil(s.db, {
    kind: 'neighbourhood',
    parentId: fejuve,
    name: 'Junta Vecinal Villa Adela',
    answerDays: 5,
  });
  secretary = await buildOfficer(s.db, councilId, 'secretary');
  secondSecretary = await buildOfficer(s.db, councilId, 'secretary');
});
afterAll(async () => s.close());

async function apply(body: Record<string, unknown> = {}) {
  const visitor = await TestClient.anonymous(s.app);
  return visitor.request('POST', '/api/v1/join-applications', {
    councilId,
    fullName: 'Rosa Limachi',
    phone: '+591 71234567',
    homePlace: 'Calle 5',
    message: 'Hola',
    locale: 'es',
    ...body,
  });
}

describe('joining a council', () => {
  it('takes a newcomer from the Join form to a signed-in member who sees the council', async () => {
    const applied = await apply({ email: 'rosa@example.org', phone: null });
    expect(applied.statusCode).toBe(201);
    const receipt = applied.json();
    expect(receipt.reference).toMatch(/^J-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(receipt.councilName).toBe('Junta Vecinal Villa Adela');
    const dueInDays = (new Date(receipt.dueAt).getTime() - Date.now()) / 86_400_000;
    expect(dueInDays).toBeGreaterThan(4.9);
    expect(dueInDays).toBeLessThanOrEqual(5);

    const officer = await TestClient.signedIn(s.app, secretary.login);
    const queue = (await officer.request('GET', `/api/v1/councils/${councilId}/join-applications`)).json()
      .applications;
    const mine = queue.find((a: { reference: string }) => a.reference === receipt.reference);
    expect(mine).toMatchObject({
      fullName: 'Rosa Limachi',
      email: 'rosa@example.org',
      status: 'pending',
      isOverdue: false,
    });

    expect(
      (await officer.request('POST', `/api/v1/join-applications/${mine.id}/contacted`)).json().application
        .status,
    ).toBe('contacted');
    const accepted = await officer.request('POST', `/api/v1/join-applications/${mine.id}/accept`);
    expect(accepted.statusCode).toBe(200);
    const { invitationUrl, personId } = accepted.json();
    expect(invitationUrl).toMatch(/^\/set-password\?token=/);
    const token = decodeURIComponent(invitationUrl.split('token=')[1]);

    const newcomer = await TestClient.anonymous(s.app);
    expect((await newcomer.request('GET', `/api/v1/password-tokens/${token}`)).json()).toEqual({
      purpose: 'invitation',
      fullName: 'Rosa Limachi',
      login: 'rosa@example.org',
    });
    const set = await newcomer.request('POST', '/api/v1/password', {
      token,
      password: 'una-clave-larga-2026',
    });
    expect(set.statusCode).toBe(200);
    expect(
      (await newcomer.request('POST', '/api/v1/password', { token, password: 'otra-clave-larga' })).json()
        .error.code,
    ).toBe('token-invalid');

    const member = await TestClient.signedIn(s.app, 'ROSA@example.org', 'una-clave-larga-2026');
    const mineCouncils = (await member.request('GET', '/api/v1/me/councils')).json().councils;
    expect(mineCouncils).toEqual([
      expect.objectContaining({ id: councilId, membershipStatus: 'active', offices: [] }),
    ]);
    const page = (await member.request('GET', `/api/v1/councils/${councilId}`)).json();
    expect(page.viewer).toMatchObject({ isMember: true, isOfficer: false, canSeeLedger: true });
    expect(page.directMembers).toBe(3);
    expect(personId).toBe(set.json().person.id);
  });

  it('gives one membership when two secretaries accept the same application at once', async () => {
    const { reference } = (await apply({ phone: '+591 70000001' })).json();
    const { rows } = await sql<{
      id: string;
    }>`select id from join_applications where reference = ${reference}`.execute(s.db);
    const applicationId = rows[0]!.id;
    const a = await TestClient.signedIn(s.app, secretary.login);
    const b = await TestClient.signedIn(s.app, secondSecretary.login);
    const before = (
      await sql<{ n: number }>`select direct_members as n from councils where id = ${councilId}`.execute(s.db)
    ).rows[0]!.n;
    const results = await Promise.all([
      a.request('POST', `/api/v1/join-applications/${applicationId}/accept`),
      b.request('POST', `/api/v1/join-applications/${applicationId}/accept`),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().error.code).toBe('application-decided');
    const memberships = await sql<{ n: number }>`
      select count(*)::int as n from memberships m join accounts a on a.person_id = m.person_id
       where a.login = '+59170000001' and m.council_id = ${councilId}`.execute(s.db);
    expect(memberships.rows[0]!.n).toBe(1);
    const after = (
      await sql<{ n: number }>`select direct_members as n from councils where id = ${councilId}`.execute(s.db)
    ).rows[0]!.n;
    expect(after).toBe(before + 1);
    const [verdict] = await verifyLedger(s.db, councilId);
    expect(verdict!.firstBroken).toBeNull();
  });

  it('records a decline with its reason and refuses to accept it afterwards', async () => {
    const { reference } = (await apply({ phone: '+591 70000002' })).json();
    const officer = await TestClient.signedIn(s.app, secretary.login);
    const all = (
      await officer.request('GET', `/api/v1/councils/${councilId}/join-applications?status=all`)
    ).json().applications;
    const app = all.find((x: { reference: string }) => x.reference === reference);
    const declined = await officer.request('POST', `/api/v1/join-applications/${app.id}/decline`, {
      reason: 'Vive en otra zona',
    });
    expect(declined.json().application).toMatchObject({
      status: 'declined',
      declineReason: 'Vive en otra zona',
    });
    const again = await officer.request('POST', `/api/v1/join-applications/${app.id}/accept`);
    expect(again.statusCode).toBe(409);
    const open = (await officer.request('GET', `/api/v1/councils/${councilId}/join-applications`)).json()
      .applications;
    expect(open.some((x: { reference: string }) => x.reference === reference)).toBe(false);
  });

  it('links a second council membership to the same person when the contact matches', async () => {
    const workplace = await buildCouncil(s.db, { kind: 'factory', name: 'Textil' });
    const foreman = await buildOfficer(s.db, workplace, 'chair');
    const visitor = await TestClient.anonymous(s.app);
    await visitor.request('POST', '/api/v1/join-applications', {
      councilId: workplace,
      fullName: 'Rosa Limachi',
      email: 'rosa@example.org',
      locale: 'es',
    });
    const chair = await TestClient.signedIn(s.app, foreman.login);
    const [app] = (await chair.request('GET', `/api/v1/councils/${workplace}/join-applications`)).json()
      .applications;
    const accepted = (await chair.request('POST', `/api/v1/join-applications/${app.id}/accept`)).json();
    expect(accepted.invitationUrl).toBeNull();
    const member = await TestClient.signedIn(s.app, 'rosa@example.org', 'una-clave-larga-2026');
    const councils = (await member.request('GET', '/api/v1/me/councils'))
      .json()
      .councils.map((c: { id: string }) => c.id);
    expect(councils.sort()).toEqual([councilId, workplace].sort());
  });

  it('flags overdue applications and sorts the queue by due date', async () => {
    const late = (await apply({ phone: '+591 70000004' })).json().reference;
    await sql`update join_applications set due_at = now() - interval '1 day' where reference = ${late}`.execute(
      s.db,
    );
    await apply({ phone: '+591 70000003' });
    const officer = await TestClient.signedIn(s.app, secretary.login);
    const queue = (await officer.request('GET', `/api/v1/councils/${councilId}/join-applications`)).json()
      .applications;
    const dues = queue.map((a: { dueAt: string }) => a.dueAt);
    expect(dues).toEqual([...dues].sort());
    expect(queue[0].isOverdue).toBe(true);
    expect(queue.at(-1).isOverdue).toBe(false);
  });
});
