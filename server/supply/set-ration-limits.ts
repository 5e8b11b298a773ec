// The leading officers of a body with councils under it set the limits of every rule under it for one
// item: the most per person, the largest cap, and the flags that must be served first
// (core/supply/ration-rule.ts ParentLimits). Each setting is a new row; the latest is in force. Rules
// already adopted below are not changed: a rule is checked against the limits when it is proposed and
// again when its vote closes (ration-rule-subject.ts), and the limits page lists the rules in force below
// that no longer fit, so their councils can adopt a new version.
import type { ParentLimits } from '../../core/supply/ration-rule.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { authorizeCouncil } from './depot-access.ts';
import { findItem } from './items.store.ts';
import { insertLimits } from './ration-rules.store.ts';
import { supplyError } from './supply-errors.ts';

export async function setRationLimits(
  db: Db,
  viewer: Viewer,
  councilId: string,
  itemId: string,
  limits: ParentLimits,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const { council } = await authorizeCouncil(tx, viewer, councilId, 'set-ration-limits');
    if (council.kind !== 'federation') throw supplyError('not-a-federated-council');
    const item = await findItem(tx, itemId);
    if (!item) throw supplyError('item-not-found', 'itemId');
    await insertLimits(tx, council.id, item.id, limits, viewer.personId);
    await appendLedgerEntry(tx, {
      chainId: council.id,
      kind: 'ration-limits.set',
      actorPersonId: viewer.personId,
      payload: { itemId: item.id, limits },
    });
  });
}
