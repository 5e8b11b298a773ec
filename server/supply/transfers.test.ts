// Transfers between councils (issue 6 §3, invariant 5): one act with two legs; in transit the quantity
// is on neither shelf, and sender shelf + receiver shelf + in transit never changes across the act.
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../platform/database.ts';
import { verifyLedger } from '../platform/ledger.ts';
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
import { receiveTransfer } from './receive-transfer.ts';
import { recordStockEvent } from './record-stock-event.ts';
import { sendTransfer } from './send-transfer.ts';
import { buildDepot, buildItem, cacheMismatches, negativeRunningBalances } from './supply-factories.ts';

let s: TestServer;
let admin: Viewer;
interface Side {
  council: string;
  /** The secretary, who opens depots. */
  secretary: Viewer;
  /** The treasurer, who keeps the stock and sends and receives. */
  officer: Viewer;
  client: TestClient;
}
let sender: Side;
let receiver: Side;

async function buildSide(): Promise<Side> {
  const council = await buildCouncil(s.db, { kind: 'village' });
  const secretary = viewerOf((await buildOfficer(s.db, council, 'secretary')).personId);
  const o = await buildOfficer(s.db, council, 'treasurer');
  return {
    council,
    secretary,
    officer: viewerOf(o.personId),
    client: await TestClient.signedIn(s.app, o.login),
  };
}

beforeAll(async () => {
  s = await startTestServer();
  admin = viewerOf((await buildAdmin(s.db)).personId, true);
  sender = await buildSide();
  receiver = await buildSide();
});
afterAll(async () => s.close());
afterEach(async () => {
  expect(await cacheMismatches(s.db)).toEqual([]);
  expect(await negativeRunningBalances(s.db)).toEqual([]);
  for (const chain of await verifyLedger(s.db)) expect(chain.firstBroken, chain.chainId).toBeNull();
});

/** Both shelves and what is in transit between the two depots, read in one snapshot (one statement). */
async function positions(db: Db, from: string, to: string, itemId: string) {
  const { rows } = await sql<{ sender: string; receiver: string; transit: string }>`
    select coalesce((select quantity_milli from stock_balances where depot_id = ${from} and item_id = ${itemId}), 0)::text as sender,
           coalesce((select quantity_milli from stock_balances where depot_id = ${to} and item_id = ${itemId}), 0)::text as receiver,
           coalesce((select sum(quantity_milli) from transfers where item_id = ${itemId} and status = 'in-transit'
                       and from_depot_id = ${from} and to_depot_id = ${to}), 0)::text as transit`.execute(db);
  const r = rows[0]!;
  return { sender: BigInt(r.sender), receiver: BigInt(r.receiver), transit: BigInt(r.transit) };
}
const total = (p: { sender: bigint; receiver: bigint; transit: bigint }) => p.sender + p.receiver + p.transit;

async function stockedPair(quantity: string) {
  const item = await buildItem(s.db, admin, { baseUnit: 'sack 50 kg', step: '1', units: [] });
  const from = await buildDepot(s.db, sender.secretary, sender.council);
  const to = await buildDepot(s.db, receiver.secretary, receiver.council);
  await recordStockEvent(s.db, sender.officer, from.id, {
    kind: 'receipt',
    itemId: item.id,
    quantity,
    source: 'purchase',
  });
  return { item, from, to };
}

describe('transfers', () => {
  it('keeps the quantity in transit, on neither shelf, until the receiving council confirms it', async () => {
    const { item, from, to } = await stockedPair('40');
    const sent = await sender.client.request('POST', '/api/v1/transfers', {
      fromDepotId: from.id,
      toDepotId: to.id,
      itemId: item.id,
      quantity: '10',
      note: 'Camión 3',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({ status: 'in-transit', quantityMilli: '10000' });
    const id = sent.json().id as string;
    expect(await positions(s.db, from.id, to.id, item.id)).toEqual({
      sender: 30_000n,
      receiver: 0n,
      transit: 10_000n,
    });
    const listed = (
      await receiver.client.request('GET', `/api/v1/councils/${receiver.council}/transfers`)
    ).json();
    expect(listed.transfers.map((t: { id: string }) => t.id)).toContain(id);

    const received = await receiver.client.request('POST', `/api/v1/transfers/${id}/receipt`, {
      accepted: '8',
      rejected: '2',
      rejectionNote: 'Dos sacos mojados',
    });
    expect(received.statusCode, received.body).toBe(200);
    expect(received.json()).toMatchObject({
      status: 'received',
      acceptedMilli: '8000',
      rejectedMilli: '2000',
    });
    expect(await positions(s.db, from.id, to.id, item.id)).toEqual({
      sender: 32_000n,
      receiver: 8_000n,
      transit: 0n,
    });
    // Each council's ledger has its own leg.
    const senderLedger = (
      await sender.client.request('GET', `/api/v1/councils/${sender.council}/ledger`)
    ).json();
    expect(senderLedger.entries[0]).toMatchObject({ kind: 'transfer.sent', payload: { transferId: id } });
    const receiverLedger = (
      await receiver.client.request('GET', `/api/v1/councils/${receiver.council}/ledger`)
    ).json();
    expect(receiverLedger.entries[0]).toMatchObject({
      kind: 'transfer.received',
      payload: { transferId: id, acceptedMilli: '8000', rejectedMilli: '2000' },
    });
  });

  it('refuses confirmation by the sending council or by a third council, and sums that do not add up', async () => {
    const { item, from, to } = await stockedPair('5');
    const id = await sendTransfer(s.db, sender.officer, {
      fromDepotId: from.id,
      toDepotId: to.id,
      itemId: item.id,
      quantity: '5',
    });
    const third = await buildSide();
    const before = await tableCounts(s.db);
    const bySender = await sender.client.request('POST', `/api/v1/transfers/${id}/receipt`, {
      accepted: '5',
    });
    expect(bySender.statusCode).toBe(403);
    expect(bySender.json().error).toMatchObject({ code: 'not-permitted', field: 'id' });
    const byThird = await third.client.request('POST', `/api/v1/transfers/${id}/receipt`, { accepted: '5' });
    expect(byThird.statusCode).toBe(403);
    const short = await receiver.client.request('POST', `/api/v1/transfers/${id}/receipt`, {
      accepted: '3',
      rejected: '1',
    });
    expect(short.json().error).toMatchObject({ code: 'quantities-do-not-add-up', field: 'accepted' });
    const half = await receiver.client.request('POST', `/api/v1/transfers/${id}/receipt`, {
      accepted: '4.5',
      rejected: '0.5',
    });
    expect(half.json().error).toMatchObject({ code: 'quantity-off-step', field: 'accepted' });
    expect(await tableCounts(s.db)).toEqual(before);
    // A third council cannot send from the sender's depot either.
    const steal = await third.client.request('POST', '/api/v1/transfers', {
      fromDepotId: from.id,
      toDepotId: to.id,
      itemId: item.id,
      quantity: '1',
    });
    expect(steal.json().error).toMatchObject({ code: 'not-permitted', field: 'fromDepotId' });
    expect(await tableCounts(s.db)).toEqual(before);
  });

  it('lets exactly one of several concurrent confirmations of a transfer through', async () => {
    const { item, from, to } = await stockedPair('6');
    const id = await sendTransfer(s.db, sender.officer, {
      fromDepotId: from.id,
      toDepotId: to.id,
      itemId: item.id,
      quantity: '6',
    });
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        receiveTransfer(s.db, receiver.officer, id, {
          accepted: String(6 - (i % 3)),
          rejected: String(i % 3),
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(
      results
        .filter((r) => r.status === 'rejected')
        .map((r) => (r as PromiseRejectedResult).reason.code)
        .every((c: string) => c === 'transfer-already-received'),
    ).toBe(true);
    const p = await positions(s.db, from.id, to.id, item.id);
    expect(p.transit).toBe(0n);
    expect(total(p)).toBe(6000n);
  });

  it('never shows a quantity on both shelves or on neither outside transit, while transfers run concurrently', async () => {
    const { item, from, to } = await stockedPair('100');
    let isRunning = true;
    const seen: bigint[] = [];
    const watcher = (async () => {
      while (isRunning) {
        seen.push(total(await positions(s.db, from.id, to.id, item.id)));
        await new Promise((r) => setTimeout(r, 1));
      }
    })();
    await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const id = await sendTransfer(s.db, sender.officer, {
          fromDepotId: from.id,
          toDepotId: to.id,
          itemId: item.id,
          quantity: '3',
        });
        await receiveTransfer(s.db, receiver.officer, id, {
          accepted: String(3 - (i % 4 === 0 ? 1 : 0)),
          rejected: i % 4 === 0 ? '1' : '0',
        });
      }),
    );
    isRunning = false;
    await watcher;
    seen.push(total(await positions(s.db, from.id, to.id, item.id)));
    expect(seen.length).toBeGreaterThan(1);
    expect(new Set(seen)).toEqual(new Set([100_000n]));
    expect(await positions(s.db, from.id, to.id, item.id)).toEqual({
      sender: 100_000n - 60_000n + 5_000n,
      receiver: 55_000n,
      transit: 0n,
    });
  });

  it('refuses to send more than the shelf holds, with nothing written', async () => {
    const { item, from, to } = await stockedPair('2');
    const before = await tableCounts(s.db);
    const res = await sender.client.request('POST', '/api/v1/transfers', {
      fromDepotId: from.id,
      toDepotId: to.id,
      itemId: item.id,
      quantity: '3',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'stock-would-go-negative', field: 'quantity' });
    expect(await tableCounts(s.db)).toEqual(before);
  });
});
