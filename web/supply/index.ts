// Supply context of the web app: a council's "Supply" tab (depots, rounds, rules, transfers, the link
// to its household register), depots and their stock cards, transfers, the household register, ration
// rules and a federated council's limits, distribution rounds, the catalogue of items, requisitions up
// the tree and shipment plans down it. Pages and the tab are lazy chunks; other contexts reach this one
// only through this file.
import { lazy } from 'react';

/** The "Supply" tab of a council page. */
export const CouncilSupplyTab = lazy(() => import('./CouncilSupplyTab.tsx'));
export const ItemsPage = lazy(() => import('./ItemsPage.tsx'));
/** A depot's shelf (table and chart) and the officers' stock forms. */
export const DepotPage = lazy(() => import('./DepotPage.tsx'));
export const StockCardPage = lazy(() => import('./StockCardPage.tsx'));
export const TransferPage = lazy(() => import('./TransferPage.tsx'));
export const TransfersPage = lazy(() => import('./TransfersPage.tsx'));
/** The household register (and, at `/new`, the registration form): distribution officers only. */
export const HouseholdsPage = lazy(() => import('./HouseholdsPage.tsx'));
export const HouseholdPage = lazy(() => import('./HouseholdPage.tsx'));
/** One item's ration rule versions and editor, or a federated council's limits for it. */
export const RationRulesPage = lazy(() => import('./RationRulesPage.tsx'));
/** A distribution round: outcome, the printable list with pick-ups, recomputation, closing. */
export const RoundPage = lazy(() => import('./RoundPage.tsx'));
/** A council's requisitions to its parent body, and the form to send one: the council's officers. */
export const RequisitionsPage = lazy(() => import('./RequisitionsPage.tsx'));
/** The requisitions a federated council received, with the evidence and the decision forms. */
export const ReceivedRequisitionsPage = lazy(() => import('./ReceivedRequisitionsPage.tsx'));
/** A federated council's items waiting for a plan, and its plans; one plan (table, diagram, execution). */
export const ShipmentPlansPage = lazy(() => import('./ShipmentPlansPage.tsx'));
export const ShipmentPlanPage = lazy(() => import('./ShipmentPlanPage.tsx'));
/** The item and unit pickers and the scrolling table frame, for other contexts' forms (prices). */
export { ItemSelect, TableScroll, UnitSelect } from './SupplyParts.tsx';
export type { Item } from './supply-types.ts';
/** What the signed-in person holds in a council (leads: secretary or chair; isOfficer: any office). */
export { useSupplyOffices as useCouncilOffices } from './viewer-offices.ts';
