// An officer of council C forwards a motion C adopted to the agenda of C's parent body: a new motion
// there, submitted by C (submitted_by_council), with the same title and text and the lineage back to C's
// motion (origin_motion_id). Once per motion: FOR UPDATE on C's motion (a second forward waits, then
// finds the first) and the unique index motions_forwarded_once. Ledger heads parent first, then C — the
// order a closing poll in the parent uses when it reports its decision back (record-motion-outcome.ts).
import { mayDecide } from '../../core/decisions/index.ts';
import { databaseInstant, federationError, findCouncil, loadViewerFacts } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { decisionError } from './decisions-errors.ts';
import { forwardedAsOf, insertMotion, lockMotion } from './motions.store.ts';

export async function forwardMotion(db: Db, viewer: Viewer, motionId: string): Promise<string> {
  return db.transaction().execute(async (tx) => {
    const motion = await lockMotion(tx, motionId, 'update');
    if (!motion) throw decisionError('motion-not-found');
    const council = await findCouncil(tx, motion.council_id);
    if (!council) throw decisionError('motion-not-found');
    if (!mayDecide('forward-motion', await loadViewerFacts(tx, viewer, council)))
      throw decisionError('not-permitted');
    if (motion.status !== 'adopted') throw decisionError('motion-not-adopted');
    if (await forwardedAsOf(tx, motion.id)) throw decisionError('motion-already-forwarded');
    const parent = council.parent_id ? await findCouncil(tx, council.parent_id) : undefined;
    if (!parent) throw federationError('no-parent-council');
    if (parent.dissolved_at) throw federationError('council-dissolved');
    const at = await databaseInstant(tx);
    const id = await insertMotion(tx, {
      councilId: parent.id,
      assemblyId: null,
      agendaPosition: null,
      title: motion.title,
      text: motion.text,
      submittedBy: viewer.personId,
      submittedByCouncil: council.id,
      originMotionId: motion.id,
      isComposite: false,
      at,
    });
    const payload = {
      motionId: id,
      originMotionId: motion.id,
      fromCouncilId: council.id,
      toCouncilId: parent.id,
    };
    await appendLedgerEntry(
      tx,
      { chainId: parent.id, kind: 'motion.submitted', actorPersonId: viewer.personId, payload },
      new Date(at),
    );
    await appendLedgerEntry(
      tx,
      { chainId: council.id, kind: 'motion.forwarded', actorPersonId: viewer.personId, payload },
      new Date(at),
    );
    return id;
  });
}
