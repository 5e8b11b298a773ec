// Bad input to the roster routes (issue 8): impossible dates and ranges, unknown zones, NUL characters,
// out-of-range numbers, unknown fields and others' shifts — each a 4xx in the error shape, naming the
// field where there is one, and nothing written.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, TestClient, type TestServer, tableCounts } from '../test-factories.ts';
import { buildRosterCouncil, buildShift, inHours } from './rosters-factories.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => s.close());

it('answers malformed queries and bodies with a 4xx naming the field, writing nothing', async () => {
  const c = await buildRosterCouncil(s.db, 1);
  const shift = await buildShift(s.db, c.secretary.personId, c.councilId);
  const secretary = await TestClient.signedIn(s.app, c.secretary.login);
  const member = await TestClient.signedIn(s.app, c.members[0]!.login);
  const anonymous = await TestClient.anonymous(s.app);
  const before = await tableCounts(s.db);
  const council = `/api/v1/councils/${c.councilId}`;
  const settings = {
    timeZone: 'America/La_Paz',
    maxHoursPerWeek: 40,
    nightWeightPercent: 150,
    horizonDays: 30,
    cancellationWindowHours: 12,
  };
  const cases: Array<[TestClient, string, string, unknown, number, string, string?]> = [
    [secretary, 'GET', `${council}/roster`, undefined, 400, 'invalid-request'],
    [
      secretary,
      'GET',
      `${council}/roster?from=2026-02-30&to=2026-03-02`,
      undefined,
      400,
      'invalid-request',
      'from',
    ],
    [
      secretary,
      'GET',
      `${council}/roster?from=2026-03-10&to=2026-03-01`,
      undefined,
      400,
      'range-invalid',
      'to',
    ],
    [
      secretary,
      'GET',
      `${council}/roster?from=2026-01-01&to=2026-12-31`,
      undefined,
      400,
      'range-too-long-for-view',
      'to',
    ],
    [
      secretary,
      'GET',
      `${council}/roster?from=2026-01-01&to=2026-01-02&x=1`,
      undefined,
      400,
      'invalid-request',
    ],
    [
      secretary,
      'GET',
      `${council}/incidents?from=abc&to=2026-01-02`,
      undefined,
      400,
      'invalid-request',
      'from',
    ],
    [
      member,
      'GET',
      `/api/v1/me/shifts?from=${encodeURIComponent(inHours(5))}&to=${encodeURIComponent(inHours(1))}`,
      undefined,
      400,
      'range-invalid',
    ],
    [member, 'GET', '/api/v1/me/shifts?from=yesterday', undefined, 400, 'invalid-request', 'from'],
    [anonymous, 'GET', `${council}/roster?from=2026-01-01&to=2026-01-02`, undefined, 401, 'unauthenticated'],
    [anonymous, 'POST', `/api/v1/shifts/${shift.id}/sign-ups`, undefined, 401, 'unauthenticated'],
    [
      secretary,
      'PUT',
      `${council}/roster-settings`,
      { ...settings, timeZone: 'Mars/Olympus' },
      400,
      'time-zone-unknown',
      'timeZone',
    ],
    [
      secretary,
      'PUT',
      `${council}/roster-settings`,
      { ...settings, nightWeightPercent: 50 },
      400,
      'invalid-request',
      'nightWeightPercent',
    ],
    [
      secretary,
      'PUT',
      `${council}/roster-settings`,
      { ...settings, maxHoursPerWeek: 1e9 },
      400,
      'invalid-request',
      'maxHoursPerWeek',
    ],
    [member, 'PUT', `${council}/roster-settings`, settings, 403, 'not-permitted'],
    [
      secretary,
      'POST',
      `${council}/shifts`,
      { place: 'a\u0000b', role: 'x', startsAt: inHours(1), endsAt: inHours(2), needed: 1 },
      400,
      'invalid-request',
      'place',
    ],
    [
      secretary,
      'POST',
      `${council}/shifts`,
      { place: 'a', role: 'x', startsAt: inHours(1), endsAt: inHours(2), needed: 1.5 },
      400,
      'invalid-request',
      'needed',
    ],
    [
      secretary,
      'POST',
      `${council}/shifts`,
      { place: 'a', role: 'x', startsAt: '1900-01-01T00:00:00Z', endsAt: inHours(2), needed: 1 },
      400,
      'invalid-request',
      'startsAt',
    ],
    [
      secretary,
      'POST',
      `${council}/shifts`,
      {
        place: 'a',
        role: 'x',
        startsAt: inHours(1),
        endsAt: inHours(2),
        needed: 1,
        distributionRoundId: '00000000-0000-4000-8000-000000000000',
      },
      404,
      'round-not-found',
      'distributionRoundId',
    ],
    [
      secretary,
      'POST',
      `${council}/shift-templates`,
      { name: 'T', slots: [] },
      400,
      'invalid-request',
      'slots',
    ],
    [
      secretary,
      'POST',
      `${council}/shift-templates`,
      {
        name: 'T',
        slots: [{ weekday: 8, startTime: '08:00', endTime: '09:00', place: 'p', role: 'r', needed: 1 }],
      },
      400,
      'invalid-request',
    ],
    [
      secretary,
      'POST',
      `${council}/shift-templates`,
      {
        name: 'T',
        slots: [{ weekday: 1, startTime: '24:00', endTime: '09:00', place: 'p', role: 'r', needed: 1 }],
      },
      400,
      'invalid-request',
    ],
    [
      secretary,
      'POST',
      `${council}/trainings`,
      { personId: c.secretary.personId, training: '' },
      400,
      'invalid-request',
      'training',
    ],
    [
      secretary,
      'POST',
      `${council}/trainings`,
      { personId: '00000000-0000-4000-8000-000000000000', training: 'x' },
      400,
      'person-not-member',
      'personId',
    ],
    [
      secretary,
      'PUT',
      `/api/v1/shifts/${shift.id}/sign-ups/${c.members[0]!.personId}/attendance`,
      { attendance: 'late' },
      400,
      'invalid-request',
      'attendance',
    ],
    [
      secretary,
      'POST',
      `/api/v1/shifts/${shift.id}/cancellation`,
      { reason: '' },
      400,
      'invalid-request',
      'reason',
    ],
    [member, 'POST', `/api/v1/shifts/${shift.id}/cancellation`, { reason: 'no' }, 403, 'not-permitted'],
    [member, 'POST', '/api/v1/me/roster-feeds', { label: 'x'.repeat(101) }, 400, 'invalid-request', 'label'],
    [
      member,
      'DELETE',
      '/api/v1/me/roster-feeds/00000000-0000-4000-8000-000000000000',
      undefined,
      404,
      'feed-not-found',
    ],
    [anonymous, 'GET', '/api/v1/roster-feeds/short/calendar.ics', undefined, 400, 'invalid-request', 'token'],
  ];
  for (const [client, method, url, body, status, code, field] of cases) {
    const res = await client.request(method as 'GET', url, body);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
    const error = res.json().error;
    if (code !== 'invalid-request') expect(error.code, url).toBe(code);
    if (field) expect(error.field, `${method} ${url}: ${res.body}`).toBe(field);
  }
  expect(await tableCounts(s.db)).toEqual(before);
});
