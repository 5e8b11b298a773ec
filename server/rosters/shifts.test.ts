// Shifts of a council's roster over HTTP: officers define them (end after start, the council's own
// depots), members sign up and cancel under the council's rules, the roster shows each shift's gap,
// leads and officers mark attendance and no-shows; another council's members are refused with 403 and
// nothing is written.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../platform/ledger.ts';
import { createDepot } from '../supply/index.ts';
import {
  buildMember,
  startTestServer,
  TestClient,
  type TestServer,
  tableCounts,
  viewerOf,
} from '../test-factories.ts';
import { buildRosterCouncil, buildShift, inHours } from './rosters-factories.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  for (const chain of await verifyLedger(s.db)) expect(chain.firstBroken, chain.chainId).toBeNull();
  await s.close();
});

const shiftBody = (over: Record<string, unknown> = {}) => ({
  place: 'Olla común, Plaza 5',
  role: 'server',
  startsAt: inHours(30),
  endsAt: inHours(34),
  needed: 2,
  ...over,
});

describe('defining shifts', () => {
  it('lets the secretary define a shift, shown with its hours and its whole gap', async () => {
    const c = await buildRosterCouncil(s.db, 1);
    const secretary = await TestClient.signedIn(s.app, c.secretary.login);
    const res = await secretary.request('POST', `/api/v1/councils/${c.councilId}/shifts`, {
      ...shiftBody(),
      requiredTraining: 'food handling',
      leadPersonId: c.members[0]!.personId,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      place: 'Olla común, Plaza 5',
      needed: 2,
      signedUp: 0,
      gap: 2,
      hours: 4,
      requiredTraining: 'food handling',
      lead: { personId: c.members[0]!.personId },
      mine: false,
    });
  });

  it('refuses a shift that ends before it starts, or lasts over a day, naming the field and writing nothing', async () => {
    const c = await buildRosterCouncil(s.db, 0);
    const secretary = await TestClient.signedIn(s.app, c.secretary.login);
    const before = await tableCounts(s.db);
    for (const [body, code] of [
      [shiftBody({ startsAt: inHours(34), endsAt: inHours(30) }), 'ends-before-starts'],
      [shiftBody({ startsAt: inHours(30), endsAt: inHours(30) }), 'ends-before-starts'],
      [shiftBody({ startsAt: inHours(30), endsAt: inHours(55) }), 'shift-too-long'],
      [shiftBody({ needed: 0 }), 'invalid-request'],
      [shiftBody({ place: '  ' }), 'invalid-request'],
      [shiftBody({ startsAt: '2026-13-01T00:00:00Z' }), 'invalid-request'],
    ] as const) {
      const res = await secretary.request('POST', `/api/v1/councils/${c.councilId}/shifts`, body);
      expect(res.statusCode, res.body).toBe(400);
      if (code !== 'invalid-request') expect(res.json().error).toMatchObject({ code, field: 'endsAt' });
    }
    expect(await tableCounts(s.db)).toEqual(before);
  });

  it('refuses a member without office, and another council’s depot or a lead from outside', async () => {
    const c = await buildRosterCouncil(s.db, 1);
    const other = await buildRosterCouncil(s.db, 1);
    const otherDepot = await createDepot(s.db, other.officer, other.councilId, {
      name: 'Depósito',
      kind: 'depot',
    });
    const member = await TestClient.signedIn(s.app, c.members[0]!.login);
    const secretary = await TestClient.signedIn(s.app, c.secretary.login);
    const before = await tableCounts(s.db);
    const asMember = await member.request('POST', `/api/v1/councils/${c.councilId}/shifts`, shiftBody());
    expect(asMember.statusCode).toBe(403);
    expect(asMember.json().error.code).toBe('not-permitted');
    const depot = await secretary.request(
      'POST',
      `/api/v1/councils/${c.councilId}/shifts`,
      shiftBody({ depotId: otherDepot.id }),
    );
    expect(depot.json().error).toMatchObject({ code: 'depot-not-found', field: 'depotId' });
    const lead = await secretary.request(
      'POST',
      `/api/v1/councils/${c.councilId}/shifts`,
      shiftBody({ leadPersonId: other.members[0]!.personId }),
    );
    expect(lead.json().error).toMatchObject({ code: 'lead-not-member', field: 'leadPersonId' });
    expect(await tableCounts(s.db)).toEqual(before);
  });

  it('lets a distribution officer define shifts at the council’s depots but not others', async () => {
    const c = await buildRosterCouncil(s.db, 0);
    const depot = await createDepot(s.db, c.officer, c.councilId, { name: 'Depósito', kind: 'depot' });
    const keeper = await buildMember(s.db, c.councilId);
    await sql`insert into offices (council_id, office, person_id) values (${c.councilId}, 'distribution', ${keeper.personId})`.execute(
      s.db,
    );
    const client = await TestClient.signedIn(s.app, keeper.login);
    const tied = await client.request(
      'POST',
      `/api/v1/councils/${c.councilId}/shifts`,
      shiftBody({ depotId: depot.id }),
    );
    expect(tied.statusCode, tied.body).toBe(201);
    expect(tied.json().depotId).toBe(depot.id);
    const loose = await client.request('POST', `/api/v1/councils/${c.councilId}/shifts`, shiftBody());
    expect(loose.statusCode).toBe(403);
  });
});

describe('signing up', () => {
  it('fills a shift, shows the gap closing in the roster, and refuses once full', async () => {
    const c = await buildRosterCouncil(s.db, 3);
    const shift = await buildShift(s.db, c.secretary.personId, c.councilId, 30, 4, { needed: 2 });
    const [a, b, d] = await Promise.all(c.members.map((m) => TestClient.signedIn(s.app, m.login)));
    expect((await a!.request('POST', `/api/v1/shifts/${shift.id}/sign-ups`)).statusCode).toBe(201);
    const day = new Date(Date.now() + 30 * 3_600_000).toISOString().slice(0, 10);
    const roster = await a!.request(
      'GET',
      `/api/v1/councils/${c.councilId}/roster?from=${day}&to=${new Date(Date.now() + 40 * 3_600_000).toISOString().slice(0, 10)}`,
    );
    expect(roster.statusCode, roster.body).toBe(200);
    expect(roster.json().shifts).toEqual([
      expect.objectContaining({ id: shift.id, signedUp: 1, gap: 1, mine: true }),
    ]);
    expect(roster.json().totals).toMatchObject({
      shifts: 1,
      needed: 2,
      signedUp: 1,
      gap: 1,
      shiftsWithGap: 1,
    });
    expect(roster.json().viewer).toMatchObject({ canSignUp: true, canDefineShifts: false });
    expect((await b!.request('POST', `/api/v1/shifts/${shift.id}/sign-ups`)).statusCode).toBe(201);
    const full = await d!.request('POST', `/api/v1/shifts/${shift.id}/sign-ups`);
    expect(full.statusCode).toBe(409);
    expect(full.json().error.code).toBe('shift-full');
    const again = await a!.request('POST', `/api/v1/shifts/${shift.id}/sign-ups`);
    expect(again.json().error.code).toBe('already-signed-up');
    const detail = await a!.request('GET', `/api/v1/shifts/${shift.id}`);
    expect(
      detail
        .json()
        .signUps.map((u: { personId: string }) => u.personId)
        .sort(),
    ).toEqual([c.members[0]!.personId, c.members[1]!.personId].sort());
    expect(detail.json().viewer).toMatchObject({ canSignUp: false, canCancelSignUp: true });
  });

  it('refuses a sign-up for another council’s shift with 403 not-a-member, writing nothing', async () => {
    const c = await buildRosterCouncil(s.db, 0);
    const other = await buildRosterCouncil(s.db, 1);
    const shift = await buildShift(s.db, c.secretary.personId, c.councilId);
    const outsider = await TestClient.signedIn(s.app, other.members[0]!.login);
    const before = await tableCounts(s.db);
    const res = await outsider.request('POST', `/api/v1/shifts/${shift.id}/sign-ups`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'not-a-member', field: 'id' });
    expect((await outsider.request('GET', `/api/v1/shifts/${shift.id}`)).statusCode).toBe(403);
    expect(await tableCounts(s.db)).toEqual(before);
  });

  it('refuses shifts that started, lie past the horizon, were cancelled, or need a training not on record', async () => {
    const c = await buildRosterCouncil(s.db, 1);
    const me = viewerOf(c.members[0]!.personId);
    const client = await TestClient.signedIn(s.app, c.members[0]!.login);
    const started = await buildShift(s.db, c.secretary.personId, c.councilId, -1, 4);
    const far = await buildShift(s.db, c.secretary.personId, c.councilId, 24 * 61, 4);
    const trained = await buildShift(s.db, c.secretary.personId, c.councilId, 10, 2, {
      requiredTraining: 'First aid',
    });
    const cancelled = await buildShift(s.db, c.secretary.personId, c.councilId, 20, 2);
    const secretary = await TestClient.signedIn(s.app, c.secretary.login);
    const cancel = await secretary.request('POST', `/api/v1/shifts/${cancelled.id}/cancellation`, {
      reason: 'rain',
    });
    expect(cancel.json()).toMatchObject({ cancellationReason: 'rain', gap: 0 });
    const codes = [];
    for (const id of [started.id, far.id, trained.id, cancelled.id])
      codes.push((await client.request('POST', `/api/v1/shifts/${id}/sign-ups`)).json().error.code);
    expect(codes).toEqual(['shift-started', 'beyond-horizon', 'training-required', 'shift-cancelled']);
    const recorded = await secretary.request('POST', `/api/v1/councils/${c.councilId}/trainings`, {
      personId: me.personId,
      training: 'first aid',
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect((await client.request('POST', `/api/v1/shifts/${trained.id}/sign-ups`)).statusCode).toBe(201);
    // The horizon is the council's to set.
    const settings = await secretary.request('PUT', `/api/v1/councils/${c.councilId}/roster-settings`, {
      timeZone: 'America/La_Paz',
      maxHoursPerWeek: null,
      nightWeightPercent: 100,
      horizonDays: 90,
      cancellationWindowHours: 24,
    });
    expect(settings.statusCode, settings.body).toBe(200);
    expect((await client.request('POST', `/api/v1/shifts/${far.id}/sign-ups`)).statusCode).toBe(201);
  });

  it('refuses overlapping sign-ups, across councils too, but takes back-to-back shifts', async () => {
    const c = await buildRosterCouncil(s.db, 1);
    const other = await buildRosterCouncil(s.db, 0);
    const person = c.members[0]!;
    await sql`insert into memberships (council_id, person_id, status) values (${other.councilId}, ${person.personId}, 'active')`.execute(
      s.db,
    );
    const first = await buildShift(s.db, c.secretary.personId, c.councilId, 30, 4);
    const backToBack = await buildShift(s.db, c.secretary.personId, c.councilId, 34, 4);
    const elsewhere = await buildShift(s.db, other.secretary.personId, other.councilId, 33, 2);
    const client = await TestClient.signedIn(s.app, person.login);
    expect((await client.request('POST', `/api/v1/shifts/${first.id}/sign-ups`)).statusCode).toBe(201);
    expect((await client.request('POST', `/api/v1/shifts/${backToBack.id}/sign-ups`)).statusCode).toBe(201);
    const clash = await client.request('POST', `/api/v1/shifts/${elsewhere.id}/sign-ups`);
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.code).toBe('overlapping-shift');
  });

  it('cancels a sign-up outside the window, freeing the place, and refuses inside it', async () => {
    const c = await buildRosterCouncil(s.db, 1);
    const soon = await buildShift(s.db, c.secretary.personId, c.councilId, 10, 2);
    const later = await buildShift(s.db, c.secretary.personId, c.councilId, 30, 2);
    const client = await TestClient.signedIn(s.app, c.members[0]!.login);
    for (const shift of [soon, later])
      expect((await client.request('POST', `/api/v1/shifts/${shift.id}/sign-ups`)).statusCode).toBe(201);
    const before = await tableCounts(s.db);
    const refused = await client.request('DELETE', `/api/v1/shifts/${soon.id}/sign-ups/mine`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('inside-cancellation-window');
    expect(await tableCounts(s.db)).toEqual(before);
    expect((await client.request('DELETE', `/api/v1/shifts/${later.id}/sign-ups/mine`)).statusCode).toBe(204);
    const detail = (await client.request('GET', `/api/v1/shifts/${later.id}`)).json();
    expect(detail.shift).toMatchObject({ signedUp: 0, gap: 2, mine: false });
    expect(
      (await client.request('DELETE', `/api/v1/shifts/${later.id}/sign-ups/mine`)).json().error.code,
    ).toBe('not-signed-up');
  });
});

describe('attendance, no-shows and my shifts', () => {
  it('lets the lead mark attendance once the shift started, counts no-shows, and shows my shifts', async () => {
    const c = await buildRosterCouncil(s.db, 3);
    const [lead, a, b] = c.members;
    const shift = await buildShift(s.db, c.secretary.personId, c.councilId, 30, 4, {
      needed: 3,
      leadPersonId: lead!.personId,
    });
    const clients = await Promise.all([a!, b!].map((m) => TestClient.signedIn(s.app, m.login)));
    for (const client of clients)
      expect((await client.request('POST', `/api/v1/shifts/${shift.id}/sign-ups`)).statusCode).toBe(201);
    const leadClient = await TestClient.signedIn(s.app, lead!.login);
    const early = await leadClient.request(
      'PUT',
      `/api/v1/shifts/${shift.id}/sign-ups/${a!.personId}/attendance`,
      {
        attendance: 'attended',
      },
    );
    expect(early.json().error.code).toBe('shift-not-started');
    // Time passes: the shift is under way.
    await sql`update shifts set starts_at = now() - interval '1 hour', ends_at = now() + interval '3 hours'
               where id = ${shift.id}`.execute(s.db);
    const byMember = await clients[0]!.request(
      'PUT',
      `/api/v1/shifts/${shift.id}/sign-ups/${b!.personId}/attendance`,
      {
        attendance: 'no-show',
      },
    );
    expect(byMember.statusCode).toBe(403);
    for (const [who, attendance] of [
      [a!, 'attended'],
      [b!, 'no-show'],
    ] as const) {
      const res = await leadClient.request(
        'PUT',
        `/api/v1/shifts/${shift.id}/sign-ups/${who.personId}/attendance`,
        {
          attendance,
        },
      );
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().attendance).toBe(attendance);
    }
    const notSigned = await leadClient.request(
      'PUT',
      `/api/v1/shifts/${shift.id}/sign-ups/${lead!.personId}/attendance`,
      {
        attendance: 'attended',
      },
    );
    expect(notSigned.json().error).toMatchObject({ code: 'not-signed-up', field: 'personId' });
    const secretary = await TestClient.signedIn(s.app, c.secretary.login);
    const counts = (await secretary.request('GET', `/api/v1/councils/${c.councilId}/attendance`)).json();
    expect(counts.members).toEqual([
      expect.objectContaining({ personId: b!.personId, noShows: 1, attended: 0 }),
      expect.objectContaining({ personId: a!.personId, noShows: 0, attended: 1 }),
    ]);
    expect((await leadClient.request('GET', `/api/v1/councils/${c.councilId}/attendance`)).statusCode).toBe(
      403,
    );
    const mine = (
      await clients[1]!.request('GET', `/api/v1/me/shifts?from=${encodeURIComponent(inHours(-5))}`)
    ).json();
    expect(mine.shifts).toEqual([
      expect.objectContaining({ id: shift.id, attendance: 'no-show', signedUp: 2 }),
    ]);
    expect(mine.noShows).toEqual([{ councilId: c.councilId, noShows: 1, attended: 0 }]);
  });
});
