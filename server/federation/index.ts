// Federation context (server side): councils and the federation tree, offices, council ledgers, and
// the apportionment of federated councils' seats. Owns the councils, offices, apportionment_rules and
// apportionments tables; reads memberships only to answer "is this person a member here or below".
// Knows nothing of join applications or accounts.
export { type RecomputeOutcome, recomputeApportionmentsAbove } from './apportion-seats.ts';
export { apportionmentRoutes } from './apportionment.routes.ts';
export { councilsRoutes } from './councils.routes.ts';
export { type CouncilRow, findCouncil, insertOffice, lockCouncil, subtreeEnd } from './councils.store.ts';
export { federationError } from './federation-errors.ts';
export { importCouncilRows, importCouncils } from './import-councils.ts';
export { loadViewerFacts } from './viewer-facts.ts';
