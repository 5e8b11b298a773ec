// Demands context of the web app: a council's "Demands" tab (the numbered list with its progress and
// the CSV, public; for its secretary or chair, the form to propose demands and to put them to the vote)
// and one demand's page (its history and endorsers; officers' status changes and answers; other
// councils' endorsements). Both are lazy chunks.
import { lazy } from 'react';

export const CouncilDemandsTab = lazy(() => import('./CouncilDemandsTab.tsx'));
/** One demand: its history, its endorsers, and the forms of those who may act on it. */
export const DemandPage = lazy(() => import('./DemandPage.tsx'));
