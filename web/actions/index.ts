// Calls to action in the web app: a council's "Actions" tab (the calls involving it; for its secretary
// or chair, the form to propose one and its vote), one action's page (facts, totals, the schematic map
// of the councils in scope, pledges, status reports, suspending and lifting by vote), and the notices a
// signed-in person is told. The tab and the page are lazy chunks; the notices panel is small.
import { lazy } from 'react';

export const CouncilActionsTab = lazy(() => import('./CouncilActionsTab.tsx'));
/** One call to action, refreshed on its live events. */
export const ActionPage = lazy(() => import('./ActionPage.tsx'));
/** The latest notices of actions whose scope holds a council of the signed-in person. */
export { ActionNotices } from './ActionNotices.tsx';
