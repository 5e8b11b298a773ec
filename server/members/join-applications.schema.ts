// Schemas of the Join form and the application queue.
import { z } from 'zod';
import { APPLICATION_STATUSES, normaliseLogin } from '../../core/members/index.ts';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

export const joinBody = z.strictObject({
  councilId: z.uuid(),
  fullName: z.string().trim().min(1).max(200),
  email: optionalText(320).refine(
    (v) => v === null || (v.includes('@') && normaliseLogin(v).ok),
    'not an email address',
  ),
  phone: optionalText(40).refine(
    (v) => v === null || (!v.includes('@') && normaliseLogin(v).ok),
    'not a phone number',
  ),
  homePlace: optionalText(200),
  workPlace: optionalText(200),
  message: optionalText(2000),
  locale: z.enum(['es', 'en', 'qu', 'ay']).default('es'),
});

export const joinReceipt = z.object({ reference: z.string(), dueAt: z.string(), councilName: z.string() });

export const applicationView = z.object({
  id: z.uuid(),
  reference: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  homePlace: z.string().nullable(),
  workPlace: z.string().nullable(),
  message: z.string().nullable(),
  status: z.enum(APPLICATION_STATUSES),
  dueAt: z.string(),
  isOverdue: z.boolean(),
  createdAt: z.string(),
  declineReason: z.string().nullable(),
});

export const queueQuery = z.strictObject({ status: z.enum(['open', 'all']).default('open') });
export const applicationParams = z.strictObject({ id: z.uuid() });
export const declineBody = z.strictObject({ reason: z.string().trim().min(1).max(1000) });
export const acceptanceView = z.object({
  membershipId: z.uuid(),
  personId: z.uuid(),
  invitationUrl: z.string().nullable(),
});
export const memberView = z.object({
  membershipId: z.uuid(),
  personId: z.uuid(),
  fullName: z.string(),
  status: z.string(),
  joinedAt: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  homePlace: z.string().nullable(),
  workPlace: z.string().nullable(),
});
export const membersQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
