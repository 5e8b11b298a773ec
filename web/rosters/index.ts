// Rosters context of the web app: a council's "Shifts" tab (the week's roster with its gaps and sign-ups;
// for officers the shift form, weekly templates and fairness rules), a shift's page (sign-ups,
// attendance, incident log, cancelling), my shifts with the calendar feeds, and a council's incident
// log. Pages and the tab are lazy chunks; other contexts reach this one only through this file.
import { lazy } from 'react';

/** The "Shifts" tab of a council page: its members and officers. */
export const CouncilRostersTab = lazy(() => import('./CouncilRostersTab.tsx'));
/** One shift: details, sign-ups and attendance, incidents, cancelling. */
export const ShiftPage = lazy(() => import('./ShiftPage.tsx'));
/** The signed-in person's shifts across councils, no-shows, and iCalendar feeds. */
export const MyShiftsPage = lazy(() => import('./MyShiftsPage.tsx'));
/** A council's incident log over a range of days: its officers. */
export const IncidentsPage = lazy(() => import('./IncidentsPage.tsx'));
