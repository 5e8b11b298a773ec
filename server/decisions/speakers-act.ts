// What every act on a sitting's speakers list shares: the assembly row lock first (so two chairs pressing
// "next" at once take turns, and a request cannot cross a check-out), then the council and the viewer's
// facts; at the end, the one ledger entry of the act and the `speakers` nudge to the room.
import { mayDecide } from '../../core/decisions/index.ts';
import type { CouncilViewerFacts } from '../../core/federation/index.ts';
import { type CouncilRow, findCouncil, loadViewerFacts } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import { publishEvent } from '../platform/realtime.ts';
import type { Viewer } from '../platform/sessions.ts';
import { type AssemblyRow, lockAssembly } from './assemblies.store.ts';
import { decisionError } from './decisions-errors.ts';
import { currentSpeaker, waitingRequests } from './speakers.store.ts';

export interface SpeakersAct {
  assembly: AssemblyRow;
  council: CouncilRow;
  facts: CouncilViewerFacts;
  mayModerate: boolean;
}

/** Locks the sitting's row; refuses a closed or cancelled sitting. */
export async function lockSpeakersList(tx: Db, viewer: Viewer, assemblyId: string): Promise<SpeakersAct> {
  const assembly = await lockAssembly(tx, assemblyId);
  if (!assembly) throw decisionError('assembly-not-found');
  const council = await findCouncil(tx, assembly.council_id);
  if (!council) throw decisionError('assembly-not-found');
  const facts = await loadViewerFacts(tx, viewer, council);
  if (assembly.status === 'closed' || assembly.status === 'cancelled') throw decisionError('assembly-closed');
  return { assembly, council, facts, mayModerate: mayDecide('moderate-speakers', facts) };
}

/** The act's ledger entry (at the act's database instant) and the nudge: ids and counts only. */
export async function recordSpeakersAct(
  tx: Db,
  viewer: Viewer,
  act: SpeakersAct,
  at: string,
  kind: string,
  payload: Record<string, unknown>,
): Promise<void> {
  await appendLedgerEntry(
    tx,
    {
      chainId: act.council.id,
      kind,
      actorPersonId: viewer.personId,
      payload: { assemblyId: act.assembly.id, ...payload },
    },
    new Date(at),
  );
  const speaking = await currentSpeaker(tx, act.assembly.id);
  await publishEvent(tx, `assembly:${act.assembly.id}`, {
    type: 'speakers',
    data: {
      speakingRequestId: speaking?.id ?? null,
      waiting: (await waitingRequests(tx, act.assembly.id)).length,
    },
  });
}
