// Request and response schemas of the mandate routes (roll, mandates, election results, recall,
// resignation); they are also the OpenAPI document.
import { z } from 'zod';
import { MANDATE_STATUSES } from '../../core/federation/index.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

/** An ISO 8601 instant with its offset; fractions to the microsecond are kept (rights end at one). */
const instant = z.iso.datetime({ offset: true }).refine((s) => {
  const year = new Date(s).getUTCFullYear();
  return year >= 1900 && year <= 9999;
}, 'an instant between the years 1900 and 9999');

export const mandateIdParams = z.strictObject({ id: z.uuid() });

export const rollQuery = z.strictObject({
  /** Defaults to now (the database clock). */
  at: instant.optional(),
});

const counted = z.strictObject({ personId: z.uuid(), votes: z.int().min(0).max(100_000_000) });

export const electionResultBody = z.strictObject({
  source: z.literal('paper-count'),
  /** How the council files the tally sheet, e.g. "Acta de escrutinio 7/2026". */
  sheetReference: text(200),
  /** The two tellers who signed the tally sheet. */
  tellers: z.tuple([text(200), text(200)]).refine(([a, b]) => a.toLowerCase() !== b.toLowerCase(), {
    message: 'two different tellers sign the tally sheet',
  }),
  winners: z.array(counted).min(1).max(1000),
  substitutes: z.array(counted).max(1000).default([]),
  termEndsAt: instant,
});

export const recallBody = z.strictObject({
  decisionReference: text(200),
  minuteText: text(20_000),
});

export const resignBody = z.strictObject({ reason: text(2000).optional() });

const council = z.object({ id: z.uuid(), name: z.string() });
const person = z.object({ id: z.uuid(), fullName: z.string() });

export const rollView = z.object({
  councilId: z.uuid(),
  at: z.string(),
  seats: z.array(
    z.object({
      mandateId: z.uuid(),
      holder: person,
      weightMillis: z.int(),
      sendingCouncil: council,
      termStartsAt: z.string(),
      termEndsAt: z.string(),
      dependsOnMandateId: z.uuid().nullable(),
      /** The base council this seat represents, at the bottom of its chain of mandates. */
      baseCouncil: council,
    }),
  ),
  totalWeightMillis: z.int(),
});

export const mandateView = z.object({
  id: z.uuid(),
  seatCouncilId: z.uuid(),
  sendingCouncilId: z.uuid(),
  holderPersonId: z.uuid(),
  weightMillis: z.int(),
  termStartsAt: z.string(),
  termEndsAt: z.string(),
  status: z.enum(MANDATE_STATUSES),
  endedAt: z.string().nullable(),
  endReason: z.string().nullable(),
  dependsOnMandateId: z.uuid().nullable(),
  electionResultId: z.uuid(),
  replacesMandateId: z.uuid().nullable(),
});

export const mandateDetail = mandateView.extend({
  /** This mandate, then the ones it depends on, down to the one a base council issued. */
  trace: z.array(
    z.object({
      mandateId: z.uuid(),
      seatCouncil: council,
      sendingCouncil: council.extend({ kind: z.string() }),
      holder: person,
      status: z.enum(MANDATE_STATUSES),
      endedAt: z.string().nullable(),
    }),
  ),
  /** Every mandate the same sending council issued for the same seat council, newest first. */
  history: z.array(mandateView.extend({ holderName: z.string() })),
  /** What the signed-in person may do with this mandate now (the same checks the acts make). */
  viewer: z.object({ mayRecall: z.boolean(), mayResign: z.boolean(), mayPetition: z.boolean() }),
});

export const myMandatesView = z.object({
  mandates: z.array(mandateView.extend({ seatCouncil: council, sendingCouncil: council })),
});

export const electionResultView = z.object({
  electionResultId: z.uuid(),
  seatCouncilId: z.uuid(),
  termStartsAt: z.string(),
  mandates: z.array(
    z.object({
      mandateId: z.uuid(),
      personId: z.uuid(),
      weightMillis: z.int(),
      dependsOnMandateId: z.uuid().nullable(),
    }),
  ),
  supersededMandateIds: z.array(z.uuid()),
});

export const mandateEndView = z.object({
  endedAt: z.string(),
  ended: z.array(
    z.object({
      mandateId: z.uuid(),
      seatCouncilId: z.uuid(),
      sendingCouncilId: z.uuid(),
      holderPersonId: z.uuid(),
      cause: z.enum(['act', 'cascade']),
    }),
  ),
  seated: z.array(
    z.object({
      mandateId: z.uuid(),
      replacesMandateId: z.uuid(),
      personId: z.uuid(),
      rank: z.int(),
      seatCouncilId: z.uuid(),
      sendingCouncilId: z.uuid(),
    }),
  ),
  unfilled: z.array(z.object({ mandateId: z.uuid(), seatCouncilId: z.uuid(), sendingCouncilId: z.uuid() })),
  officesEnded: z.array(
    z.object({ officeId: z.uuid(), councilId: z.uuid(), office: z.string(), personId: z.uuid() }),
  ),
});
