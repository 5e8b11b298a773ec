// Supply context (server side), the stock ledger of issue 6: the catalogue of items and their units,
// depots and distribution points of councils, the append-only stock ledger with its exact balance cache,
// physical counts, reversals, and transfers between depots. Owns the items, item_units, depots,
// stock_events, stock_balances and transfers tables; reads councils, offices and memberships only
// through federation's index (who may act). Knows nothing of households, ration rules or rounds yet.
export { appendStockEvent } from './append-stock-event.ts';
export { countStock } from './count-stock.ts';
export { createDepot } from './create-depot.ts';
export { createItem } from './create-item.ts';
export { depotsRoutes } from './depots.routes.ts';
export { itemsRoutes } from './items.routes.ts';
export { receiveTransfer } from './receive-transfer.ts';
export { recordStockEvent } from './record-stock-event.ts';
export { reverseStockEvent } from './reverse-stock-event.ts';
export { sendTransfer } from './send-transfer.ts';
export { stockEventsRoutes } from './stock-events.routes.ts';
export { supplyError } from './supply-errors.ts';
export { transfersRoutes } from './transfers.routes.ts';
