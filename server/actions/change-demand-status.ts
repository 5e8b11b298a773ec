// An officer of the demand's council records a change of its status (talks opened, partly met, met,
// refused, raised again), as the table in core/actions/demand-status.ts allows, with an optional note.
// The request names the status the officer saw (`fromStatus`): two officers changing the same demand at
// once are serialised by the demand's row lock (FOR UPDATE), and the second, finding a status other than
// the one it saw, is refused with demand-status-stale instead of overwriting a change it never saw.
// The history row, the new status and the ledger entry commit together.
import { type DemandStatus, demandTransition } from '../../core/actions/index.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { actionsError } from './actions-errors.ts';
import { authorizeDemands } from './demand-access.ts';
import { type DemandRow, findDemand, insertAnswer, setDemandStatus } from './demands.store.ts';

export interface ChangeDemandStatusInput {
  status: DemandStatus;
  fromStatus: DemandStatus;
  note: string | null;
}

export async function changeDemandStatus(
  db: Db,
  viewer: Viewer,
  demandId: string,
  input: ChangeDemandStatusInput,
): Promise<DemandRow> {
  return db.transaction().execute(async (tx) => {
    const demand = await findDemand(tx, demandId, true);
    if (!demand) throw actionsError('demand-not-found');
    await authorizeDemands(tx, viewer, demand.council_id, 'change-demand-status');
    if (demand.status !== input.fromStatus)
      throw actionsError('demand-status-stale', undefined, `it is ${demand.status} now`);
    const move = demandTransition(demand.status, input.status);
    if (!move.ok) throw actionsError(move.error, 'status', `from ${demand.status} to ${input.status}`);
    const at = await setDemandStatus(tx, demand.id, input.status);
    await insertAnswer(tx, {
      demandId: demand.id,
      byPersonId: viewer.personId,
      kind: 'status-change',
      fromStatus: demand.status,
      toStatus: input.status,
      answeredOn: null,
      text: input.note,
    });
    await appendLedgerEntry(tx, {
      chainId: demand.council_id,
      kind: 'demand.status-changed',
      actorPersonId: viewer.personId,
      payload: { demandId: demand.id, number: demand.number, from: demand.status, to: input.status },
    });
    return { ...demand, status: input.status, status_changed_at: at };
  });
}
