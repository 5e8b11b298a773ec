// Who may do what with price caps, price reports and violations, in one table.
// - The cap list is public: shop windows and markets print it, so anyone reads it, signed in or not.
// - A cap is proposed by the council's leading officers (secretary, chair) — the officers who already
//   commit the council — and adopted only by the council's vote (a poll whose subject is the cap).
// - A price is reported by an active member of that base council: reports are what members see in their
//   own territory, and a federated council has no members of its own.
// - Reports, violations and their follow-up are the council's officers' work (any office: a treasurer
//   checks the shops as well as the secretary); the reports name sellers, and violations accuse them.
import type { CouncilViewerFacts } from '../federation/index.ts';

export type PriceAction =
  | 'read-caps'
  | 'propose-price-cap'
  | 'report-price'
  | 'read-reports'
  | 'read-violations'
  | 'follow-up-violation';

const LEADING = ['secretary', 'chair'] as const;
const isLeading = (f: CouncilViewerFacts) =>
  f.officesHere.some((o) => (LEADING as readonly string[]).includes(o));
const isOfficer = (f: CouncilViewerFacts) => f.officesHere.length > 0;

export const PRICE_PERMISSIONS: Record<PriceAction, (f: CouncilViewerFacts) => boolean> = {
  'read-caps': () => true,
  'propose-price-cap': isLeading,
  'report-price': (f) => f.isMember,
  'read-reports': isOfficer,
  'read-violations': isOfficer,
  'follow-up-violation': isOfficer,
};

export function mayPrice(action: PriceAction, facts: CouncilViewerFacts): boolean {
  return PRICE_PERMISSIONS[action](facts);
}
