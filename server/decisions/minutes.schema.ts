// Request and response schemas of a sitting's minutes; they are also the OpenAPI document.
import { z } from 'zod';
import { MINUTES_LANGUAGES } from '../../core/decisions/index.ts';

/** Minutes run to a few dozen kilobytes; this bounds a pasted document, not a real sitting. */
export const MINUTES_MAX_CHARS = 200_000;

export const generateMinutesBody = z.strictObject({ language: z.enum(MINUTES_LANGUAGES).optional() });

export const editMinutesBody = z.strictObject({
  markdown: z.string().min(1).max(MINUTES_MAX_CHARS),
});

export const minutesApprovalBody = z.strictObject({
  /** The later sitting of the same council that votes on the minutes. */
  assemblyId: z.uuid(),
});

export const minutesView = z.object({
  assemblyId: z.uuid(),
  assemblyTitle: z.string(),
  assemblyStatus: z.enum(['convened', 'in-session', 'closed', 'cancelled']),
  councilId: z.uuid(),
  councilName: z.string(),
  mayWrite: z.boolean(),
  minutes: z
    .object({
      status: z.enum(['draft', 'approved']),
      language: z.enum(MINUTES_LANGUAGES),
      markdown: z.string(),
      generatedMarkdown: z.string(),
      isEdited: z.boolean(),
      generatedAt: z.string(),
      editedAt: z.string().nullable(),
      approvedAt: z.string().nullable(),
      approvedByPollId: z.uuid().nullable(),
      /** sha256 (hex) of the approved text. */
      documentDigest: z.string().nullable(),
      /** The open vote on approving them, if any: the text is frozen while it runs. */
      pendingApprovalPollId: z.uuid().nullable(),
    })
    .nullable(),
});

export const minutesApprovalView = z.object({ pollId: z.uuid() });
