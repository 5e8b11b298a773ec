// A distribution officer withdraws a household (moved away, merged with another, deceased): it leaves
// the register for future rounds; past rounds keep it. Lock: the household FOR UPDATE.
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { type HouseholdRow, withdrawHousehold as markWithdrawn } from './households.store.ts';
import { lockHouseholdForChange } from './update-household.ts';

export async function withdrawHousehold(
  db: Db,
  viewer: Viewer,
  id: string,
  reason: string,
): Promise<HouseholdRow> {
  return db.transaction().execute(async (tx) => {
    const before = await lockHouseholdForChange(tx, viewer, id);
    const after = await markWithdrawn(tx, id, reason);
    await appendLedgerEntry(tx, {
      chainId: before.council_id,
      kind: 'household.withdrawn',
      actorPersonId: viewer.personId,
      payload: { householdId: id },
    });
    return after;
  });
}
