// A member (base council) or a delegate with their mandate (federated council) checks in to a sitting —
// themselves from their phone, or the secretary at the door for them. Checking out is the same act
// backwards. Each changes the quorum, which is pushed live to the room.
//
// Locks: the assembly row FOR UPDATE (open-poll.ts decides quorum under the same lock, so the weight it
// counts cannot change under it); a delegate's mandate FOR SHARE through assertMandateRight (a recalled
// mandate cannot check in, and its weight leaves the quorum at the recall's instant: assembly-quorum.ts
// counts only active mandates). The ledger head last.
import { mayDecide } from '../../core/decisions/index.ts';
import {
  activeMembersAmong,
  assertMandateRight,
  type CouncilRow,
  databaseInstant,
  findCouncil,
  loadViewerFacts,
} from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import { publishEvent } from '../platform/realtime.ts';
import type { Viewer } from '../platform/sessions.ts';
import { type AssemblyRow, checkOutAttendance, insertAttendance, lockAssembly } from './assemblies.store.ts';
import { type AssemblyQuorum, assemblyQuorum } from './assembly-quorum.ts';
import { decisionError } from './decisions-errors.ts';

export interface AttendanceInput {
  /** Someone else, checked in by the chair or secretary; omitted for oneself. */
  personId?: string | undefined;
  /** Federated councils: the mandate the person sits on. */
  mandateId?: string | undefined;
}

export async function checkIn(
  db: Db,
  viewer: Viewer,
  assemblyId: string,
  input: AttendanceInput,
): Promise<AssemblyQuorum> {
  return db.transaction().execute(async (tx) => {
    const { assembly, council, personId } = await prepare(tx, viewer, assemblyId, input.personId);
    let mandateId: string | null = null;
    if (council.kind === 'federation') {
      if (!input.mandateId) throw decisionError('mandate-required', 'mandateId');
      const right = await assertMandateRight(tx, input.mandateId, personId);
      if (right.mandate.seat_council_id !== council.id)
        throw decisionError('mandate-not-for-this-body', 'mandateId');
      mandateId = input.mandateId;
    } else if (!(await activeMembersAmong(tx, council.id, [personId])).has(personId)) {
      throw decisionError('not-entitled', input.personId ? 'personId' : undefined);
    }
    const at = await databaseInstant(tx);
    const inserted = await insertAttendance(tx, {
      assemblyId,
      personId,
      mandateId,
      at,
      recordedBy: viewer.personId,
    });
    if (!inserted) throw decisionError('already-checked-in');
    return finish(tx, viewer, assembly, council, at, 'assembly.checked-in', { personId, mandateId });
  });
}

export async function checkOut(
  db: Db,
  viewer: Viewer,
  assemblyId: string,
  input: Pick<AttendanceInput, 'personId'>,
): Promise<AssemblyQuorum> {
  return db.transaction().execute(async (tx) => {
    const { assembly, council, personId } = await prepare(tx, viewer, assemblyId, input.personId);
    const at = await databaseInstant(tx);
    if ((await checkOutAttendance(tx, assemblyId, personId, at)) === 0) throw decisionError('not-checked-in');
    return finish(tx, viewer, assembly, council, at, 'assembly.checked-out', { personId });
  });
}

async function prepare(tx: Db, viewer: Viewer, assemblyId: string, personId: string | undefined) {
  const assembly = await lockAssembly(tx, assemblyId);
  if (!assembly) throw decisionError('assembly-not-found');
  if (assembly.status === 'closed' || assembly.status === 'cancelled') throw decisionError('assembly-closed');
  const council = await findCouncil(tx, assembly.council_id);
  if (!council) throw decisionError('assembly-not-found');
  const forSomeoneElse = personId !== undefined && personId !== viewer.personId;
  if (forSomeoneElse && !mayDecide('chair-assembly', await loadViewerFacts(tx, viewer, council)))
    throw decisionError('not-permitted', 'personId');
  return { assembly, council, personId: personId ?? viewer.personId };
}

async function finish(
  tx: Db,
  viewer: Viewer,
  assembly: AssemblyRow,
  council: CouncilRow,
  at: string,
  kind: string,
  payload: Record<string, unknown>,
): Promise<AssemblyQuorum> {
  const quorum = await assemblyQuorum(tx, assembly, council, at);
  await appendLedgerEntry(
    tx,
    {
      chainId: council.id,
      kind,
      actorPersonId: viewer.personId,
      payload: { assemblyId: assembly.id, ...payload, presentMillis: quorum.presentMillis },
    },
    new Date(at),
  );
  await publishEvent(tx, `assembly:${assembly.id}`, {
    type: 'quorum',
    data: {
      presentMillis: quorum.presentMillis,
      entitledMillis: quorum.entitledMillis,
      neededMillis: quorum.neededMillis,
      isQuorate: quorum.isQuorate,
      present: quorum.present.length,
    },
  });
  return quorum;
}
