// Members' ballots go to the database in groups, one queue per database and poll (ADR 0007): a sitting
// or a referendum votes in a burst, and one statement per group turns a commit per ballot into a
// commit per group. Delegates' ballots do not come here (their rights take the mandate's lock).
//
// A group holds each person once: a second ballot of the same person waits for the next group, where
// the unique index answers `already-voted` — exactly what two separate statements would answer.
// Receipt codes are drawn here; if two draw the same 60-bit code (about once in 10^12 pairs) the
// statement fails whole, wrote nothing, and the group is sent again with fresh codes.
import { randomBytes } from 'node:crypto';
import { type BallotContents, receiptCodeFrom } from '../../core/decisions/index.ts';
import { keyedBatchQueues, runDistinct } from '../platform/batch-queue.ts';
import type { Db } from '../platform/database.ts';
import { castMemberBallots, type MemberBallotGroup, type MemberBallotOutcome } from './polls.store.ts';

export interface MemberBallotCall {
  personId: string;
  contents: BallotContents;
}

export type MemberBallotAnswer = MemberBallotOutcome & { receiptCode: string };

type PollShape = Omit<MemberBallotGroup, 'ballots'>;

const MAX_GROUP = 256;
const GROUPS_IN_FLIGHT = 2;
const RECEIPT_DRAWS = 3;

let groupsSent = 0;
let ballotsSent = 0;

/** Groups sent and ballots they carried, since the process started (tests and the benchmark). */
export const memberBallotGroupStats = () => ({ groups: groupsSent, ballots: ballotsSent });

const pushBallot = keyedBatchQueues<Db, MemberBallotCall & { poll: PollShape }, MemberBallotAnswer>({
  run: (db, _pollId, calls) =>
    runDistinct(
      calls,
      (c) => c.personId,
      (group) => castDistinct(db, group[0]!.poll, group),
    ),
  maxBatch: MAX_GROUP,
  maxInFlight: GROUPS_IN_FLIGHT,
});

export function castMemberBallotQueued(
  db: Db,
  poll: PollShape,
  call: MemberBallotCall,
): Promise<MemberBallotAnswer> {
  return pushBallot(db, poll.pollId, { ...call, poll });
}

async function castDistinct(
  db: Db,
  poll: PollShape,
  calls: MemberBallotCall[],
): Promise<MemberBallotAnswer[]> {
  for (let draw = 1; ; draw++) {
    // One draw of 8 random bytes per ballot, in one call for the group.
    const random = randomBytes(8 * calls.length);
    const ballots = calls.map((c, i) => ({
      personId: c.personId,
      contents: c.contents,
      receiptCode: receiptCodeFrom(random.subarray(8 * i, 8 * i + 8)),
    }));
    groupsSent++;
    ballotsSent += ballots.length;
    try {
      const outcomes = await castMemberBallots(db, { ...poll, ballots });
      return outcomes.map((o, i) => ({ ...o, receiptCode: ballots[i]!.receiptCode }));
    } catch (error) {
      if (draw < RECEIPT_DRAWS && isReceiptCollision(error)) continue;
      throw error;
    }
  }
}

const isReceiptCollision = (error: unknown) =>
  (error as { code?: unknown }).code === '23505' &&
  /receipt_code/.test(String((error as { constraint?: unknown }).constraint ?? ''));
