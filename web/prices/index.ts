// Prices context of the web app: a council's "Prices" tab (caps in force, the council's own caps and
// their votes, the members' report form, violations, recent anomalies), the printable cap list, the
// violations page with its follow-up, the market series with their charts, and the administrator's
// import of market files. Pages and the tab are lazy chunks; the chart code is lazier still.
import { lazy } from 'react';

export const CouncilPricesTab = lazy(() => import('./CouncilPricesTab.tsx'));
/** The cap list to print for shop windows; public. */
export const CapListPrintPage = lazy(() => import('./CapListPrintPage.tsx'));
/** A council's violations with the seller's history and the follow-up: its officers. */
export const ViolationsPage = lazy(() => import('./ViolationsPage.tsx'));
/** Market series: one market's chart with a council's cap and reports, and markets compared. */
export const MarketPricesPage = lazy(() => import('./MarketPricesPage.tsx'));
/** The administrator's import of market files with its progress, and commodity-to-item links. */
export const PriceImportPage = lazy(() => import('./PriceImportPage.tsx'));
