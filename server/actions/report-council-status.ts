// An officer of a base council in the scope reports the council's status in the action while it is
// called or suspended: participating, partly, or not, with how many people and any incidents. Every
// report is kept (action_status_reports); the latest is also on the council's action_councils row,
// which the roll-up sums.
// Locks: as a pledge (pledge-to-action.ts) — the council's action_councils row FOR UPDATE (reports and
// pledges of one council in order), the council's ledger head, and last the action FOR SHARE, checking
// that it still runs (a lifting that got in first is seen, and the report refused).
import { type CouncilActionStatus, takesStatusReports } from '../../core/actions/index.ts';
import { retryOnDeadlock } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { authorizeCollectiveAction } from './action-access.ts';
import { actionsError } from './actions-errors.ts';
import { findCollectiveAction } from './collective-actions.store.ts';
import { recordStatusReport } from './council-action-status.store.ts';
import { lockActionCouncil } from './pledges.store.ts';

export interface CouncilStatusInput {
  status: CouncilActionStatus;
  participants: number | null;
  incidents: string | null;
}

export async function reportCouncilStatus(
  db: Db,
  viewer: Viewer,
  actionId: string,
  councilId: string,
  input: CouncilStatusInput,
): Promise<{ id: string; reportedAt: string }> {
  return retryOnDeadlock(() =>
    db.transaction().execute(async (tx) => {
      const action = await findCollectiveAction(tx, actionId);
      if (!action) throw actionsError('action-not-found');
      await authorizeCollectiveAction(tx, viewer, councilId, 'report-council-status', 'councilId');
      if (!takesStatusReports(action.status))
        throw actionsError('action-not-running', undefined, `the action is ${action.status}`);
      if (!(await lockActionCouncil(tx, actionId, councilId))) throw actionsError('council-not-in-scope');
      const report = await recordStatusReport(tx, {
        actionId,
        councilId,
        ...input,
        reportedBy: viewer.personId,
      });
      await appendLedgerEntry(tx, {
        chainId: councilId,
        kind: 'collective-action.status-reported',
        actorPersonId: viewer.personId,
        payload: { actionId, reportId: report.id, ...input },
      });
      const still = await findCollectiveAction(tx, actionId, 'share');
      if (!still || !takesStatusReports(still.status))
        throw actionsError('action-not-running', undefined, `the action is ${still?.status}`);
      return { id: report.id, reportedAt: report.reported_at };
    }),
  );
}
