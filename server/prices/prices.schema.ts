// Request and response schemas of price caps, price reports and violations; they are also the OpenAPI
// document. Money travels as decimal text in the currency's units ("12.50") and as hundredths in
// integer text (capCents "1250"); quantities as decimal text in a unit of the item.
import { z } from 'zod';
import { QUANTITY_PATTERN } from '../../core/supply/stock-ledger.ts';

/** PostgreSQL text and jsonb hold no NUL character: refused here, as a 400, not by the database. */
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((t) => !t.includes('\u0000'), { message: 'no NUL characters' });
/** A day (ISO), between 2000 and 2199: earlier or later is a typing slip. */
const isoDate = z.iso
  .date()
  .refine((d) => d >= '2000-01-01' && d <= '2199-12-31', { message: 'a date between 2000 and 2199' });
/** Checked digit by digit by core/prices/caps.ts toCents, which names what is wrong. */
const money = z.string().trim().min(1).max(40);
const currency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'a three-letter ISO code like BOB')
  .default('BOB');
const centsText = z.string().regex(/^\d+$/);

export const idParams = z.strictObject({ id: z.uuid() });

export const proposePriceCapBody = z.strictObject({
  itemId: z.uuid(),
  /** The most per base unit of the item, in the currency's units: "7.50". */
  cap: money,
  currency,
  validFrom: isoDate,
  validTo: isoDate.nullable().default(null),
  note: text(1000).nullable().default(null),
});

export const priceCapView = z.object({
  id: z.uuid(),
  councilId: z.uuid(),
  itemId: z.uuid(),
  currency: z.string(),
  cap: z.string(),
  capCents: centsText,
  validFrom: z.string(),
  validTo: z.string().nullable(),
  note: z.string().nullable(),
  status: z.enum(['proposed', 'in-vote', 'adopted', 'rejected', 'superseded', 'withdrawn']),
  proposedAt: z.string(),
  pollId: z.uuid().nullable(),
  decidedAt: z.string().nullable(),
  decisionSummary: z.string().nullable(),
});

export const capListQuery = z.strictObject({ on: isoDate.optional() });

export const capHistoryQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const capListView = z.object({
  councilId: z.uuid(),
  councilName: z.string(),
  on: z.string(),
  caps: z.array(
    z.object({
      capId: z.uuid(),
      itemId: z.uuid(),
      itemName: z.string(),
      baseUnit: z.string(),
      currency: z.string(),
      cap: z.string(),
      capCents: centsText,
      validFrom: z.string(),
      validTo: z.string().nullable(),
      /** Where the cap comes from: this council or a body above it. */
      councilId: z.uuid(),
      councilName: z.string(),
      isOwn: z.boolean(),
    }),
  ),
});

export const reportPriceBody = z.strictObject({
  /** The shop's or stall's name, as its sign shows it. */
  seller: text(200),
  market: text(200).nullable().default(null),
  itemId: z.uuid(),
  quantity: z.string().regex(QUANTITY_PATTERN, 'a decimal like 50 or 0.5 (at most 3 decimals)'),
  /** One of the item's units; the base unit if left out. */
  unit: text(40).optional(),
  /** For the whole quantity, in the currency's units: "350.00" for a 50 kg sack. */
  price: money,
  currency,
  observedOn: isoDate,
  note: text(1000).nullable().default(null),
});

export const priceReportView = z.object({
  id: z.uuid(),
  councilId: z.uuid(),
  seller: z.string(),
  market: z.string().nullable(),
  itemId: z.uuid(),
  itemName: z.string(),
  baseUnit: z.string(),
  quantity: z.string(),
  unit: z.string(),
  quantityMilli: centsText,
  price: z.string(),
  priceCents: centsText,
  currency: z.string(),
  /** Per base unit, in hundredths (decimal text, exact to six decimals). */
  basePriceCents: z.string(),
  observedOn: z.string(),
  note: z.string().nullable(),
  reportedAt: z.string(),
  violationId: z.uuid().nullable(),
});

export const reportsQuery = z.strictObject({
  item: z.uuid().optional(),
  seller: text(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const reportsCsvQuery = z.strictObject({ item: z.uuid().optional(), seller: text(200).optional() });

const violationStatus = z.enum(['open', 'warning', 'inspection', 'resolved']);

export const violationsQuery = z.strictObject({
  status: violationStatus.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const violationView = z.object({
  id: z.uuid(),
  councilId: z.uuid(),
  status: violationStatus,
  createdAt: z.string(),
  report: priceReportView.omit({ councilId: true, reportedAt: true, violationId: true, note: true }),
  cap: z.object({
    id: z.uuid(),
    cap: z.string(),
    capCents: centsText,
    councilId: z.uuid(),
    councilName: z.string(),
  }),
  sellerHistory: z.object({
    reports: z.int(),
    earlierViolations: z.int(),
    lastReports: z.array(
      z.object({
        reportId: z.uuid(),
        itemName: z.string(),
        observedOn: z.string(),
        price: z.string(),
        quantity: z.string(),
        unit: z.string(),
        currency: z.string(),
        basePriceCents: z.string(),
      }),
    ),
  }),
  followups: z.array(
    z.object({
      action: z.enum(['warning', 'inspection', 'resolved', 'note']),
      note: z.string().nullable(),
      actedBy: z.uuid(),
      actedAt: z.string(),
    }),
  ),
});

export const followupBody = z.strictObject({
  action: z.enum(['warning', 'inspection', 'resolved', 'note']),
  note: text(1000).nullable().default(null),
});

export const followupView = z.object({ followupId: z.uuid(), status: violationStatus });
