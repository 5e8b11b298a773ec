// Polls that decide on something another context owns — a ration rule (supply), a price cap (prices),
// a call to action or a list of demands (actions). That context registers its subject kind here; the
// dependency stays one-way (those contexts import decisions, decisions knows only this port).
//
// Both hooks run inside the poll's own transaction: `opening` before the poll row exists (it locks the
// subject and refuses, with an AppError, a subject that is not this council's or not open to a vote);
// `decided` in the closing transaction, so the subject's new state commits with the result or not at all.
// One open poll per subject: the partial unique index polls_one_open_per_subject.
import type { Db } from '../platform/database.ts';
import { decisionError } from './decisions-errors.ts';

export interface PollSubjectOpening {
  councilId: string;
  subjectId: string;
}

export interface PollSubjectDecision {
  pollId: string;
  councilId: string;
  subjectId: string;
  /** 'adopted' when the motion carried; anything else leaves the subject not adopted. */
  outcome: 'adopted' | 'rejected' | 'elected' | 'no-valid-ballots';
  /** The closing instant (ISO, µs). */
  at: string;
  /** The poll's title and figures, for the subject's own record. */
  summary: string;
}

export interface PollSubjectKind {
  /** What the poll is about, in one line (the poll's default title). */
  opening(tx: Db, s: PollSubjectOpening): Promise<{ title: string }>;
  /** The poll opened: its id, to keep with the subject. */
  opened?(tx: Db, s: PollSubjectOpening & { pollId: string }): Promise<void>;
  decided(tx: Db, d: PollSubjectDecision): Promise<void>;
}

const kinds = new Map<string, PollSubjectKind>();

export function registerPollSubject(kind: string, subject: PollSubjectKind): void {
  if (!/^[a-z][a-z0-9-]{0,39}$/.test(kind))
    throw new Error(`poll subject kind "${kind}" is not a valid name`);
  kinds.set(kind, subject);
}

export function pollSubjectKind(kind: string): PollSubjectKind {
  const subject = kinds.get(kind);
  if (!subject) throw decisionError('poll-subject-unknown', 'subject.kind');
  return subject;
}
