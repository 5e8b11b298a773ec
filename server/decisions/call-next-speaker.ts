// The chair moves the list: the speaker who has the floor (if any) ends, and the first request of the
// queue order (core/decisions/speakers/speakers-queue.ts) that still has the right is given the floor.
// The right is checked at that instant, not at the request's: a delegate whose mandate was recalled while
// waiting is skipped and their request marked refused (DESIGN §3 invariant 3), as is a member whose
// membership ended. The whole move — ended, refused, started — is one ledger entry.
//
// Concurrency: the chair says whom they saw speaking (`currentRequestId`, null for nobody); under the
// assembly row lock a press that no longer matches is refused with speakers-changed, so two chairs
// pressing "next" at once give the floor once. The next speaker's mandate is locked FOR SHARE by
// assertMandateRight and the instant is read after it (ADR 0004): a recall either committed before — and
// the delegate is refused — or waits for this act, whose started_at is then earlier than the recall's.
import { speakersQueue } from '../../core/decisions/index.ts';
import { activeMembersAmong, assertMandateRight, databaseInstant } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import { AppError } from '../platform/http-errors.ts';
import type { Viewer } from '../platform/sessions.ts';
import { decisionError } from './decisions-errors.ts';
import {
  closeWaitingRequest,
  currentSpeaker,
  endSpeechRow,
  giveFloor,
  lastSideHeard,
  type SpeakerRequestRow,
  speakerSettingsOf,
  waitingRequests,
} from './speakers.store.ts';
import { lockSpeakersList, recordSpeakersAct } from './speakers-act.ts';

export interface CallNextResult {
  endedRequestId: string | null;
  startedRequestId: string | null;
  refusedRequestIds: string[];
}

/** Federation's answers that mean "this mandate confers no right now" (not a bug, not a bad request). */
const NO_RIGHT = new Set(['mandate-ended', 'mandate-not-held', 'mandate-not-found']);

export async function callNextSpeaker(
  db: Db,
  viewer: Viewer,
  assemblyId: string,
  input: { currentRequestId: string | null },
): Promise<CallNextResult> {
  return db.transaction().execute(async (tx) => {
    const act = await lockSpeakersList(tx, viewer, assemblyId);
    if (!act.mayModerate) throw decisionError('not-permitted');
    if (act.assembly.status !== 'in-session') throw decisionError('assembly-not-in-session');
    const current = await currentSpeaker(tx, assemblyId);
    if ((current?.id ?? null) !== input.currentRequestId) throw decisionError('speakers-changed');

    const settings = await speakerSettingsOf(tx, assemblyId);
    const order = speakersQueue(
      (await waitingRequests(tx, assemblyId)).map((r) => ({ ...r, requestedAt: r.requested_at })),
      { alternatesSides: settings.alternatesSides, lastSide: await lastSideHeard(tx, assemblyId) },
    );
    if (current) await endSpeechRow(tx, current.id, await databaseInstant(tx));

    const refused: string[] = [];
    let started: { id: string; at: string } | null = null;
    for (const next of order) {
      const floorAt = await rightAt(tx, act.council.id, next);
      if (floorAt === null) {
        await closeWaitingRequest(tx, next.id, 'refused', await databaseInstant(tx));
        refused.push(next.id);
        continue;
      }
      await giveFloor(tx, next.id, floorAt, settings.timeLimitSeconds);
      started = { id: next.id, at: floorAt };
      break;
    }
    if (!current && !started && refused.length === 0) throw decisionError('no-speaker-waiting');

    const at = started?.at ?? (await databaseInstant(tx));
    await recordSpeakersAct(tx, viewer, act, at, 'assembly.speaker-called', {
      endedRequestId: current?.id ?? null,
      startedRequestId: started?.id ?? null,
      startedAt: started?.at ?? null,
      timeLimitSeconds: started ? settings.timeLimitSeconds : null,
      refusedRequestIds: refused,
    });
    return {
      endedRequestId: current?.id ?? null,
      startedRequestId: started?.id ?? null,
      refusedRequestIds: refused,
    };
  });
}

/** The database instant at which the request's person still has the right to speak, or null if they lost it. */
async function rightAt(tx: Db, councilId: string, request: SpeakerRequestRow): Promise<string | null> {
  if (request.mandate_id) {
    try {
      return (await assertMandateRight(tx, request.mandate_id, request.person_id)).checkedAt;
    } catch (error) {
      // assertMandateRight raises before any failed statement, so the transaction is still usable.
      if (error instanceof AppError && NO_RIGHT.has(error.code)) return null;
      throw error;
    }
  }
  if (!(await activeMembersAmong(tx, councilId, [request.person_id])).has(request.person_id)) return null;
  return databaseInstant(tx);
}
