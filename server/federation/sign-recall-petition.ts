// A member of the sending council signs a petition to recall its delegate. When the signatures reach the
// number fixed at opening, the petition becomes 'vote-due' and its recall vote opens in this same
// transaction, through the `openRecallVote` port (decisions implements it: the dependency stays one-way).
// Signing goes on after that, as a record of support; only the crossing signature changes the status.
//
// Lock: the petition's row FOR UPDATE, first and to commit. Concurrent signers of one petition take turns,
// so the count is exact and exactly one signature crosses the threshold. A delegate signing in a federated
// sending council uses a right of their seat: FOR SHARE on it (mandate-rights.ts's reasoning). The
// sending council's ledger head last.
import { mayPetition } from '../../core/federation/index.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { type CouncilRow, findCouncil } from './councils.store.ts';
import { federationError } from './federation-errors.ts';
import {
  activeMembersAmong,
  databaseInstant,
  findMandate,
  type InstantIso,
  shareLockSeatsInSender,
} from './mandates.store.ts';
import { countSignature, insertSignature, lockPetition, type PetitionRow } from './recall-petitions.store.ts';

/** Opens the recall vote a petition calls for, inside the crossing transaction; returns the poll id. */
export type RecallVoteOpener = (tx: Db, petition: PetitionRow) => Promise<string>;

export async function signRecallPetition(
  db: Db,
  viewer: Viewer,
  petitionId: string,
  openRecallVote?: RecallVoteOpener,
): Promise<{ petition: PetitionRow; crossedThreshold: boolean; recallPollId: string | null }> {
  return db.transaction().execute(async (tx) => {
    const petition = await lockPetition(tx, petitionId);
    if (!petition) throw federationError('petition-not-found');
    const mandate = await findMandate(tx, petition.mandate_id);
    const at = await databaseInstant(tx);
    if (!mandate || mandate.ended_at !== null || at >= mandate.term_ends_at)
      throw federationError('mandate-ended');
    const sender = await findCouncil(tx, petition.sending_council_id);
    if (!sender || !(await isPetitioner(tx, sender, viewer.personId, at)))
      throw federationError('not-a-member-of-sender');
    if (!(await insertSignature(tx, petition.id, viewer.personId, new Date(at))))
      throw federationError('already-signed');
    const crossed = petition.status === 'open' && petition.signature_count + 1 >= petition.signatures_needed;
    const updated = await countSignature(tx, petition.id, crossed, new Date(at));
    await appendLedgerEntry(
      tx,
      {
        chainId: sender.id,
        kind: 'recall-petition.signed',
        actorPersonId: viewer.personId,
        payload: {
          petitionId: petition.id,
          mandateId: petition.mandate_id,
          personId: viewer.personId,
          signatureCount: updated.signature_count,
          signaturesNeeded: petition.signatures_needed,
          thresholdReached: crossed,
        },
      },
      new Date(at),
    );
    const recallPollId = crossed && openRecallVote ? await openRecallVote(tx, updated) : null;
    return { petition: updated, crossedThreshold: crossed, recallPollId };
  });
}

/** An active member of a base sending council, or a delegate seated in a federated one (share-locked). */
export async function isPetitioner(
  tx: Db,
  sender: CouncilRow,
  personId: string,
  at: InstantIso,
): Promise<boolean> {
  const isBase = sender.kind !== 'federation';
  return mayPetition({
    sendingIsBase: isBase,
    isActiveMember: isBase && (await activeMembersAmong(tx, sender.id, [personId])).has(personId),
    sitsInSender: !isBase && (await shareLockSeatsInSender(tx, sender.id, [personId], at)).has(personId),
  });
}
