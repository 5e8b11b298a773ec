// A voter casts their ballot. Members vote in base councils (one vote each), delegates in federated
// councils with the mandate they sit on (its weight; a split across yes/no/abstain where the poll allows
// it), members of every base council below in a referendum. The voter receives a receipt code — the only
// thing that can find their ballot in the list published at closing. In a secret poll the ballot is
// written with no voter, no time and no order (ADR 0005); who took part is written apart.
//
// Invariants and their locks:
// - one ballot per voter per poll, one per mandate: the unique indexes of poll_voters; a duplicate's
//   insert does nothing and the act answers `already-voted` before any ballot is written;
// - no ballot after closing: FOR SHARE on the poll row (close-poll.ts takes FOR UPDATE), status re-read;
// - no ballot from a mandate that has ended: assertMandateRight (FOR SHARE on the mandate, ADR 0004).
// No ledger entry per ballot: the closing entry seals every ballot and voter (ADR 0005). Members'
// ballots go to the database in groups (member-ballot-queue.ts, ADR 0007).
import { randomBytes } from 'node:crypto';
import {
  type BallotInput,
  checkBallot,
  judgeInstructedBallot,
  ONE_VOTE_MILLIS,
  type PollRules,
  receiptCodeFrom,
} from '../../core/decisions/index.ts';
import { assertMandateRight, databaseInstant } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import type { Viewer } from '../platform/sessions.ts';
import { isPresent } from './assemblies.store.ts';
import { decisionError } from './decisions-errors.ts';
import { instructionFor } from './instructions.store.ts';
import { castMemberBallotQueued } from './member-ballot-queue.ts';
import {
  findPoll,
  insertNamedBallot,
  insertSecretBallot,
  insertVoter,
  lockPoll,
  type PollRow,
} from './polls.store.ts';

export interface CastInput {
  ballot: BallotInput;
  mandateId?: string | undefined;
}

export interface CastReceipt {
  pollId: string;
  receiptCode: string;
  weightMillis: number;
}

export async function castBallot(
  db: Db,
  viewer: Viewer,
  pollId: string,
  input: CastInput,
): Promise<CastReceipt> {
  // The rules never change once a poll is open; its status is checked again under its lock.
  const poll = await pollRules(db, pollId);
  if (!poll) throw decisionError('poll-not-found');
  if (poll.status !== 'open') throw decisionError('poll-closed');
  if (poll.electorate === 'mandates') return castDelegateBallot(db, viewer, poll, input);
  if (input.mandateId) throw decisionError('poll-shape-invalid', 'mandateId');
  const contents = checkBallot(rulesOf(poll), input.ballot, ONE_VOTE_MILLIS);
  if (!contents.ok) throw decisionError(contents.error, contents.field);
  const outcome = await castMemberBallotQueued(
    db,
    { pollId: poll.id, secrecy: poll.secrecy, electorate: poll.electorate, weightMillis: ONE_VOTE_MILLIS },
    { personId: viewer.personId, contents: contents.value },
  );
  if (!outcome.is_open) throw decisionError('poll-closed');
  if (!outcome.is_entitled) throw decisionError('not-entitled');
  if (!outcome.is_present) throw decisionError('not-checked-in');
  if (!outcome.is_new) throw decisionError('already-voted');
  return { pollId: poll.id, receiptCode: outcome.receiptCode, weightMillis: ONE_VOTE_MILLIS };
}

// A sitting votes in a burst: the poll's rules are read once a minute per process, not per ballot.
// Only immutable columns are used from the cached row; status and closing time are re-read in SQL.
const RULES_CACHE_MS = 60_000;
const rulesCache = new Map<string, { poll: PollRow; until: number }>();

async function pollRules(db: Db, pollId: string): Promise<PollRow | undefined> {
  const cached = rulesCache.get(pollId);
  if (cached && cached.until > Date.now()) return cached.poll;
  const poll = await findPoll(db, pollId);
  if (!poll) return undefined;
  if (rulesCache.size >= 1000) rulesCache.clear();
  if (poll.status === 'open') rulesCache.set(pollId, { poll, until: Date.now() + RULES_CACHE_MS });
  return poll;
}

/**
 * A delegate's ballot: the rights check needs the mandate's share lock and the instant read after it
 * (ADR 0004), so this path is a transaction of several statements.
 */
async function castDelegateBallot(
  db: Db,
  viewer: Viewer,
  found: PollRow,
  input: CastInput,
): Promise<CastReceipt> {
  return db.transaction().execute(async (tx) => {
    const poll = await lockPoll(tx, found.id, 'share');
    if (!poll) throw decisionError('poll-not-found');
    const at = await databaseInstant(tx);
    if (poll.status !== 'open' || (poll.closes_at !== null && poll.closes_at <= at))
      throw decisionError('poll-closed');
    if (!input.mandateId) throw decisionError('mandate-required', 'mandateId');
    const right = await assertMandateRight(tx, input.mandateId, viewer.personId);
    if (right.mandate.seat_council_id !== poll.council_id)
      throw decisionError('mandate-not-for-this-body', 'mandateId');
    const mandateId = input.mandateId;
    const weightMillis = right.mandate.weight_millis;
    if (poll.assembly_id && !(await isPresent(tx, poll.assembly_id, viewer.personId, mandateId)))
      throw decisionError('not-checked-in');
    const contents = checkBallot(rulesOf(poll), input.ballot, weightMillis);
    if (!contents.ok) throw decisionError(contents.error, contents.field);
    // A vote on a motion (not on its amendments): the sending council's instruction binds the ballot —
    // no split under a binding position; a departure is recorded with named ballots, never with secret
    // ones (ADR 0005). Instructions stop changing when the vote opens (set-instruction.ts), so no lock.
    let instructed: { instruction: string | null; departs: boolean | null } = {
      instruction: null,
      departs: null,
    };
    if (poll.motion_id && !poll.amendment_id && 'marks' in contents.value) {
      const instruction = await instructionFor(tx, right.mandate.sending_council_id, poll.motion_id);
      const judged = judgeInstructedBallot(instruction?.position ?? null, contents.value.marks);
      if (!judged.ok) throw decisionError(judged.error, judged.field);
      instructed = judged.value;
    }
    // Dated at the rights check's instant, read after the mandate's lock (mandate-rights.ts).
    if (!(await insertVoter(tx, poll.id, viewer.personId, mandateId, right.checkedAt)))
      throw decisionError('already-voted');
    const receiptCode = receiptCodeFrom(randomBytes(8));
    const ballot = {
      pollId: poll.id,
      receiptCode,
      contents: contents.value,
      weightMillis,
      baseCouncilId: null,
    };
    if (poll.secrecy === 'secret') await insertSecretBallot(tx, ballot);
    else
      await insertNamedBallot(tx, {
        ...ballot,
        personId: viewer.personId,
        mandateId,
        castAt: right.checkedAt,
        instruction: instructed.instruction,
        departsFromInstruction: instructed.departs,
      });
    return { pollId: poll.id, receiptCode, weightMillis };
  });
}

export const rulesOf = (poll: PollRow): PollRules => ({
  method: poll.method,
  options: poll.options.map((o) => o.label),
  seats: poll.seats,
  maxMarks: poll.max_marks,
  allowSplit: poll.allow_split,
  majority: poll.majority,
  majorityBase: poll.majority_base,
});
