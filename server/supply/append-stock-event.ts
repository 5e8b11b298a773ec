// The one way a stock event enters the ledger, inside the caller's transaction: every stock act
// (record-stock-event, count-stock, reverse-stock-event, send-transfer, receive-transfer) goes through it.
//
// Lock: the (depot, item) row of stock_balances FOR UPDATE, first among the stock rows and held to
// commit: writers of one depot and item take turns, so 1,000 concurrent withdrawals against 500 units
// see each other's results and exactly 500 pass. (The ledger head, locked by the caller afterwards, is
// always the last lock.)
//
// Invariant 4 (never negative at any point in time, back-dated events included): under that lock the
// event at time t with delta d is checked against the cached balance and the events after t only —
// see checkDelta in core/supply/stock-ledger.ts. A current-time event scans nothing; a back-dated one
// scans the events after t (index only). The CHECK on stock_balances.quantity_milli is a last guard.
import { checkDelta, MAX_BALANCE_MILLI } from '../../core/supply/stock-ledger.ts';
import type { Db } from '../platform/database.ts';
import {
  insertStockEvent,
  instantsAfterLock,
  laterEvents,
  lockBalance,
  type NewStockEvent,
} from './stock-events.store.ts';
import { supplyError } from './supply-errors.ts';

export interface StockEventSpec extends Omit<NewStockEvent, 'occurredAt' | 'recordedAt' | 'deltaMilli'> {
  /** Business time as the client gave it (ISO 8601), or null for now (the database clock after the lock). */
  occurredAt: string | null;
  /** The change, or how to get it from the balance at t (a count: counted − balance at t). */
  deltaMilli: bigint | ((balanceAtMilli: bigint) => bigint);
}

export interface AppendedStockEvent {
  id: string;
  occurredAt: string;
  recordedAt: string;
  deltaMilli: bigint;
  /** The balance right after the event, at its place in time. */
  balanceAtMilli: bigint;
  /** The depot's balance of the item now (the cache after this event). */
  balanceMilli: bigint;
}

export async function appendStockEvent(tx: Db, spec: StockEventSpec): Promise<AppendedStockEvent> {
  const balance = await lockBalance(tx, spec.depotId, spec.itemId);
  const { now, at, isFuture } = await instantsAfterLock(tx, spec.occurredAt);
  if (isFuture) throw supplyError('occurred-in-future');
  // Scanned for increases too: the balance at t is part of the answer (and a count needs it).
  const later = await laterEvents(tx, spec.depotId, spec.itemId, at);
  const balanceBeforeMilli = balance.quantityMilli - later.laterSumMilli;
  const deltaMilli =
    typeof spec.deltaMilli === 'bigint' ? spec.deltaMilli : spec.deltaMilli(balanceBeforeMilli);
  const check = checkDelta(deltaMilli, { balanceMilli: balance.quantityMilli, ...later });
  if (!check.ok) throw supplyError(check.error);
  if (balance.quantityMilli + deltaMilli > MAX_BALANCE_MILLI) throw supplyError('balance-too-large');
  const id = await insertStockEvent(tx, { ...spec, deltaMilli, occurredAt: at, recordedAt: now });
  return {
    id,
    occurredAt: at,
    recordedAt: now,
    deltaMilli,
    balanceAtMilli: balanceBeforeMilli + deltaMilli,
    balanceMilli: balance.quantityMilli + deltaMilli,
  };
}
