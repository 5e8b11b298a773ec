// Federation context of the web app: the federation tree, council pages and their ledger. Pages
// are lazy chunks; other contexts reach this one only through this file.
import { lazy } from 'react';

export const HomePage = lazy(() => import('./HomePage.tsx'));
export const CouncilPage = lazy(() => import('./CouncilPage.tsx'));
