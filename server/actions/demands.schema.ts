// Request and response schemas of councils' lists of demands; they are also the OpenAPI document.
// Days travel as ISO dates ('2026-03-12'), instants as ISO text with microseconds.
import { z } from 'zod';
import { DEMAND_STATUSES } from '../../core/actions/index.ts';

/** PostgreSQL text holds no NUL character: refused here, as a 400, not by the database. */
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((t) => !t.includes('\u0000'), { message: 'no NUL characters' });
/** A day (ISO), between 2000 and 2199: earlier or later is a typing slip. */
const isoDate = z.iso
  .date()
  .refine((d) => d >= '2000-01-01' && d <= '2199-12-31', { message: 'a date between 2000 and 2199' });

/** The most demands one vote adopts: a long list of points fits, a runaway client does not. */
export const MAX_DEMANDS_PER_BATCH = 200;

export const idParams = z.strictObject({ id: z.uuid() });
export const endorsementParams = z.strictObject({ id: z.uuid(), councilId: z.uuid() });

export const proposeDemandsBody = z.strictObject({
  demands: z
    .array(
      z.strictObject({
        text: text(4000),
        /** Who the demand is made to: "Ministry of Labour", "the mine's management". */
        addressee: text(300),
        /** When the demand was raised already before the list was kept here; else the day of adoption. */
        raisedOn: isoDate.nullable().default(null),
      }),
    )
    .min(1)
    .max(MAX_DEMANDS_PER_BATCH),
});

export const changeDemandStatusBody = z.strictObject({
  status: z.enum(DEMAND_STATUSES),
  /** The status the officer saw: the change is refused (409) if it changed meanwhile. */
  fromStatus: z.enum(DEMAND_STATUSES),
  note: text(4000).nullable().default(null),
});

export const recordDemandAnswerBody = z
  .strictObject({
    kind: z.enum(['answer-received', 'note']),
    text: text(4000),
    answeredOn: isoDate.nullable().default(null),
  })
  .refine((b) => b.answeredOn === null || b.kind === 'answer-received', {
    message: 'only an answer has a day it was answered on',
    path: ['answeredOn'],
  });

export const endorseDemandBody = z.strictObject({ councilId: z.uuid() });

export const demandListQuery = z.strictObject({
  /** One status only; by default every demand on the list (numbered), proposals and rejected ones left out. */
  status: z.enum(DEMAND_STATUSES).optional(),
});

const status = z.enum(DEMAND_STATUSES);

export const demandView = z.object({
  id: z.uuid(),
  councilId: z.uuid(),
  batchId: z.uuid(),
  number: z.int().nullable(),
  text: z.string(),
  addressee: z.string(),
  raisedOn: z.string().nullable(),
  status,
  proposedAt: z.string(),
  pollId: z.uuid().nullable(),
  decidedAt: z.string().nullable(),
  statusChangedAt: z.string().nullable(),
});

export const demandBatchView = z.object({
  batchId: z.uuid(),
  councilId: z.uuid(),
  demands: z.array(demandView),
});

export const demandAnswerView = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.enum(['answer-received', 'status-change', 'note']),
  fromStatus: status.nullable(),
  toStatus: status.nullable(),
  answeredOn: z.string().nullable(),
  text: z.string().nullable(),
  /** True for the vote's own entry (adoption or rejection), recorded by no person. */
  byVote: z.boolean(),
});

export const demandEndorsementView = z.object({
  id: z.uuid(),
  councilId: z.uuid(),
  councilName: z.string(),
  endorsedAt: z.string(),
  withdrawnAt: z.string().nullable(),
});

export const demandDetailView = demandView.extend({
  history: z.array(demandAnswerView),
  endorsements: z.array(demandEndorsementView),
});

export const demandListView = z.object({
  councilId: z.uuid(),
  councilName: z.string(),
  /** How many demands on the list are in each status, and in all. */
  progress: z.object({
    raised: z.int(),
    'in-negotiation': z.int(),
    'partly-met': z.int(),
    met: z.int(),
    refused: z.int(),
    total: z.int(),
  }),
  demands: z.array(
    demandView.extend({
      /** Councils endorsing it now. */
      endorsements: z.int(),
      lastAnswerAt: z.string().nullable(),
    }),
  ),
});
