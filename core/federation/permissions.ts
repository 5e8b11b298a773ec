// Who may do what in a council, in one table. Rights come from offices (and mandates: the check at an
// instant is server/federation/mandate-rights.ts), never from a global role, apart from the instance
// administrator, who may build the tree but does not read personal data.
import type { Office } from './councils.ts';

export interface CouncilViewerFacts {
  isAdmin: boolean;
  /** Active membership of this council (base councils). */
  isMember: boolean;
  /** Active membership of a base council anywhere under this council (federated councils). */
  isMemberBelow: boolean;
  officesHere: readonly Office[];
  /** Offices held in councils above this one. */
  officesAbove: readonly Office[];
}

export type CouncilAction =
  | 'read-contacts'
  | 'read-applications'
  | 'decide-applications'
  | 'read-ledger'
  | 'create-child'
  | 'move'
  | 'dissolve'
  | 'assign-office'
  | 'issue-password-reset'
  | 'apportion-seats'
  | 'record-election-result'
  | 'recall-mandate'
  | 'set-recall-threshold';

const LEADING: readonly Office[] = ['secretary', 'chair'];
const holdsAny = (held: readonly Office[], wanted: readonly Office[]) => held.some((o) => wanted.includes(o));

export const COUNCIL_PERMISSIONS: Record<CouncilAction, (f: CouncilViewerFacts) => boolean> = {
  // Contact details and the queue are for the council's own officers only — not the administrator,
  // not officers of the federation above.
  'read-contacts': (f) => f.officesHere.length > 0,
  'read-applications': (f) => f.officesHere.length > 0,
  'decide-applications': (f) => holdsAny(f.officesHere, LEADING),
  'read-ledger': (f) =>
    f.isAdmin || f.isMember || f.isMemberBelow || f.officesHere.length > 0 || f.officesAbove.length > 0,
  'create-child': (f) => f.isAdmin || holdsAny(f.officesHere, LEADING) || holdsAny(f.officesAbove, LEADING),
  move: (f) => f.isAdmin || holdsAny(f.officesAbove, LEADING),
  dissolve: (f) => f.isAdmin || holdsAny(f.officesAbove, LEADING),
  'assign-office': (f) => f.isAdmin || holdsAny(f.officesHere, LEADING) || holdsAny(f.officesAbove, LEADING),
  'issue-password-reset': (f) => holdsAny(f.officesHere, LEADING),
  // Choosing the rule and recomputing the table; the table itself is public.
  'apportion-seats': (f) =>
    f.isAdmin || holdsAny(f.officesHere, LEADING) || holdsAny(f.officesAbove, LEADING),
  // Facts about the sending council. Its delegates are its own business: nobody above it (and not the
  // administrator) may issue or end its mandates; the officers record what its members decided.
  'record-election-result': (f) => holdsAny(f.officesHere, LEADING),
  'recall-mandate': (f) => holdsAny(f.officesHere, LEADING),
  'set-recall-threshold': (f) => holdsAny(f.officesHere, LEADING),
};

export function can(action: CouncilAction, facts: CouncilViewerFacts): boolean {
  return COUNCIL_PERMISSIONS[action](facts);
}

export const NOBODY: CouncilViewerFacts = {
  isAdmin: false,
  isMember: false,
  isMemberBelow: false,
  officesHere: [],
  officesAbove: [],
};
