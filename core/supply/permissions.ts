// Who may do what with items, depots, stock and transfers, in one table. Rights come from offices in
// the council that owns the depot (any office: a treasurer keeps the stock as well as the secretary and
// the chair), never from a global role — apart from the instance administrator, who keeps the catalogue
// of items (a shared vocabulary, no council's data) and reads no council's stock.
import type { CouncilViewerFacts } from '../federation/index.ts';

export interface SupplyViewerFacts extends CouncilViewerFacts {
  /** Any signed-in person: the catalogue of items is shared by every council. */
  isSignedIn: boolean;
}

export type SupplyAction =
  | 'read-catalogue'
  | 'create-item'
  | 'read-stock'
  | 'create-depot'
  | 'record-stock'
  | 'send-transfer'
  | 'receive-transfer'
  | 'keep-households'
  | 'propose-ration-rule'
  | 'read-limits'
  | 'set-ration-limits'
  | 'run-round'
  | 'record-pickup'
  | 'request-supply'
  | 'read-requisitions'
  | 'decide-requisition'
  | 'plan-shipments';

const LEADING = ['secretary', 'chair'] as const;
const isLeading = (f: SupplyViewerFacts) =>
  f.officesHere.some((o) => (LEADING as readonly string[]).includes(o));
const keepsDistribution = (f: SupplyViewerFacts) => f.officesHere.includes('distribution');

export const SUPPLY_PERMISSIONS: Record<SupplyAction, (f: SupplyViewerFacts) => boolean> = {
  'read-catalogue': (f) => f.isSignedIn,
  'create-item': (f) => f.isAdmin,
  // Depots, balances, stock cards and transfers: the owning council's members and officers.
  'read-stock': (f) => f.isMember || f.officesHere.length > 0,
  // Opening a depot or distribution point commits the council: its leading officers.
  'create-depot': isLeading,
  // Receipts, issues, distributions, losses, counts and reversals at the council's own depots.
  'record-stock': (f) => f.officesHere.length > 0,
  // Facts about the sending council (send) or the receiving council (receive): each council writes only
  // its own leg, so officers above or of the other side may not act for it.
  'send-transfer': (f) => f.officesHere.length > 0,
  'receive-transfer': (f) => f.officesHere.length > 0,
  // The household register is personal data (names, addresses, illness, disability): the council's
  // distribution officers only — not its other officers, not the bodies above, not the administrator.
  'keep-households': keepsDistribution,
  // A rule is proposed by those who run distribution or lead the council; the council adopts it by vote.
  'propose-ration-rule': (f) => keepsDistribution(f) || isLeading(f),
  // A body's limits are public to those under it and to its own members and officers.
  'read-limits': (f) =>
    f.isMember || f.isMemberBelow || f.officesHere.length > 0 || f.officesAbove.length > 0,
  'set-ration-limits': isLeading,
  // Opening and closing a round, and ticking pick-ups at the distribution point.
  'run-round': (f) => keepsDistribution(f) || isLeading(f),
  'record-pickup': (f) => f.officesHere.length > 0,
  // Asking the body above is the council's officers' act; the body's leading officers decide and plan.
  'request-supply': (f) => f.officesHere.length > 0,
  'read-requisitions': (f) => f.officesHere.length > 0,
  'decide-requisition': isLeading,
  'plan-shipments': isLeading,
};

export function maySupply(action: SupplyAction, facts: SupplyViewerFacts): boolean {
  return SUPPLY_PERMISSIONS[action](facts);
}
