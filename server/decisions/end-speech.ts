// A speech ends: the chair ends it (time is up, or the speaker yields to the chair), or the speaker ends
// their own. The caller names the speech they mean; under the assembly row lock a speech that already
// ended — the chair pressed "next" a moment before — is refused with speakers-changed, not ended twice.
import { databaseInstant } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import type { Viewer } from '../platform/sessions.ts';
import { decisionError } from './decisions-errors.ts';
import { currentSpeaker, endSpeechRow, findSpeakerRequest } from './speakers.store.ts';
import { lockSpeakersList, recordSpeakersAct } from './speakers-act.ts';

export async function endSpeech(
  db: Db,
  viewer: Viewer,
  assemblyId: string,
  input: { requestId: string },
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const act = await lockSpeakersList(tx, viewer, assemblyId);
    if (!act.mayModerate) {
      const named = await findSpeakerRequest(tx, input.requestId);
      if (named?.person_id !== viewer.personId) throw decisionError('not-permitted');
    }
    const current = await currentSpeaker(tx, assemblyId);
    if (!current || current.id !== input.requestId) throw decisionError('speakers-changed', 'requestId');
    const at = await databaseInstant(tx);
    await endSpeechRow(tx, current.id, at);
    await recordSpeakersAct(tx, viewer, act, at, 'assembly.speech-ended', {
      requestId: current.id,
      personId: current.person_id,
      byChair: current.person_id !== viewer.personId,
    });
  });
}
