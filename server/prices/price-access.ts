// Rights over a council's prices: the council and what the signed-in person (or nobody) may do there,
// through the permissions table (core/prices/permissions.ts) and federation's viewer facts.
import { mayPrice, type PriceAction } from '../../core/prices/permissions.ts';
import { type CouncilRow, findCouncil, loadViewerFacts } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import type { Viewer } from '../platform/sessions.ts';
import { pricesError } from './prices-errors.ts';

const WRITES: readonly PriceAction[] = ['propose-price-cap', 'report-price', 'follow-up-violation'];

/**
 * The council, refusing when `action` is not allowed (a report from a non-member is `not-a-member`) or,
 * for a write, when the council was dissolved. `field` names the request field that chose the council.
 */
export async function authorizePrices(
  db: Db,
  viewer: Viewer | null,
  councilId: string,
  action: PriceAction,
  field?: string,
): Promise<CouncilRow> {
  const council = await findCouncil(db, councilId);
  if (!council) throw pricesError('council-not-found', field);
  if (!mayPrice(action, await loadViewerFacts(db, viewer, council)))
    throw pricesError(action === 'report-price' ? 'not-a-member' : 'not-permitted', field);
  if (WRITES.includes(action) && council.dissolved_at !== null) throw pricesError('council-dissolved', field);
  return council;
}

/** The sequence numbers of the council and every body above it, from its materialised path. */
export const lineageSeqs = (council: CouncilRow): number[] =>
  council.path.split('/').filter(Boolean).map(Number);
