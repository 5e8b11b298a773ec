// The stock forms' pure part (receipt, issue, loss, count, transfer, receipt of a transfer, opening a
// round): typed text becomes the request body, or a locale key per field named as the server names it.
import { parseQuantity } from './quantity.ts';
import type { ReceiptSource, RecordedKind, StockReason } from './supply-types.ts';

export type Problems = Record<string, string>;

/** A datetime-local value (the reader's clock) as an instant; null when incomplete or invalid. */
export function instantFromLocal(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export interface StockEventValues {
  kind: RecordedKind;
  itemId: string;
  quantity: string;
  /** '' is the item's base unit. */
  unit: string;
  source: ReceiptSource | '';
  reason: StockReason | '';
  /** '' is now. */
  occurredAt: string;
  note: string;
}

export const emptyStockEvent = (kind: RecordedKind, itemId = ''): StockEventValues => ({
  kind,
  itemId,
  quantity: '',
  unit: '',
  source: '',
  reason: '',
  occurredAt: '',
  note: '',
});

function checkQuantity(typed: string, field: string, problems: Problems, allowZero = false) {
  const decimal = parseQuantity(typed);
  if (decimal === null) problems[field] = 'supply.check.quantity';
  else if (!allowZero && Number(decimal) === 0) problems[field] = 'supply.check.quantityZero';
}

function checkWhen(occurredAt: string, now: Date, problems: Problems) {
  if (!occurredAt) return;
  const instant = instantFromLocal(occurredAt);
  if (!instant) problems.occurredAt = 'supply.check.when';
  else if (new Date(instant).getTime() > now.getTime()) problems.occurredAt = 'supply.check.future';
}

export function checkStockEvent(values: StockEventValues, now: Date): Problems {
  const problems: Problems = {};
  if (!values.itemId) problems.itemId = 'supply.check.item';
  checkQuantity(values.quantity, 'quantity', problems);
  if (values.kind === 'receipt' && !values.source) problems.source = 'supply.check.source';
  if (values.kind === 'loss' && !values.reason) problems.reason = 'supply.check.reason';
  checkWhen(values.occurredAt, now, problems);
  return problems;
}

export function stockEventBody(values: StockEventValues) {
  return {
    kind: values.kind,
    itemId: values.itemId,
    quantity: parseQuantity(values.quantity) ?? values.quantity,
    ...(values.unit ? { unit: values.unit } : {}),
    ...(values.occurredAt ? { occurredAt: instantFromLocal(values.occurredAt) ?? values.occurredAt } : {}),
    ...(values.kind === 'receipt' && values.source ? { source: values.source } : {}),
    ...(values.kind === 'loss' && values.reason ? { reason: values.reason } : {}),
    ...(values.note.trim() ? { note: values.note.trim() } : {}),
  };
}

export interface CountValues {
  itemId: string;
  counted: string;
  unit: string;
  reason: StockReason | '';
  occurredAt: string;
  note: string;
}

export function checkCount(values: CountValues, now: Date): Problems {
  const problems: Problems = {};
  if (!values.itemId) problems.itemId = 'supply.check.item';
  checkQuantity(values.counted, 'counted', problems, true);
  checkWhen(values.occurredAt, now, problems);
  return problems;
}

/** The reason goes along when chosen; the server asks for it only if the count changes the balance. */
export function countBody(values: CountValues) {
  return {
    itemId: values.itemId,
    counted: parseQuantity(values.counted) ?? values.counted,
    ...(values.unit ? { unit: values.unit } : {}),
    ...(values.occurredAt ? { occurredAt: instantFromLocal(values.occurredAt) ?? values.occurredAt } : {}),
    ...(values.reason ? { reason: values.reason } : {}),
    ...(values.note.trim() ? { note: values.note.trim() } : {}),
  };
}

/** Accepted and rejected must add up to what was sent: checked in milli-units, exactly. */
export function checkTransferReceipt(accepted: string, rejected: string, sentMilli: string): Problems {
  const problems: Problems = {};
  const a = parseQuantity(accepted);
  const r = rejected.trim() ? parseQuantity(rejected) : '0';
  if (a === null) problems.accepted = 'supply.check.quantity';
  if (r === null) problems.rejected = 'supply.check.quantity';
  if (a !== null && r !== null && toMilli(a) + toMilli(r) !== BigInt(sentMilli))
    problems.accepted = 'supply.check.addUp';
  return problems;
}

/** Decimal text of the API ("12.5") as milli-units. */
export function toMilli(decimal: string): bigint {
  const [whole = '0', fraction = ''] = decimal.split('.');
  return BigInt(whole) * 1000n + BigInt(fraction.padEnd(3, '0') || '0');
}
