// Rights over calls to action: the council and what the signed-in person (or nobody) may do there,
// through the permissions table (core/actions/action-permissions.ts) and federation's viewer facts.
import { type CollectiveActionAct, mayAct } from '../../core/actions/index.ts';
import { type CouncilRow, findCouncil, loadViewerFacts } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import type { Viewer } from '../platform/sessions.ts';
import { actionsError } from './actions-errors.ts';
import { type CollectiveActionRow, findCollectiveAction } from './collective-actions.store.ts';

const WRITES: readonly CollectiveActionAct[] = [
  'propose-call',
  'propose-action-decision',
  'pledge',
  'report-council-status',
];

/**
 * The council, refusing when `act` is not allowed (a pledge from a non-member is `not-a-member`) or, for
 * a write, when the council was dissolved. `field` names the request field that chose the council.
 */
export async function authorizeCollectiveAction(
  db: Db,
  viewer: Viewer | null,
  councilId: string,
  act: CollectiveActionAct,
  field?: string,
): Promise<CouncilRow> {
  const council = await findCouncil(db, councilId);
  if (!council) throw actionsError('council-not-found', field);
  if (!(await mayActIn(db, viewer, council, act)))
    throw actionsError(act === 'pledge' ? 'not-a-member' : 'not-permitted', field);
  if (WRITES.includes(act) && council.dissolved_at !== null) throw actionsError('council-dissolved', field);
  return council;
}

export async function mayActIn(
  db: Db,
  viewer: Viewer | null,
  council: CouncilRow,
  act: CollectiveActionAct,
): Promise<boolean> {
  return mayAct(act, await loadViewerFacts(db, viewer, council));
}

/**
 * The action if the viewer may read it: a called (or suspended, lifted) action is public; a proposal or
 * a call voted down is read by the calling body's people only — to anyone else it does not exist.
 */
export async function readableAction(
  db: Db,
  viewer: Viewer | null,
  id: string,
): Promise<CollectiveActionRow> {
  const action = await findCollectiveAction(db, id);
  if (!action) throw actionsError('action-not-found');
  if (action.status === 'proposed' || action.status === 'rejected') {
    const council = await findCouncil(db, action.council_id);
    if (!council || !(await mayActIn(db, viewer, council, 'read-proposed-action')))
      throw actionsError('action-not-found');
  }
  return action;
}

/** The sequence numbers of the council and every body above it, from its materialised path. */
export const lineageSeqs = (council: CouncilRow): number[] =>
  council.path.split('/').filter(Boolean).map(Number);
