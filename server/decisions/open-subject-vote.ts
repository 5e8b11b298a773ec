// Opens the yes-no vote of a council on a subject another context owns (a ration rule, a price cap, …):
// the settings a person chooses (sitting, closing time, secrecy, majority) and the poll-subject port does
// the rest (poll-subjects.ts: the subject's opening hook locks and checks it in the poll's transaction).
import { z } from 'zod';
import { MAJORITIES, MAJORITY_BASES, SECRECIES } from '../../core/decisions/index.ts';
import type { Db } from '../platform/database.ts';
import type { Viewer } from '../platform/sessions.ts';
import { openPoll } from './open-poll.ts';

/** The request body of a context's "put it to the vote" route. */
export const subjectVoteBody = z.strictObject({
  title: z.string().trim().min(1).max(300).optional(),
  assemblyId: z.uuid().nullable().default(null),
  closesAt: z.iso.datetime({ offset: true }).nullable().default(null),
  secrecy: z.enum(SECRECIES).default('open'),
  majority: z.enum(MAJORITIES).default('simple'),
  majorityBase: z.enum(MAJORITY_BASES).default('voting'),
});
export type SubjectVoteSettings = z.infer<typeof subjectVoteBody>;

export function openSubjectVote(
  db: Db,
  viewer: Viewer,
  councilId: string,
  subject: { kind: string; id: string; title: string; body: string | null },
  settings: SubjectVoteSettings,
): Promise<string> {
  return openPoll(db, viewer, councilId, {
    kind: 'motion',
    assemblyId: settings.assemblyId,
    title: settings.title ?? subject.title,
    body: subject.body,
    method: 'yes-no',
    options: [],
    seats: 1,
    maxMarks: 1,
    allowSplit: false,
    majority: settings.majority,
    majorityBase: settings.majorityBase,
    secrecy: settings.secrecy,
    closesAt: settings.closesAt,
    subject: { kind: subject.kind, id: subject.id },
  });
}
