// Federation context (server side): councils and the federation tree, offices, council ledgers, the
// apportionment of federated councils' seats, mandates, the roll, recall and recall petitions. Owns the
// councils, offices, apportionment_rules, apportionments, election_results, mandates,
// mandate_substitutes, recall_settings, recall_petitions and recall_signatures tables; reads memberships
// only to answer "is this person a member here or below". Knows nothing of join applications or accounts.
export {
  apportionCouncilSeats,
  type RecomputeOutcome,
  recomputeApportionmentsAbove,
} from './apportion-seats.ts';
export { apportionmentRoutes } from './apportionment.routes.ts';
export { retryOnDeadlock } from './cascade-mandate-end.ts';
export { councilsRoutes } from './councils.routes.ts';
export { type CouncilRow, findCouncil, insertOffice, lockCouncil, subtreeEnd } from './councils.store.ts';
export { expireMandates } from './expire-mandates.task.ts';
export { federationError } from './federation-errors.ts';
export { importCouncilRows, importCouncils } from './import-councils.ts';
export { assertMandateRight, type MandateRight } from './mandate-rights.ts';
export { mandatesRoutes } from './mandates.routes.ts';
export {
  activeMembersAmong,
  databaseInstant,
  findMandate,
  type InstantIso,
  type MandateRow,
  type RollRow,
  rollAt,
  traceToBase,
} from './mandates.store.ts';
export { type RecallDecision, recallMandate, recallMandateByVote } from './recall-mandate.ts';
export { recallPetitionsRoutes } from './recall-petitions.routes.ts';
export { decideRecallPetition, type PetitionRow } from './recall-petitions.store.ts';
export {
  type ElectionResultInput,
  type RecordedElection,
  recordElectionResult,
  recordElectionResultOfPoll,
} from './record-election-result.ts';
export { setApportionmentRule } from './set-apportionment-rule.ts';
export { loadViewerFacts } from './viewer-facts.ts';
