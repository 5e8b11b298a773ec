// Members context of the web app: joining (the public Join form), accounts (login, password,
// first-run setup), a person's councils and the secretaries' queue of Join applications. Pages are
// lazy chunks; other contexts reach this one only through this file.
import { lazy } from 'react';

export const JoinPage = lazy(() => import('./JoinPage.tsx'));
export const LoginPage = lazy(() => import('./LoginPage.tsx'));
export const SetPasswordPage = lazy(() => import('./SetPasswordPage.tsx'));
export const SetupPage = lazy(() => import('./SetupPage.tsx'));
export const MyCouncilsPage = lazy(() => import('./MyCouncilsPage.tsx'));
export const ApplicationQueuePage = lazy(() => import('./ApplicationQueuePage.tsx'));
/** The "Members" tab of a council page (officers only): member list, password links, offices, CSV import. */
export const CouncilMembersTab = lazy(() => import('./CouncilMembersTab.tsx'));
