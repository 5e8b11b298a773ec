// Who may do what with calls to action and pledges, in one table.
// - A called action is public (strike calls are meant to be read); a proposal, or a call voted down, is
//   read by the calling body's people only — members there or below, its officers and those above.
// - A call, and its suspension, resumption or lifting, is proposed by the calling body's leading officers
//   (secretary, chair) and decided only by the body's vote.
// - A pledge is made by an active member of a base council in the scope, in that council.
// - A council's status in the action is reported by its officers (any office).
// - Who pledged is personal: only the officers of the pledger's council see names; everyone sees counts.
import type { CouncilViewerFacts } from '../federation/index.ts';

export type CollectiveActionAct =
  | 'read-proposed-action'
  | 'propose-call'
  | 'propose-action-decision'
  | 'pledge'
  | 'report-council-status'
  | 'read-pledgers';

const LEADING = ['secretary', 'chair'] as const;
const isLeading = (f: CouncilViewerFacts) =>
  f.officesHere.some((o) => (LEADING as readonly string[]).includes(o));
const isOfficer = (f: CouncilViewerFacts) => f.officesHere.length > 0;

export const COLLECTIVE_ACTION_PERMISSIONS: Record<CollectiveActionAct, (f: CouncilViewerFacts) => boolean> =
  {
    'read-proposed-action': (f) =>
      f.isMember || f.isMemberBelow || f.officesHere.length > 0 || f.officesAbove.length > 0,
    'propose-call': isLeading,
    'propose-action-decision': isLeading,
    pledge: (f) => f.isMember,
    'report-council-status': isOfficer,
    'read-pledgers': isOfficer,
  };

export function mayAct(act: CollectiveActionAct, facts: CouncilViewerFacts): boolean {
  return COLLECTIVE_ACTION_PERMISSIONS[act](facts);
}
