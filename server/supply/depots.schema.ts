// Request and response schemas of depots and their shelves; they are also the OpenAPI document.
import { z } from 'zod';
import { DEPOT_KINDS } from '../../core/supply/stock-ledger.ts';
import { milliText, text } from './items.schema.ts';

export const councilIdParams = z.strictObject({ id: z.uuid() });
export const depotIdParams = z.strictObject({ id: z.uuid() });

export const createDepotBody = z.strictObject({
  name: text(200),
  kind: z.enum(DEPOT_KINDS),
  place: text(300).nullish(),
  /** Where it is (WGS 84), for the distances of shipment plans. */
  location: z
    .strictObject({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) })
    .nullish(),
});

export const depotView = z.object({
  id: z.uuid(),
  councilId: z.uuid(),
  name: z.string(),
  kind: z.enum(DEPOT_KINDS),
  place: z.string().nullable(),
  location: z.object({ latitude: z.number(), longitude: z.number() }).nullable(),
  createdAt: z.string(),
});

export const depotStockView = z.object({
  depot: depotView,
  balances: z.array(
    z.object({
      item: z.object({ id: z.uuid(), name: z.string(), baseUnit: z.string(), stepMilli: milliText }),
      quantityMilli: milliText,
      /** The same, as a decimal of the base unit. */
      quantity: z.string(),
      eventCount: z.int(),
    }),
  ),
  viewer: z.object({ canRecord: z.boolean() }),
});
