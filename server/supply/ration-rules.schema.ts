// Request and response schemas of ration rules, their limits and distribution rounds.
import { z } from 'zod';
import {
  AGE_BANDS,
  MAX_BAND_WEIGHT_PERMILLE,
  MAX_PER_PERSON_MILLI,
  PRIORITY_FLAGS,
} from '../../core/supply/ration-rule.ts';
import { decimal, text } from './items.schema.ts';

const milli = (max: number) => z.int().min(1).max(max);
const weight = z.int().min(0).max(MAX_BAND_WEIGHT_PERMILLE);

/** Amounts in milli-units of the item's base unit (1 kg = 1000). */
export const rationRuleContent = z.strictObject({
  perPersonMilli: milli(MAX_PER_PERSON_MILLI),
  weightsPermille: z.strictObject({ infant: weight, child: weight, adult: weight, elder: weight }),
  priorityClasses: z
    .array(z.array(z.enum(PRIORITY_FLAGS)).max(PRIORITY_FLAGS.length))
    .max(PRIORITY_FLAGS.length),
  capPerHouseholdMilli: milli(Number.MAX_SAFE_INTEGER).optional(),
});

export const proposeRationRuleBody = z.strictObject({
  itemId: z.uuid(),
  rule: rationRuleContent,
  note: text(2000).nullable().default(null),
});

export const rationRulesQuery = z.strictObject({ itemId: z.uuid().optional() });

export const rationRuleView = z.object({
  id: z.uuid(),
  councilId: z.uuid(),
  itemId: z.uuid(),
  version: z.int(),
  rule: z.object({
    perPersonMilli: z.int(),
    weightsPermille: z.record(z.enum(AGE_BANDS), z.int()),
    priorityClasses: z.array(z.array(z.enum(PRIORITY_FLAGS))),
    capPerHouseholdMilli: z.int().optional(),
  }),
  note: z.string().nullable(),
  status: z.enum(['proposed', 'in-vote', 'adopted', 'rejected', 'superseded', 'withdrawn']),
  proposedAt: z.string(),
  pollId: z.uuid().nullable(),
  decidedAt: z.string().nullable(),
  decisionSummary: z.string().nullable(),
});

export const rationLimitsBody = z.strictObject({
  maxPerPersonMilli: milli(MAX_PER_PERSON_MILLI).optional(),
  maxCapPerHouseholdMilli: milli(Number.MAX_SAFE_INTEGER).optional(),
  servedFirstFlags: z
    .array(z.enum(PRIORITY_FLAGS))
    .max(PRIORITY_FLAGS.length)
    .refine((f) => new Set(f).size === f.length, { message: 'a flag is listed twice' })
    .optional(),
});

export const limitsParams = z.strictObject({ id: z.uuid(), itemId: z.uuid() });

export const limitsView = z.object({
  /** This body's own limits for the item, if it set any. */
  own: rationLimitsBody.nullable(),
  /** The limits of every body above, nearest first. */
  above: z.array(z.object({ councilId: z.uuid(), councilName: z.string(), limits: rationLimitsBody })),
});

export const openRoundBody = z.strictObject({
  itemId: z.uuid(),
  title: text(200),
  quantity: decimal.optional(),
  unit: text(40).optional(),
});

export const pickupBody = z.strictObject({ householdId: z.uuid(), volunteerId: z.uuid().optional() });

const classOutcome = z.object({
  priorityClass: z.int(),
  households: z.int(),
  entitlementMilli: z.number(),
  allocatedMilli: z.number(),
  status: z.enum(['full', 'short', 'none']),
  levelMilliPerPerson: z.number().nullable(),
});

export const roundView = z.object({
  id: z.uuid(),
  councilId: z.uuid(),
  depotId: z.uuid(),
  itemId: z.uuid(),
  ruleId: z.uuid(),
  ruleVersion: z.int(),
  rule: rationRuleView.shape.rule,
  title: z.string(),
  status: z.enum(['open', 'closed']),
  stockMilli: z.string(),
  stepMilli: z.string(),
  tieBreakSeed: z.string(),
  entitlementMilli: z.string(),
  allocatedMilli: z.string(),
  classes: z.array(classOutcome),
  households: z.int(),
  pickedUp: z.int(),
  pickedUpMilli: z.string(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
});

/** A line of the list. Names, addresses, people and flags only for those who keep the households. */
export const entitlementView = z.object({
  householdId: z.uuid(),
  headName: z.string().nullable(),
  address: z.string().nullable(),
  people: z.object({ infant: z.int(), child: z.int(), adult: z.int(), elder: z.int() }).nullable(),
  flags: z.array(z.enum(PRIORITY_FLAGS)).nullable(),
  priorityClass: z.int(),
  weightMillis: z.int(),
  entitlementMilli: z.string(),
  allocatedMilli: z.string(),
  pickedUpAt: z.string().nullable(),
  handedOutByName: z.string().nullable(),
});

export const roundDetailView = roundView.extend({
  entitlements: z.array(entitlementView),
  mayRecordPickups: z.boolean(),
  mayClose: z.boolean(),
});

export const recomputationView = z.object({
  households: z.int(),
  allocatedMilli: z.number(),
  matches: z.boolean(),
  differences: z.array(
    z.object({ householdId: z.string(), field: z.string(), stored: z.number(), recomputed: z.number() }),
  ),
});
