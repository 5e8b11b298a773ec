// Request and response schemas of market-price imports, markets, commodities and series.
import { z } from 'zod';
import { SEASONAL_PHASES } from '../../core/prices/index.ts';

export const importQuery = z.strictObject({
  /** The file's name as the person chose it, for the import's record. */
  name: z.string().trim().min(1).max(300).default('prices.csv'),
});

export const linkCommodityBody = z.strictObject({ itemId: z.uuid().nullable() });

export const importIdParams = z.strictObject({ id: z.uuid() });

export const importView = z.object({
  id: z.uuid(),
  fileName: z.string(),
  sha256: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  rowsTotal: z.int(),
  rowsDone: z.int(),
  imported: z.int(),
  alreadyPresent: z.int(),
  conflicts: z.int(),
  rejected: z.int(),
  outliers: z.int(),
  rejections: z.array(z.object({ line: z.int(), error: z.string(), field: z.string(), reason: z.string() })),
  failure: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const marketView = z.object({
  id: z.uuid(),
  name: z.string(),
  admin1: z.string(),
  admin2: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  observations: z.int(),
});

export const commodityView = z.object({
  id: z.uuid(),
  name: z.string(),
  category: z.string(),
  itemId: z.uuid().nullable(),
  observations: z.int(),
});

export const seriesQuery = z.strictObject({
  commodityId: z.uuid(),
  marketId: z.uuid().optional(),
  /** The median rule's factor (price above factor × median of the previous 12 is a rise). */
  factor: z.coerce.number().min(1.01).max(10).default(1.25),
});

export const anomaliesQuery = z.strictObject({
  months: z.coerce.number().int().min(1).max(120).default(6),
  factor: z.coerce.number().min(1.01).max(10).default(1.25),
});

export const observationView = z.object({
  id: z.string(),
  marketId: z.uuid(),
  commodityId: z.uuid(),
  priceType: z.string(),
  unit: z.string(),
  baseUnit: z.string(),
  currency: z.string(),
  date: z.string(),
  priceCents: z.number(),
  basePriceCents: z.number(),
  isOutlier: z.boolean(),
  outlierReason: z.string().nullable(),
  medianRatio: z.number().nullable(),
  isRise: z.boolean(),
  seasonalZ: z.number().nullable(),
  phase: z.enum(SEASONAL_PHASES),
});
