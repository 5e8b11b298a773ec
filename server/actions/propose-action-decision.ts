// A leading officer of the calling body proposes to suspend a called action, resume a suspended one, or
// lift it; the body decides by vote (action-subject.ts), as it decided the call.
// Lock: the action row FOR SHARE, so its status cannot change until the proposal commits (the closing
// of a vote takes it FOR NO KEY UPDATE). Two proposals at once both pass the check; the partial unique
// index action_decisions_one_open refuses the second, reported as action-decision-pending.
import { decisionApplies, type LATER_DECISION_KINDS } from '../../core/actions/index.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { authorizeCollectiveAction, readableAction } from './action-access.ts';
import { actionsError } from './actions-errors.ts';
import {
  type ActionDecisionRow,
  decisionsOf,
  findCollectiveAction,
  insertActionDecision,
} from './collective-actions.store.ts';

export async function proposeActionDecision(
  db: Db,
  viewer: Viewer,
  actionId: string,
  input: { kind: (typeof LATER_DECISION_KINDS)[number]; reason: string | null },
): Promise<ActionDecisionRow> {
  return db.transaction().execute(async (tx) => {
    await readableAction(tx, viewer, actionId);
    const action = await findCollectiveAction(tx, actionId, 'share');
    if (!action) throw actionsError('action-not-found');
    await authorizeCollectiveAction(tx, viewer, action.council_id, 'propose-action-decision');
    const open = (await decisionsOf(tx, action.id)).find(
      (d) => d.status === 'proposed' || d.status === 'in-vote',
    );
    if (open) throw actionsError('action-decision-pending', undefined, `${open.kind} ${open.id}`);
    if (!decisionApplies(input.kind, action.status))
      throw actionsError('action-decision-not-applicable', 'kind', `the action is ${action.status}`);
    const decision = await insertActionDecision(tx, {
      actionId: action.id,
      kind: input.kind,
      reason: input.reason,
      proposedBy: viewer.personId,
    }).catch((error: unknown) => {
      if ((error as { code?: unknown }).code === '23505') throw actionsError('action-decision-pending');
      throw error;
    });
    await appendLedgerEntry(tx, {
      chainId: action.council_id,
      kind: 'collective-action.decision-proposed',
      actorPersonId: viewer.personId,
      payload: { actionId: action.id, decisionId: decision.id, kind: decision.kind, reason: decision.reason },
    });
    return decision;
  });
}
