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
// No ledger entry per ballot: the closing entry seals every ballot and voter (ADR 0005).
import { randomBytes } from 'node:crypto';
import {
  type BallotInput,
  checkBallot,
  ONE_VOTE_MILLIS,
  type PollRules,
  receiptCodeFrom,
} from '../../core/decisions/index.ts';
import { activeMembersAmong, assertMandateRight, databaseInstant, findCouncil } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import type { Viewer } from '../platform/sessions.ts';
import { isPresent } from './assemblies.store.ts';
import { decisionError } from './decisions-errors.ts';
import { baseCouncilOfVoter } from './electorate.store.ts';
import { insertNamedBallot, insertSecretBallot, insertVoter, lockPoll, type PollRow } from './polls.store.ts';

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
  return db.transaction().execute(async (tx) => {
    const poll = await lockPoll(tx, pollId, 'share');
    if (!poll) throw decisionError('poll-not-found');
    const at = await databaseInstant(tx);
    if (poll.status !== 'open' || (poll.closes_at !== null && poll.closes_at <= at))
      throw decisionError('poll-closed');

    const { weightMillis, mandateId, baseCouncilId } = await entitlement(
      tx,
      poll,
      viewer.personId,
      input.mandateId,
    );
    if (poll.assembly_id && !(await isPresent(tx, poll.assembly_id, viewer.personId, mandateId)))
      throw decisionError('not-checked-in');
    const contents = checkBallot(rulesOf(poll), input.ballot, weightMillis);
    if (!contents.ok) throw decisionError(contents.error, contents.field);

    if (!(await insertVoter(tx, poll.id, viewer.personId, mandateId, at)))
      throw decisionError('already-voted');
    const receiptCode = receiptCodeFrom(randomBytes(8));
    const ballot = { pollId: poll.id, receiptCode, contents: contents.value, weightMillis, baseCouncilId };
    if (poll.secrecy === 'secret') await insertSecretBallot(tx, ballot);
    else await insertNamedBallot(tx, { ...ballot, personId: viewer.personId, mandateId, castAt: at });
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

async function entitlement(
  tx: Db,
  poll: PollRow,
  personId: string,
  mandateId: string | undefined,
): Promise<{ weightMillis: number; mandateId: string | null; baseCouncilId: string | null }> {
  if (poll.electorate === 'mandates') {
    if (!mandateId) throw decisionError('mandate-required', 'mandateId');
    const right = await assertMandateRight(tx, mandateId, personId);
    if (right.mandate.seat_council_id !== poll.council_id)
      throw decisionError('mandate-not-for-this-body', 'mandateId');
    return { weightMillis: right.mandate.weight_millis, mandateId, baseCouncilId: null };
  }
  if (mandateId) throw decisionError('poll-shape-invalid', 'mandateId');
  if (poll.electorate === 'members') {
    if (!(await activeMembersAmong(tx, poll.council_id, [personId])).has(personId))
      throw decisionError('not-entitled');
    return { weightMillis: ONE_VOTE_MILLIS, mandateId: null, baseCouncilId: null };
  }
  const council = await findCouncil(tx, poll.council_id);
  const base = council ? await baseCouncilOfVoter(tx, council, personId) : undefined;
  if (!base) throw decisionError('not-entitled');
  return { weightMillis: ONE_VOTE_MILLIS, mandateId: null, baseCouncilId: base };
}
