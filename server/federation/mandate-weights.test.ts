// The weight rule of a federated council: chosen with its apportionment rule, fixed in each mandate when
// its election result is recorded, and shown on the roll.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mandateWeightMillis } from '../../core/federation/index.ts';
import {
  buildAdmin,
  buildCouncil,
  buildElectionResult,
  buildMember,
  startTestServer,
  TestClient,
  type TestServer,
} from '../test-factories.ts';
import { databaseInstant, rollAt } from './index.ts';

let s: TestServer;

beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => s.close());

/** A local federation of a mine with six members and a village with two, as its administrator sees it. */
async function federationOfTwo() {
  const local = await buildCouncil(s.db, { kind: 'federation', level: 'local' });
  const mine = await buildCouncil(s.db, { kind: 'mine', parentId: local });
  const village = await buildCouncil(s.db, { kind: 'village', parentId: local });
  const miners = await Promise.all([1, 2, 3, 4, 5, 6].map(() => buildMember(s.db, mine)));
  const villagers = await Promise.all([1, 2].map(() => buildMember(s.db, village)));
  const admin = await TestClient.signedIn(s.app, (await buildAdmin(s.db)).login);
  return {
    local,
    mine,
    village,
    miners: miners.map((m) => m.personId),
    villagers: villagers.map((m) => m.personId),
    admin,
  };
}

describe('the weight rule of a federated council', () => {
  it('is one seat, one vote unless chosen, and the rule view shows it', async () => {
    const { local, admin } = await federationOfTwo();
    const put = await admin.request('PUT', `/api/v1/councils/${local}/apportionment-rule`, {
      method: 'fixed',
      seatsPerChild: 1,
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().weightRule).toBe('one-seat-one-vote');

    const chosen = await admin.request('PUT', `/api/v1/councils/${local}/apportionment-rule`, {
      method: 'dhondt',
      totalSeats: 4,
      weightRule: 'represented-members',
    });
    expect(chosen.statusCode, chosen.body).toBe(200);
    const page = await admin.request('GET', `/api/v1/councils/${local}/apportionment`);
    expect(page.json().rule).toMatchObject({ method: 'dhondt', weightRule: 'represented-members' });
  });

  it('refuses a weight rule it does not know, naming the field', async () => {
    const { local, admin } = await federationOfTwo();
    const res = await admin.request('PUT', `/api/v1/councils/${local}/apportionment-rule`, {
      method: 'fixed',
      seatsPerChild: 1,
      weightRule: 'by-wealth',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('weightRule');
  });

  it('gives each seat the members it represents, as mandateWeightMillis computes, and the roll shows it', async () => {
    const { local, mine, village, miners, villagers, admin } = await federationOfTwo();
    const put = await admin.request('PUT', `/api/v1/councils/${local}/apportionment-rule`, {
      method: 'fixed',
      seatsPerChild: 1,
      weightRule: 'represented-members',
    });
    expect(put.statusCode, put.body).toBe(200);
    const table = await admin.request('POST', `/api/v1/councils/${local}/apportionment`, {});
    expect(table.statusCode, table.body).toBe(201);

    const fromMine = await buildElectionResult(s.db, mine, [miners[0]!], [miners[1]!]);
    const fromVillage = await buildElectionResult(s.db, village, [villagers[0]!]);
    const totals = { totalMembers: 8, totalSeats: 2 };
    const mineWeight = mandateWeightMillis('represented-members', {
      childMembers: 6,
      childSeats: 1,
      ...totals,
    });
    const villageWeight = mandateWeightMillis('represented-members', {
      childMembers: 2,
      childSeats: 1,
      ...totals,
    });
    expect([mineWeight, villageWeight]).toEqual([1500, 500]);
    expect(fromMine.mandates.map((m) => m.weightMillis)).toEqual([mineWeight]);
    expect(fromVillage.mandates.map((m) => m.weightMillis)).toEqual([villageWeight]);

    const roll = await rollAt(s.db, local, await databaseInstant(s.db));
    expect(
      roll
        .map((r) => [r.holder_person_id, r.weight_millis])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ).toEqual(
      [
        [miners[0], mineWeight],
        [villagers[0], villageWeight],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    const anyone = await TestClient.anonymous(s.app);
    const shown = await anyone.request('GET', `/api/v1/councils/${local}/roll`);
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.json().totalWeightMillis).toBe(mineWeight + villageWeight);
  });

  it('keeps the weight a mandate was issued with when the rule changes later', async () => {
    const { local, mine, miners, admin } = await federationOfTwo();
    await admin.request('PUT', `/api/v1/councils/${local}/apportionment-rule`, {
      method: 'fixed',
      seatsPerChild: 1,
      weightRule: 'represented-members',
    });
    await admin.request('POST', `/api/v1/councils/${local}/apportionment`, {});
    const issued = await buildElectionResult(s.db, mine, [miners[0]!]);
    const back = await admin.request('PUT', `/api/v1/councils/${local}/apportionment-rule`, {
      method: 'fixed',
      seatsPerChild: 1,
    });
    expect(back.statusCode, back.body).toBe(200);

    const roll = await rollAt(s.db, local, await databaseInstant(s.db));
    expect(roll.find((r) => r.mandate_id === issued.mandates[0]!.mandateId)?.weight_millis).toBe(1500);
    const again = await buildElectionResult(s.db, mine, [miners[2]!]);
    expect(again.mandates[0]!.weightMillis).toBe(1000);
  });
});
