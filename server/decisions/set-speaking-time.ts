// The chair sets the sitting's speaking-time limit (and whether turns alternate pro and contra). The new
// limit applies to the speech under way as well — the chair who grants a speaker more time does so here
// — and to every speech after it. Lock: the assembly row, as every change of the list.
import { MAX_SPEAKING_SECONDS, MIN_SPEAKING_SECONDS } from '../../core/decisions/index.ts';
import { databaseInstant } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import type { Viewer } from '../platform/sessions.ts';
import { decisionError } from './decisions-errors.ts';
import {
  currentSpeaker,
  type SpeakerSettings,
  saveSpeakerSettings,
  setSpeechLimit,
  speakerSettingsOf,
} from './speakers.store.ts';
import { lockSpeakersList, recordSpeakersAct } from './speakers-act.ts';

export async function setSpeakingTime(
  db: Db,
  viewer: Viewer,
  assemblyId: string,
  input: { seconds: number; alternatesSides?: boolean | undefined },
): Promise<SpeakerSettings> {
  return db.transaction().execute(async (tx) => {
    const act = await lockSpeakersList(tx, viewer, assemblyId);
    if (!act.mayModerate) throw decisionError('not-permitted');
    if (
      !Number.isInteger(input.seconds) ||
      input.seconds < MIN_SPEAKING_SECONDS ||
      input.seconds > MAX_SPEAKING_SECONDS
    )
      throw decisionError('speaking-time-invalid', 'seconds');
    const previous = await speakerSettingsOf(tx, assemblyId);
    const settings: SpeakerSettings = {
      timeLimitSeconds: input.seconds,
      alternatesSides: input.alternatesSides ?? previous.alternatesSides,
    };
    const at = await databaseInstant(tx);
    await saveSpeakerSettings(tx, assemblyId, settings, at, viewer.personId);
    const current = await currentSpeaker(tx, assemblyId);
    if (current) await setSpeechLimit(tx, current.id, settings.timeLimitSeconds);
    await recordSpeakersAct(tx, viewer, act, at, 'assembly.speaking-time-set', {
      timeLimitSeconds: settings.timeLimitSeconds,
      alternatesSides: settings.alternatesSides,
      currentRequestId: current?.id ?? null,
    });
    return settings;
  });
}
