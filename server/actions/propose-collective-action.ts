// A leading officer of a council — a base council for its own members, or a federated body binding the
// councils below it — proposes a call to action: a strike, a road blockade, a march or an assembly in
// the square, with its scope, start, conditions for lifting and coordinators. It is called only by the
// body's vote (action-subject.ts): the proposal carries its 'call' decision, put to the vote next.
// The scope is fixed now: every base council (not dissolved) in the subtrees of the chosen councils —
// each the body or under it; by default the body's whole subtree — one action_councils row each.
// Lock: none beyond the inserts; the action is new, and nothing else can refer to it yet.
import type { CollectiveActionKind } from '../../core/actions/index.ts';
import { type CouncilRow, findCouncil, subtreeEnd } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { authorizeCollectiveAction } from './action-access.ts';
import { actionsError } from './actions-errors.ts';
import {
  type ActionDecisionRow,
  type CollectiveActionRow,
  insertActionDecision,
  insertCollectiveAction,
  insertCoordinators,
  membersWithin,
} from './collective-actions.store.ts';

export interface ProposeCollectiveActionInput {
  kind: CollectiveActionKind;
  title: string;
  description: string | null;
  startsAt: string;
  endsAt: string | null;
  liftingConditions: string | null;
  /** Councils whose subtrees are in scope; null: the calling body's whole subtree. */
  scopeCouncilIds: readonly string[] | null;
  coordinatorIds: readonly string[];
}

export async function proposeCollectiveAction(
  db: Db,
  viewer: Viewer,
  councilId: string,
  input: ProposeCollectiveActionInput,
): Promise<{ action: CollectiveActionRow; decision: ActionDecisionRow }> {
  return db.transaction().execute(async (tx) => {
    const body = await authorizeCollectiveAction(tx, viewer, councilId, 'propose-call');
    if (input.endsAt !== null && Date.parse(input.endsAt) <= Date.parse(input.startsAt))
      throw actionsError('action-ends-before-start');
    const scopePaths = await scopePathsOf(tx, body, input.scopeCouncilIds);
    const coordinators = [...new Set(input.coordinatorIds)];
    const members = await membersWithin(tx, body.path, coordinators);
    const outsider = coordinators.find((id) => !members.has(id));
    if (outsider) throw actionsError('action-coordinator-not-member', undefined, outsider);
    const action = await insertCollectiveAction(tx, {
      councilId: body.id,
      kind: input.kind,
      title: input.title,
      description: input.description,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      liftingConditions: input.liftingConditions,
      proposedBy: viewer.personId,
      scopePaths,
    });
    if (!action) throw actionsError('action-scope-empty');
    await insertCoordinators(tx, action.id, coordinators);
    const decision = await insertActionDecision(tx, {
      actionId: action.id,
      kind: 'call',
      reason: null,
      proposedBy: viewer.personId,
    });
    await appendLedgerEntry(tx, {
      chainId: body.id,
      kind: 'collective-action.proposed',
      actorPersonId: viewer.personId,
      payload: {
        actionId: action.id,
        decisionId: decision.id,
        kind: action.kind,
        title: action.title,
        startsAt: action.starts_at,
        endsAt: action.ends_at,
        scopeCouncils: action.scope_councils,
        scopeCouncilIds: input.scopeCouncilIds ?? [body.id],
        coordinatorIds: coordinators,
      },
    });
    return { action, decision };
  });
}

/** The paths of the chosen councils, each the body or under it (a base council's scope is itself). */
async function scopePathsOf(tx: Db, body: CouncilRow, ids: readonly string[] | null): Promise<string[]> {
  if (ids === null) return [body.path];
  const paths: string[] = [];
  for (const id of new Set(ids)) {
    const council = id === body.id ? body : await findCouncil(tx, id);
    if (!council || council.path < body.path || council.path >= subtreeEnd(body.path))
      throw actionsError('action-scope-outside-body', undefined, id);
    paths.push(council.path);
  }
  return paths;
}
