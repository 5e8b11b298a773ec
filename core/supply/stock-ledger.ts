// The stock ledger's pure rules: quantities in milli-units of an item's base unit, and the check that no
// event makes a balance negative at any point in time (DESIGN invariant 4). Amounts are bigint: a
// depot's balance may pass 2^53 milli-units long before any column overflows.

export const ITEM_CATEGORIES = ['food', 'fuel', 'medicine', 'hygiene', 'water', 'other'] as const;
export type ItemCategory = (typeof ITEM_CATEGORIES)[number];

export const DEPOT_KINDS = ['depot', 'distribution-point'] as const;

/** Events an officer records directly; counts, reversals and transfer legs have their own acts. */
export const RECORDED_KINDS = ['receipt', 'issue', 'distribution', 'loss'] as const;
export type RecordedKind = (typeof RECORDED_KINDS)[number];
export const STOCK_EVENT_KINDS = [
  ...RECORDED_KINDS,
  'count',
  'transfer-out',
  'transfer-in',
  'transfer-return',
  'reversal',
] as const;
export type StockEventKind = (typeof STOCK_EVENT_KINDS)[number];

export const RECEIPT_SOURCES = ['donation', 'purchase', 'delivery'] as const;
/** Why stock was lost or why a count differed from the books: the fixed list. */
export const STOCK_REASONS = [
  'damage',
  'theft',
  'expiry',
  'spoilage',
  'miscount',
  'recording-error',
  'other',
] as const;

/** Largest quantity one event may move, in milli-units (a thousand billion base units). */
export const MAX_EVENT_MILLI = 10n ** 15n;
/** Largest balance a depot may hold of one item, far below bigint's limit so sums cannot overflow. */
export const MAX_BALANCE_MILLI = 10n ** 17n;

/** A quantity as the API takes it: a decimal with at most three decimals, in some unit of the item. */
export const QUANTITY_PATTERN = /^\d{1,15}(\.\d{1,3})?$/;

export type QuantityError = 'quantity-not-positive' | 'quantity-off-step' | 'quantity-too-large';
export type QuantityResult = { ok: true; milli: bigint } | { ok: false; error: QuantityError };

/**
 * Converts `text` (a decimal in a unit worth `milliPerUnit` milli base units) to milli base units. The
 * result must be a whole number of milli-units and a multiple of the item's `stepMilli` (a cylinder moves
 * in whole cylinders); zero only where `allowZero` (a count that finds nothing, a receipt rejecting none).
 */
export function toMilli(
  text: string,
  milliPerUnit: bigint,
  stepMilli: bigint,
  allowZero = false,
): QuantityResult {
  if (!QUANTITY_PATTERN.test(text)) return { ok: false, error: 'quantity-off-step' };
  const [whole = '0', fraction = ''] = text.split('.');
  const thousandths = BigInt(whole) * 1000n + BigInt(fraction.padEnd(3, '0'));
  const scaled = thousandths * milliPerUnit;
  if (scaled % 1000n !== 0n) return { ok: false, error: 'quantity-off-step' };
  const milli = scaled / 1000n;
  if (milli === 0n && !allowZero) return { ok: false, error: 'quantity-not-positive' };
  if (milli % stepMilli !== 0n) return { ok: false, error: 'quantity-off-step' };
  if (milli > MAX_EVENT_MILLI) return { ok: false, error: 'quantity-too-large' };
  return { ok: true, milli };
}

/** Milli-units as a decimal of the base unit: 12500n → "12.5", -3000n → "-3". */
export function formatMilli(milli: bigint): string {
  const sign = milli < 0n ? '-' : '';
  const abs = milli < 0n ? -milli : milli;
  const fraction = (abs % 1000n).toString().padStart(3, '0').replace(/0+$/, '');
  return `${sign}${abs / 1000n}${fraction ? `.${fraction}` : ''}`;
}

/** What the store reads under the balance row's lock to decide whether an event may go in at time t. */
export interface LaterEvents {
  /** The current balance (the exact cache). */
  balanceMilli: bigint;
  /** Sum of the deltas of the events ordered after t (occurred_at > t). */
  laterSumMilli: bigint;
  /** The lowest running sum over those later events, in order, or 0 when it never dips below 0. */
  lowestLaterPrefixMilli: bigint;
}

export type DeltaCheck =
  | { ok: true; balanceAtMilli: bigint }
  | { ok: false; error: 'stock-would-go-negative'; shortMilli: bigint };

/**
 * May an event of `deltaMilli` go in at time t, ordered after every event up to t? The balance just
 * before it is balance − laterSum; after it, that plus delta; after each later event k, that plus the
 * running sum of the later events up to k. All of these must stay ≥ 0, so the lowest is the one to
 * check: balance − laterSum + delta + min(0, lowest prefix) ≥ 0. A current-time event has no later
 * events (the check is balance + delta ≥ 0); an increase can never fail.
 */
export function checkDelta(deltaMilli: bigint, later: LaterEvents): DeltaCheck {
  const balanceAtMilli = later.balanceMilli - later.laterSumMilli;
  const lowest =
    balanceAtMilli + deltaMilli + (later.lowestLaterPrefixMilli < 0n ? later.lowestLaterPrefixMilli : 0n);
  if (deltaMilli < 0n && lowest < 0n)
    return { ok: false, error: 'stock-would-go-negative', shortMilli: -lowest };
  return { ok: true, balanceAtMilli };
}
