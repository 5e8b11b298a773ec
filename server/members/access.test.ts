import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAdmin,
  buildCouncil,
  buildMember,
  buildOfficer,
  startTestServer,
  TestClient,
  type TestServer,
} from '../test-factories.ts';

let s: TestServer;
let a: string;
let b: string;
let federation: string;

beforeAll(async () => {
  s = await startTestServer();
  federation = await buildCouncil(s.db, { kind: 'federation', level: 'regional' });
  a = await buildCouncil(s.db, { kind: 'mine', parentId: federation });
  b = await buildCouncil(s.db, { kind: 'neighbourhood', parentId: federation });
  await buildOfficer(s.db, b, 'secretary');
  const visitor = await TestClient.anonymous(s.app);
  await visitor.request('POST', '/api/v1/join-applications', {
    councilId: b,
    fullName: 'Ana',
    phone: '+591 71111111',
    locale: 'es',
  });
});
afterAll(async () => s.close());

describe('who sees what', () => {
  it('keeps council B contact details and queue from a member and even an officer of council A', async () => {
    const memberOfA = await TestClient.signedIn(s.app, (await buildMember(s.db, a)).login);
    const officerOfA = await TestClient.signedIn(s.app, (await buildOfficer(s.db, a, 'secretary')).login);
    for (const client of [memberOfA, officerOfA]) {
      for (const url of [`/api/v1/councils/${b}/join-applications`, `/api/v1/councils/${b}/members`]) {
        const res = await client.request('GET', url);
        expect(res.statusCode).toBe(403);
        expect(res.json().error.code).toBe('not-an-officer');
        expect(res.body).not.toContain('71111111');
      }
    }
    const [app] = (
      await (
        await TestClient.signedIn(s.app, (await buildOfficer(s.db, b, 'chair')).login)
      ).request('GET', `/api/v1/councils/${b}/join-applications`)
    ).json().applications;
    const decide = await officerOfA.request('POST', `/api/v1/join-applications/${app.id}/accept`);
    expect(decide.statusCode).toBe(404);
  });

  it('lets a plain member of B see neither the queue nor contacts, but the ledger', async () => {
    const member = await TestClient.signedIn(s.app, (await buildMember(s.db, b)).login);
    expect((await member.request('GET', `/api/v1/councils/${b}/join-applications`)).statusCode).toBe(403);
    expect((await member.request('GET', `/api/v1/councils/${b}/members`)).statusCode).toBe(403);
    const ledger = await member.request('GET', `/api/v1/councils/${b}/ledger`);
    expect(ledger.statusCode).toBe(200);
    expect(ledger.json().verified).toBe(true);
    expect(ledger.json().entries.map((e: { kind: string }) => e.kind)).toContain('join-application.received');
    expect(ledger.body).not.toContain('71111111');
  });

  it('keeps personal data from the instance administrator and from officers of the federation above', async () => {
    const admin = await TestClient.signedIn(s.app, (await buildAdmin(s.db)).login);
    const above = await TestClient.signedIn(s.app, (await buildOfficer(s.db, a, 'chair')).login);
    const { insertOffice } = await import('../federation/index.ts');
    const fedChair = await buildMember(s.db, a);
    await insertOffice(s.db, federation, 'chair', fedChair.personId);
    const federationChair = await TestClient.signedIn(s.app, fedChair.login);
    for (const client of [admin, above, federationChair]) {
      expect((await client.request('GET', `/api/v1/councils/${b}/members`)).statusCode).toBe(403);
      expect((await client.request('GET', `/api/v1/councils/${b}/join-applications`)).statusCode).toBe(403);
    }
  });

  it('lets an anonymous visitor use the Join form and public pages only', async () => {
    const visitor = await TestClient.anonymous(s.app);
    for (const url of [
      '/healthz',
      '/api/v1/federation/tree',
      `/api/v1/councils/${b}`,
      '/api/v1/councils?q=Council',
      '/api/v1/session',
    ]) {
      expect((await visitor.request('GET', url)).statusCode).toBe(200);
    }
    const page = (await visitor.request('GET', `/api/v1/councils/${b}`)).json();
    expect(page.viewer).toEqual({
      isMember: false,
      isOfficer: false,
      canDecideApplications: false,
      canSeeLedger: false,
      canManage: false,
      canSeeMembers: false,
      canAssignOffices: false,
      canMoveOrDissolve: false,
      canApportion: false,
    });
    for (const url of [
      `/api/v1/councils/${b}/join-applications`,
      `/api/v1/councils/${b}/members`,
      `/api/v1/councils/${b}/ledger`,
      '/api/v1/me/councils',
    ]) {
      const res = await visitor.request('GET', url);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    }
    const create = await visitor.request('POST', '/api/v1/councils', {
      name: 'X',
      kind: 'mine',
      territory: 'Y',
    });
    expect(create.statusCode).toBe(401);
  });

  it('refuses writes without the CSRF token or from another site', async () => {
    const visitor = await TestClient.anonymous(s.app);
    const body = { councilId: b, fullName: 'Eve', phone: '+591 72222222', locale: 'es' };
    const noToken = await visitor.request('POST', '/api/v1/join-applications', body, { 'x-csrf-token': '' });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('csrf-token-invalid');
    const crossSite = await visitor.request('POST', '/api/v1/join-applications', body, {
      origin: 'https://evil.example',
    });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.json().error.code).toBe('cross-site-request');
  });

  it('rate-limits the login and the Join form', async () => {
    const limited = await (await import('../test-factories.ts')).startTestServer({
      loginRateLimit: 3,
      joinRateLimit: 2,
    });
    try {
      const visitor = await TestClient.anonymous(limited.app);
      const logins = [];
      for (let i = 0; i < 4; i++)
        logins.push(
          (await visitor.request('POST', '/api/v1/session', { login: 'x@example.org', password: 'wrong' }))
            .statusCode,
        );
      expect(logins).toEqual([401, 401, 401, 429]);
      const council = await buildCouncil(limited.db, { kind: 'village' });
      const joins = [];
      for (let i = 0; i < 3; i++) {
        joins.push(
          (
            await visitor.request('POST', '/api/v1/join-applications', {
              councilId: council,
              fullName: 'N',
              phone: `+591 7000010${i}`,
              locale: 'es',
            })
          ).statusCode,
        );
      }
      expect(joins).toEqual([201, 201, 429]);
    } finally {
      await limited.close();
    }
  });
});
