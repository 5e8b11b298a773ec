// Closes a poll and counts it: by the council's officer, or by the closing task when its time is up.
// The tally is the pure tallyPoll over the ballots as they will be published, with the seed fixed at
// opening — so anyone can recompute it from the published list. The closing ledger entry seals the poll
// (poll-seal.ts). Then what the result decides happens in the same transaction (poll-outcome.ts).
//
// Locks: the poll row FOR UPDATE first — ballots in flight hold FOR SHARE, so the close waits for them
// and every ballot committed before the instant is counted, none after. Then, for a recall, the petition
// and the mandate (recallMandateByVote); the ledger heads last.
import { mayDecide, tallyPoll } from '../../core/decisions/index.ts';
import { databaseInstant, findCouncil, loadViewerFacts, retryOnDeadlock } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import { publishEvent } from '../platform/realtime.ts';
import type { Viewer } from '../platform/sessions.ts';
import { findAssembly } from './assemblies.store.ts';
import { assemblyQuorum } from './assembly-quorum.ts';
import { rulesOf } from './cast-ballot.ts';
import { decisionError } from './decisions-errors.ts';
import { applyPollOutcome } from './poll-outcome.ts';
import { computePollSeal } from './poll-seal.ts';
import { ballotsOfPoll, closePollRow, findPoll, lockPoll, type PollRow } from './polls.store.ts';

/** `viewer` null: the closing task, for a poll whose closing time has passed. */
export async function closePoll(db: Db, viewer: Viewer | null, pollId: string): Promise<PollRow> {
  await retryOnDeadlock(() =>
    db.transaction().execute(async (tx) => {
      const poll = await lockPoll(tx, pollId, 'update');
      if (!poll) throw decisionError('poll-not-found');
      const council = await findCouncil(tx, poll.council_id);
      if (!council) throw decisionError('poll-not-found');
      if (viewer && !mayDecide('close-poll', await loadViewerFacts(tx, viewer, council)))
        throw decisionError('not-permitted');
      if (poll.status !== 'open') throw decisionError('poll-closed');
      const at = await databaseInstant(tx);
      if (!viewer && (poll.closes_at === null || poll.closes_at > at)) throw decisionError('not-permitted');

      let presentAtCloseMillis: number | null = null;
      if (poll.assembly_id) {
        const assembly = await findAssembly(tx, poll.assembly_id);
        if (assembly) presentAtCloseMillis = (await assemblyQuorum(tx, assembly, council, at)).presentMillis;
      }
      const ballots = await ballotsOfPoll(tx, poll);
      const result = tallyPoll(
        rulesOf(poll),
        ballots.map((b) => ({ contents: b.contents, weightMillis: b.weight_millis })),
        {
          presentMillis: presentAtCloseMillis,
          entitledMillis: poll.entitled_millis,
          seed: poll.seed,
          title: poll.title,
        },
      );
      await closePollRow(tx, poll.id, { at, by: viewer?.personId ?? null, presentAtCloseMillis, result });
      const seal = await computePollSeal(tx, poll);
      await appendLedgerEntry(
        tx,
        {
          chainId: council.id,
          kind: 'poll.closed',
          actorPersonId: viewer?.personId ?? null,
          payload: {
            pollId: poll.id,
            outcome: result.outcome,
            presentAtCloseMillis,
            totals: result.method === 'yes-no' ? result.totals : null,
            elected:
              result.method === 'yes-no' ? [] : result.elected.map((i) => poll.options[i]?.label ?? ''),
            seal,
          },
        },
        new Date(at),
      );
      await applyPollOutcome(tx, poll, result, at);
      const event = { type: 'poll-closed', data: { pollId: poll.id, outcome: result.outcome } };
      await publishEvent(tx, `poll:${poll.id}`, event);
      if (poll.assembly_id) await publishEvent(tx, `assembly:${poll.assembly_id}`, event);
    }),
  );
  const closed = await findPoll(db, pollId);
  if (!closed) throw decisionError('poll-not-found');
  return closed;
}
