// The administrator ties a market-series commodity ("Rice (Grano de Oro)") to an item of the supply
// catalogue ("Arroz"), or unties it, so that a council's cap and its members' reports on the item can be
// drawn over the market series. Commodities are instance-wide (imported by the administrator), so the
// link is the administrator's act, recorded on the instance's chain.
// A link needs a common base unit: the item's base unit must be one the commodity's series are priced in
// per (kg, L or unit), else the cap line would compare a price per kg with a price per loaf.
// Lock: the commodity's row FOR UPDATE, so two links at once are ordered and each ledger entry names the
// item it replaced.
import { sql } from 'kysely';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry, INSTANCE_CHAIN } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { findItem } from '../supply/index.ts';
import { pricesError } from './prices-errors.ts';

export async function linkCommodity(
  db: Db,
  viewer: Viewer,
  commodityId: string,
  itemId: string | null,
): Promise<{ commodityId: string; itemId: string | null }> {
  if (!viewer.isAdmin) throw pricesError('not-permitted', 'id', 'only the administrator links commodities');
  return db.transaction().execute(async (tx) => {
    const { rows } = await sql<{ item_id: string | null }>`
      select item_id from commodities where id = ${commodityId} for update`.execute(tx);
    const current = rows[0];
    if (!current) throw pricesError('commodity-not-found', 'id');
    if (itemId !== null) {
      const item = await findItem(tx, itemId);
      if (!item) throw pricesError('item-not-found', 'itemId');
      const { rows: units } = await sql<{ base_unit: string }>`
        select distinct base_unit from price_observations where commodity_id = ${commodityId}`.execute(tx);
      if (units.length > 0 && !units.some((u) => u.base_unit === item.base_unit))
        throw pricesError(
          'unit-mismatch',
          'itemId',
          `the item is counted in ${item.base_unit}; the series are priced per ${units.map((u) => u.base_unit).join(', ')}`,
        );
    }
    if (current.item_id === itemId) return { commodityId, itemId };
    await sql`update commodities set item_id = ${itemId} where id = ${commodityId}`.execute(tx);
    await appendLedgerEntry(tx, {
      chainId: INSTANCE_CHAIN,
      kind: 'commodity.linked',
      actorPersonId: viewer.personId,
      payload: { commodityId, itemId, previousItemId: current.item_id },
    });
    return { commodityId, itemId };
  });
}
