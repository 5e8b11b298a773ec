// A member of the sending council opens a petition to recall its delegate, and signs it as the first
// signature. The number of signatures needed is fixed now: the council's threshold (default 20 %) of its
// members at this moment — a base council's active members, a federated council's seated delegates.
// One petition per mandate gathers signatures at a time.
//
// Locks: FOR SHARE on the mandate (it cannot end while the petition opens; a recall waits for this
// commit), then the petition row is born locked by its insert; the sending council's ledger head last.
import { recallSignaturesNeeded } from '../../core/federation/index.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { findCouncil } from './councils.store.ts';
import { federationError } from './federation-errors.ts';
import { databaseInstant, lockMandate, rollAt } from './mandates.store.ts';
import {
  countSignature,
  insertPetition,
  insertSignature,
  type PetitionRow,
  recallThresholdPercent,
} from './recall-petitions.store.ts';
import { isPetitioner, type RecallVoteOpener } from './sign-recall-petition.ts';

export async function openRecallPetition(
  db: Db,
  viewer: Viewer,
  mandateId: string,
  reason: string,
  openRecallVote?: RecallVoteOpener,
): Promise<PetitionRow> {
  return db.transaction().execute(async (tx) => {
    const mandate = await lockMandate(tx, mandateId, 'share');
    if (!mandate) throw federationError('mandate-not-found');
    const at = await databaseInstant(tx);
    if (mandate.ended_at !== null || at >= mandate.term_ends_at) throw federationError('mandate-ended');
    const sender = await findCouncil(tx, mandate.sending_council_id);
    if (!sender || !(await isPetitioner(tx, sender, viewer.personId, at)))
      throw federationError('not-a-member-of-sender');
    const members =
      sender.kind === 'federation' ? (await rollAt(tx, sender.id, at)).length : sender.direct_members;
    const thresholdPercent = await recallThresholdPercent(tx, sender.id);
    const opened = await insertPetition(tx, {
      mandateId,
      sendingCouncilId: sender.id,
      reason,
      openedBy: viewer.personId,
      openedAt: new Date(at),
      membersAtOpening: Math.max(1, members),
      thresholdPercent,
      signaturesNeeded: recallSignaturesNeeded(Math.max(1, members), thresholdPercent),
    });
    if (!opened) throw federationError('petition-already-open');
    await insertSignature(tx, opened.id, viewer.personId, new Date(at));
    const petition = await countSignature(tx, opened.id, opened.signatures_needed <= 1, new Date(at));
    await appendLedgerEntry(
      tx,
      {
        chainId: sender.id,
        kind: 'recall-petition.opened',
        actorPersonId: viewer.personId,
        payload: {
          petitionId: petition.id,
          mandateId,
          holderPersonId: mandate.holder_person_id,
          reason,
          membersAtOpening: petition.members_at_opening,
          thresholdPercent,
          signaturesNeeded: petition.signatures_needed,
          signatureCount: petition.signature_count,
          thresholdReached: petition.status === 'vote-due',
        },
      },
      new Date(at),
    );
    // A council whose threshold is one signature: the opener's crosses it.
    if (petition.status === 'vote-due' && openRecallVote) await openRecallVote(tx, petition);
    return petition;
  });
}
