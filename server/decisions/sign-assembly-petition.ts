// A member signs a petition for a sitting. The signature that reaches the number fixed at opening
// convenes the sitting in the same transaction: extraordinary (called by the members, at the notice the
// petition gave), at the proposed time — or two days from now if that time has passed — with the
// proposed place and agenda, quorum more than half. Signing goes on after that as a record of support.
//
// Locks: the petition's row FOR UPDATE, first and to commit (concurrent signers take turns: the count is
// exact and exactly one signature convenes); the council's ledger head last.
import { mayPetition } from '../../core/federation/index.ts';
import { activeMembersAmong, databaseInstant, findCouncil } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { activeMandatesOf, insertAgendaItems, insertAssembly } from './assemblies.store.ts';
import {
  type AssemblyPetitionRow,
  countPetitionSignature,
  insertPetitionSignature,
  lockAssemblyPetition,
} from './assembly-petitions.store.ts';
import { decisionError } from './decisions-errors.ts';

const TWO_DAYS_MS = 2 * 86_400_000;

export async function signAssemblyPetition(
  db: Db,
  viewer: Viewer,
  petitionId: string,
): Promise<AssemblyPetitionRow> {
  return db
    .transaction()
    .execute((tx) => recordPetitionSignature(tx, viewer, petitionId, 'assembly-petition.signed'));
}

/** The signature itself, inside the caller's transaction (opening signs too). */
export async function recordPetitionSignature(
  tx: Db,
  viewer: Viewer,
  petitionId: string,
  kind: 'assembly-petition.opened' | 'assembly-petition.signed',
): Promise<AssemblyPetitionRow> {
  const petition = await lockAssemblyPetition(tx, petitionId);
  if (!petition) throw decisionError('assembly-petition-not-found');
  const council = await findCouncil(tx, petition.council_id);
  if (!council) throw decisionError('assembly-petition-not-found');
  const isBase = council.kind !== 'federation';
  const may = mayPetition({
    sendingIsBase: isBase,
    isActiveMember:
      isBase && (await activeMembersAmong(tx, council.id, [viewer.personId])).has(viewer.personId),
    sitsInSender: !isBase && (await activeMandatesOf(tx, council.id, viewer.personId)).length > 0,
  });
  if (!may) throw decisionError('not-a-petitioner');
  const at = await databaseInstant(tx);
  if (!(await insertPetitionSignature(tx, petition.id, viewer.personId, at)))
    throw decisionError('already-signed-petition');
  const crosses = petition.status === 'open' && petition.signature_count + 1 >= petition.signatures_needed;
  let assemblyId: string | null = null;
  if (crosses) {
    const startsAt =
      Date.parse(petition.starts_at) > Date.parse(at)
        ? petition.starts_at
        : new Date(Date.parse(at) + TWO_DAYS_MS).toISOString();
    assemblyId = await insertAssembly(tx, {
      councilId: council.id,
      title: petition.title,
      place: petition.place,
      onlineUrl: petition.online_url,
      startsAt,
      isExtraordinary: true,
      convenedAt: at,
      convenedBy: null,
      quorum: { kind: 'more-than-half' },
    });
    await insertAgendaItems(tx, assemblyId, petition.agenda);
  }
  const updated = await countPetitionSignature(tx, petition.id, assemblyId);
  await appendLedgerEntry(
    tx,
    {
      chainId: council.id,
      kind,
      actorPersonId: viewer.personId,
      payload: {
        petitionId: petition.id,
        personId: viewer.personId,
        signatureCount: updated.signature_count,
        signaturesNeeded: petition.signatures_needed,
        ...(kind === 'assembly-petition.opened'
          ? { title: petition.title, startsAt: petition.starts_at, sharePercent: petition.share_percent }
          : {}),
        convenedAssemblyId: assemblyId,
      },
    },
    new Date(at),
  );
  return updated;
}
