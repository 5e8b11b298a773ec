// Shapes of the prices API (server/prices/*.schema.ts), as the web app reads them. Money in requests is
// decimal text in the currency's units ("9.50"); answers carry it so and in hundredths as integer text
// (`capCents`); a price per base unit (`basePriceCents`) is decimal text of hundredths.

export type CapStatus = 'proposed' | 'in-vote' | 'adopted' | 'rejected' | 'superseded' | 'withdrawn';
export type ViolationStatus = 'open' | 'warning' | 'inspection' | 'resolved';
export type FollowupAction = 'warning' | 'inspection' | 'resolved' | 'note';
export const FOLLOWUP_ACTIONS: readonly FollowupAction[] = ['warning', 'inspection', 'resolved', 'note'];

export interface PriceCap {
  id: string;
  councilId: string;
  itemId: string;
  currency: string;
  cap: string;
  capCents: string;
  validFrom: string;
  validTo: string | null;
  note: string | null;
  status: CapStatus;
  proposedAt: string;
  pollId: string | null;
  decidedAt: string | null;
  decisionSummary: string | null;
}

export interface CapListEntry {
  capId: string;
  itemId: string;
  itemName: string;
  baseUnit: string;
  currency: string;
  cap: string;
  capCents: string;
  validFrom: string;
  validTo: string | null;
  councilId: string;
  councilName: string;
  isOwn: boolean;
}

export interface CapList {
  councilId: string;
  councilName: string;
  on: string;
  caps: CapListEntry[];
}

export interface PriceReport {
  id: string;
  councilId: string;
  seller: string;
  market: string | null;
  itemId: string;
  itemName: string;
  baseUnit: string;
  quantity: string;
  unit: string;
  price: string;
  currency: string;
  basePriceCents: string;
  observedOn: string;
  note: string | null;
  reportedAt: string;
  violationId: string | null;
}

export interface Violation {
  id: string;
  councilId: string;
  status: ViolationStatus;
  createdAt: string;
  report: Omit<PriceReport, 'councilId' | 'reportedAt' | 'violationId' | 'note'>;
  cap: { id: string; cap: string; capCents: string; councilId: string; councilName: string };
  sellerHistory: {
    reports: number;
    earlierViolations: number;
    lastReports: Array<{
      reportId: string;
      itemName: string;
      observedOn: string;
      price: string;
      quantity: string;
      unit: string;
      currency: string;
      basePriceCents: string;
    }>;
  };
  followups: Array<{ action: FollowupAction; note: string | null; actedBy: string; actedAt: string }>;
}

export interface PriceImport {
  id: string;
  fileName: string;
  status: 'running' | 'done' | 'failed';
  rowsTotal: number;
  rowsDone: number;
  imported: number;
  alreadyPresent: number;
  conflicts: number;
  rejected: number;
  outliers: number;
  rejections: Array<{ line: number; error: string; field: string; reason: string }>;
  failure: string | null;
  startedAt: string;
  finishedAt: string | null;
}

export interface Market {
  id: string;
  name: string;
  admin1: string;
  admin2: string;
  observations: number;
}

export interface Commodity {
  id: string;
  name: string;
  category: string;
  itemId: string | null;
  observations: number;
}

export interface Observation {
  id: string;
  marketId: string;
  commodityId: string;
  priceType: string;
  unit: string;
  baseUnit: string;
  currency: string;
  date: string;
  priceCents: number;
  basePriceCents: number;
  isOutlier: boolean;
  outlierReason: string | null;
  medianRatio: number | null;
  isRise: boolean;
  seasonalZ: number | null;
  phase: 'not-assessed' | 'normal' | 'stress' | 'alert' | 'crisis';
}
