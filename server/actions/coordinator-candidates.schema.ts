// Request and response of the search for coordinators of a call to action: a part of a person's name in,
// names and councils out — never a contact (email, phone, address).
import { z } from 'zod';

export const coordinatorCandidatesQuery = z.strictObject({
  q: z
    .string()
    .trim()
    .min(2)
    .max(80)
    .refine((t) => !t.includes('\u0000'), { message: 'no NUL characters' }),
});

export const coordinatorCandidatesView = z.object({
  candidates: z.array(
    z.object({
      personId: z.uuid(),
      fullName: z.string(),
      councilId: z.uuid(),
      councilName: z.string(),
    }),
  ),
});
