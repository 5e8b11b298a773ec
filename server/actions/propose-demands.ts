// A leading officer of a council proposes demands for its list: one, or a whole list at once (a peasant
// federation's 72 points), as one batch that a single vote of the council adopts or rejects
// (demand-subject.ts). Nothing is numbered yet: numbers are given on adoption, so the list has no gaps
// from proposals the vote turned down.
// Lock: none. The use case only inserts rows under a new batch id; the vote's opening hook locks them.
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { actionsError } from './actions-errors.ts';
import { authorizeDemands } from './demand-access.ts';
import { type DemandRow, insertDemandBatch, type NewDemand, today } from './demands.store.ts';

export async function proposeDemands(
  db: Db,
  viewer: Viewer,
  councilId: string,
  demands: readonly NewDemand[],
): Promise<DemandRow[]> {
  return db.transaction().execute(async (tx) => {
    const council = await authorizeDemands(tx, viewer, councilId, 'propose-demands');
    const day = await today(tx);
    const late = demands.findIndex((d) => d.raisedOn !== null && d.raisedOn > day);
    if (late >= 0) throw actionsError('demand-day-in-future', `demands.${late}.raisedOn`);
    const rows = await insertDemandBatch(tx, council.id, viewer.personId, demands);
    await appendLedgerEntry(tx, {
      chainId: council.id,
      kind: 'demands.proposed',
      actorPersonId: viewer.personId,
      payload: { batchId: rows[0]!.batch_id, demandIds: rows.map((r) => r.id) },
    });
    return rows;
  });
}
