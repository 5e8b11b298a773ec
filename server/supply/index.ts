// Supply context (server side), issue 6: the catalogue of items and their units, depots and distribution
// points of councils, the append-only stock ledger with its exact balance cache, counts, reversals and
// transfers between depots; the household register; ration rules adopted by vote (through decisions'
// poll-subject port) and the limits bodies set on them; distribution rounds with their pick-ups;
// requisitions up the tree and shipment plans down it. Owns the items, item_units, depots, stock_events,
// stock_balances, transfers, households, instance_secrets, ration_rules, ration_limits,
// distribution_rounds, round_entitlements, requisitions, shipment_plans and shipment_lines tables; reads
// councils, offices and memberships only through federation's index (who may act).
export { appendStockEvent } from './append-stock-event.ts';
export { countStock } from './count-stock.ts';
export { createDepot } from './create-depot.ts';
export { createItem } from './create-item.ts';
export { depotsRoutes } from './depots.routes.ts';
export { findDepot } from './depots.store.ts';
export { distributionRoundsRoutes } from './distribution-rounds.routes.ts';
export { findRound } from './distribution-rounds.store.ts';
export { householdsRoutes } from './households.routes.ts';
export { milliOf } from './item-quantity.ts';
export { itemsRoutes } from './items.routes.ts';
export { findItem, type ItemRow } from './items.store.ts';
export { openDistributionRound } from './open-distribution-round.ts';
export { proposeRationRule } from './propose-ration-rule.ts';
export { RATION_RULE_SUBJECT, registerRationRuleSubject } from './ration-rule-subject.ts';
export { rationRulesRoutes } from './ration-rules.routes.ts';
export { receiveTransfer } from './receive-transfer.ts';
export { recordPickup } from './record-pickup.ts';
export { recordStockEvent } from './record-stock-event.ts';
export { registerHousehold } from './register-household.ts';
export { requisitionsRoutes } from './requisitions.routes.ts';
export { reverseStockEvent } from './reverse-stock-event.ts';
export { sendTransfer } from './send-transfer.ts';
export { stockEventsRoutes } from './stock-events.routes.ts';
export { submitRequisition } from './submit-requisition.ts';
export { supplyError } from './supply-errors.ts';
export { transfersRoutes } from './transfers.routes.ts';
