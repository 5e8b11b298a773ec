import { sql } from 'kysely';
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
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => s.close());

const records = async (councilId: string) =>
  (
    await sql<{
      n: number;
    }>`select count(*)::int as n from apportionments where council_id = ${councilId}`.execute(s.db)
  ).rows[0]!.n;

describe('seats follow membership', () => {
  it('records a new table above when an accepted member or an import moves a seat, and only then', async () => {
    const federation = await buildCouncil(s.db, { kind: 'federation', level: 'local' });
    const a = await buildCouncil(s.db, { kind: 'mine', parentId: federation, name: 'A' });
    const b = await buildCouncil(s.db, { kind: 'village', parentId: federation, name: 'B' });
    for (let i = 0; i < 5; i++) await buildMember(s.db, a);
    const secretary = await buildOfficer(s.db, b, 'secretary');
    const admin = await TestClient.signedIn(s.app, (await buildAdmin(s.db)).login);
    await admin.request('PUT', `/api/v1/councils/${federation}/apportionment-rule`, {
      method: 'hamilton',
      totalSeats: 1,
    });
    expect(
      (await admin.request('POST', `/api/v1/councils/${federation}/apportionment`, {})).statusCode,
    ).toBeLessThan(300);
    expect(await records(federation)).toBe(1);

    // B grows from 1 to 2 members against A's 5: the one seat stays with A, so no new table.
    const visitor = await TestClient.anonymous(s.app);
    await visitor.request('POST', '/api/v1/join-applications', {
      councilId: b,
      fullName: 'Nueva',
      phone: '+591 70200001',
      locale: 'es',
    });
    const officer = await TestClient.signedIn(s.app, secretary.login);
    const [application] = (await officer.request('GET', `/api/v1/councils/${b}/join-applications`)).json()
      .applications;
    expect(
      (await officer.request('POST', `/api/v1/join-applications/${application.id}/accept`)).statusCode,
    ).toBe(200);
    expect(await records(federation)).toBe(1);

    // Four more by import: B has 6 against A's 5 and takes the seat; the system records the new table.
    const csv =
      'full_name,phone\nUno,+591 70200002\nDos,+591 70200003\nTres,+591 70200004\nCuatro,+591 70200005\n';
    const imported = await officer.request('POST', `/api/v1/councils/${b}/members/import`, csv, {
      'content-type': 'text/csv',
    });
    expect(imported.json()).toMatchObject({ imported: 4 });
    expect(await records(federation)).toBe(2);
    const table = (await admin.request('GET', `/api/v1/councils/${federation}/apportionment`)).json();
    const seats = Object.fromEntries(
      table.current.rows.map((r: { name: string; seats: number }) => [r.name, r.seats]),
    );
    expect(seats).toEqual({ A: 0, B: 1 });
  });
});
