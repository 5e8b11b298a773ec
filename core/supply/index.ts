// Supply, pure: quantities and the stock ledger's non-negativity rule, who may do what, ration rules and
// the fair allocation of a distribution round, and shipment plans (max-min fair fill, then least cost).
// No IO: the server's supply context stores and serves what these compute.
export * from './allocate-round.ts';
export * from './great-circle.ts';
export * from './permissions.ts';
export * from './ration-rule.ts';
export * from './shipment-plan.ts';
export * from './stock-ledger.ts';
