// Request and response schemas of transfers; they are also the OpenAPI document.
import { z } from 'zod';
import { decimal, milliText, text } from './items.schema.ts';

export const transferIdParams = z.strictObject({ id: z.uuid() });

export const sendTransferBody = z.strictObject({
  fromDepotId: z.uuid(),
  toDepotId: z.uuid(),
  itemId: z.uuid(),
  quantity: decimal,
  unit: text(40).optional(),
  note: text(1000).optional(),
});

export const receiveTransferBody = z.strictObject({
  /** Put on the receiving shelf. */
  accepted: decimal,
  /** Refused and returned to the sending shelf (default 0); accepted + rejected = the quantity sent. */
  rejected: decimal.optional(),
  unit: text(40).optional(),
  rejectionNote: text(1000).optional(),
});

export const councilTransfersQuery = z.strictObject({
  status: z.enum(['in-transit', 'received']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const transferView = z.object({
  id: z.uuid(),
  item: z.object({ id: z.uuid(), name: z.string(), baseUnit: z.string() }),
  from: z.object({ depotId: z.uuid(), depotName: z.string(), councilId: z.uuid() }),
  to: z.object({ depotId: z.uuid(), depotName: z.string(), councilId: z.uuid() }),
  quantityMilli: milliText,
  status: z.enum(['in-transit', 'received']),
  acceptedMilli: milliText.nullable(),
  rejectedMilli: milliText.nullable(),
  rejectionNote: z.string().nullable(),
  note: z.string().nullable(),
  sentAt: z.string(),
  receivedAt: z.string().nullable(),
});
