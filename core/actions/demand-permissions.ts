// Who may do what with a council's list of demands, in one table.
// - The list, each demand's history and its endorsers are public: a list of demands is made to be
//   read by the addressee, the press and every other council.
// - Demands are proposed (and their vote opened) by the council's leading officers (secretary, chair),
//   who commit the council; they join the list only by the council's vote.
// - Answers, notes and status changes are the record-keeping of the council's officers (any office).
// - An endorsement speaks in another council's name: its leading officers give or withdraw it.
import type { CouncilViewerFacts } from '../federation/index.ts';

export type DemandAction =
  | 'read-demands'
  | 'propose-demands'
  | 'record-demand-answer'
  | 'change-demand-status'
  | 'endorse-demand';

const LEADING = ['secretary', 'chair'] as const;
const isLeading = (f: CouncilViewerFacts) =>
  f.officesHere.some((o) => (LEADING as readonly string[]).includes(o));
const isOfficer = (f: CouncilViewerFacts) => f.officesHere.length > 0;

export const DEMAND_PERMISSIONS: Record<DemandAction, (f: CouncilViewerFacts) => boolean> = {
  'read-demands': () => true,
  'propose-demands': isLeading,
  'record-demand-answer': isOfficer,
  'change-demand-status': isOfficer,
  /** Facts about the endorsing council, not the demand's. */
  'endorse-demand': isLeading,
};

export function mayDemand(action: DemandAction, facts: CouncilViewerFacts): boolean {
  return DEMAND_PERMISSIONS[action](facts);
}
