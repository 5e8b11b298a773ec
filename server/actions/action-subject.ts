// Every change of a call to action's status is decided by a vote of the calling body: a yes-no poll
// whose subject is an action_decisions row (poll subject 'collective-action', through decisions'
// poll-subject port). The call itself makes a proposed action called (or rejected); later decisions
// suspend, resume or lift it. Opening the vote locks the decision and checks it still applies; closing
// applies it in the poll's closing transaction, and everyone in scope is told in that same transaction:
// one action_notices row (read through the scope by GET /me/action-notices) and a live event on
// `action:<id>` (sent on commit only).
// Locks at closing: the decision row FOR UPDATE, then the action row FOR NO KEY UPDATE — which waits for
// the pledges and status reports under way (they take the action FOR SHARE as their last lock) and makes
// those that follow see the new status: no pledge is taken after the instant an action is suspended or
// lifted (the instant is read after the lock). The poll's closing has taken the body's ledger head
// before this hook runs; a pledge in that council takes its ledger head before the action's share lock,
// so both take the head first and the action second: no cycle. Opening only reads the action (one
// undecided decision per action: its status cannot change while the decision waits).
import { afterDecision, afterRejection, decisionApplies } from '../../core/actions/index.ts';
import { registerPollSubject } from '../decisions/index.ts';
import { databaseInstant } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import { publishEvent } from '../platform/realtime.ts';
import { actionsError } from './actions-errors.ts';
import {
  type ActionDecisionRow,
  type CollectiveActionRow,
  decideActionDecision,
  findActionDecision,
  findCollectiveAction,
  insertNotice,
  setActionStatus,
  setDecisionInVote,
} from './collective-actions.store.ts';

export const ACTION_DECISION_SUBJECT = 'collective-action';

let registered = false;

export function registerActionSubjects(): void {
  if (registered) return;
  registered = true;
  registerPollSubject(ACTION_DECISION_SUBJECT, {
    async opening(tx, { councilId, subjectId }) {
      const decision = await findActionDecision(tx, subjectId, true);
      const action = decision ? await findCollectiveAction(tx, decision.action_id) : undefined;
      if (!decision || !action || action.council_id !== councilId)
        throw actionsError('action-decision-not-found', 'subject.id');
      if (decision.status !== 'proposed') throw actionsError('action-decision-not-proposed', 'subject.id');
      if (!decisionApplies(decision.kind, action.status))
        throw actionsError('action-decision-not-applicable', 'subject.id');
      return { title: decisionTitle(decision, action) };
    },
    async opened(tx, { subjectId, pollId }) {
      await setDecisionInVote(tx, subjectId, pollId);
    },
    async decided(tx, d) {
      const decision = await findActionDecision(tx, d.subjectId, true);
      if (!decision) return;
      const action = await findCollectiveAction(tx, decision.action_id, 'no-key-update');
      if (!action) return;
      // The instant of the change is read after the action's lock: every pledge accepted before it
      // committed is earlier, every pledge after it is refused.
      const at = await databaseInstant(tx);
      // One undecided decision per action (action_decisions_one_open), checked at opening: it still
      // applies unless the data was changed by hand; then it is not adopted, and the record says why.
      const applies = decisionApplies(decision.kind, action.status);
      const adopted = d.outcome === 'adopted' && applies;
      const summary = applies ? d.summary : `${d.summary} — not applied: the action is ${action.status}`;
      await decideActionDecision(tx, decision.id, { adopted, pollId: d.pollId, at, summary });
      const status = adopted ? afterDecision(decision.kind).to : afterRejection(decision.kind, action.status);
      if (status !== action.status) await setActionStatus(tx, action.id, status, at);
      await appendLedgerEntry(tx, {
        chainId: action.council_id,
        kind: adopted
          ? `collective-action.${decision.kind}-adopted`
          : `collective-action.${decision.kind}-rejected`,
        actorPersonId: null,
        payload: { actionId: action.id, decisionId: decision.id, pollId: d.pollId, status, summary },
      });
      if (adopted) await tellEveryoneInScope(tx, action, decision, at);
    },
  });
}

async function tellEveryoneInScope(
  tx: Db,
  action: CollectiveActionRow,
  decision: ActionDecisionRow,
  at: string,
): Promise<void> {
  const { notice } = afterDecision(decision.kind);
  const row = await insertNotice(tx, {
    actionId: action.id,
    kind: notice,
    text: decision.reason ? `${action.title}: ${notice}. ${decision.reason}` : `${action.title}: ${notice}.`,
    at,
  });
  await publishEvent(tx, `action:${action.id}`, {
    type: `action-${notice}`,
    data: { actionId: action.id, noticeId: row.id, kind: notice },
  });
}

/** "Lift: General strike in the mines", the poll's default title. */
export const decisionTitle = (decision: ActionDecisionRow, action: CollectiveActionRow) =>
  `${decision.kind[0]!.toUpperCase()}${decision.kind.slice(1)} the ${action.kind}: ${action.title}`;
