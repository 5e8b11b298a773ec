// Request and response schemas of the apportionment routes; they are also the OpenAPI document.
import { z } from 'zod';
import { APPORTIONMENT_METHODS, MAX_TOTAL_SEATS, WEIGHT_RULES } from '../../core/federation/index.ts';

const seatCount = z.int().min(1).max(MAX_TOTAL_SEATS);
const minimumPerChild = z.int().min(0).max(MAX_TOTAL_SEATS).optional();
/** What each seat weighs in the council's votes, fixed in a mandate when it is issued. */
const weightRule = z.enum(WEIGHT_RULES).default('one-seat-one-vote');

// One shape per kind of rule, so a field that does not belong to the method is refused by name.
export const apportionmentRuleBody = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('fixed'), seatsPerChild: seatCount, minimumPerChild, weightRule }),
  z.strictObject({
    method: z.enum(['dhondt', 'sainte-lague', 'hamilton']),
    totalSeats: seatCount,
    minimumPerChild,
    weightRule,
  }),
]);

export const apportionBody = z.strictObject({
  /** Defaults to now; may not be earlier than the moment of the recompute. */
  effectiveAt: z.iso.datetime({ offset: true }).optional(),
});

export const historyQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  before: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
});

const method = z.enum(APPORTIONMENT_METHODS);

export const ruleView = z.object({
  method,
  totalSeats: z.int().nullable(),
  seatsPerChild: z.int().nullable(),
  minimumPerChild: z.int(),
  weightRule: z.enum(WEIGHT_RULES),
  setAt: z.string(),
});

const line = z.object({
  councilId: z.uuid(),
  name: z.string(),
  /** Active memberships of the child's whole subtree when the table was computed. */
  members: z.int(),
  seats: z.int(),
  /** Exact decimal, 6 places, truncated: divisor methods the quotient of the last seat won, Hamilton the quota. */
  quotient: z.string().nullable(),
  remainder: z.string().nullable(),
  minimumApplied: z.boolean(),
});

const tie = z.object({
  councilIds: z.array(z.uuid()),
  chosen: z.array(z.uuid()),
  by: z.literal('lot'),
  seed: z.string(),
});

export const apportionmentView = z.object({
  id: z.uuid(),
  seq: z.int(),
  method,
  totalSeats: z.int(),
  seatsPerChild: z.int().nullable(),
  minimumPerChild: z.int(),
  seed: z.string(),
  effectiveAt: z.string(),
  computedAt: z.string(),
  previousId: z.uuid().nullable(),
  rows: z.array(line),
  ties: z.array(tie),
});

export const apportionmentPage = z.object({
  councilId: z.uuid(),
  rule: ruleView.nullable(),
  /** The latest table (it may take effect later: see effectiveAt), each row with its previous seats. */
  current: apportionmentView
    .extend({ rows: z.array(line.extend({ previousSeats: z.int().nullable() })) })
    .nullable(),
  previous: z.object({ id: z.uuid(), seq: z.int(), effectiveAt: z.string(), totalSeats: z.int() }).nullable(),
});
