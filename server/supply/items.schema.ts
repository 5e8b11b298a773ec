// Request and response schemas of the catalogue routes; they are also the OpenAPI document.
// Quantities travel as decimal text (exact; bigint-safe): "12.5" kg, "1" cylinder.
import { z } from 'zod';
import { ITEM_CATEGORIES, QUANTITY_PATTERN } from '../../core/supply/stock-ledger.ts';

export const text = (max: number) => z.string().trim().min(1).max(max);
/** A decimal with at most three decimals; never negative, never in exponent notation. */
export const decimal = z
  .string()
  .regex(QUANTITY_PATTERN, 'a decimal like 12.5 (at most 3 decimals, not negative)');
/** Milli-units as integer text (bigint-safe). */
export const milliText = z.string().regex(/^-?\d+$/);

export const itemsQuery = z.strictObject({ category: z.enum(ITEM_CATEGORIES).optional() });

export const createItemBody = z.strictObject({
  name: text(200),
  category: z.enum(ITEM_CATEGORIES),
  /** The unit quantities are kept in: "kg", "L", "cylinder 10 kg". */
  baseUnit: text(40),
  /** The smallest quantity the item moves in, in its base unit: "1" for indivisible items, "0.001" for grams. */
  step: decimal,
  /** Other units, each as how many base units it holds: { unit: "sack 50 kg", baseUnits: "50" }. */
  units: z
    .array(z.strictObject({ unit: text(40), baseUnits: decimal }))
    .max(20)
    .default([]),
});

export const itemView = z.object({
  id: z.uuid(),
  name: z.string(),
  category: z.enum(ITEM_CATEGORIES),
  baseUnit: z.string(),
  stepMilli: milliText,
  units: z.array(z.object({ unit: z.string(), milliPerUnit: milliText, baseUnits: z.string() })),
});
