// Request and response schemas of motions, amendments, composites and instructions (the OpenAPI document).
import { z } from 'zod';
import { INSTRUCTION_POSITIONS, MOTION_STATUSES } from '../../core/decisions/index.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

export const motionParams = z.strictObject({ id: z.uuid() });
export const instructionParams = z.strictObject({ id: z.uuid(), councilId: z.uuid() });

export const submitMotionBody = z.strictObject({
  title: text(300),
  text: text(20000),
  assemblyId: z.uuid().nullable().default(null),
  agendaPosition: z.int().min(1).max(1000).nullable().default(null),
});

export const proposeAmendmentBody = z.strictObject({
  baseVersion: z.int().min(1).max(100_000),
  /** 1-based; lineTo = lineFrom - 1 inserts before lineFrom. */
  lineFrom: z.int().min(1).max(100_000),
  lineTo: z.int().min(0).max(100_000),
  /** The new lines (none: the lines are deleted). */
  replacementLines: z
    .array(
      z
        .string()
        .max(20000)
        .regex(/^[^\r\n]*$/, 'one line, without line breaks'),
    )
    .max(2000),
});

export const composeBody = z.strictObject({
  motionIds: z.array(z.uuid()).min(2).max(50),
  title: text(300),
  text: text(20000),
});

export const scheduleBody = z.strictObject({
  /** The sitting whose agenda takes the motion; null takes it off. */
  assemblyId: z.uuid().nullable(),
  agendaPosition: z.int().min(1).max(1000).nullable().default(null),
});
export const instructionBody = z.strictObject({ position: z.enum(INSTRUCTION_POSITIONS) });

const linkedMotion = z.object({
  motionId: z.uuid(),
  councilId: z.uuid(),
  councilName: z.string(),
  title: z.string(),
  status: z.enum(MOTION_STATUSES),
});

const hunk = z.object({
  kind: z.enum(['kept', 'removed', 'added']),
  oldLine: z.int(),
  newLine: z.int(),
  lines: z.array(z.string()),
});

export const amendmentView = z.object({
  id: z.uuid(),
  motionId: z.uuid(),
  baseVersion: z.int(),
  lineFrom: z.int(),
  lineTo: z.int(),
  replacementLines: z.array(z.string()),
  proposedBy: z.uuid(),
  proposedAt: z.string(),
  status: z.enum(['submitted', 'adopted', 'rejected', 'withdrawn']),
  pollId: z.uuid().nullable(),
  decidedAt: z.string().nullable(),
  /** The base version against the base version amended. */
  diff: z.array(hunk),
});

export const motionSummaryView = z.object({
  id: z.uuid(),
  councilId: z.uuid(),
  title: z.string(),
  status: z.enum(MOTION_STATUSES),
  isComposite: z.boolean(),
  submittedByCouncilId: z.uuid().nullable(),
  currentVersion: z.int(),
  submittedAt: z.string(),
  decidedAt: z.string().nullable(),
  parentOutcome: z.enum(['adopted', 'rejected']).nullable(),
  /** The sitting whose agenda has the motion, and its place there. */
  assemblyId: z.uuid().nullable(),
  agendaPosition: z.int().nullable(),
});

export const motionView = motionSummaryView.extend({
  text: z.string(),
  submittedBy: z.uuid().nullable(),
  statusChangedAt: z.string(),
  outcomePollId: z.uuid().nullable(),
  parentDecidedAt: z.string().nullable(),
  supportersCount: z.int(),
  versions: z.array(
    z.object({
      version: z.int(),
      text: z.string(),
      madeByAmendmentId: z.uuid().nullable(),
      madeAt: z.string(),
    }),
  ),
  amendments: z.array(amendmentView),
  lineage: z.object({
    /** Down: the child council's motion this one was forwarded from. */
    origin: linkedMotion.nullable(),
    /** Up: the motion this one became in the body above, and the composite it was merged into. */
    forwardedAs: linkedMotion.nullable(),
    mergedInto: linkedMotion.nullable(),
  }),
  /** A composite's origins, each with the support it brought. */
  compositeOrigins: z.array(
    linkedMotion.extend({
      originCouncilId: z.uuid(),
      originCouncilName: z.string(),
      supportersCount: z.int(),
    }),
  ),
  instructions: z.array(
    z.object({
      councilId: z.uuid(),
      councilName: z.string(),
      position: z.enum(INSTRUCTION_POSITIONS),
      decidedAt: z.string(),
    }),
  ),
  viewer: z.object({ isSupporter: z.boolean(), isSubmitter: z.boolean(), mayManage: z.boolean() }),
});
