// Request and response schemas of households (they become the OpenAPI document).
import { z } from 'zod';
import { MAX_HOUSEHOLD_PEOPLE, PRIORITY_FLAGS } from '../../core/supply/ration-rule.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const band = z.int().min(0).max(MAX_HOUSEHOLD_PEOPLE);

export const peopleByBand = z
  .strictObject({ infant: band, child: band, adult: band, elder: band })
  .refine((p) => p.infant + p.child + p.adult + p.elder >= 1, {
    message: 'a household has at least one person',
  })
  .refine((p) => p.infant + p.child + p.adult + p.elder <= MAX_HOUSEHOLD_PEOPLE, {
    message: `a household has at most ${MAX_HOUSEHOLD_PEOPLE} people`,
  });

const flags = z
  .array(z.enum(PRIORITY_FLAGS))
  .max(PRIORITY_FLAGS.length)
  .refine((f) => new Set(f).size === f.length, { message: 'a flag is listed twice' });

/** Letters and digits with spaces, dots, dashes or slashes between them (CI 4.567.890-LP). */
const identityDocument = z
  .string()
  .trim()
  .min(3)
  .max(40)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} .\-/]*$/u, 'letters and digits only');

export const registerHouseholdBody = z.strictObject({
  headName: text(200),
  address: text(300),
  phone: z.string().trim().min(3).max(40).nullable().default(null),
  people: peopleByBand,
  flags: flags.default([]),
  identityDocument: identityDocument.nullable().default(null),
});

export const changeHouseholdBody = z
  .strictObject({
    headName: text(200).optional(),
    address: text(300).optional(),
    phone: z.string().trim().min(3).max(40).nullable().optional(),
    people: peopleByBand.optional(),
    flags: flags.optional(),
    identityDocument: identityDocument.nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'say what changes' });

export const withdrawHouseholdBody = z.strictObject({ reason: text(300) });

export const householdsQuery = z.strictObject({
  status: z.enum(['active', 'withdrawn', 'all']).default('active'),
  q: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

const duplicate = z.object({ councilId: z.uuid(), councilName: z.string() });

export const householdView = z.object({
  id: z.uuid(),
  councilId: z.uuid(),
  headName: z.string(),
  address: z.string(),
  phone: z.string().nullable(),
  people: z.object({ infant: z.int(), child: z.int(), adult: z.int(), elder: z.int() }),
  size: z.int(),
  flags: z.array(z.enum(PRIORITY_FLAGS)),
  hasIdentityDocument: z.boolean(),
  status: z.enum(['active', 'withdrawn']),
  registeredAt: z.string(),
  updatedAt: z.string(),
  withdrawnAt: z.string().nullable(),
  withdrawalReason: z.string().nullable(),
  /** Active households of other councils with the same identity document (only their council). */
  possibleDuplicates: z.array(duplicate),
});

export const householdListView = z.object({
  households: z.array(householdView),
  total: z.int(),
  limit: z.int(),
  offset: z.int(),
});
