// Request and response schemas of assemblies and polls; they are also the OpenAPI document.
import { z } from 'zod';
import {
  MAJORITIES,
  MAJORITY_BASES,
  POLL_METHODS,
  RECEIPT_CODE_PATTERN,
  SECRECIES,
  YES_NO_CHOICES,
} from '../../core/decisions/index.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

const instant = z.iso.datetime({ offset: true }).refine((s) => {
  const year = new Date(s).getUTCFullYear();
  return year >= 1900 && year <= 9999;
}, 'an instant between the years 1900 and 9999');

export const idParams = z.strictObject({ id: z.uuid() });

const quorum = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('more-than-half') }),
  z.strictObject({ kind: z.literal('percent'), percent: z.int().min(1).max(100) }),
]);

/** What a sitting is convened with (also what a members' petition proposes, without the last two). */
export const conveneFields = z.strictObject({
  title: text(200),
  startsAt: instant,
  isExtraordinary: z.boolean().default(false),
  place: text(300).nullable().default(null),
  onlineUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable()
    .default(null),
  quorum: quorum.default({ kind: 'more-than-half' }),
  agenda: z
    .array(z.strictObject({ title: text(300), notes: text(5000).nullable().default(null) }))
    .max(100)
    .default([]),
});

export const meetsSomewhere = <T extends { place: string | null; onlineUrl: string | null }>(b: T) =>
  b.place !== null || b.onlineUrl !== null;
const somewhere = { message: 'an assembly meets at a place, online, or both', path: ['place'] };

export const conveneBody = conveneFields.refine(meetsSomewhere, somewhere);

export const assemblyPetitionBody = conveneFields
  .omit({ isExtraordinary: true, quorum: true })
  .extend({ reason: text(2000) })
  .refine(meetsSomewhere, somewhere);

export const attendanceBody = z.strictObject({
  personId: z.uuid().optional(),
  mandateId: z.uuid().optional(),
});
export const checkOutBody = z.strictObject({ personId: z.uuid().optional() });

const option = z.strictObject({ label: text(200), personId: z.uuid().nullable().default(null) });

export const openPollBody = z.strictObject({
  kind: z.enum(['motion', 'election', 'referendum']),
  assemblyId: z.uuid().nullable().default(null),
  title: text(300),
  body: text(20000).nullable().default(null),
  method: z.enum(POLL_METHODS),
  options: z.array(option).max(200).default([]),
  seats: z.int().min(1).max(200).default(1),
  maxMarks: z.int().min(1).max(200).default(1),
  allowSplit: z.boolean().default(false),
  majority: z.enum(MAJORITIES).default('simple'),
  majorityBase: z.enum(MAJORITY_BASES).default('voting'),
  secrecy: z.enum(SECRECIES).default('open'),
  closesAt: instant.nullable().default(null),
  /** Elections of the council's delegates to the body above: when their term ends. */
  delegatesTermEndsAt: instant.nullable().default(null),
  /** With delegatesTermEndsAt: a by-election that fills only the council's empty seats above. */
  fillsVacancies: z.boolean().default(false),
  /** A yes-no vote on a motion before this council, or on one of its amendments. */
  motionId: z.uuid().nullable().default(null),
  amendmentId: z.uuid().nullable().default(null),
  /** A subject another part of Cabildo decides by this yes-no vote (a ration rule, a price cap, …). */
  subject: z
    .strictObject({ kind: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/), id: z.uuid() })
    .nullable()
    .default(null),
});

export const castBody = z.union([
  z.strictObject({ mandateId: z.uuid().optional(), choice: z.enum(YES_NO_CHOICES) }),
  z.strictObject({
    mandateId: z.uuid().optional(),
    split: z.strictObject({
      yes: z.int().min(0).max(100_000_000).optional(),
      no: z.int().min(0).max(100_000_000).optional(),
      abstain: z.int().min(0).max(100_000_000).optional(),
    }),
  }),
  z.strictObject({
    mandateId: z.uuid().optional(),
    ranking: z.array(z.int().min(0).max(1000)).max(200),
  }),
]);

const paperBallot = z.union([
  z.strictObject({ choice: z.enum(YES_NO_CHOICES) }),
  z.strictObject({ ranking: z.array(z.int().min(0).max(1000)).max(200) }),
]);

export const paperBallotsBody = z
  .strictObject({
    /** The two tellers who counted the papers. */
    tellers: z.tuple([text(200), text(200)]).refine(([a, b]) => a.toLowerCase() !== b.toLowerCase(), {
      message: 'two different tellers count the papers',
    }),
    /** Who handed in a paper (members of the body). */
    voterIds: z.array(z.uuid()).min(1).max(5000),
    /** What the papers said, as many as voters; their order is not kept for secret polls. */
    ballots: z.array(paperBallot).min(1).max(5000),
  })
  .refine((b) => b.voterIds.length === b.ballots.length, {
    message: 'as many papers as voters',
    path: ['ballots'],
  });

export const receiptView = z.object({
  pollId: z.uuid(),
  receiptCode: z.string().regex(RECEIPT_CODE_PATTERN),
  weightMillis: z.int(),
});

export const quorumView = z.object({
  presentMillis: z.number(),
  entitledMillis: z.number(),
  neededMillis: z.number(),
  isQuorate: z.boolean(),
});

const optionView = z.object({ label: z.string(), personId: z.uuid().nullable() });

export const pollView = z.object({
  id: z.uuid(),
  councilId: z.uuid(),
  assemblyId: z.uuid().nullable(),
  kind: z.enum(['motion', 'election', 'recall', 'referendum']),
  title: z.string(),
  body: z.string().nullable(),
  method: z.enum(POLL_METHODS),
  options: z.array(optionView),
  seats: z.int(),
  maxMarks: z.int(),
  allowSplit: z.boolean(),
  majority: z.enum(MAJORITIES),
  majorityBase: z.enum(MAJORITY_BASES),
  secrecy: z.enum(SECRECIES),
  electorate: z.enum(['members', 'mandates', 'members-below']),
  recallPetitionId: z.uuid().nullable(),
  subjectMandateId: z.uuid().nullable(),
  /** Elections of delegates: the body the winners will sit in, and the end of their term. */
  seatCouncilId: z.uuid().nullable(),
  termEndsAt: z.string().nullable(),
  fillsVacancies: z.boolean(),
  status: z.enum(['open', 'closed', 'cancelled']),
  openedAt: z.string(),
  closesAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  entitledMillis: z.number(),
  presentAtOpenMillis: z.number().nullable(),
  presentAtCloseMillis: z.number().nullable(),
  seed: z.string(),
  ballotsCast: z.int(),
  /** core/decisions/polls/poll-tally.ts PollResult, once closed. */
  result: z.unknown().nullable(),
  outcome: z.enum(['adopted', 'rejected', 'elected', 'no-valid-ballots']).nullable(),
  /** A vote on a motion, or on one of its amendments (both set). */
  motionId: z.uuid().nullable(),
  amendmentId: z.uuid().nullable(),
  subject: z.object({ kind: z.string(), id: z.uuid() }).nullable(),
  viewer: z.object({
    hasVoted: z.boolean(),
    /** Mandates on this body's roll the viewer may still vote with (delegate bodies). */
    votableMandates: z.array(z.object({ mandateId: z.uuid(), weightMillis: z.int() })),
    mayVote: z.boolean(),
    mayClose: z.boolean(),
  }),
});

export const publishedBallotsView = z.object({
  pollId: z.uuid(),
  method: z.enum(POLL_METHODS),
  options: z.array(z.string()),
  seats: z.int(),
  seed: z.string(),
  ballots: z.array(
    z.object({
      receiptCode: z.string(),
      contents: z.unknown(),
      weightMillis: z.int(),
      baseCouncilId: z.uuid().nullable(),
      voterName: z.string().nullable(),
    }),
  ),
});

export const sealView = z.object({
  recorded: z
    .object({ voters: z.int(), votersDigest: z.string(), ballots: z.int(), ballotsDigest: z.string() })
    .nullable(),
  current: z.object({
    voters: z.int(),
    votersDigest: z.string(),
    ballots: z.int(),
    ballotsDigest: z.string(),
  }),
  matches: z.boolean(),
});

export const agendaItemView = z.object({
  id: z.uuid(),
  position: z.int(),
  title: z.string(),
  notes: z.string().nullable(),
});

export const assemblySummaryView = z.object({
  id: z.uuid(),
  councilId: z.uuid(),
  title: z.string(),
  startsAt: z.string(),
  isExtraordinary: z.boolean(),
  place: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  status: z.enum(['convened', 'in-session', 'closed', 'cancelled']),
});

export const assemblyView = assemblySummaryView.extend({
  councilName: z.string(),
  councilKind: z.string(),
  convenedAt: z.string(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  quorumRule: quorum,
  agenda: z.array(agendaItemView),
  quorum: quorumView,
  present: z.array(
    z.object({
      personId: z.uuid(),
      name: z.string(),
      mandateId: z.uuid().nullable(),
      weightMillis: z.int(),
    }),
  ),
  polls: z.array(
    pollView.pick({ id: true, title: true, kind: true, status: true, outcome: true, secrecy: true }),
  ),
  viewer: z.object({
    mayChair: z.boolean(),
    isPresent: z.boolean(),
    /** Delegate bodies: the viewer's mandates on this council's roll. */
    mandates: z.array(z.object({ mandateId: z.uuid(), weightMillis: z.int() })),
    isMember: z.boolean(),
  }),
});
