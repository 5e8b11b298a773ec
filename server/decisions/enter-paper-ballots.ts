// Tellers enter the paper ballots of people who voted in the room without a phone: the officer records
// who handed in a paper (they take part like anyone: one row each in poll_voters, so nobody votes twice
// on paper and online) and, as a separate list, what the papers said. The two lists are the same length
// and nothing pairs them: for a secret poll the papers are written in a random order, so their order
// cannot be matched to the list of names (ADR 0005). Each paper gets a receipt code, returned to the
// tellers, so the published list accounts for it.
//
// Members' polls only (delegates vote with their mandate, online). Locks: FOR SHARE on the poll (a close
// waits for the batch), then the voters' rows by the unique indexes; the whole batch or nothing. The
// ledger records the tellers, the names and the count — never the contents (the closing seal covers them).
import { randomBytes, randomInt } from 'node:crypto';
import {
  type BallotInput,
  checkBallot,
  mayDecide,
  ONE_VOTE_MILLIS,
  receiptCodeFrom,
} from '../../core/decisions/index.ts';
import { activeMembersAmong, databaseInstant, findCouncil, loadViewerFacts } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { isPresent } from './assemblies.store.ts';
import { rulesOf } from './cast-ballot.ts';
import { decisionError } from './decisions-errors.ts';
import { insertNamedBallot, insertSecretBallot, insertVoter, lockPoll } from './polls.store.ts';

export interface PaperBallots {
  tellers: readonly [string, string];
  voterIds: readonly string[];
  ballots: readonly BallotInput[];
}

export async function enterPaperBallots(
  db: Db,
  viewer: Viewer,
  pollId: string,
  input: PaperBallots,
): Promise<{ receiptCodes: string[] }> {
  return db.transaction().execute(async (tx) => {
    const poll = await lockPoll(tx, pollId, 'share');
    if (!poll) throw decisionError('poll-not-found');
    const council = await findCouncil(tx, poll.council_id);
    if (!council || !mayDecide('close-poll', await loadViewerFacts(tx, viewer, council)))
      throw decisionError('not-permitted');
    const at = await databaseInstant(tx);
    if (poll.status !== 'open' || (poll.closes_at !== null && poll.closes_at <= at))
      throw decisionError('poll-closed');
    if (poll.electorate !== 'members') throw decisionError('poll-shape-invalid', 'voterIds');
    if (input.voterIds.length !== input.ballots.length) throw decisionError('poll-shape-invalid', 'ballots');
    if (new Set(input.voterIds).size !== input.voterIds.length)
      throw decisionError('already-voted', 'voterIds');

    const contents = input.ballots.map((b, i) => {
      const checked = checkBallot(rulesOf(poll), b, ONE_VOTE_MILLIS);
      if (!checked.ok)
        throw decisionError(checked.error, `ballots.${i}.${checked.field ?? ''}`.replace(/\.$/, ''));
      return checked.value;
    });
    const members = await activeMembersAmong(tx, council.id, input.voterIds);
    for (const [i, personId] of input.voterIds.entries()) {
      if (!members.has(personId)) throw decisionError('not-entitled', `voterIds.${i}`);
      if (poll.assembly_id && !(await isPresent(tx, poll.assembly_id, personId, null)))
        throw decisionError('not-checked-in', `voterIds.${i}`);
      if (!(await insertVoter(tx, poll.id, personId, null, at)))
        throw decisionError('already-voted', `voterIds.${i}`);
    }

    // Fisher–Yates with the system's randomness: the papers' stored order says nothing of the names'.
    const papers = [...contents];
    for (let i = papers.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [papers[i], papers[j]] = [papers[j]!, papers[i]!];
    }
    const receiptCodes: string[] = [];
    for (const [i, paper] of papers.entries()) {
      const receiptCode = receiptCodeFrom(randomBytes(8));
      receiptCodes.push(receiptCode);
      const ballot = {
        pollId: poll.id,
        receiptCode,
        contents: paper,
        weightMillis: ONE_VOTE_MILLIS,
        baseCouncilId: null,
      };
      if (poll.secrecy === 'secret') await insertSecretBallot(tx, ballot);
      // Open and roll-call polls name each paper's voter: the tellers' lists are in the same order.
      else
        await insertNamedBallot(tx, {
          ...ballot,
          contents: contents[i]!,
          personId: input.voterIds[i]!,
          mandateId: null,
          castAt: at,
        });
    }
    await appendLedgerEntry(
      tx,
      {
        chainId: council.id,
        kind: 'poll.paper-ballots-entered',
        actorPersonId: viewer.personId,
        payload: {
          pollId: poll.id,
          tellers: [...input.tellers],
          voterIds: [...input.voterIds],
          papers: papers.length,
        },
      },
      new Date(at),
    );
    return { receiptCodes: receiptCodes.sort() };
  });
}
