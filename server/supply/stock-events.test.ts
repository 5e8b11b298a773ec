// The stock ledger (issue 6 §2, invariant 4): balances derived from append-only events with an exact
// cache, never negative at any point in time — concurrent withdrawals and back-dated events included.
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
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
import { countStock } from './count-stock.ts';
import { recordStockEvent } from './record-stock-event.ts';
import { reverseStockEvent } from './reverse-stock-event.ts';
import {
  balanceMilli,
  buildDepot,
  buildItem,
  cacheMismatches,
  negativeRunningBalances,
} from './supply-factories.ts';

let s: TestServer;
let admin: Viewer;
let council: string;
let officer: Viewer;
let officerClient: TestClient;

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();

beforeAll(async () => {
  s = await startTestServer();
  admin = viewerOf((await buildAdmin(s.db)).personId, true);
  council = await buildCouncil(s.db, { kind: 'neighbourhood' });
  const secretary = await buildOfficer(s.db, council);
  officer = viewerOf(secretary.personId);
  officerClient = await TestClient.signedIn(s.app, secretary.login);
});
afterAll(async () => s.close());
afterEach(async () => {
  // After every test: the cache is the sum of the events, and no running balance ever dipped below zero.
  expect(await cacheMismatches(s.db)).toEqual([]);
  expect(await negativeRunningBalances(s.db)).toEqual([]);
  for (const chain of await verifyLedger(s.db)) expect(chain.firstBroken, chain.chainId).toBeNull();
});

const receipt = (itemId: string, quantity: string, occurredAt?: string) => ({
  kind: 'receipt' as const,
  itemId,
  quantity,
  source: 'donation' as const,
  ...(occurredAt ? { occurredAt } : {}),
});
const issue = (itemId: string, quantity: string, occurredAt?: string) => ({
  kind: 'issue' as const,
  itemId,
  quantity,
  ...(occurredAt ? { occurredAt } : {}),
});

describe('recording stock', () => {
  it('records a receipt in a converted unit and shows it on the shelf and in the council ledger', async () => {
    const item = await buildItem(s.db, admin);
    const depot = await buildDepot(s.db, officer, council);
    const res = await officerClient.request('POST', `/api/v1/depots/${depot.id}/stock-events`, {
      ...receipt(item.id, '2'),
      unit: 'sack 50 kg',
      note: 'Donación de la parroquia',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      event: { kind: 'receipt', deltaMilli: '100000', source: 'donation', note: 'Donación de la parroquia' },
      balanceMilli: '100000',
      balanceAtMilli: '100000',
    });
    const stock = (await officerClient.request('GET', `/api/v1/depots/${depot.id}/stock`)).json();
    expect(stock.balances).toEqual([
      expect.objectContaining({ quantityMilli: '100000', quantity: '100', eventCount: 1 }),
    ]);
    expect(stock.viewer).toEqual({ canRecord: true });
    const ledger = (await officerClient.request('GET', `/api/v1/councils/${council}/ledger`)).json();
    expect(ledger.entries[0]).toMatchObject({
      kind: 'stock.receipt',
      payload: { depotId: depot.id, itemId: item.id, deltaMilli: '100000', source: 'donation' },
    });
  });

  it('lets 500 of 1,000 concurrent withdrawals of 1 unit through against a balance of 500, ending at 0', async () => {
    const item = await buildItem(s.db, admin, { baseUnit: 'cylinder 10 kg', step: '1', units: [] });
    const depot = await buildDepot(s.db, officer, council);
    await recordStockEvent(s.db, officer, depot.id, receipt(item.id, '500'));
    const results = await Promise.allSettled(
      Array.from({ length: 1000 }, () => recordStockEvent(s.db, officer, depot.id, issue(item.id, '1'))),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    expect(ok).toHaveLength(500);
    expect(refused.map((r) => (r.reason as { code?: string }).code)).toEqual(
      Array(500).fill('stock-would-go-negative'),
    );
    expect(await balanceMilli(s.db, depot.id, item.id)).toBe(0n);
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from stock_events where depot_id = ${depot.id} and kind = 'issue'`.execute(
      s.db,
    );
    expect(rows[0]!.n).toBe(500);
  });

  it('refuses a back-dated issue that would make a later balance negative, and writes nothing', async () => {
    const item = await buildItem(s.db, admin);
    const depot = await buildDepot(s.db, officer, council);
    await recordStockEvent(s.db, officer, depot.id, receipt(item.id, '10', daysAgo(10)));
    await recordStockEvent(s.db, officer, depot.id, issue(item.id, '8', daysAgo(2)));
    // Now 2 kg; 5 days ago there were 10, but the issue of 8 two days ago would then leave −3.
    const before = await tableCounts(s.db);
    const res = await officerClient.request(
      'POST',
      `/api/v1/depots/${depot.id}/stock-events`,
      issue(item.id, '5', daysAgo(5)),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'stock-would-go-negative', field: 'quantity' });
    expect(await tableCounts(s.db)).toEqual(before);
    // Two kilos could have gone then, and still can.
    const fits = await officerClient.request(
      'POST',
      `/api/v1/depots/${depot.id}/stock-events`,
      issue(item.id, '2', daysAgo(5)),
    );
    expect(fits.json()).toMatchObject({ balanceAtMilli: '8000', balanceMilli: '0' });
  });

  it('accepts a back-dated receipt and shows the right running balance on the stock card, page by page', async () => {
    const item = await buildItem(s.db, admin);
    const depot = await buildDepot(s.db, officer, council);
    await recordStockEvent(s.db, officer, depot.id, receipt(item.id, '10', daysAgo(9)));
    await recordStockEvent(s.db, officer, depot.id, issue(item.id, '4', daysAgo(7)));
    await recordStockEvent(s.db, officer, depot.id, { ...issue(item.id, '3'), kind: 'distribution' });
    const late = await recordStockEvent(s.db, officer, depot.id, receipt(item.id, '2.5', daysAgo(8)));
    expect(late).toMatchObject({ balanceAtMilli: 12_500n, balanceMilli: 5_500n });
    await recordStockEvent(s.db, officer, depot.id, {
      kind: 'loss',
      itemId: item.id,
      quantity: '0.5',
      reason: 'spoilage',
      occurredAt: daysAgo(1),
    });
    const url = `/api/v1/depots/${depot.id}/items/${item.id}/card`;
    const first = (await officerClient.request('GET', `${url}?limit=3`)).json();
    expect(first.balanceMilli).toBe('5000');
    const second = (await officerClient.request('GET', `${url}?limit=3&before=${first.nextBefore}`)).json();
    expect(second.nextBefore).toBeNull();
    const card = [...first.events, ...second.events];
    // Newest first: distribution now, loss a day ago, issue 7 days ago, back-dated receipt, first receipt.
    expect(
      card.map((e: { kind: string; deltaMilli: string; balanceAfterMilli: string }) => [
        e.kind,
        e.deltaMilli,
        e.balanceAfterMilli,
      ]),
    ).toEqual([
      ['distribution', '-3000', '5000'],
      ['loss', '-500', '8000'],
      ['issue', '-4000', '8500'],
      ['receipt', '2500', '12500'],
      ['receipt', '10000', '10000'],
    ]);
    expect(card[1]).toMatchObject({ reason: 'spoilage' });
  });

  it('refuses a date in the future, with nothing written', async () => {
    const item = await buildItem(s.db, admin);
    const depot = await buildDepot(s.db, officer, council);
    const before = await tableCounts(s.db);
    const res = await officerClient.request(
      'POST',
      `/api/v1/depots/${depot.id}/stock-events`,
      receipt(item.id, '1', new Date(Date.now() + DAY).toISOString()),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'occurred-in-future', field: 'occurredAt' });
    expect(await tableCounts(s.db)).toEqual(before);
  });
});

describe('counts', () => {
  it('adjusts the balance to the count with a reason, and records a count that confirms the books', async () => {
    const item = await buildItem(s.db, admin);
    const depot = await buildDepot(s.db, officer, council);
    await recordStockEvent(s.db, officer, depot.id, receipt(item.id, '20', daysAgo(3)));
    const url = `/api/v1/depots/${depot.id}/counts`;
    const noReason = await officerClient.request('POST', url, { itemId: item.id, counted: '18' });
    expect(noReason.json().error).toMatchObject({ code: 'reason-required', field: 'reason' });
    const counted = await officerClient.request('POST', url, {
      itemId: item.id,
      counted: '18',
      reason: 'theft',
      note: 'Candado forzado',
    });
    expect(counted.statusCode, counted.body).toBe(201);
    expect(counted.json()).toMatchObject({
      event: { kind: 'count', deltaMilli: '-2000', countedMilli: '18000', reason: 'theft' },
      balanceMilli: '18000',
    });
    const confirms = await officerClient.request('POST', url, { itemId: item.id, counted: '18' });
    expect(confirms.json()).toMatchObject({ event: { deltaMilli: '0', countedMilli: '18000' } });
    // A back-dated count sets the quantity at its instant: 2 days ago the books said 20, the shelf 19.
    await recordStockEvent(s.db, officer, depot.id, receipt(item.id, '5'));
    const past = await countStock(s.db, officer, depot.id, {
      itemId: item.id,
      counted: '19',
      reason: 'miscount',
      occurredAt: daysAgo(2),
    });
    expect(past).toMatchObject({ deltaMilli: -1000n, balanceAtMilli: 19_000n, balanceMilli: 22_000n });
  });

  it('refuses a back-dated count whose adjustment would make a later balance negative', async () => {
    const item = await buildItem(s.db, admin);
    const depot = await buildDepot(s.db, officer, council);
    await recordStockEvent(s.db, officer, depot.id, receipt(item.id, '10', daysAgo(5)));
    await recordStockEvent(s.db, officer, depot.id, issue(item.id, '9', daysAgo(1)));
    await expect(
      countStock(s.db, officer, depot.id, {
        itemId: item.id,
        counted: '5',
        reason: 'damage',
        occurredAt: daysAgo(3),
      }),
    ).rejects.toMatchObject({ code: 'stock-would-go-negative' });
  });
});

describe('reversals', () => {
  it('reverses an event once, at its business time; a second reversal is refused', async () => {
    const item = await buildItem(s.db, admin);
    const depot = await buildDepot(s.db, officer, council);
    await recordStockEvent(s.db, officer, depot.id, receipt(item.id, '10', daysAgo(4)));
    const wrong = await recordStockEvent(s.db, officer, depot.id, issue(item.id, '7', daysAgo(3)));
    const res = await officerClient.request('POST', `/api/v1/stock-events/${wrong.id}/reversal`, {
      note: 'Se anotó dos veces',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      event: {
        kind: 'reversal',
        deltaMilli: '7000',
        reversesEventId: wrong.id,
        occurredAt: wrong.occurredAt,
      },
      balanceMilli: '10000',
    });
    const again = await officerClient.request('POST', `/api/v1/stock-events/${wrong.id}/reversal`, {
      note: 'otra vez',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('already-reversed');
    const reversal = res.json().event.id as string;
    const ofReversal = await officerClient.request('POST', `/api/v1/stock-events/${reversal}/reversal`, {
      note: 'x',
    });
    expect(ofReversal.json().error.code).toBe('not-reversible');
    const card = (
      await officerClient.request('GET', `/api/v1/depots/${depot.id}/items/${item.id}/card`)
    ).json();
    expect(card.events.find((e: { id: string }) => e.id === wrong.id).reversedByEventId).toBe(reversal);
  });

  it('lets exactly one of two concurrent reversals of an event through', async () => {
    const item = await buildItem(s.db, admin);
    const depot = await buildDepot(s.db, officer, council);
    const event = await recordStockEvent(s.db, officer, depot.id, receipt(item.id, '3'));
    const results = await Promise.allSettled(
      [1, 2, 3].map(() => reverseStockEvent(s.db, officer, event.id, 'duplicada')),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await balanceMilli(s.db, depot.id, item.id)).toBe(0n);
  });

  it('refuses to reverse a receipt whose stock has been issued since', async () => {
    const item = await buildItem(s.db, admin);
    const depot = await buildDepot(s.db, officer, council);
    const wrong = await recordStockEvent(s.db, officer, depot.id, receipt(item.id, '5', daysAgo(2)));
    await recordStockEvent(s.db, officer, depot.id, issue(item.id, '4'));
    await expect(reverseStockEvent(s.db, officer, wrong.id, 'no llegó')).rejects.toMatchObject({
      code: 'stock-would-go-negative',
    });
  });
});

describe('the stock ledger is append-only', () => {
  it('refuses to update or delete a stock event, even for the database owner', async () => {
    const item = await buildItem(s.db, admin);
    const depot = await buildDepot(s.db, officer, council);
    const event = await recordStockEvent(s.db, officer, depot.id, receipt(item.id, '1'));
    await expect(
      sql`update stock_events set delta_milli = 1000000 where id = ${event.id}::bigint`.execute(s.db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from stock_events where id = ${event.id}::bigint`.execute(s.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`truncate stock_events cascade`.execute(s.db)).rejects.toThrow(/append-only/);
    await expect(
      sql`update stock_balances set quantity_milli = -1 where depot_id = ${depot.id}`.execute(s.db),
    ).rejects.toThrow(/check/);
  });
});

describe('who may act', () => {
  it('lets members read a depot but not write; refuses other councils and unsigned visitors', async () => {
    const item = await buildItem(s.db, admin);
    const depot = await buildDepot(s.db, officer, council);
    const member = await TestClient.signedIn(s.app, (await buildMember(s.db, council)).login);
    expect((await member.request('GET', `/api/v1/depots/${depot.id}/stock`)).json().viewer).toEqual({
      canRecord: false,
    });
    expect((await member.request('GET', `/api/v1/councils/${council}/depots`)).statusCode).toBe(200);
    const write = await member.request(
      'POST',
      `/api/v1/depots/${depot.id}/stock-events`,
      receipt(item.id, '1'),
    );
    expect(write.statusCode).toBe(403);
    const other = await buildCouncil(s.db, { kind: 'neighbourhood' });
    const stranger = await TestClient.signedIn(s.app, (await buildOfficer(s.db, other)).login);
    expect((await stranger.request('GET', `/api/v1/depots/${depot.id}/stock`)).statusCode).toBe(403);
    expect((await stranger.request('GET', `/api/v1/councils/${council}/depots`)).statusCode).toBe(403);
    const anonymous = await TestClient.anonymous(s.app);
    expect((await anonymous.request('GET', '/api/v1/items')).statusCode).toBe(401);
    expect((await member.request('GET', '/api/v1/items')).statusCode).toBe(200);
    const notAdmin = await member.request('POST', '/api/v1/items', {
      name: 'Aceite',
      category: 'food',
      baseUnit: 'L',
      step: '0.001',
    });
    expect(notAdmin.statusCode).toBe(403);
  });
});
