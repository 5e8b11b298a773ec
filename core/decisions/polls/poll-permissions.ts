// Who may run a council's assemblies and polls, in one table (the facts are federation's viewer facts).
// Voting itself is not an office's right: it comes from membership or a mandate, checked at the instant
// of the act (server/decisions/cast-ballot.ts).
import type { CouncilViewerFacts, Office } from '../../federation/index.ts';

export type DecisionAction =
  | 'convene-assembly'
  | 'chair-assembly'
  | 'read-assembly'
  | 'open-poll'
  | 'close-poll'
  | 'read-poll';

const LEADING: readonly Office[] = ['secretary', 'chair'];
const leads = (f: CouncilViewerFacts) => f.officesHere.some((o) => LEADING.includes(o));
const belongs = (f: CouncilViewerFacts) =>
  f.isMember || f.isMemberBelow || f.officesHere.length > 0 || f.officesAbove.length > 0;

export const DECISION_PERMISSIONS: Record<DecisionAction, (f: CouncilViewerFacts) => boolean> = {
  // The council's own officers convene and chair; officers above may not run a council's sittings.
  'convene-assembly': leads,
  'chair-assembly': leads,
  'open-poll': leads,
  'close-poll': leads,
  // Sittings and results are the business of everyone in the council or under it, and of those above.
  'read-assembly': belongs,
  'read-poll': belongs,
};

export function mayDecide(action: DecisionAction, facts: CouncilViewerFacts): boolean {
  return DECISION_PERMISSIONS[action](facts);
}
