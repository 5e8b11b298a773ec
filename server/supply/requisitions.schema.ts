// Request and response schemas of requisitions and shipment plans.
import { z } from 'zod';
import { decimal, milliText, text } from './items.schema.ts';

export const submitRequisitionBody = z.strictObject({
  itemId: z.uuid(),
  quantity: decimal,
  unit: text(40).optional(),
  toDepotId: z.uuid(),
  note: text(1000).nullish(),
});

export const requisitionsQuery = z.strictObject({
  /** sent: this council's own requisitions; received: those of the councils under it. */
  direction: z.enum(['sent', 'received']).default('sent'),
  status: z.enum(['submitted', 'approved', 'rejected', 'planned', 'withdrawn']).optional(),
  itemId: z.uuid().optional(),
});

export const decideRequisitionBody = z.discriminatedUnion('decision', [
  z.strictObject({
    decision: z.literal('approve'),
    quantity: decimal.optional(),
    unit: text(40).optional(),
    note: text(1000).nullish(),
  }),
  z.strictObject({ decision: z.literal('reject'), note: text(1000).nullish() }),
]);

export const requisitionView = z.object({
  id: z.uuid(),
  councilId: z.uuid(),
  councilName: z.string(),
  parentId: z.uuid(),
  itemId: z.uuid(),
  toDepotId: z.uuid(),
  requestedMilli: milliText,
  stockMilli: milliText,
  consumption30dMilli: milliText,
  note: z.string().nullable(),
  status: z.enum(['submitted', 'approved', 'rejected', 'planned', 'withdrawn']),
  approvedMilli: milliText.nullable(),
  decisionNote: z.string().nullable(),
  submittedAt: z.string(),
  decidedAt: z.string().nullable(),
  planId: z.uuid().nullable(),
});

export const planBody = z.strictObject({ itemId: z.uuid() });

export const planView = z.object({
  id: z.uuid(),
  councilId: z.uuid(),
  itemId: z.uuid(),
  status: z.enum(['draft', 'executed', 'discarded']),
  /** The max-min fair fill ratio as an exact fraction. */
  fairRatio: z.object({ numerator: z.number(), denominator: z.number() }),
  totalShippedMilli: milliText,
  totalCostKm: z.string(),
  fills: z.array(
    z.object({
      requisitionId: z.uuid(),
      councilId: z.uuid(),
      councilName: z.string(),
      /** In planning units of unitMilli. */
      demand: z.number(),
      served: z.number(),
      guaranteed: z.number(),
      fillRatio: z.number(),
      unitMilli: z.number(),
    }),
  ),
  lines: z.array(
    z.object({
      requisitionId: z.uuid(),
      fromDepotId: z.uuid(),
      fromDepotName: z.string(),
      toDepotId: z.uuid(),
      toDepotName: z.string(),
      toCouncilName: z.string(),
      quantityMilli: milliText,
      distanceKm: z.int(),
      transferId: z.uuid().nullable(),
    }),
  ),
  createdAt: z.string(),
  executedAt: z.string().nullable(),
});
