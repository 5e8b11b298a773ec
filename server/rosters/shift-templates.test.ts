// Weekly templates expanded into shifts on the council's clock, DST-correct, and never twice: expanding
// an overlapping range, or the same range twice at once, adds only the shifts not there yet.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../platform/ledger.ts';
import { startTestServer, TestClient, type TestServer, tableCounts } from '../test-factories.ts';
import { expandShiftTemplate } from './expand-shift-template.ts';
import { buildRosterCouncil } from './rosters-factories.ts';
import { setRosterSettings } from './set-roster-settings.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  for (const chain of await verifyLedger(s.db)) expect(chain.firstBroken, chain.chainId).toBeNull();
  await s.close();
});

const template = {
  name: 'Semana del comedor',
  slots: [
    { weekday: 1, startTime: '08:00', endTime: '12:00', place: 'Comedor', role: 'cook', needed: 3 },
    { weekday: 6, startTime: '22:00', endTime: '06:00', place: 'Depósito', role: 'guard', needed: 1 },
  ],
};

describe('shift templates', () => {
  it('expands a week on the council’s clock across the spring-forward, and never twice', async () => {
    const c = await buildRosterCouncil(s.db, 1);
    await setRosterSettings(s.db, c.officer, c.councilId, {
      timeZone: 'Europe/Madrid',
      maxHoursPerWeek: null,
      nightWeightPercent: 150,
      horizonDays: 60,
      cancellationWindowHours: 24,
    });
    const secretary = await TestClient.signedIn(s.app, c.secretary.login);
    const created = await secretary.request(
      'POST',
      `/api/v1/councils/${c.councilId}/shift-templates`,
      template,
    );
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect(created.json().slots).toHaveLength(2);
    const first = await secretary.request('POST', `/api/v1/shift-templates/${id}/expansion`, {
      from: '2027-03-22',
      to: '2027-03-29',
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(
      first
        .json()
        .created.map((sh: { role: string; startsAt: string; hours: number; weightedHours: number }) => [
          sh.role,
          sh.startsAt,
          sh.hours,
          sh.weightedHours,
        ]),
    ).toEqual([
      ['cook', '2027-03-22T07:00:00.000Z', 4, 4],
      // Saturday 27 March 22:00 CET to Sunday 06:00 CEST: 7 hours, all night, weighted 1.5.
      ['guard', '2027-03-27T21:00:00.000Z', 7, 10.5],
      ['cook', '2027-03-29T06:00:00.000Z', 4, 4],
    ]);
    const again = await secretary.request('POST', `/api/v1/shift-templates/${id}/expansion`, {
      from: '2027-03-29',
      to: '2027-04-05',
    });
    expect(again.json()).toMatchObject({ alreadyThere: 1 });
    expect(again.json().created).toHaveLength(2);
  });

  it('makes each shift once when the same range is expanded twice at once', async () => {
    const c = await buildRosterCouncil(s.db, 0);
    const secretary = await TestClient.signedIn(s.app, c.secretary.login);
    const id = (
      await secretary.request('POST', `/api/v1/councils/${c.councilId}/shift-templates`, template)
    ).json().id;
    const results = await Promise.all(
      [1, 2, 3].map(() => expandShiftTemplate(s.db, c.officer, id, { from: '2027-06-01', to: '2027-06-30' })),
    );
    expect(results.reduce((n, r) => n + r.created.length, 0)).toBe(8);
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from shifts where council_id = ${c.councilId}`.execute(s.db);
    expect(rows[0]!.n).toBe(8);
  });

  it('refuses bad slots and ranges with a field, and a member without office, writing nothing', async () => {
    const c = await buildRosterCouncil(s.db, 1);
    const secretary = await TestClient.signedIn(s.app, c.secretary.login);
    const member = await TestClient.signedIn(s.app, c.members[0]!.login);
    const id = (
      await secretary.request('POST', `/api/v1/councils/${c.councilId}/shift-templates`, template)
    ).json().id;
    const before = await tableCounts(s.db);
    const empty = await secretary.request('POST', `/api/v1/councils/${c.councilId}/shift-templates`, {
      name: 'Otra',
      slots: [{ weekday: 2, startTime: '08:00', endTime: '08:00', place: 'x', role: 'y', needed: 1 }],
    });
    expect(empty.json().error).toMatchObject({ code: 'slot-empty', field: 'slots.0' });
    const twin = await secretary.request('POST', `/api/v1/councils/${c.councilId}/shift-templates`, {
      ...template,
      name: 'SEMANA DEL COMEDOR',
    });
    expect(twin.json().error.code).toBe('template-name-taken');
    const backwards = await secretary.request('POST', `/api/v1/shift-templates/${id}/expansion`, {
      from: '2027-06-10',
      to: '2027-06-01',
    });
    expect(backwards.json().error).toMatchObject({ code: 'range-invalid', field: 'to' });
    const long = await secretary.request('POST', `/api/v1/shift-templates/${id}/expansion`, {
      from: '2027-01-01',
      to: '2027-12-31',
    });
    expect(long.json().error.code).toBe('range-too-long');
    const byMember = await member.request('POST', `/api/v1/shift-templates/${id}/expansion`, {
      from: '2027-06-01',
      to: '2027-06-07',
    });
    expect(byMember.statusCode).toBe(403);
    expect(await tableCounts(s.db)).toEqual(before);
  });
});
