// An officer of the body puts one of its motions on a sitting's agenda (or takes it off): the sitting
// must be the same council's and not closed. Forwarded motions arrive with no sitting; this is how a
// congress's secretary places them. Lock: the motion FOR UPDATE (ordered with status changes and vote
// openings); the ledger head last.
import { mayDecide } from '../../core/decisions/index.ts';
import { databaseInstant, findCouncil, loadViewerFacts } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { findAssembly } from './assemblies.store.ts';
import { decisionError } from './decisions-errors.ts';
import { lockMotion, setMotionSitting } from './motions.store.ts';

export async function scheduleMotion(
  db: Db,
  viewer: Viewer,
  motionId: string,
  sitting: { assemblyId: string | null; agendaPosition: number | null },
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const motion = await lockMotion(tx, motionId, 'update');
    if (!motion) throw decisionError('motion-not-found');
    const council = await findCouncil(tx, motion.council_id);
    if (!council || !mayDecide('admit-motion', await loadViewerFacts(tx, viewer, council)))
      throw decisionError('not-permitted');
    if (sitting.assemblyId) {
      const assembly = await findAssembly(tx, sitting.assemblyId);
      if (!assembly || assembly.council_id !== council.id)
        throw decisionError('assembly-not-found', 'assemblyId');
      if (assembly.status === 'closed' || assembly.status === 'cancelled')
        throw decisionError('assembly-closed', 'assemblyId');
    }
    const at = await databaseInstant(tx);
    await setMotionSitting(
      tx,
      motion.id,
      sitting.assemblyId,
      sitting.assemblyId ? sitting.agendaPosition : null,
    );
    await appendLedgerEntry(
      tx,
      {
        chainId: council.id,
        kind: 'motion.scheduled',
        actorPersonId: viewer.personId,
        payload: { motionId: motion.id, ...sitting },
      },
      new Date(at),
    );
  });
}
