// The shift lead's incident log, read by the council's officers and that lead only; and a member's
// calendar feed, read by token without a cookie, gone once revoked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../platform/ledger.ts';
import { startTestServer, TestClient, type TestServer, tableCounts } from '../test-factories.ts';
import { buildRosterCouncil, buildShift, inHours } from './rosters-factories.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  for (const chain of await verifyLedger(s.db)) expect(chain.firstBroken, chain.chainId).toBeNull();
  await s.close();
});

describe('the incident log', () => {
  it('takes entries from the shift lead only, shown to officers and the lead but not to members', async () => {
    const c = await buildRosterCouncil(s.db, 2);
    const [lead, member] = c.members;
    const shift = await buildShift(s.db, c.secretary.personId, c.councilId, 2, 4, {
      leadPersonId: lead!.personId,
    });
    const leadClient = await TestClient.signedIn(s.app, lead!.login);
    const memberClient = await TestClient.signedIn(s.app, member!.login);
    const secretary = await TestClient.signedIn(s.app, c.secretary.login);
    const byMember = await memberClient.request('POST', `/api/v1/shifts/${shift.id}/incidents`, {
      text: 'x',
    });
    expect(byMember.statusCode).toBe(403);
    const before = await tableCounts(s.db);
    const future = await leadClient.request('POST', `/api/v1/shifts/${shift.id}/incidents`, {
      text: 'later',
      occurredAt: inHours(5),
    });
    expect(future.json().error).toMatchObject({ code: 'occurred-in-future', field: 'occurredAt' });
    expect(await tableCounts(s.db)).toEqual(before);
    const res = await leadClient.request('POST', `/api/v1/shifts/${shift.id}/incidents`, {
      text: 'A neighbour fainted in the queue; first aid given.',
      occurredAt: inHours(-0.5),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ author: { personId: lead!.personId }, role: 'cook' });
    for (const client of [leadClient, secretary]) {
      const log = await client.request('GET', `/api/v1/shifts/${shift.id}/incidents`);
      expect(log.json().incidents).toHaveLength(1);
    }
    expect((await memberClient.request('GET', `/api/v1/shifts/${shift.id}/incidents`)).statusCode).toBe(403);
    const day = new Date().toISOString().slice(0, 10);
    const councilLog = await secretary.request(
      'GET',
      `/api/v1/councils/${c.councilId}/incidents?from=${day}&to=${day}`,
    );
    expect(councilLog.statusCode, councilLog.body).toBe(200);
    expect(councilLog.json().incidents.map((i: { text: string }) => i.text)).toEqual([
      'A neighbour fainted in the queue; first aid given.',
    ]);
  });
});

describe('the calendar feed', () => {
  it('serves my shifts as iCalendar by token with no cookie, until revoked', async () => {
    const c = await buildRosterCouncil(s.db, 1);
    const shift = await buildShift(s.db, c.secretary.personId, c.councilId, 30, 4);
    const me = await TestClient.signedIn(s.app, c.members[0]!.login);
    expect((await me.request('POST', `/api/v1/shifts/${shift.id}/sign-ups`)).statusCode).toBe(201);
    const issued = await me.request('POST', '/api/v1/me/roster-feeds', { label: 'Phone' });
    expect(issued.statusCode, issued.body).toBe(201);
    const { id, token, url } = issued.json();
    expect(url).toContain(`/api/v1/roster-feeds/${token}/calendar.ics`);
    const feed = await s.app.inject({ method: 'GET', url: `/api/v1/roster-feeds/${token}/calendar.ics` });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    expect(feed.body).toContain('BEGIN:VEVENT');
    expect(feed.body).toContain(`UID:shift-${shift.id}@cabildo`);
    expect(feed.body).toContain('SUMMARY:cook');
    const listed = (await me.request('GET', '/api/v1/me/roster-feeds')).json().feeds;
    expect(listed).toEqual([expect.objectContaining({ id, label: 'Phone', revokedAt: null })]);
    expect(JSON.stringify(listed)).not.toContain(token);
    expect((await me.request('DELETE', `/api/v1/me/roster-feeds/${id}`)).statusCode).toBe(204);
    const gone = await s.app.inject({ method: 'GET', url: `/api/v1/roster-feeds/${token}/calendar.ics` });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe('feed-not-found');
    const guessed = await s.app.inject({
      method: 'GET',
      url: `/api/v1/roster-feeds/${'A'.repeat(43)}/calendar.ics`,
    });
    expect(guessed.statusCode).toBe(404);
  });

  it('does not let another person revoke my feed', async () => {
    const c = await buildRosterCouncil(s.db, 2);
    const me = await TestClient.signedIn(s.app, c.members[0]!.login);
    const other = await TestClient.signedIn(s.app, c.members[1]!.login);
    const { id } = (await me.request('POST', '/api/v1/me/roster-feeds', { label: 'Laptop' })).json();
    expect((await other.request('DELETE', `/api/v1/me/roster-feeds/${id}`)).statusCode).toBe(404);
    expect((await me.request('GET', '/api/v1/me/roster-feeds')).json().feeds[0].revokedAt).toBeNull();
  });
});
