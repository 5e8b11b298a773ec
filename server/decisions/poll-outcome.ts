// What a closed poll's result decides, applied in the closing transaction (close-poll.ts), so the
// decision and its effects commit together or not at all:
// - a recall vote: adopted → the mandate is recalled at this instant, with its cascade (ADR 0004), and
//   the petition ends 'recalled'; rejected → the petition ends 'retained' and the mandate stands.
// Locks: the petition's row, then the mandate and its dependents FOR UPDATE (recallMandateByVote).
import type { PollResult } from '../../core/decisions/index.ts';
import { decideRecallPetition, recallMandateByVote } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import type { PollRow } from './polls.store.ts';

export async function applyPollOutcome(tx: Db, poll: PollRow, result: PollResult, at: string): Promise<void> {
  if (poll.kind === 'recall' && poll.recall_petition_id && poll.subject_mandate_id) {
    const recalled = result.outcome === 'adopted';
    await decideRecallPetition(tx, poll.recall_petition_id, recalled ? 'recalled' : 'retained', at);
    if (recalled) {
      const figures =
        result.method === 'yes-no'
          ? `yes ${result.totals.yes / 1000}, no ${result.totals.no / 1000}, abstain ${result.totals.abstain / 1000}`
          : '';
      await recallMandateByVote(tx, poll.subject_mandate_id, {
        pollId: poll.id,
        decisionReference: `recall vote ${poll.id}`,
        minuteText: `${poll.title}: ${figures}`,
      });
    }
  }
}
