// Shapes of the supply API (server/supply/*.schema.ts), as the web app reads them. Quantities in
// requests are decimal text in a unit of the item ("12.5"); in answers they are milli-units of the
// item's base unit, as integer text (`…Milli`) — except the ration-rule amounts, which are numbers.

export type ItemCategory = 'food' | 'fuel' | 'medicine' | 'hygiene' | 'water' | 'other';
export type DepotKind = 'depot' | 'distribution-point';
export type RecordedKind = 'receipt' | 'issue' | 'distribution' | 'loss';
export type StockEventKind =
  | RecordedKind
  | 'count'
  | 'transfer-out'
  | 'transfer-in'
  | 'transfer-return'
  | 'reversal';
export type ReceiptSource = 'donation' | 'purchase' | 'delivery';
export type StockReason =
  | 'damage'
  | 'theft'
  | 'expiry'
  | 'spoilage'
  | 'miscount'
  | 'recording-error'
  | 'other';
export type AgeBand = 'infant' | 'child' | 'adult' | 'elder';
export type PriorityFlag = 'infants' | 'elderly' | 'illness' | 'disability';

export const ITEM_CATEGORIES: readonly ItemCategory[] = [
  'food',
  'fuel',
  'medicine',
  'hygiene',
  'water',
  'other',
];
export const RECEIPT_SOURCES: readonly ReceiptSource[] = ['donation', 'purchase', 'delivery'];
export const STOCK_REASONS: readonly StockReason[] = [
  'damage',
  'theft',
  'expiry',
  'spoilage',
  'miscount',
  'recording-error',
  'other',
];
export const AGE_BANDS: readonly AgeBand[] = ['infant', 'child', 'adult', 'elder'];
export const PRIORITY_FLAGS: readonly PriorityFlag[] = ['infants', 'elderly', 'illness', 'disability'];

/** Enough of an item to read and write its quantities. */
export interface ItemUnitRef {
  baseUnit: string;
  stepMilli: string;
}

export interface Item extends ItemUnitRef {
  id: string;
  name: string;
  category: ItemCategory;
  units: { unit: string; milliPerUnit: string; baseUnits: string }[];
}

export interface ItemInput {
  name: string;
  category: ItemCategory;
  baseUnit: string;
  step: string;
  units: { unit: string; baseUnits: string }[];
}

export interface Depot {
  id: string;
  councilId: string;
  name: string;
  kind: DepotKind;
  place: string | null;
  createdAt: string;
}

export interface DepotStock {
  depot: Depot;
  balances: {
    item: { id: string; name: string } & ItemUnitRef;
    quantityMilli: string;
    quantity: string;
    eventCount: number;
  }[];
  viewer: { canRecord: boolean };
}

export interface StockEvent {
  id: string;
  depotId: string;
  itemId: string;
  kind: StockEventKind;
  deltaMilli: string;
  occurredAt: string;
  recordedAt: string;
  source: ReceiptSource | null;
  reason: StockReason | null;
  countedMilli: string | null;
  reversesEventId: string | null;
  reversedByEventId: string | null;
  transferId: string | null;
  recordedBy: { id: string; fullName: string };
  note: string | null;
}

export interface StockCard {
  depot: { id: string; name: string; councilId: string };
  item: { id: string; name: string } & ItemUnitRef;
  balanceMilli: string;
  /** Newest first. */
  events: (StockEvent & { balanceAfterMilli: string })[];
  nextBefore: string | null;
}

export interface RecordedStockEvent {
  event: StockEvent;
  balanceAtMilli: string;
  balanceMilli: string;
}

export interface Transfer {
  id: string;
  item: { id: string; name: string; baseUnit: string };
  from: { depotId: string; depotName: string; councilId: string };
  to: { depotId: string; depotName: string; councilId: string };
  quantityMilli: string;
  status: 'in-transit' | 'received';
  acceptedMilli: string | null;
  rejectedMilli: string | null;
  rejectionNote: string | null;
  note: string | null;
  sentAt: string;
  receivedAt: string | null;
}

export type PeopleByBand = Record<AgeBand, number>;

export interface Household {
  id: string;
  councilId: string;
  headName: string;
  address: string;
  phone: string | null;
  people: PeopleByBand;
  size: number;
  flags: PriorityFlag[];
  hasIdentityDocument: boolean;
  status: 'active' | 'withdrawn';
  registeredAt: string;
  updatedAt: string;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
  /** Active households of other councils with the same identity document. */
  possibleDuplicates: { councilId: string; councilName: string }[];
}

export interface HouseholdList {
  households: Household[];
  total: number;
  limit: number;
  offset: number;
}

export interface HouseholdInput {
  headName: string;
  address: string;
  phone: string | null;
  people: PeopleByBand;
  flags: PriorityFlag[];
  identityDocument?: string | null;
}

/** Amounts in milli-units of the item's base unit; weights in permille of a full person. */
export interface RationRuleContent {
  perPersonMilli: number;
  weightsPermille: Record<AgeBand, number>;
  priorityClasses: PriorityFlag[][];
  capPerHouseholdMilli?: number;
}

export type RationRuleStatus = 'proposed' | 'in-vote' | 'adopted' | 'rejected' | 'superseded' | 'withdrawn';

export interface RationRule {
  id: string;
  councilId: string;
  itemId: string;
  version: number;
  rule: RationRuleContent;
  note: string | null;
  status: RationRuleStatus;
  proposedAt: string;
  pollId: string | null;
  decidedAt: string | null;
  decisionSummary: string | null;
}

export interface RationLimits {
  maxPerPersonMilli?: number;
  maxCapPerHouseholdMilli?: number;
  servedFirstFlags?: PriorityFlag[];
}

export interface RationLimitsView {
  own: RationLimits | null;
  above: { councilId: string; councilName: string; limits: RationLimits }[];
}

export interface ClassOutcome {
  priorityClass: number;
  households: number;
  entitlementMilli: number;
  allocatedMilli: number;
  status: 'full' | 'short' | 'none';
  levelMilliPerPerson: number | null;
}

export interface DistributionRound {
  id: string;
  councilId: string;
  depotId: string;
  itemId: string;
  ruleId: string;
  ruleVersion: number;
  rule: RationRuleContent;
  title: string;
  status: 'open' | 'closed';
  stockMilli: string;
  stepMilli: string;
  tieBreakSeed: string;
  entitlementMilli: string;
  allocatedMilli: string;
  classes: ClassOutcome[];
  households: number;
  pickedUp: number;
  pickedUpMilli: string;
  openedAt: string;
  closedAt: string | null;
}

/** A line of a round's list; names and make-up only for those who keep the household register. */
export interface Entitlement {
  householdId: string;
  headName: string | null;
  address: string | null;
  people: PeopleByBand | null;
  flags: PriorityFlag[] | null;
  priorityClass: number;
  weightMillis: number;
  entitlementMilli: string;
  allocatedMilli: string;
  pickedUpAt: string | null;
  handedOutByName: string | null;
}

export interface RoundDetail extends DistributionRound {
  entitlements: Entitlement[];
  mayRecordPickups: boolean;
  mayClose: boolean;
}

export interface Recomputation {
  households: number;
  allocatedMilli: number;
  matches: boolean;
  differences: { householdId: string; field: string; stored: number; recomputed: number }[];
}

/** Where a depot is (WGS 84), for the distances of shipment plans; null until someone sets it. */
export interface DepotLocation {
  latitude: number;
  longitude: number;
}

export type RequisitionStatus = 'submitted' | 'approved' | 'rejected' | 'planned' | 'withdrawn';

/** A council's request to its parent body; stock and 30-day use are the server's, from the ledger. */
export interface Requisition {
  id: string;
  councilId: string;
  councilName: string;
  parentId: string;
  itemId: string;
  toDepotId: string;
  requestedMilli: string;
  stockMilli: string;
  consumption30dMilli: string;
  note: string | null;
  status: RequisitionStatus;
  approvedMilli: string | null;
  decisionNote: string | null;
  submittedAt: string;
  decidedAt: string | null;
  planId: string | null;
}

/** One requisition's share of a plan, in planning units of `unitMilli` milli-units. */
export interface PlanFill {
  requisitionId: string;
  councilId: string;
  councilName: string;
  demand: number;
  served: number;
  guaranteed: number;
  fillRatio: number;
  unitMilli: number;
}

export interface PlanLine {
  requisitionId: string;
  fromDepotId: string;
  fromDepotName: string;
  toDepotId: string;
  toDepotName: string;
  toCouncilName: string;
  quantityMilli: string;
  distanceKm: number;
  /** Set once the plan is executed. */
  transferId: string | null;
}

export interface ShipmentPlan {
  id: string;
  councilId: string;
  itemId: string;
  status: 'draft' | 'executed' | 'discarded';
  /** The max-min fair fill ratio f* as an exact fraction. */
  fairRatio: { numerator: number; denominator: number };
  totalShippedMilli: string;
  totalCostKm: string;
  fills: PlanFill[];
  lines: PlanLine[];
  createdAt: string;
  executedAt: string | null;
}
