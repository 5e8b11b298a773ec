// Shifts tied to a distribution round (issue 8), over HTTP: a round opened through supply's own use
// cases (a rule adopted by the council's vote, a household, stock on the shelf) is carried by the shift,
// its view and its ledger entry; the round of another council, or no round at all, is refused naming the
// field with nothing written; the distribution officers define and cancel the shifts of their rounds,
// and nothing else.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { castBallot, closePoll } from '../decisions/index.ts';
import { verifyLedger } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import {
  createDepot,
  createItem,
  openDistributionRound,
  proposeRationRule,
  recordStockEvent,
  registerHousehold,
} from '../supply/index.ts';
import {
  buildAdmin,
  buildOfficer,
  startTestServer,
  TestClient,
  type TestServer,
  tableCounts,
  viewerOf,
} from '../test-factories.ts';
import { buildRosterCouncil, inHours } from './rosters-factories.ts';

let s: TestServer;
let admin: Viewer;
beforeAll(async () => {
  s = await startTestServer();
  admin = viewerOf((await buildAdmin(s.db)).personId, true);
});
afterAll(async () => {
  for (const chain of await verifyLedger(s.db)) expect(chain.firstBroken, chain.chainId).toBeNull();
  await s.close();
});

let counter = 0;

/**
 * A base council with its secretary, a distribution officer, three voting members, a depot of rice and
 * one open distribution round of it — each step through supply's use cases and the ration rule's vote.
 */
async function councilWithRound() {
  counter += 1;
  const c = await buildRosterCouncil(s.db, 3);
  const keeper = await buildOfficer(s.db, c.councilId, 'distribution');
  const asKeeper = viewerOf(keeper.personId);
  const item = await createItem(s.db, admin, {
    name: `Arroz ${Date.now().toString(36)}-${counter}`,
    category: 'food',
    baseUnit: 'kg',
    step: '1',
    units: [],
  });
  const depot = await createDepot(s.db, c.officer, c.councilId, {
    name: `Depósito ${counter}`,
    kind: 'depot',
  });
  const rule = await proposeRationRule(s.db, asKeeper, c.councilId, {
    itemId: item.id,
    rule: {
      perPersonMilli: 5000,
      weightsPermille: { infant: 500, child: 700, adult: 1000, elder: 1000 },
      priorityClasses: [],
    },
    note: null,
  });
  const secretary = await TestClient.signedIn(s.app, c.secretary.login);
  const poll = await secretary.request('POST', `/api/v1/ration-rules/${rule.id}/poll`, {});
  expect(poll.statusCode, poll.body).toBe(201);
  const pollId = poll.json().pollId as string;
  for (const m of c.members)
    await castBallot(s.db, viewerOf(m.personId), pollId, { ballot: { choice: 'yes' } });
  await closePoll(s.db, c.officer, pollId);
  await registerHousehold(s.db, asKeeper, c.councilId, {
    headName: 'Familia Mamani',
    address: 'Zona Villa Adela',
    phone: null,
    people: { infant: 0, child: 1, adult: 2, elder: 0 },
    flags: [],
    identityDocument: null,
  });
  await recordStockEvent(s.db, c.officer, depot.id, {
    kind: 'receipt',
    itemId: item.id,
    quantity: '30',
    source: 'donation',
  });
  const roundId = await openDistributionRound(s.db, asKeeper, depot.id, {
    itemId: item.id,
    title: 'Reparto de arroz donado',
  });
  return { ...c, keeper, depot, roundId, secretaryClient: secretary };
}

const shiftBody = (over: Record<string, unknown> = {}) => ({
  place: 'Depósito de la zona',
  role: 'handing out',
  startsAt: inHours(30),
  endsAt: inHours(34),
  needed: 3,
  ...over,
});

describe('shifts tied to a distribution round', () => {
  it('ties a shift to the council’s own round, shown in its view, the roster and its ledger entry', async () => {
    const c = await councilWithRound();
    const res = await c.secretaryClient.request(
      'POST',
      `/api/v1/councils/${c.councilId}/shifts`,
      shiftBody({ distributionRoundId: c.roundId }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ distributionRoundId: c.roundId, depotId: null, gap: 3 });
    const shiftId = res.json().id as string;

    const read = await c.secretaryClient.request('GET', `/api/v1/shifts/${shiftId}`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().shift).toMatchObject({ id: shiftId, distributionRoundId: c.roundId, depotId: null });

    const day = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString().slice(0, 10);
    const roster = await c.secretaryClient.request(
      'GET',
      `/api/v1/councils/${c.councilId}/roster?from=${day(0)}&to=${day(48)}`,
    );
    expect(roster.statusCode, roster.body).toBe(200);
    expect(roster.json().shifts).toEqual([
      expect.objectContaining({ id: shiftId, distributionRoundId: c.roundId }),
    ]);

    const { rows } = await sql<{ payload: { shiftId: string; distributionRoundId: string | null } }>`
      select payload from ledger_entries where chain_id = ${c.councilId} and kind = 'shift.defined'`.execute(
      s.db,
    );
    expect(rows.map((r) => r.payload)).toEqual([
      expect.objectContaining({ shiftId, distributionRoundId: c.roundId }),
    ]);
  });

  it('refuses the round of another council, or an unknown round, naming the field and writing nothing', async () => {
    const c = await councilWithRound();
    const other = await councilWithRound();
    const keeper = await TestClient.signedIn(s.app, c.keeper.login);
    const before = await tableCounts(s.db);
    for (const client of [c.secretaryClient, keeper])
      for (const roundId of [other.roundId, '0190a7c4-0000-7000-8000-000000000000']) {
        const res = await client.request(
          'POST',
          `/api/v1/councils/${c.councilId}/shifts`,
          shiftBody({ distributionRoundId: roundId }),
        );
        expect(res.statusCode, res.body).toBe(404);
        expect(res.json().error).toMatchObject({ code: 'round-not-found', field: 'distributionRoundId' });
      }
    // A round id that is not a uuid never reaches the use case.
    const malformed = await c.secretaryClient.request(
      'POST',
      `/api/v1/councils/${c.councilId}/shifts`,
      shiftBody({ distributionRoundId: 'round-1' }),
    );
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.field).toBe('distributionRoundId');
    expect(await tableCounts(s.db)).toEqual(before);
  });

  it('lets a distribution officer define and cancel a shift tied to a round, but not an untied one', async () => {
    const c = await councilWithRound();
    const keeper = await TestClient.signedIn(s.app, c.keeper.login);
    const tied = await keeper.request(
      'POST',
      `/api/v1/councils/${c.councilId}/shifts`,
      shiftBody({ distributionRoundId: c.roundId }),
    );
    expect(tied.statusCode, tied.body).toBe(201);
    expect(tied.json()).toMatchObject({ distributionRoundId: c.roundId, depotId: null });
    const shiftId = tied.json().id as string;

    const before = await tableCounts(s.db);
    const loose = await keeper.request('POST', `/api/v1/councils/${c.councilId}/shifts`, shiftBody());
    expect(loose.statusCode, loose.body).toBe(403);
    expect(loose.json().error.code).toBe('not-permitted');
    expect(await tableCounts(s.db)).toEqual(before);

    const read = await keeper.request('GET', `/api/v1/shifts/${shiftId}`);
    expect(read.json().viewer.canCancelShift).toBe(true);
    const cancelled = await keeper.request('POST', `/api/v1/shifts/${shiftId}/cancellation`, {
      reason: 'round moved to Saturday',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({
      distributionRoundId: c.roundId,
      cancellationReason: 'round moved to Saturday',
    });
  });

  it('refuses the round’s shift to a member without office and to another council’s distribution officer', async () => {
    const c = await councilWithRound();
    const other = await councilWithRound();
    const member = await TestClient.signedIn(s.app, c.members[0]!.login);
    const outsider = await TestClient.signedIn(s.app, other.keeper.login);
    const before = await tableCounts(s.db);
    for (const client of [member, outsider]) {
      const res = await client.request(
        'POST',
        `/api/v1/councils/${c.councilId}/shifts`,
        shiftBody({ distributionRoundId: c.roundId }),
      );
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().error.code).toBe('not-permitted');
    }
    expect(await tableCounts(s.db)).toEqual(before);
  });

  it('ties one shift to a depot and a round of the council at once', async () => {
    const c = await councilWithRound();
    const keeper = await TestClient.signedIn(s.app, c.keeper.login);
    const res = await keeper.request(
      'POST',
      `/api/v1/councils/${c.councilId}/shifts`,
      shiftBody({ depotId: c.depot.id, distributionRoundId: c.roundId }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ depotId: c.depot.id, distributionRoundId: c.roundId });
  });
});
