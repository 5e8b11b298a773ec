// The recall vote a petition calls for, opened in the transaction of the signature that reached the
// threshold (federation's RecallVoteOpener port). The sending council votes: its active members (a base
// council) or its seated delegates (a federated one); secret; yes to recall; a simple majority of those
// voting; open for seven days unless an officer closes it earlier. An adopted vote recalls the mandate at
// the instant it closes (close-poll.ts).
import { findCouncil, type PetitionRow, traceToBase } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import { electorateOf } from './assembly-quorum.ts';
import { decisionError } from './decisions-errors.ts';
import { insertOpenedPoll } from './open-poll.ts';
import { recallPollIdOf } from './polls.store.ts';

export const RECALL_VOTE_DAYS = 7;

export async function openRecallVote(tx: Db, petition: PetitionRow): Promise<string> {
  if (petition.status !== 'vote-due') throw decisionError('petition-not-vote-due');
  const sender = await findCouncil(tx, petition.sending_council_id);
  const mandate = (await traceToBase(tx, petition.mandate_id))[0];
  if (!sender || !mandate) throw decisionError('petition-not-vote-due');
  if (await recallPollIdOf(tx, petition.id)) throw decisionError('recall-vote-exists');
  const closesAt = new Date(Date.now() + RECALL_VOTE_DAYS * 86_400_000).toISOString();
  return insertOpenedPoll(tx, sender, null, {
    kind: 'recall',
    assemblyId: null,
    title: `Recall: ${mandate.holder_name} (${mandate.seat_council_name})`,
    body: petition.reason,
    method: 'yes-no',
    options: [],
    seats: 1,
    maxMarks: 1,
    allowSplit: false,
    majority: 'simple',
    majorityBase: 'voting',
    secrecy: 'secret',
    electorate: electorateOf(sender),
    recallPetitionId: petition.id,
    subjectMandateId: mandate.id,
    seatCouncilId: null,
    termEndsAt: null,
    closesAt,
  });
}
