// Someone in the room asks for the floor: a turn in the debate (for, against or neither) or a point of
// order. Only those with a vote here may speak, and only while checked in to the sitting: a member of a
// base council who is an active member; a delegate of a federated council by a mandate on its roll that
// is active at this instant (DESIGN §3 invariant 3: a recalled mandate asks for nothing from the instant
// of recall). The right is checked again when the floor is given (call-next-speaker.ts).
//
// Locks: the assembly row FOR UPDATE (check-out takes it too, so the person is present at the instant of
// the request), then the mandate FOR SHARE through assertMandateRight, then the ledger head. The partial
// unique index `speaker_requests_one_waiting` answers a second request with already-waiting-to-speak.
import type { SpeakerKind, SpeakerSide } from '../../core/decisions/index.ts';
import { activeMembersAmong, assertMandateRight, databaseInstant } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import type { Viewer } from '../platform/sessions.ts';
import { decisionError } from './decisions-errors.ts';
import { insertSpeakerRequest, isAgendaItemOf, presenceOf } from './speakers.store.ts';
import { lockSpeakersList, recordSpeakersAct } from './speakers-act.ts';

export interface SpeakRequestInput {
  kind: SpeakerKind;
  /** Turns only; a point of order takes no side. */
  side?: SpeakerSide | null | undefined;
  /** Federated councils: the mandate the delegate sits on; omitted when they sit on only one here. */
  mandateId?: string | undefined;
  agendaItemId?: string | undefined;
}

/** The new request's id. */
export async function requestToSpeak(
  db: Db,
  viewer: Viewer,
  assemblyId: string,
  input: SpeakRequestInput,
): Promise<string> {
  return db.transaction().execute(async (tx) => {
    const act = await lockSpeakersList(tx, viewer, assemblyId);
    const personId = viewer.personId;
    const presence = await presenceOf(tx, assemblyId, personId);
    let mandateId: string | null = null;
    if (act.council.kind === 'federation') {
      const seats = presence.filter((m): m is string => m !== null);
      mandateId = input.mandateId ?? (seats.length === 1 ? (seats[0] ?? null) : null);
      if (!mandateId) {
        if (seats.length === 0) throw decisionError('not-checked-in');
        throw decisionError('mandate-required', 'mandateId');
      }
      const right = await assertMandateRight(tx, mandateId, personId);
      if (right.mandate.seat_council_id !== act.council.id)
        throw decisionError('mandate-not-for-this-body', 'mandateId');
      if (!seats.includes(mandateId)) throw decisionError('not-checked-in');
    } else {
      if (!presence.includes(null)) throw decisionError('not-checked-in');
      if (!(await activeMembersAmong(tx, act.council.id, [personId])).has(personId))
        throw decisionError('not-entitled');
    }
    const agendaItemId = input.agendaItemId ?? null;
    if (agendaItemId && !(await isAgendaItemOf(tx, assemblyId, agendaItemId)))
      throw decisionError('agenda-item-not-in-assembly', 'agendaItemId');
    const side = input.kind === 'speak' ? (input.side ?? null) : null;
    const at = await databaseInstant(tx);
    const requestId = await insertSpeakerRequest(tx, {
      assemblyId,
      agendaItemId,
      personId,
      mandateId,
      kind: input.kind,
      side,
      at,
    });
    if (!requestId) throw decisionError('already-waiting-to-speak');
    await recordSpeakersAct(tx, viewer, act, at, 'assembly.speaker-requested', {
      requestId,
      personId,
      mandateId,
      kind: input.kind,
      side,
      agendaItemId,
      requestedAt: at,
    });
    return requestId;
  });
}
