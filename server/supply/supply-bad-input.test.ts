// Bad input to the supply routes (issue 6): negative or fractional quantities where the unit forbids
// them, unknown items and units, another council's depot, dates in the future — each a 4xx with a code
// naming the field, and nothing written.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Viewer } from '../platform/sessions.ts';
import {
  buildAdmin,
  buildCouncil,
  buildOfficer,
  startTestServer,
  TestClient,
  type TestServer,
  tableCounts,
  viewerOf,
} from '../test-factories.ts';
import { recordStockEvent } from './record-stock-event.ts';
import { buildDepot, buildItem } from './supply-factories.ts';

let s: TestServer;
let admin: Viewer;
beforeAll(async () => {
  s = await startTestServer();
  admin = viewerOf((await buildAdmin(s.db)).personId, true);
});
afterAll(async () => s.close());

it('answers bad quantities, items, units, dates and depots with a 4xx naming the field, writing nothing', async () => {
  const council = await buildCouncil(s.db, { kind: 'neighbourhood' });
  const secretary = await buildOfficer(s.db, council);
  const officer = viewerOf(secretary.personId);
  const client = await TestClient.signedIn(s.app, secretary.login);
  const cylinder = await buildItem(s.db, admin, {
    baseUnit: 'cylinder 10 kg',
    step: '1',
    category: 'fuel',
    units: [],
  });
  const rice = await buildItem(s.db, admin);
  const depot = await buildDepot(s.db, officer, council);
  await recordStockEvent(s.db, officer, depot.id, {
    kind: 'receipt',
    itemId: cylinder.id,
    quantity: '5',
    source: 'delivery',
  });
  const otherCouncil = await buildCouncil(s.db, { kind: 'neighbourhood' });
  const otherDepot = await buildDepot(
    s.db,
    viewerOf((await buildOfficer(s.db, otherCouncil)).personId),
    otherCouncil,
  );

  const events = `/api/v1/depots/${depot.id}/stock-events`;
  const issue = { kind: 'issue', itemId: cylinder.id, quantity: '1' };
  const cases: Array<[string, string, unknown, number, string, string]> = [
    ['negative quantity', events, { ...issue, quantity: '-1' }, 400, 'invalid-request', 'quantity'],
    ['quantity as a number', events, { ...issue, quantity: -1 }, 400, 'invalid-request', 'quantity'],
    ['fractional cylinder', events, { ...issue, quantity: '1.5' }, 400, 'quantity-off-step', 'quantity'],
    ['zero', events, { ...issue, quantity: '0' }, 400, 'quantity-not-positive', 'quantity'],
    [
      'finer than a gram',
      events,
      { ...issue, itemId: rice.id, quantity: '0.0001' },
      400,
      'invalid-request',
      'quantity',
    ],
    ['too large', events, { ...issue, quantity: '999999999999999' }, 400, 'quantity-too-large', 'quantity'],
    [
      'unknown item',
      events,
      { ...issue, itemId: '00000000-0000-4000-8000-000000000000' },
      404,
      'item-not-found',
      'itemId',
    ],
    ['unknown unit', events, { ...issue, unit: 'barrel' }, 400, 'unit-unknown', 'unit'],
    [
      'future date',
      events,
      { ...issue, occurredAt: new Date(Date.now() + 3_600_000).toISOString() },
      400,
      'occurred-in-future',
      'occurredAt',
    ],
    [
      'date without offset',
      events,
      { ...issue, occurredAt: '2026-01-01T10:00:00' },
      400,
      'invalid-request',
      'occurredAt',
    ],
    ['receipt without source', events, { ...issue, kind: 'receipt' }, 400, 'source-required', 'source'],
    ['issue with a source', events, { ...issue, source: 'donation' }, 400, 'source-not-allowed', 'source'],
    ['loss without reason', events, { ...issue, kind: 'loss' }, 400, 'reason-required', 'reason'],
    [
      'reason off the list',
      events,
      { ...issue, kind: 'loss', reason: 'whim' },
      400,
      'invalid-request',
      'reason',
    ],
    ['unknown kind', events, { ...issue, kind: 'count' }, 400, 'invalid-request', 'kind'],
    ['more than the shelf', events, { ...issue, quantity: '6' }, 409, 'stock-would-go-negative', 'quantity'],
    [
      "another council's depot",
      `/api/v1/depots/${otherDepot.id}/stock-events`,
      { ...issue, kind: 'receipt', source: 'donation' },
      403,
      'not-permitted',
      'id',
    ],
    [
      'unknown depot',
      '/api/v1/depots/00000000-0000-4000-8000-000000000000/stock-events',
      issue,
      404,
      'depot-not-found',
      'id',
    ],
    [
      'count fractional cylinder',
      `/api/v1/depots/${depot.id}/counts`,
      { itemId: cylinder.id, counted: '2.5', reason: 'theft' },
      400,
      'quantity-off-step',
      'counted',
    ],
    [
      'count negative',
      `/api/v1/depots/${depot.id}/counts`,
      { itemId: cylinder.id, counted: '-2' },
      400,
      'invalid-request',
      'counted',
    ],
    [
      "count at another council's depot",
      `/api/v1/depots/${otherDepot.id}/counts`,
      { itemId: cylinder.id, counted: '0' },
      403,
      'not-permitted',
      'id',
    ],
    [
      'reversal of an unknown event',
      '/api/v1/stock-events/999999999/reversal',
      { note: 'x' },
      404,
      'stock-event-not-found',
      '',
    ],
    [
      'transfer to the same depot',
      '/api/v1/transfers',
      { fromDepotId: depot.id, toDepotId: depot.id, itemId: cylinder.id, quantity: '1' },
      400,
      'same-depot',
      'toDepotId',
    ],
    [
      "transfer from another council's depot",
      '/api/v1/transfers',
      { fromDepotId: otherDepot.id, toDepotId: depot.id, itemId: cylinder.id, quantity: '1' },
      403,
      'not-permitted',
      'fromDepotId',
    ],
    [
      'transfer to an unknown depot',
      '/api/v1/transfers',
      {
        fromDepotId: depot.id,
        toDepotId: '00000000-0000-4000-8000-000000000000',
        itemId: cylinder.id,
        quantity: '1',
      },
      404,
      'depot-not-found',
      'toDepotId',
    ],
    [
      'transfer of a fraction of a cylinder',
      '/api/v1/transfers',
      { fromDepotId: depot.id, toDepotId: otherDepot.id, itemId: cylinder.id, quantity: '0.5' },
      400,
      'quantity-off-step',
      'quantity',
    ],
    [
      'item by a non-administrator',
      '/api/v1/items',
      { name: 'Diésel', category: 'fuel', baseUnit: 'L', step: '0.001' },
      403,
      'not-permitted',
      '',
    ],
    [
      'depot in another council',
      `/api/v1/councils/${otherCouncil}/depots`,
      { name: 'Almacén', kind: 'depot' },
      403,
      'not-permitted',
      '',
    ],
  ];
  const before = await tableCounts(s.db);
  for (const [label, url, body, status, code, field] of cases) {
    const res = await client.request('POST', url, body);
    expect(res.statusCode, `${label}: ${res.body}`).toBe(status);
    const error = res.json().error;
    expect(error.code, label).toBe(code);
    if (field) expect(error.field, label).toBe(field);
  }
  expect(await tableCounts(s.db)).toEqual(before);
});

it('answers bad catalogue entries with a 4xx naming the field, writing nothing', async () => {
  const adminLogin = await buildAdmin(s.db);
  const client = await TestClient.signedIn(s.app, adminLogin.login);
  await buildItem(s.db, admin, { name: 'Harina' });
  const item = { name: 'Gas licuado', category: 'fuel', baseUnit: 'cylinder 10 kg', step: '1' };
  const cases: Array<[string, unknown, number, string, string]> = [
    ['name taken (any case)', { ...item, name: 'HARINA' }, 409, 'item-name-taken', 'name'],
    ['zero step', { ...item, step: '0' }, 400, 'quantity-not-positive', 'step'],
    ['negative step', { ...item, step: '-1' }, 400, 'invalid-request', 'step'],
    [
      'unit not a whole number of steps',
      { ...item, units: [{ unit: 'half', baseUnits: '0.5' }] },
      400,
      'unit-off-step',
      'units.0.baseUnits',
    ],
    [
      'unit twice',
      {
        ...item,
        units: [
          { unit: 'crate', baseUnits: '4' },
          { unit: 'crate', baseUnits: '5' },
        ],
      },
      400,
      'unit-duplicate',
      'units.1.unit',
    ],
    [
      'base unit listed again',
      { ...item, units: [{ unit: 'cylinder 10 kg', baseUnits: '1' }] },
      400,
      'unit-duplicate',
      'units.0.unit',
    ],
    ['step beyond the column', { ...item, step: '10000000' }, 400, 'quantity-too-large', 'step'],
    [
      'unit beyond the column',
      { ...item, units: [{ unit: 'ship', baseUnits: '10000000000' }] },
      400,
      'quantity-too-large',
      'units.0.baseUnits',
    ],
    ['category off the list', { ...item, category: 'weapons' }, 400, 'invalid-request', 'category'],
  ];
  const before = await tableCounts(s.db);
  for (const [label, body, status, code, field] of cases) {
    const res = await client.request('POST', '/api/v1/items', body);
    expect(res.statusCode, `${label}: ${res.body}`).toBe(status);
    expect(res.json().error, label).toMatchObject({ code, field });
  }
  expect(await tableCounts(s.db)).toEqual(before);
  const ok = await client.request('POST', '/api/v1/items', {
    ...item,
    units: [{ unit: 'pallet', baseUnits: '20' }],
  });
  expect(ok.statusCode, ok.body).toBe(201);
  expect(ok.json()).toMatchObject({
    stepMilli: '1000',
    units: [{ unit: 'pallet', milliPerUnit: '20000', baseUnits: '20' }],
  });
});
