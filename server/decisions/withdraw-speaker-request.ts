// A request to speak leaves the list before its turn: withdrawn by the person who made it, or taken off
// by the chair. Lock: the assembly row (as every change of the list), then the request is re-read under
// it — a request given the floor a moment ago is no longer waiting and cannot be withdrawn.
import { databaseInstant } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import type { Viewer } from '../platform/sessions.ts';
import { decisionError } from './decisions-errors.ts';
import { closeWaitingRequest, findSpeakerRequest } from './speakers.store.ts';
import { lockSpeakersList, recordSpeakersAct } from './speakers-act.ts';

/** The sitting the request was in. */
export async function withdrawSpeakerRequest(db: Db, viewer: Viewer, requestId: string): Promise<string> {
  return db.transaction().execute(async (tx) => {
    const request = await findSpeakerRequest(tx, requestId);
    if (!request) throw decisionError('speaker-request-not-found');
    const act = await lockSpeakersList(tx, viewer, request.assembly_id);
    if (request.person_id !== viewer.personId && !act.mayModerate) throw decisionError('not-permitted');
    const at = await databaseInstant(tx);
    if ((await closeWaitingRequest(tx, requestId, 'withdrawn', at)) === 0)
      throw decisionError('speaker-request-not-waiting');
    await recordSpeakersAct(tx, viewer, act, at, 'assembly.speaker-withdrawn', {
      requestId,
      personId: request.person_id,
      byChair: request.person_id !== viewer.personId,
    });
    return request.assembly_id;
  });
}
