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
  | 'read-poll'
  | 'write-minutes'
  | 'admit-motion'
  | 'refer-motion'
  | 'withdraw-motion'
  | 'forward-motion'
  | 'compose-motions'
  | 'set-instruction'
  | 'read-motion'
  | 'moderate-speakers';

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
  // Minutes: the secretary (or chair) generates and edits them and puts them to the next sitting's vote.
  'write-minutes': leads,
  // Calling the next speaker, ending a speech, setting the speaking time. Asking for the floor is not an
  // office's right: it comes from being in the room with a vote (server/decisions/request-to-speak.ts).
  'moderate-speakers': leads,
  // Sittings and results are the business of everyone in the council or under it, and of those above.
  'read-assembly': belongs,
  'read-poll': belongs,
  // Motions: the body's officers put them on the agenda, refer them, and merge forwarded ones into
  // composites; a child council's officers forward what it adopted and give its delegates their
  // instruction. Submitting, supporting and amending come from membership or a mandate on the roll, and
  // a submitter may withdraw their own motion (server/decisions/*-motion.ts).
  'admit-motion': leads,
  'refer-motion': leads,
  'withdraw-motion': leads,
  'forward-motion': leads,
  'compose-motions': leads,
  'set-instruction': leads,
  'read-motion': belongs,
};

export function mayDecide(action: DecisionAction, facts: CouncilViewerFacts): boolean {
  return DECISION_PERMISSIONS[action](facts);
}
