// An officer of a body merges similar motions forwarded by several of its child councils into one
// composite with a new agreed text. The origins leave the agenda ('referred', merged) and keep the support
// they had, counted at this instant into composite_origins; the composite starts as submitted, and its
// decision is reported back to every origin (record-motion-outcome.ts).
// Locks: the origins FOR UPDATE in id order (two composites over overlapping motions cannot deadlock,
// and a motion is merged once — also the unique origin_motion_id of composite_origins); supports wait on
// the same rows (FOR SHARE), so the counts are exact. The ledger head last.
import {
  checkComposite,
  joinLines,
  mayDecide,
  nextMotionStatus,
  splitLines,
} from '../../core/decisions/index.ts';
import { databaseInstant, federationError, findCouncil, loadViewerFacts } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { decisionError } from './decisions-errors.ts';
import {
  countSupporters,
  insertCompositeOrigins,
  insertMotion,
  lockMotions,
  setMotionStatus,
} from './motions.store.ts';

export interface CompositeInput {
  motionIds: string[];
  title: string;
  text: string;
}

export async function composeMotions(
  db: Db,
  viewer: Viewer,
  councilId: string,
  input: CompositeInput,
): Promise<string> {
  return db.transaction().execute(async (tx) => {
    const council = await findCouncil(tx, councilId);
    if (!council) throw federationError('council-not-found');
    if (council.dissolved_at) throw federationError('council-dissolved');
    if (!mayDecide('compose-motions', await loadViewerFacts(tx, viewer, council)))
      throw decisionError('not-permitted');
    const found = await lockMotions(tx, input.motionIds);
    const checked = checkComposite(
      council.id,
      input.motionIds,
      found.map((m) => ({
        id: m.id,
        councilId: m.council_id,
        status: m.status,
        submittedByCouncil: m.submitted_by_council,
        isComposite: m.is_composite,
      })),
    );
    if (!checked.ok) throw decisionError(checked.error, checked.field);
    const at = await databaseInstant(tx);
    const origins = [];
    for (const m of checked.value) {
      origins.push({
        motionId: m.id,
        councilId: m.submittedByCouncil ?? '',
        supportersCount: await countSupporters(tx, m.id),
      });
    }
    const id = await insertMotion(tx, {
      councilId: council.id,
      assemblyId: null,
      agendaPosition: null,
      title: input.title,
      text: joinLines(splitLines(input.text)),
      submittedBy: viewer.personId,
      submittedByCouncil: null,
      originMotionId: null,
      isComposite: true,
      at,
    });
    await insertCompositeOrigins(tx, id, origins);
    for (const m of checked.value) {
      const next = nextMotionStatus(m.status, 'merge');
      if (next.ok) await setMotionStatus(tx, m.id, next.value, at);
    }
    await appendLedgerEntry(
      tx,
      {
        chainId: council.id,
        kind: 'motion.composited',
        actorPersonId: viewer.personId,
        payload: { motionId: id, title: input.title, text: input.text, origins },
      },
      new Date(at),
    );
    return id;
  });
}
