// Requisitions up the tree and shipment plans down it (issue 6 §7): evidence computed from the council's
// own ledger, approval of less than asked, a plan that fills every requisition to the same max-min fair
// ratio and then ships the rest the shortest way (worked example on real places), execution into
// transfers exactly once under concurrency, and bad input refused with nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertOffice } from '../federation/index.ts';
import type { AppError } from '../platform/http-errors.ts';
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
import { createDepot } from './create-depot.ts';
import { decideRequisition } from './decide-requisition.ts';
import { executeShipmentPlan } from './execute-shipment-plan.ts';
import { planShipments } from './plan-shipments.ts';
import { receiveTransfer } from './receive-transfer.ts';
import { recordStockEvent } from './record-stock-event.ts';
import { submitRequisition } from './submit-requisition.ts';
import { balanceMilli, buildItem, cacheMismatches } from './supply-factories.ts';

let s: TestServer;
let admin: Viewer;
beforeAll(async () => {
  s = await startTestServer();
  admin = viewerOf((await buildAdmin(s.db)).personId, true);
});
afterAll(async () => {
  expect(await cacheMismatches(s.db)).toEqual([]);
  await s.close();
});

const LA_PAZ = { latitude: -16.4955, longitude: -68.1336 };
const ORURO = { latitude: -17.9647, longitude: -67.1064 };
const EL_ALTO = { latitude: -16.5047, longitude: -68.1633 };
const HUANUNI = { latitude: -18.2892, longitude: -66.8383 };

/** A regional body with depots in La Paz (50 kg) and Oruro (100 kg); El Alto and Huanuni under it. */
async function region() {
  const body = await buildCouncil(s.db, { kind: 'federation' });
  const elAlto = await buildCouncil(s.db, { kind: 'neighbourhood', parentId: body });
  const huanuni = await buildCouncil(s.db, { kind: 'mine', parentId: body });
  const chairMember = await buildMember(s.db, elAlto);
  await insertOffice(s.db, body, 'chair', chairMember.personId);
  const chair = viewerOf(chairMember.personId);
  const elAltoOfficer = await buildOfficer(s.db, elAlto);
  const huanuniOfficer = await buildOfficer(s.db, huanuni);
  const item = await buildItem(s.db, admin, { step: '1', units: [] });
  const depot = (council: string, who: Viewer, name: string, location: typeof LA_PAZ | null) =>
    createDepot(s.db, who, council, { name, kind: 'depot', location });
  const laPaz = await depot(body, chair, 'Almacén La Paz', LA_PAZ);
  const oruro = await depot(body, chair, 'Almacén Oruro', ORURO);
  const alto = await depot(elAlto, viewerOf(elAltoOfficer.personId), 'Sede 16 de Julio', EL_ALTO);
  const mine = await depot(huanuni, viewerOf(huanuniOfficer.personId), 'Pulpería', HUANUNI);
  for (const [d, q] of [
    [laPaz.id, '50'],
    [oruro.id, '100'],
  ] as const)
    await recordStockEvent(s.db, chair, d, {
      kind: 'receipt',
      itemId: item.id,
      quantity: q,
      source: 'purchase',
    });
  return {
    body,
    elAlto,
    huanuni,
    chair,
    chairMember,
    item,
    laPaz,
    oruro,
    alto,
    mine,
    elAltoOfficer: viewerOf(elAltoOfficer.personId),
    huanuniOfficer: viewerOf(huanuniOfficer.personId),
    elAltoLogin: elAltoOfficer.login,
  };
}

describe('requisitions and shipment plans', () => {
  it('fills both requisitions to 15/16, then ships the last kilo and every route the shortest way (worked example)', async () => {
    const r = await region();
    // El Alto used 30 kg of its own last week: the evidence says so.
    await recordStockEvent(s.db, r.elAltoOfficer, r.alto.id, {
      kind: 'receipt',
      itemId: r.item.id,
      quantity: '40',
      source: 'donation',
    });
    await recordStockEvent(s.db, r.elAltoOfficer, r.alto.id, {
      kind: 'issue',
      itemId: r.item.id,
      quantity: '30',
    });
    const a = await submitRequisition(s.db, r.elAltoOfficer, r.elAlto, {
      itemId: r.item.id,
      quantity: '120',
      toDepotId: r.alto.id,
    });
    const b = await submitRequisition(s.db, r.huanuniOfficer, r.huanuni, {
      itemId: r.item.id,
      quantity: '60',
      toDepotId: r.mine.id,
    });
    const client = await TestClient.signedIn(s.app, r.chairMember.login);
    const received = (
      await client.request('GET', `/api/v1/councils/${r.body}/requisitions?direction=received`)
    ).json();
    const fromAlto = received.requisitions.find((q: { id: string }) => q.id === a);
    expect(fromAlto).toMatchObject({
      requestedMilli: '120000',
      stockMilli: '10000',
      consumption30dMilli: '30000',
      status: 'submitted',
    });
    await decideRequisition(s.db, r.chair, a, { decision: 'approve', quantity: '100', note: 'lo que hay' });
    await decideRequisition(s.db, r.chair, b, { decision: 'approve' });

    const res = await client.request('POST', `/api/v1/councils/${r.body}/shipment-plans`, {
      itemId: r.item.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    const plan = res.json();
    // Supply 150 against demand 160: f* = 150/160 = 15/16. Guarantees ⌊15/16 × 100⌋ = 93 and ⌊15/16 × 60⌋ = 56;
    // the 150th kilo goes where it travels least (Oruro → Huanuni, 46 km, not Oruro → El Alto, 197 km).
    // La Paz's 50 kg go to El Alto (3 km); El Alto's other 43 come from Oruro.
    expect(plan.fairRatio).toEqual({ numerator: 15, denominator: 16 });
    const fill = Object.fromEntries(
      plan.fills.map((f: { requisitionId: string; served: number }) => [f.requisitionId, f.served]),
    );
    expect(fill).toEqual({ [a]: 93, [b]: 57 });
    const lines = Object.fromEntries(
      plan.lines.map((l: { fromDepotName: string; toDepotName: string; quantityMilli: string }) => [
        `${l.fromDepotName} → ${l.toDepotName}`,
        Number(l.quantityMilli) / 1000,
      ]),
    );
    expect(lines).toEqual({
      'Almacén La Paz → Sede 16 de Julio': 50,
      'Almacén Oruro → Sede 16 de Julio': 43,
      'Almacén Oruro → Pulpería': 57,
    });
    expect(plan.totalShippedMilli).toBe('150000');

    // Executed twice at once: one set of transfers.
    const runs = await Promise.allSettled([
      executeShipmentPlan(s.db, r.chair, plan.id),
      executeShipmentPlan(s.db, r.chair, plan.id),
    ]);
    expect(runs.map((x) => x.status).sort()).toEqual(['fulfilled', 'rejected']);
    const failed = runs.find((x) => x.status === 'rejected') as PromiseRejectedResult;
    expect((failed.reason as AppError).code).toBe('plan-not-draft');
    const done = runs.find((x) => x.status === 'fulfilled') as PromiseFulfilledResult<string[]>;
    expect(done.value).toHaveLength(3);
    // In transit: off the body's shelves, not yet on the councils'.
    expect(await balanceMilli(s.db, r.laPaz.id, r.item.id)).toBe(0n);
    expect(await balanceMilli(s.db, r.oruro.id, r.item.id)).toBe(0n);
    expect(await balanceMilli(s.db, r.mine.id, r.item.id)).toBe(0n);
    const after = (await client.request('GET', `/api/v1/shipment-plans/${plan.id}`)).json();
    expect(after.status).toBe('executed');
    expect(after.lines.every((l: { transferId: string | null }) => l.transferId !== null)).toBe(true);
    // Huanuni confirms its own receipt.
    const toMine = after.lines.find((l: { toDepotName: string }) => l.toDepotName === 'Pulpería');
    await receiveTransfer(s.db, r.huanuniOfficer, toMine.transferId, { accepted: '57', rejected: '0' });
    expect(await balanceMilli(s.db, r.mine.id, r.item.id)).toBe(57_000n);
    const sent = (
      await client.request('GET', `/api/v1/councils/${r.body}/requisitions?direction=received&status=planned`)
    ).json();
    expect(sent.requisitions).toHaveLength(2);
  });

  it('answers bad input with a 4xx naming the field, and writes nothing', async () => {
    const r = await region();
    const a = await submitRequisition(s.db, r.elAltoOfficer, r.elAlto, {
      itemId: r.item.id,
      quantity: '10',
      toDepotId: r.alto.id,
    });
    const alto = await TestClient.signedIn(s.app, r.elAltoLogin);
    const chair = await TestClient.signedIn(s.app, r.chairMember.login);
    const before = await tableCounts(s.db);
    const cases: Array<[string, TestClient, string, unknown, number, string, string | undefined]> = [
      [
        'half a kilo',
        alto,
        `/api/v1/councils/${r.elAlto}/requisitions`,
        { itemId: r.item.id, quantity: '0.5', toDepotId: r.alto.id },
        400,
        'quantity-off-step',
        'quantity',
      ],
      [
        'another council’s depot',
        alto,
        `/api/v1/councils/${r.elAlto}/requisitions`,
        { itemId: r.item.id, quantity: '5', toDepotId: r.mine.id },
        404,
        'depot-not-found',
        'toDepotId',
      ],
      [
        'the top has nobody to ask',
        chair,
        `/api/v1/councils/${r.body}/requisitions`,
        { itemId: r.item.id, quantity: '5', toDepotId: r.laPaz.id },
        409,
        'no-parent-body',
        undefined,
      ],
      [
        'deciding one’s own request',
        alto,
        `/api/v1/requisitions/${a}/decision`,
        { decision: 'approve' },
        403,
        'not-permitted',
        'id',
      ],
      [
        'more than asked',
        chair,
        `/api/v1/requisitions/${a}/decision`,
        { decision: 'approve', quantity: '11' },
        400,
        'more-than-requested',
        'quantity',
      ],
      [
        'an unknown decision',
        chair,
        `/api/v1/requisitions/${a}/decision`,
        { decision: 'maybe' },
        400,
        'invalid-request',
        'decision',
      ],
      [
        'nothing approved yet',
        chair,
        `/api/v1/councils/${r.body}/shipment-plans`,
        { itemId: r.item.id },
        409,
        'nothing-to-plan',
        'itemId',
      ],
    ];
    for (const [what, client, url, body, status, code, field] of cases) {
      const res = await client.request('POST', url, body);
      expect(res.statusCode, `${what}: ${res.body}`).toBe(status);
      expect(res.json().error.code, what).toBe(code);
      if (field) expect(res.json().error.field, what).toBe(field);
    }
    expect(await tableCounts(s.db)).toEqual(before);
    // A depot with no location cannot be planned from.
    await decideRequisition(s.db, r.chair, a, { decision: 'approve' });
    const nowhere = await createDepot(s.db, r.chair, r.body, { name: 'Galpón sin mapa', kind: 'depot' });
    await recordStockEvent(s.db, r.chair, nowhere.id, {
      kind: 'receipt',
      itemId: r.item.id,
      quantity: '5',
      source: 'donation',
    });
    const unplanned = await tableCounts(s.db);
    await expect(planShipments(s.db, r.chair, r.body, r.item.id)).rejects.toMatchObject({
      code: 'depot-location-missing',
    });
    expect(await tableCounts(s.db)).toEqual(unplanned);
  });
});
