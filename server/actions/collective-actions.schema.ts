// Request and response schemas of calls to action, their decisions, pledges, councils' status reports,
// roll-ups and notices; they are also the OpenAPI document. Instants are ISO 8601 text (µs, UTC).
import { z } from 'zod';
import {
  ACTION_DECISION_KINDS,
  COLLECTIVE_ACTION_KINDS,
  COLLECTIVE_ACTION_STATUSES,
  COUNCIL_ACTION_STATUSES,
  LATER_DECISION_KINDS,
  NOTICE_KINDS,
} from '../../core/actions/index.ts';

/** PostgreSQL text holds no NUL character: refused here, as a 400, not by the database. */
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((t) => !t.includes('\u0000'), { message: 'no NUL characters' });
/** An instant between 2000 and 2199 (later or earlier is a typing slip), with its offset. */
const instant = z.iso
  .datetime({ offset: true })
  .refine((t) => t >= '2000' && t < '2200', { message: 'an instant between 2000 and 2199' });

export const idParams = z.strictObject({ id: z.uuid() });
export const actionCouncilParams = z.strictObject({ id: z.uuid(), councilId: z.uuid() });

export const proposeCollectiveActionBody = z.strictObject({
  kind: z.enum(COLLECTIVE_ACTION_KINDS),
  title: text(200),
  description: text(5000).nullable().default(null),
  startsAt: instant,
  endsAt: instant.nullable().default(null),
  liftingConditions: text(2000).nullable().default(null),
  /** Councils whose subtrees are in scope (the body or under it); omitted: the body's whole subtree. */
  scopeCouncilIds: z.array(z.uuid()).min(1).max(200).nullable().default(null),
  coordinatorIds: z.array(z.uuid()).max(50).default([]),
});

export const proposeActionDecisionBody = z.strictObject({
  kind: z.enum(LATER_DECISION_KINDS),
  reason: text(2000).nullable().default(null),
});

export const pledgeBody = z.strictObject({
  /** The council the pledge is made in; omitted: the person's only council in the scope. */
  councilId: z.uuid().nullable().default(null),
  /** "I join if at least N of my council do, me included"; null or omitted: unconditional. */
  threshold: z.int().min(2).max(1_000_000).nullable().default(null),
});

export const councilStatusBody = z.strictObject({
  status: z.enum(COUNCIL_ACTION_STATUSES),
  participants: z.int().min(0).max(10_000_000).nullable().default(null),
  incidents: text(5000).nullable().default(null),
});

export const councilsQuery = z.strictObject({ parentId: z.uuid().optional() });
export const noticesQuery = z.strictObject({
  before: instant.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const decisionView = z.object({
  id: z.uuid(),
  actionId: z.uuid(),
  kind: z.enum(ACTION_DECISION_KINDS),
  reason: z.string().nullable(),
  status: z.enum(['proposed', 'in-vote', 'adopted', 'rejected']),
  proposedAt: z.string(),
  pollId: z.uuid().nullable(),
  decidedAt: z.string().nullable(),
  decisionSummary: z.string().nullable(),
});

export const actionView = z.object({
  id: z.uuid(),
  councilId: z.uuid(),
  kind: z.enum(COLLECTIVE_ACTION_KINDS),
  title: z.string(),
  description: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  liftingConditions: z.string().nullable(),
  status: z.enum(COLLECTIVE_ACTION_STATUSES),
  scopeCouncils: z.int(),
  proposedAt: z.string(),
  calledAt: z.string().nullable(),
  liftedAt: z.string().nullable(),
});

export const totalsView = z.object({
  councils: z.int(),
  participating: z.int(),
  partial: z.int(),
  notParticipating: z.int(),
  notReported: z.int(),
  activePledges: z.int(),
  pendingPledges: z.int(),
  participants: z.int(),
});

export const pledgeView = z.object({
  id: z.uuid(),
  councilId: z.uuid(),
  threshold: z.int().nullable(),
  status: z.enum(['pending', 'active', 'withdrawn']),
  pledgedAt: z.string(),
  resolvedAt: z.string().nullable(),
});

export const actionDetailView = actionView.extend({
  coordinators: z.array(z.object({ personId: z.uuid(), fullName: z.string() })),
  decisions: z.array(decisionView),
  totals: totalsView,
  /** The signed-in person's pledge, if any. */
  myPledge: pledgeView.nullable(),
});

export const proposedActionView = z.object({ action: actionView, decision: decisionView });

export const pledgeOutcomeView = z.object({
  pledge: pledgeView,
  activeInCouncil: z.int(),
  pendingInCouncil: z.int(),
  activated: z.int(),
});

export const rollUpView = z.object({
  actionId: z.uuid(),
  node: z.object({ councilId: z.uuid(), name: z.string() }),
  totals: totalsView,
  children: z.array(totalsView.extend({ councilId: z.uuid(), name: z.string(), kind: z.string() })),
  /** A base council node: its own latest report. */
  own: z
    .object({
      status: z.enum(COUNCIL_ACTION_STATUSES).nullable(),
      participants: z.int().nullable(),
      incidents: z.string().nullable(),
      reportedAt: z.string().nullable(),
    })
    .nullable(),
});

export const pledgersView = z.object({
  councilId: z.uuid(),
  pledges: z.array(
    pledgeView.extend({ personId: z.uuid(), fullName: z.string(), resolvedCount: z.int().nullable() }),
  ),
});

export const noticesView = z.object({
  notices: z.array(
    z.object({
      id: z.uuid(),
      actionId: z.uuid(),
      actionTitle: z.string(),
      actionKind: z.enum(COLLECTIVE_ACTION_KINDS),
      kind: z.enum(NOTICE_KINDS),
      text: z.string(),
      at: z.string(),
    }),
  ),
});
