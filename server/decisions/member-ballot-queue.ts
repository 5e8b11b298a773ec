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
import { type BatchQueue, createBatchQueue } from '../platform/batch-queue.ts';
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

const queues = new WeakMap<Db, Map<string, BatchQueue<MemberBallotCall, MemberBallotAnswer>>>();

export function castMemberBallotQueued(
  db: Db,
  poll: PollShape,
  call: MemberBallotCall,
): Promise<MemberBallotAnswer> {
  let byPoll = queues.get(db);
  if (!byPoll) {
    byPoll = new Map();
    queues.set(db, byPoll);
  }
  let queue = byPoll.get(poll.pollId);
  if (!queue) {
    const registry = byPoll;
    queue = createBatchQueue<MemberBallotCall, MemberBallotAnswer>({
      run: (calls) => castGroup(db, poll, calls),
      maxBatch: MAX_GROUP,
      maxInFlight: GROUPS_IN_FLIGHT,
      onIdle: () => registry.delete(poll.pollId),
    });
    byPoll.set(poll.pollId, queue);
  }
  return queue.push(call);
}

async function castGroup(db: Db, poll: PollShape, calls: MemberBallotCall[]): Promise<MemberBallotAnswer[]> {
  // First ballot of each person goes in this statement; repeats go after it, in order.
  const first = new Map<string, number>();
  const now: number[] = [];
  const later: number[] = [];
  calls.forEach((c, i) => {
    if (first.has(c.personId)) later.push(i);
    else {
      first.set(c.personId, i);
      now.push(i);
    }
  });
  const answers: MemberBallotAnswer[] = new Array(calls.length);
  const outcomes = await castDistinct(
    db,
    poll,
    now.map((i) => calls[i]!),
  );
  now.forEach((i, k) => {
    answers[i] = outcomes[k]!;
  });
  if (later.length > 0) {
    const rest = await castGroup(
      db,
      poll,
      later.map((i) => calls[i]!),
    );
    later.forEach((i, k) => {
      answers[i] = rest[k]!;
    });
  }
  return answers;
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
