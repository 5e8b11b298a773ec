// The chair closes the sitting once its polls are closed. Attendance stops counting; the record stays.
// The floor closes with it: a speech in progress ends and the waiting requests are withdrawn.
// Lock: the assembly row (open-poll.ts takes it too, so no poll opens in a closing sitting).
import { mayDecide } from '../../core/decisions/index.ts';
import { databaseInstant, findCouncil, loadViewerFacts } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import { publishEvent } from '../platform/realtime.ts';
import type { Viewer } from '../platform/sessions.ts';
import { lockAssembly, setAssemblyStatus } from './assemblies.store.ts';
import { decisionError } from './decisions-errors.ts';
import { pollsOfAssembly } from './polls.store.ts';
import { closeSpeakersList } from './speakers.store.ts';

export async function closeAssembly(db: Db, viewer: Viewer, assemblyId: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const assembly = await lockAssembly(tx, assemblyId);
    if (!assembly) throw decisionError('assembly-not-found');
    const council = await findCouncil(tx, assembly.council_id);
    if (!council || !mayDecide('chair-assembly', await loadViewerFacts(tx, viewer, council)))
      throw decisionError('not-permitted');
    if (assembly.status !== 'in-session') throw decisionError('assembly-not-in-session');
    if ((await pollsOfAssembly(tx, assemblyId)).some((p) => p.status === 'open'))
      throw decisionError('polls-still-open');
    const at = await databaseInstant(tx);
    await setAssemblyStatus(tx, assembly.id, 'closed', at);
    const speakers = await closeSpeakersList(tx, assembly.id, at);
    await appendLedgerEntry(
      tx,
      {
        chainId: council.id,
        kind: 'assembly.closed',
        actorPersonId: viewer.personId,
        payload: { assemblyId, speechesEnded: speakers.ended, requestsWithdrawn: speakers.withdrawn },
      },
      new Date(at),
    );
    await publishEvent(tx, `assembly:${assemblyId}`, { type: 'assembly', data: { status: 'closed' } });
    if (speakers.ended + speakers.withdrawn > 0)
      await publishEvent(tx, `assembly:${assemblyId}`, { type: 'speakers', data: { waiting: 0 } });
  });
}
