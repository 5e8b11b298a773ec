// The chair (secretary or chair of the council) opens the sitting: from now on attendance counts toward
// quorum and polls can be opened. A sitting may open early, when the room is ready.
// Lock: the assembly row, so an open and a close cannot cross.
import { mayDecide } from '../../core/decisions/index.ts';
import { databaseInstant, findCouncil, loadViewerFacts } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import { publishEvent } from '../platform/realtime.ts';
import type { Viewer } from '../platform/sessions.ts';
import { lockAssembly, setAssemblyStatus } from './assemblies.store.ts';
import { decisionError } from './decisions-errors.ts';

export async function startAssembly(db: Db, viewer: Viewer, assemblyId: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const assembly = await lockAssembly(tx, assemblyId);
    if (!assembly) throw decisionError('assembly-not-found');
    const council = await findCouncil(tx, assembly.council_id);
    if (!council || !mayDecide('chair-assembly', await loadViewerFacts(tx, viewer, council)))
      throw decisionError('not-permitted');
    if (assembly.status !== 'convened') throw decisionError('assembly-closed');
    const at = await databaseInstant(tx);
    await setAssemblyStatus(tx, assembly.id, 'in-session', at);
    await appendLedgerEntry(
      tx,
      {
        chainId: council.id,
        kind: 'assembly.opened',
        actorPersonId: viewer.personId,
        payload: { assemblyId },
      },
      new Date(at),
    );
    await publishEvent(tx, `assembly:${assemblyId}`, { type: 'assembly', data: { status: 'in-session' } });
  });
}
