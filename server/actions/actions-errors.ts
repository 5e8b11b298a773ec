// Actions error codes (calls to action, pledges, councils' status reports, lists of demands), each with
// when it happens, and their HTTP statuses (the context's one table).
import { AppError, type ErrorKind } from '../platform/http-errors.ts';

export const ACTIONS_ERRORS = {
  'not-permitted': 'the signed-in person has no office in the council that allows this act',
  'not-a-member': 'only active members of a council in the scope may do this',
  'council-not-found': 'the council id does not exist',
  'council-dissolved': 'the council was dissolved; it takes no new acts',
  // calls to action and pledges (collective-actions files)
  'action-not-found': 'no call to action has this id (or it is not yours to read)',
  'action-decision-not-found': 'no decision on a call to action has this id',
  'action-decision-not-proposed':
    'only a proposed decision can be put to the vote (it is in a vote, or decided)',
  'action-decision-pending': 'a decision on this action awaits its vote: decide it before proposing another',
  'action-decision-not-applicable':
    'the action is not in a status this decision applies to (suspend a called action, resume a suspended one, lift either)',
  'action-not-called':
    'pledges are taken only while the action is called (not proposed, suspended, lifted or rejected)',
  'action-not-running': 'councils report their status only while the action is called or suspended',
  'action-ends-before-start': 'an action ends after it starts',
  'action-scope-outside-body': 'the scope names a council that is not the calling body or under it',
  'action-scope-empty': 'the scope holds no base council that is not dissolved',
  'action-coordinator-not-member':
    'a coordinator is an active member of a council of the calling body or under it',
  'council-not-in-scope': 'the council is not in the scope of this action',
  'pledge-council-ambiguous':
    'the person is a member of several councils in the scope: say in which one the pledge is made',
  'pledge-not-found': 'the person has no pledge to this action to withdraw',
  // demands (demands files)
  'demand-not-found': 'no demand has this id',
  'demand-batch-not-found': 'no batch of demands proposed in this council has this id',
  'demand-batch-decided':
    'the batch was put to the vote and decided already: only proposed demands are voted on',
  'demand-day-in-future': 'the day given has not come yet (today at the latest)',
  'demand-not-listed':
    'the demand is not on the list: it awaits the vote that adopts it, or the vote rejected it',
  'demand-transition-refused': 'the allowed status changes do not include this one (met is final)',
  'demand-status-stale': 'the demand changed status meanwhile (another officer?): look again and decide',
  'demand-own-council': "a council endorses other councils' demands, not its own",
  'demand-already-endorsed': 'the council endorses this demand already',
  'demand-endorsement-not-found': 'the council has no endorsement of this demand in force',
} as const;
export type ActionsErrorCode = keyof typeof ACTIONS_ERRORS;

const KIND: Record<ActionsErrorCode, ErrorKind> = {
  'not-permitted': 'forbidden',
  'not-a-member': 'forbidden',
  'council-not-found': 'not-found',
  'council-dissolved': 'conflict',
  // calls to action and pledges
  'action-not-found': 'not-found',
  'action-decision-not-found': 'not-found',
  'action-decision-not-proposed': 'conflict',
  'action-decision-pending': 'conflict',
  'action-decision-not-applicable': 'conflict',
  'action-not-called': 'conflict',
  'action-not-running': 'conflict',
  'action-ends-before-start': 'invalid',
  'action-scope-outside-body': 'invalid',
  'action-scope-empty': 'invalid',
  'action-coordinator-not-member': 'invalid',
  'council-not-in-scope': 'forbidden',
  'pledge-council-ambiguous': 'invalid',
  'pledge-not-found': 'not-found',
  // demands
  'demand-not-found': 'not-found',
  'demand-batch-not-found': 'not-found',
  'demand-batch-decided': 'conflict',
  'demand-day-in-future': 'invalid',
  'demand-not-listed': 'conflict',
  'demand-transition-refused': 'conflict',
  'demand-status-stale': 'conflict',
  'demand-own-council': 'invalid',
  'demand-already-endorsed': 'conflict',
  'demand-endorsement-not-found': 'not-found',
};

const FIELD: Partial<Record<ActionsErrorCode, string>> = {
  // calls to action and pledges
  'action-not-found': 'id',
  'action-decision-not-found': 'id',
  'action-decision-not-applicable': 'kind',
  'action-ends-before-start': 'endsAt',
  'action-scope-outside-body': 'scopeCouncilIds',
  'action-scope-empty': 'scopeCouncilIds',
  'action-coordinator-not-member': 'coordinatorIds',
  'council-not-in-scope': 'councilId',
  'pledge-council-ambiguous': 'councilId',
  // demands
  'demand-not-found': 'id',
  'demand-batch-not-found': 'id',
  'demand-status-stale': 'fromStatus',
  'demand-transition-refused': 'status',
  'demand-own-council': 'councilId',
  'demand-already-endorsed': 'councilId',
  'demand-endorsement-not-found': 'councilId',
};

/** `detail` adds what the fixed message cannot know. */
export function actionsError(code: ActionsErrorCode, field?: string, detail?: string): AppError {
  const message = detail ? `${ACTIONS_ERRORS[code]} (${detail})` : ACTIONS_ERRORS[code];
  return new AppError(KIND[code], code, message, field ?? FIELD[code]);
}
