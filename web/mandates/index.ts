// Mandates context of the web app: the roll of a council, one mandate (trace, history, resignation,
// recall petitions and decisions), a person's mandates and the record of an election result. Pages
// and tabs are lazy chunks; other contexts reach this one only through this file.
import { lazy } from 'react';

export const MandatePage = lazy(() => import('./MandatePage.tsx'));
export const MyMandatesPage = lazy(() => import('./MyMandatesPage.tsx'));
/** The "Delegates" tab of a council page: its roll, its own delegates above, the election form. */
export const CouncilDelegatesTab = lazy(() => import('./CouncilDelegatesTab.tsx'));
