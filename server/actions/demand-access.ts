// Rights over a council's list of demands: the council and what the signed-in person (or nobody) may do
// there, through the permissions table (core/actions/demand-permissions.ts) and federation's viewer facts.
import { type DemandAction, mayDemand } from '../../core/actions/index.ts';
import { type CouncilRow, findCouncil, loadViewerFacts } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import type { Viewer } from '../platform/sessions.ts';
import { actionsError } from './actions-errors.ts';

/**
 * The council, refusing when `action` is not allowed or, for anything but reading, when the council was
 * dissolved. `field` names the request field that chose the council (an endorsing council's id).
 */
export async function authorizeDemands(
  db: Db,
  viewer: Viewer | null,
  councilId: string,
  action: DemandAction,
  field?: string,
): Promise<CouncilRow> {
  const council = await findCouncil(db, councilId);
  if (!council) throw actionsError('council-not-found', field);
  if (!mayDemand(action, await loadViewerFacts(db, viewer, council)))
    throw actionsError('not-permitted', field);
  if (action !== 'read-demands' && council.dissolved_at !== null)
    throw actionsError('council-dissolved', field);
  return council;
}
