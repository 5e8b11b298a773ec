// Who may do what with a council's roster, in one table. Rights come from offices in the council that
// owns the shift and from leading a shift, never from a global role (the administrator has none here).
// - The leading officers (secretary, chair) define shifts, keep the weekly templates and set the
//   fairness rules: they commit the council's volunteers. The `distribution` officers also define and
//   cancel shifts tied to a depot or a distribution round — the rounds they run.
// - Active members of the council sign up; a federated council has no members of its own.
// - The shift's lead, or any officer of the council, marks attendance and no-shows.
// - The shift's lead records incidents; the council's officers and that lead read them.
// - Trainings are recorded by any officer and read by officers (they say who may do what).
import type { CouncilViewerFacts } from '../federation/index.ts';

export interface RosterViewerFacts extends CouncilViewerFacts {
  /** The signed-in person leads the shift in question (false when no shift is in question). */
  leadsShift: boolean;
}

export type RosterAction =
  | 'read-roster'
  | 'define-shift'
  | 'define-distribution-shift'
  | 'keep-templates'
  | 'set-roster-settings'
  | 'sign-up'
  | 'mark-attendance'
  | 'read-attendance'
  | 'record-incident'
  | 'read-incidents'
  | 'read-incident-log'
  | 'record-training'
  | 'read-trainings';

const LEADING = ['secretary', 'chair'] as const;
const isLeading = (f: RosterViewerFacts) =>
  f.officesHere.some((o) => (LEADING as readonly string[]).includes(o));
const isOfficer = (f: RosterViewerFacts) => f.officesHere.length > 0;
const keepsDistribution = (f: RosterViewerFacts) => f.officesHere.includes('distribution');

export const ROSTER_PERMISSIONS: Record<RosterAction, (f: RosterViewerFacts) => boolean> = {
  // The roster (shifts, places, who signed up) is for the council's members and officers.
  'read-roster': (f) => f.isMember || isOfficer(f),
  'define-shift': isLeading,
  'define-distribution-shift': (f) => isLeading(f) || keepsDistribution(f),
  'keep-templates': isLeading,
  'set-roster-settings': isLeading,
  'sign-up': (f) => f.isMember,
  'mark-attendance': (f) => f.leadsShift || isOfficer(f),
  // No-show counts name members: officers only.
  'read-attendance': isOfficer,
  'record-incident': (f) => f.leadsShift,
  'read-incidents': (f) => f.leadsShift || isOfficer(f),
  // The whole council's log, over a range of days: officers (a lead reads their own shifts' entries).
  'read-incident-log': isOfficer,
  'record-training': isOfficer,
  'read-trainings': isOfficer,
};

export function mayRoster(action: RosterAction, facts: RosterViewerFacts): boolean {
  return ROSTER_PERMISSIONS[action](facts);
}
