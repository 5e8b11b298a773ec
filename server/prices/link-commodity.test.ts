// Linking a market-series commodity to a catalogue item (issue 7 §5: the cap line over a series needs
// it): the administrator only, the base units must agree, every link is on the ledger, and a refused
// link writes nothing.
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { startPriceImport } from './import-price-file.ts';
import { buildPriceItem } from './prices-factories.ts';

const SAMPLE = readFileSync(
  new URL('../../core/prices/fixtures/wfp-bol-sample.csv', import.meta.url),
  'utf8',
);

let s: TestServer;
let admin: TestClient;
let adminId: string;
let potatoesId: string;
let breadId: string;
beforeAll(async () => {
  s = await startTestServer();
  const a = await buildAdmin(s.db);
  adminId = a.personId;
  admin = await TestClient.signedIn(s.app, a.login);
  await (await startPriceImport(s.db, viewerOf(adminId, true), { name: 'wfp.csv', text: SAMPLE })).finished;
  const { commodities } = (await admin.request('GET', '/api/v1/commodities')).json() as {
    commodities: Array<{ id: string; name: string }>;
  };
  potatoesId = commodities.find((c) => c.name.startsWith('Potatoes'))!.id;
  breadId = commodities.find((c) => c.name.startsWith('Bread'))!.id;
});
afterAll(async () => s.close());

const linkedItem = async (commodityId: string) => {
  const { commodities } = (await admin.request('GET', '/api/v1/commodities')).json() as {
    commodities: Array<{ id: string; itemId: string | null }>;
  };
  return commodities.find((c) => c.id === commodityId)?.itemId;
};

describe('linking a commodity to an item', () => {
  it('links, relinks and unlinks, each on the instance ledger', async () => {
    const first = await buildPriceItem(s, viewerOf(adminId, true), { baseUnit: 'kg' });
    const second = await buildPriceItem(s, viewerOf(adminId, true), { baseUnit: 'kg' });
    const url = `/api/v1/commodities/${potatoesId}/item`;
    expect((await admin.request('PUT', url, { itemId: first.id })).json()).toEqual({
      commodityId: potatoesId,
      itemId: first.id,
    });
    expect(await linkedItem(potatoesId)).toBe(first.id);
    await admin.request('PUT', url, { itemId: second.id });
    expect(await linkedItem(potatoesId)).toBe(second.id);
    expect((await admin.request('PUT', url, { itemId: null })).statusCode).toBe(200);
    expect(await linkedItem(potatoesId)).toBeNull();
    const { rows } = await sql<{ payload: { itemId: string | null; previousItemId: string | null } }>`
      select payload from ledger_entries where kind = 'commodity.linked'
        and payload->>'commodityId' = ${potatoesId} order by seq`.execute(s.db);
    expect(rows.map((r) => [r.payload.previousItemId, r.payload.itemId])).toEqual([
      [null, first.id],
      [first.id, second.id],
      [second.id, null],
    ]);
  });

  it('refuses an item counted in another unit, an unknown commodity or item, and anyone but the administrator', async () => {
    const perKg = await buildPriceItem(s, viewerOf(adminId, true), { baseUnit: 'kg' });
    const council = await buildCouncil(s.db);
    const officer = await buildOfficer(s.db, council);
    const secretary = await TestClient.signedIn(s.app, officer.login);
    const before = await tableCounts(s.db);

    const mismatch = await admin.request('PUT', `/api/v1/commodities/${breadId}/item`, { itemId: perKg.id });
    expect(mismatch.statusCode).toBe(409);
    expect(mismatch.json().error).toMatchObject({ code: 'unit-mismatch', field: 'itemId' });
    expect(mismatch.json().error.message).toContain('per unit');

    const noCommodity = await admin.request('PUT', `/api/v1/commodities/${perKg.id}/item`, {
      itemId: perKg.id,
    });
    expect(noCommodity.json().error).toMatchObject({ code: 'commodity-not-found' });
    expect(noCommodity.statusCode).toBe(404);
    const noItem = await admin.request('PUT', `/api/v1/commodities/${potatoesId}/item`, { itemId: breadId });
    expect(noItem.json().error).toMatchObject({ code: 'item-not-found', field: 'itemId' });

    const byOfficer = await secretary.request('PUT', `/api/v1/commodities/${potatoesId}/item`, {
      itemId: perKg.id,
    });
    expect(byOfficer.statusCode).toBe(403);
    const badBody = await admin.request('PUT', `/api/v1/commodities/${potatoesId}/item`, { itemId: 'rice' });
    expect(badBody.statusCode).toBe(400);
    expect(await tableCounts(s.db)).toEqual(before);
  });
});
