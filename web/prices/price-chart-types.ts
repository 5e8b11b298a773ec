// The inputs of the price charts, as the pages get them from the prices API. Prices are cents of the
// currency per base unit of the item (e.g. per kg); dates are ISO days (YYYY-MM-DD).

/** One accepted price of one market on one day, with the screening and anomaly flags of the series. */
export interface ChartObservation {
  date: string;
  marketId: string;
  basePriceCents: number;
  isOutlier: boolean;
  /** The median rule flagged this price as an abnormal rise. */
  isRise: boolean;
  /** Deviation from the seasonal trend in standard deviations; null when not assessed. */
  seasonalZ: number | null;
}

/** A price cap in force from `validFrom` to `validTo` (both inclusive; null = open-ended). */
export interface ChartCap {
  validFrom: string;
  validTo: string | null;
  capCents: number;
  councilName: string;
}

/** A price a member reported on a day. */
export interface ChartReport {
  observedOn: string;
  basePriceCents: number;
  isViolation: boolean;
}

export interface ChartMarket {
  id: string;
  name: string;
}
