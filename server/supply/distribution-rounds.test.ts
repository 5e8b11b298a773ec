// Ration rules adopted by vote under the limits of the bodies above, and distribution rounds that divide
// short stock by the rule — priority classes first, weighted max-min fair in whole steps — with pick-ups
// that move stock once per household, recomputation from what the round stored, and bad input refused.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { castBallot, closePoll } from '../decisions/index.ts';
import { insertOffice } from '../federation/index.ts';
import type { AppError } from '../platform/http-errors.ts';
import { verifyLedger } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import {
  buildAdmin,
  buildCouncil,
  buildMember,
  buildOfficer,
  startTestServer,
  TestClient,
  type TestServer,
  tableCounts,
  viewerOf,
} from '../test-factories.ts';
import { openDistributionRound } from './open-distribution-round.ts';
import { proposeRationRule } from './propose-ration-rule.ts';
import { findRationRule } from './ration-rules.store.ts';
import { recordPickup } from './record-pickup.ts';
import { recordStockEvent } from './record-stock-event.ts';
import { registerHousehold } from './register-household.ts';
import { setRationLimits } from './set-ration-limits.ts';
import { balanceMilli, buildDepot, buildItem, cacheMismatches } from './supply-factories.ts';

let s: TestServer;
let admin: Viewer;
beforeAll(async () => {
  s = await startTestServer();
  admin = viewerOf((await buildAdmin(s.db)).personId, true);
});
afterAll(async () => {
  expect(await cacheMismatches(s.db)).toEqual([]);
  for (const chain of await verifyLedger(s.db)) expect(chain.firstBroken, chain.chainId).toBeNull();
  await s.close();
});

// 5 kg per person-equivalent; an infant counts half, a child 0.7; households with infants served first;
// at most 20 kg per household. Whole kilos only (step 1 kg).
const RULE = {
  perPersonMilli: 5000,
  weightsPermille: { infant: 500, child: 700, adult: 1000, elder: 1000 },
  priorityClasses: [['infants' as const]],
  capPerHouseholdMilli: 20_000,
};

/** A neighbourhood council under a local federation, with its officers, voters and a depot of rice. */
async function neighbourhood() {
  const federation = await buildCouncil(s.db, { kind: 'federation' });
  const council = await buildCouncil(s.db, { kind: 'neighbourhood', parentId: federation });
  const secretary = await buildOfficer(s.db, council, 'secretary');
  const keeper = await buildOfficer(s.db, council, 'distribution');
  const voters = await Promise.all([1, 2, 3].map(() => buildMember(s.db, council)));
  await insertOffice(s.db, federation, 'chair', voters[0]!.personId);
  const item = await buildItem(s.db, admin, { step: '1', units: [] });
  const depot = await buildDepot(s.db, viewerOf(secretary.personId), council);
  return {
    federation,
    council,
    secretary,
    keeper,
    voters,
    item,
    depot,
    chairAbove: viewerOf(voters[0]!.personId),
  };
}

type Place = Awaited<ReturnType<typeof neighbourhood>>;

/** Proposes RULE (or another), puts it to the vote through the API and closes it with `yes` of `no`. */
async function adopt(p: Place, rule = RULE, votes: Array<'yes' | 'no'> = ['yes', 'yes', 'no']) {
  const proposed = await proposeRationRule(s.db, viewerOf(p.keeper.personId), p.council, {
    itemId: p.item.id,
    rule,
    note: 'Reparto de arroz donado',
  });
  const client = await TestClient.signedIn(s.app, p.secretary.login);
  const opened = await client.request('POST', `/api/v1/ration-rules/${proposed.id}/poll`, {});
  expect(opened.statusCode, opened.body).toBe(201);
  const pollId = opened.json().pollId as string;
  expect((await findRationRule(s.db, proposed.id))?.status).toBe('in-vote');
  for (const [i, choice] of votes.entries())
    await castBallot(s.db, viewerOf(p.voters[i]!.personId), pollId, { ballot: { choice } });
  await closePoll(s.db, viewerOf(p.secretary.personId), pollId);
  return { ruleId: proposed.id, pollId };
}

const family = (
  headName: string,
  people: Partial<Record<'infant' | 'child' | 'adult' | 'elder', number>>,
  flags: Array<'infants'> = [],
) => ({
  headName,
  address: 'Zona Villa Adela',
  phone: null,
  people: { infant: 0, child: 0, adult: 0, elder: 0, ...people },
  flags,
  identityDocument: null,
});

describe('ration rules adopted by vote', () => {
  it('adopts a rule by the council’s vote and supersedes the one in force', async () => {
    const p = await neighbourhood();
    const first = await adopt(p);
    expect(await findRationRule(s.db, first.ruleId)).toMatchObject({
      status: 'adopted',
      poll_id: first.pollId,
    });
    const second = await adopt(p, { ...RULE, perPersonMilli: 4000 });
    expect((await findRationRule(s.db, first.ruleId))?.status).toBe('superseded');
    expect(await findRationRule(s.db, second.ruleId)).toMatchObject({ status: 'adopted', version: 2 });
    const rejected = await adopt(p, { ...RULE, perPersonMilli: 3000 }, ['no', 'no', 'yes']);
    expect((await findRationRule(s.db, rejected.ruleId))?.status).toBe('rejected');
    expect((await findRationRule(s.db, second.ruleId))?.status).toBe('adopted');
    const { rows } = await sql<{ kind: string }>`
      select kind from ledger_entries where chain_id = ${p.council} and kind like 'ration-rule.%' order by seq`.execute(
      s.db,
    );
    expect(rows.map((r) => r.kind)).toEqual([
      'ration-rule.proposed',
      'ration-rule.adopted',
      'ration-rule.proposed',
      'ration-rule.adopted',
      'ration-rule.proposed',
      'ration-rule.rejected',
    ]);
  });

  it('refuses a rule that loosens a limit of a body above, when proposed and when its vote closes', async () => {
    const p = await neighbourhood();
    await setRationLimits(s.db, p.chairAbove, p.federation, p.item.id, {
      maxPerPersonMilli: 6000,
      servedFirstFlags: ['infants'],
    });
    await expect(
      proposeRationRule(s.db, viewerOf(p.keeper.personId), p.council, {
        itemId: p.item.id,
        rule: { ...RULE, perPersonMilli: 7000 },
        note: null,
      }),
    ).rejects.toMatchObject({ code: 'loosens-parent-limit', field: 'rule.perPersonMilli' });
    await expect(
      proposeRationRule(s.db, viewerOf(p.keeper.personId), p.council, {
        itemId: p.item.id,
        rule: { ...RULE, priorityClasses: [] },
        note: null,
      }),
    ).rejects.toMatchObject({ code: 'loosens-parent-limit', field: 'rule.priorityClasses' });
    // Fits when proposed; the federation tightens its limit while the vote runs: not adopted.
    const proposed = await proposeRationRule(s.db, viewerOf(p.keeper.personId), p.council, {
      itemId: p.item.id,
      rule: RULE,
      note: null,
    });
    const client = await TestClient.signedIn(s.app, p.secretary.login);
    const pollId = (await client.request('POST', `/api/v1/ration-rules/${proposed.id}/poll`, {})).json()
      .pollId as string;
    await setRationLimits(s.db, p.chairAbove, p.federation, p.item.id, { maxPerPersonMilli: 4000 });
    for (const v of p.voters)
      await castBallot(s.db, viewerOf(v.personId), pollId, { ballot: { choice: 'yes' } });
    await closePoll(s.db, viewerOf(p.secretary.personId), pollId);
    const decided = await findRationRule(s.db, proposed.id);
    expect(decided?.status).toBe('rejected');
    expect(decided?.decision_summary).toMatch(/not adopted/);
  });
});

describe('distribution rounds', () => {
  async function roundOfThirtyKilos() {
    const p = await neighbourhood();
    await adopt(p);
    const keeper = viewerOf(p.keeper.personId);
    const ids: Record<string, string> = {};
    for (const [name, people, flags] of [
      ['H1 Mamani', { adult: 1, infant: 1 }, ['infants']],
      ['H2 Quispe', { adult: 2, child: 2 }, []],
      ['H3 Condori', { adult: 1 }, []],
      ['H4 Choque', { adult: 6 }, []],
    ] as const) {
      const { household } = await registerHousehold(
        s.db,
        keeper,
        p.council,
        family(name, people, [...flags]),
      );
      ids[name.slice(0, 2)] = household.id;
    }
    await recordStockEvent(s.db, viewerOf(p.secretary.personId), p.depot.id, {
      kind: 'receipt',
      itemId: p.item.id,
      quantity: '30',
      source: 'donation',
    });
    const roundId = await openDistributionRound(s.db, keeper, p.depot.id, {
      itemId: p.item.id,
      title: 'Reparto de arroz, sábado',
    });
    return { p, ids, roundId, keeper };
  }

  it('serves the infants’ class in full, then shares the rest by weighted max-min in whole kilos (worked example)', async () => {
    const { p, ids, roundId } = await roundOfThirtyKilos();
    const client = await TestClient.signedIn(s.app, p.keeper.login);
    const round = (await client.request('GET', `/api/v1/distribution-rounds/${roundId}`)).json();
    const allocated = Object.fromEntries(
      (
        round.entitlements as Array<{ householdId: string; allocatedMilli: string; entitlementMilli: string }>
      ).map((e) => [e.householdId, [Number(e.entitlementMilli) / 1000, Number(e.allocatedMilli) / 1000]]),
    );
    // Entitlements: H1 1.5 × 5 = 7.5 → 7 kg (whole kilos); H2 3.4 × 5 = 17; H3 5; H4 6 × 5 = 30, capped at 20.
    // H1 (infants) first: 7 of 30. The 23 left for H2, H3, H4 (weights 3.4, 1, 6): the level 23 / 10.4 gives
    // 7.5, 2.2, 13.3 → 7, 2, 13 and the 23rd kilo to the lowest (a+1)/w: H4 (14/6 < 8/3.4 < 3/1).
    expect(allocated).toEqual({
      [ids.H1!]: [7, 7],
      [ids.H2!]: [17, 7],
      [ids.H3!]: [5, 2],
      [ids.H4!]: [20, 14],
    });
    expect(round).toMatchObject({
      stockMilli: '30000',
      allocatedMilli: '30000',
      households: 4,
      status: 'open',
    });
    expect(round.classes.map((c: { status: string }) => c.status)).toEqual(['full', 'short']);
    const again = (
      await client.request('GET', `/api/v1/distribution-rounds/${roundId}/recomputation`)
    ).json();
    expect(again).toMatchObject({ matches: true, differences: [], allocatedMilli: 30000, households: 4 });
  });

  it('keeps names from those who do not keep the register, and recomputes identically for them', async () => {
    const { p, roundId } = await roundOfThirtyKilos();
    const client = await TestClient.signedIn(s.app, p.voters[1]!.login);
    const round = (await client.request('GET', `/api/v1/distribution-rounds/${roundId}`)).json();
    expect(round.entitlements).toHaveLength(4);
    for (const e of round.entitlements)
      expect([e.headName, e.address, e.flags, e.people]).toEqual([null, null, null, null]);
    expect(round.mayRecordPickups).toBe(false);
    const again = (
      await client.request('GET', `/api/v1/distribution-rounds/${roundId}/recomputation`)
    ).json();
    expect(again.matches).toBe(true);
    // A tampered line is caught.
    await sql`update round_entitlements set allocated_milli = allocated_milli + 1000
               where round_id = ${roundId} and allocated_milli = 2000`.execute(s.db);
    const tampered = (
      await client.request('GET', `/api/v1/distribution-rounds/${roundId}/recomputation`)
    ).json();
    expect(tampered.matches).toBe(false);
    expect(tampered.differences[0]).toMatchObject({
      field: 'allocatedMilli',
      stored: 3000,
      recomputed: 2000,
    });
  });

  it('hands out each allocation once under concurrent ticks, moving the stock, and nothing after the close', async () => {
    const { p, ids, roundId, keeper } = await roundOfThirtyKilos();
    const ticks = await Promise.allSettled(
      Array.from({ length: 10 }, () => recordPickup(s.db, keeper, roundId, { householdId: ids.H2! })),
    );
    expect(ticks.filter((t) => t.status === 'fulfilled')).toHaveLength(1);
    for (const t of ticks)
      if (t.status === 'rejected') expect((t.reason as AppError).code).toBe('already-picked-up');
    expect(await balanceMilli(s.db, p.depot.id, p.item.id)).toBe(23_000n);
    await recordPickup(s.db, keeper, roundId, { householdId: ids.H1!, volunteerId: p.voters[2]!.personId });
    expect(await balanceMilli(s.db, p.depot.id, p.item.id)).toBe(16_000n);
    const client = await TestClient.signedIn(s.app, p.keeper.login);
    expect((await client.request('POST', `/api/v1/distribution-rounds/${roundId}/closing`)).statusCode).toBe(
      204,
    );
    await expect(recordPickup(s.db, keeper, roundId, { householdId: ids.H3! })).rejects.toMatchObject({
      code: 'round-closed',
    });
    const round = (await client.request('GET', `/api/v1/distribution-rounds/${roundId}`)).json();
    expect(round).toMatchObject({ status: 'closed', pickedUp: 2, pickedUpMilli: '14000' });
    const h1 = round.entitlements.find((e: { householdId: string }) => e.householdId === ids.H1);
    expect(h1.handedOutByName).toBeTruthy();
  });

  it('answers bad input with a 4xx naming the field, and writes nothing', async () => {
    const { p, ids, roundId } = await roundOfThirtyKilos();
    const other = await neighbourhood();
    const client = await TestClient.signedIn(s.app, p.keeper.login);
    await client.request('POST', `/api/v1/distribution-rounds/${roundId}/pickups`, { householdId: ids.H3 });
    const before = await tableCounts(s.db);
    const cases: Array<[string, string, string, unknown, number, string, string | undefined]> = [
      [
        'duplicate pick-up',
        'POST',
        `/api/v1/distribution-rounds/${roundId}/pickups`,
        { householdId: ids.H3 },
        409,
        'already-picked-up',
        'householdId',
      ],
      [
        'not on the list',
        'POST',
        `/api/v1/distribution-rounds/${roundId}/pickups`,
        { householdId: other.council },
        404,
        'household-not-in-round',
        'householdId',
      ],
      [
        'unknown item',
        'POST',
        `/api/v1/depots/${p.depot.id}/distribution-rounds`,
        { itemId: p.council, title: 'x' },
        404,
        'item-not-found',
        'itemId',
      ],
      [
        'no rule for the item',
        'POST',
        `/api/v1/depots/${p.depot.id}/distribution-rounds`,
        { itemId: other.item.id, title: 'x' },
        409,
        'no-rule-in-force',
        'itemId',
      ],
      [
        'another council’s depot',
        'POST',
        `/api/v1/depots/${other.depot.id}/distribution-rounds`,
        { itemId: p.item.id, title: 'x' },
        403,
        'not-permitted',
        'id',
      ],
      [
        'half a kilo',
        'POST',
        `/api/v1/depots/${p.depot.id}/distribution-rounds`,
        { itemId: p.item.id, title: 'x', quantity: '2.5' },
        400,
        'quantity-off-step',
        'quantity',
      ],
      [
        'more than the shelf',
        'POST',
        `/api/v1/depots/${p.depot.id}/distribution-rounds`,
        { itemId: p.item.id, title: 'x', quantity: '999' },
        409,
        'more-than-on-shelf',
        'quantity',
      ],
      [
        'weight out of range',
        'POST',
        `/api/v1/councils/${p.council}/ration-rules`,
        { itemId: p.item.id, rule: { ...RULE, weightsPermille: { ...RULE.weightsPermille, child: 5000 } } },
        400,
        'invalid-request',
        'rule.weightsPermille.child',
      ],
      [
        'no weight at all',
        'POST',
        `/api/v1/councils/${p.council}/ration-rules`,
        {
          itemId: p.item.id,
          rule: { ...RULE, weightsPermille: { infant: 0, child: 0, adult: 0, elder: 0 } },
        },
        400,
        'no-weight',
        'rule.weightsPermille',
      ],
      [
        'empty class',
        'POST',
        `/api/v1/councils/${p.council}/ration-rules`,
        { itemId: p.item.id, rule: { ...RULE, priorityClasses: [[]] } },
        400,
        'priority-class-empty',
        'rule.priorityClasses.0',
      ],
      [
        'limits by a base council',
        'PUT',
        `/api/v1/councils/${p.council}/ration-limits/${p.item.id}`,
        { maxPerPersonMilli: 1000 },
        403,
        'not-permitted',
        undefined,
      ],
      [
        'unknown poll subject version',
        'POST',
        `/api/v1/ration-rules/${p.council}/poll`,
        {},
        404,
        'ration-rule-not-found',
        'id',
      ],
    ];
    for (const [what, method, url, body, status, code, field] of cases) {
      const res = await client.request(method as 'POST', url, body);
      expect(res.statusCode, `${what}: ${res.body}`).toBe(status);
      expect(res.json().error.code, what).toBe(code);
      if (field) expect(res.json().error.field, what).toBe(field);
    }
    expect(await tableCounts(s.db)).toEqual(before);
  });
});
