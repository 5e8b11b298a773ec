// Rights at a depot: the depot, its council and what the signed-in person may do there, through the
// permissions table (core/supply/permissions.ts) and federation's viewer facts (offices and membership).
import { maySupply, type SupplyAction, type SupplyViewerFacts } from '../../core/supply/permissions.ts';
import { type CouncilRow, findCouncil, loadViewerFacts } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import type { Viewer } from '../platform/sessions.ts';
import { type DepotRow, findDepot } from './depots.store.ts';
import { supplyError } from './supply-errors.ts';

export async function supplyFacts(
  db: Db,
  viewer: Viewer | null,
  council: CouncilRow,
): Promise<SupplyViewerFacts> {
  return { ...(await loadViewerFacts(db, viewer, council)), isSignedIn: viewer !== null };
}

const WRITES: readonly SupplyAction[] = ['create-depot', 'record-stock', 'send-transfer', 'receive-transfer'];

/**
 * The council and the facts, refusing when `action` is not allowed or, for a write, when the council
 * was dissolved. `field` names the request field that chose the council (another council's depot).
 */
export async function authorizeCouncil(
  db: Db,
  viewer: Viewer | null,
  councilId: string,
  action: SupplyAction,
  field?: string,
): Promise<{ council: CouncilRow; facts: SupplyViewerFacts }> {
  const council = await findCouncil(db, councilId);
  if (!council) throw supplyError('council-not-found', field);
  const facts = await supplyFacts(db, viewer, council);
  if (!maySupply(action, facts)) throw supplyError('not-permitted', field);
  if (WRITES.includes(action) && council.dissolved_at !== null) throw supplyError('council-dissolved', field);
  return { council, facts };
}

export async function authorizeDepot(
  db: Db,
  viewer: Viewer | null,
  depotId: string,
  action: SupplyAction,
  field = 'id',
): Promise<{ depot: DepotRow; council: CouncilRow; facts: SupplyViewerFacts }> {
  const depot = await findDepot(db, depotId);
  if (!depot) throw supplyError('depot-not-found', field);
  return { depot, ...(await authorizeCouncil(db, viewer, depot.council_id, action, field)) };
}
