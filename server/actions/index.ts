// Actions context (server side), issue 8: calls to action decided by a council's or a federated body's vote
// (strikes, blockades, marches, assemblies in the square), members' pledges (conditional ones resolved as
// their thresholds are crossed), the status councils in scope report, lifting and suspending by vote; and
// councils' numbered lists of demands with their answers and endorsements. Reads councils, offices and
// memberships through federation's index; polls through decisions' poll-subject port.

// calls to action and pledges
export { ACTION_DECISION_SUBJECT, registerActionSubjects } from './action-subject.ts';
export { actionsError } from './actions-errors.ts';
export { collectiveActionsRoutes } from './collective-actions.routes.ts';
// demands
export { DEMAND_BATCH_SUBJECT, registerDemandSubject } from './demand-subject.ts';
export { demandsRoutes } from './demands.routes.ts';
export { pledgeToAction } from './pledge-to-action.ts';
export { proposeCollectiveAction } from './propose-collective-action.ts';
