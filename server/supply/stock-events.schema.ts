// Request and response schemas of the stock ledger routes; they are also the OpenAPI document.
import { z } from 'zod';
import {
  RECEIPT_SOURCES,
  RECORDED_KINDS,
  STOCK_EVENT_KINDS,
  STOCK_REASONS,
} from '../../core/supply/stock-ledger.ts';
import { decimal, milliText, text } from './items.schema.ts';

/** An ISO 8601 instant with its offset (business time; may be back-dated, never in the future). */
const instant = z.iso.datetime({ offset: true }).refine((s) => {
  const year = new Date(s).getUTCFullYear();
  return year >= 1900 && year <= 9999;
}, 'an instant between the years 1900 and 9999');

/** Stock event ids are bigint: decimal digits, no leading zero. */
export const eventId = z.string().regex(/^[1-9]\d{0,17}$/, 'a stock event id');

export const eventIdParams = z.strictObject({ id: eventId });
export const cardParams = z.strictObject({ id: z.uuid(), itemId: z.uuid() });
export const cardQuery = z.strictObject({
  /** The id of the oldest event of the previous page (nextBefore). */
  before: eventId.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const recordStockEventBody = z.strictObject({
  kind: z.enum(RECORDED_KINDS),
  itemId: z.uuid(),
  /** In `unit` (default: the item's base unit); a whole number of the item's steps. */
  quantity: decimal,
  unit: text(40).optional(),
  occurredAt: instant.optional(),
  /** Receipts only. */
  source: z.enum(RECEIPT_SOURCES).optional(),
  /** Losses only. */
  reason: z.enum(STOCK_REASONS).optional(),
  note: text(1000).optional(),
});

export const countStockBody = z.strictObject({
  itemId: z.uuid(),
  /** What is on the shelf, in `unit` (default: the base unit); zero allowed. */
  counted: decimal,
  unit: text(40).optional(),
  occurredAt: instant.optional(),
  /** Required when the count changes the balance. */
  reason: z.enum(STOCK_REASONS).optional(),
  note: text(1000).optional(),
});

export const reversalBody = z.strictObject({ note: text(1000) });

export const stockEventView = z.object({
  id: eventId,
  depotId: z.uuid(),
  itemId: z.uuid(),
  kind: z.enum(STOCK_EVENT_KINDS),
  deltaMilli: milliText,
  occurredAt: z.string(),
  recordedAt: z.string(),
  source: z.enum(RECEIPT_SOURCES).nullable(),
  reason: z.enum(STOCK_REASONS).nullable(),
  countedMilli: milliText.nullable(),
  reversesEventId: eventId.nullable(),
  reversedByEventId: eventId.nullable(),
  transferId: z.uuid().nullable(),
  recordedBy: z.object({ id: z.uuid(), fullName: z.string() }),
  note: z.string().nullable(),
});

export const recordedStockEventView = z.object({
  event: stockEventView,
  /** The balance right after the event, at its place in time. */
  balanceAtMilli: milliText,
  /** The depot's balance of the item now. */
  balanceMilli: milliText,
});

export const stockCardView = z.object({
  depot: z.object({ id: z.uuid(), name: z.string(), councilId: z.uuid() }),
  item: z.object({ id: z.uuid(), name: z.string(), baseUnit: z.string(), stepMilli: milliText }),
  balanceMilli: milliText,
  /** Newest first, each with the balance right after it. */
  events: z.array(stockEventView.extend({ balanceAfterMilli: milliText })),
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: eventId.nullable(),
});
