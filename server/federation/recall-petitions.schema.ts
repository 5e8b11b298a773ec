// Request and response schemas of the recall petition routes; they are also the OpenAPI document.
import { z } from 'zod';

export const petitionIdParams = z.strictObject({ id: z.uuid() });
export const openPetitionBody = z.strictObject({ reason: z.string().trim().min(1).max(2000) });
export const recallThresholdBody = z.strictObject({ thresholdPercent: z.int().min(1).max(100) });

export const petitionView = z.object({
  id: z.uuid(),
  mandateId: z.uuid(),
  sendingCouncilId: z.uuid(),
  reason: z.string(),
  openedAt: z.string(),
  membersAtOpening: z.int(),
  thresholdPercent: z.int(),
  signaturesNeeded: z.int(),
  signatureCount: z.int(),
  /** 'vote-due': the threshold was reached and the recall vote is owed (polls: issue 5). */
  status: z.enum(['open', 'vote-due', 'recalled', 'retained']),
  thresholdReachedAt: z.string().nullable(),
  /** Whether the signed-in person has signed (false for visitors). */
  viewerHasSigned: z.boolean(),
});

export const signatureView = petitionView.extend({
  crossedThreshold: z.boolean(),
  /** The recall vote the crossing signature opened. */
  recallPollId: z.uuid().nullable(),
});
