// What the closing of a vote on approving minutes decides, inside the closing transaction
// (poll-outcome.ts): adopted → the minutes are approved, with the instant, the poll, and the sha256 of
// the text, and the council's ledger records `minutes.approved` with that digest; rejected → they stay a
// draft and the secretary may edit them and put them to another sitting.
// Lock: the minutes row FOR UPDATE, after the poll's (close-poll.ts); propose-minutes-approval.ts takes
// the minutes first and never a poll lock, so the two cannot deadlock.
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import { approvalOfPoll, lockMinutesById, setApprovedMinutes } from './minutes.store.ts';
import { minutesDigest } from './minutes-access.ts';

export async function applyMinutesApproval(
  tx: Db,
  poll: { id: string; council_id: string },
  outcome: string,
  at: string,
): Promise<void> {
  const approval = await approvalOfPoll(tx, poll.id);
  if (!approval || outcome !== 'adopted') return;
  const minutes = await lockMinutesById(tx, approval.minutes_id);
  if (!minutes || minutes.status === 'approved') return;
  const digest = minutesDigest(minutes.markdown);
  await setApprovedMinutes(tx, minutes.id, { pollId: poll.id, digest, at });
  await appendLedgerEntry(
    tx,
    {
      chainId: poll.council_id,
      kind: 'minutes.approved',
      actorPersonId: null,
      payload: {
        assemblyId: minutes.assembly_id,
        minutesId: minutes.id,
        pollId: poll.id,
        digest,
        // Equal unless the text changed under an open vote, which edit-minutes.ts refuses.
        proposedDigest: approval.proposed_digest,
      },
    },
    new Date(at),
  );
}
