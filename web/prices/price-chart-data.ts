// Turns price observations, caps and reports into the column arrays uPlot draws, and into the facts the
// charts state in words (caption, "where prices jumped" table). Pure: no React, no uPlot, so pages can
// import it statically and it is tested without a browser.
// Units: x in unix seconds (midnight UTC of the ISO day); prices in bolivianos (cents / 100) per base unit.
// One price per market and day is expected; when the data holds several, the highest is kept (the same
// rule as for reports), so the chart never hides a high price behind a lower one.
import { PHASE_THRESHOLDS } from '../../core/prices/anomalies.ts';
import type { ChartCap, ChartMarket, ChartObservation, ChartReport } from './price-chart-types.ts';

/** |seasonal z| from which an observation is marked: WFP ALPS "crisis" phase, as in core/prices. */
export const SEASONAL_Z_MARK = PHASE_THRESHOLDS.crisis;

/** Both ends inclusive ISO days; a missing end is open. */
export interface DateRange {
  from?: string;
  to?: string;
}

export interface SeriesChartData {
  x: number[];
  price: (number | null)[];
  /** The cap in force that day (the lowest when several overlap), null when none. */
  cap: (number | null)[];
  /** The price where the median rule saw a rise or |seasonal z| ≥ SEASONAL_Z_MARK. */
  anomaly: (number | null)[];
  outlier: (number | null)[];
  /** The highest report of the day. */
  report: (number | null)[];
}

export interface SeriesCaptionFacts {
  observationCount: number;
  /** ISO days of the first and last observation; null when there is none. */
  firstDay: string | null;
  lastDay: string | null;
  /** Observations priced above the cap in force that day. */
  aboveCapCount: number;
  anomalyCount: number;
  outlierCount: number;
  /** Days with at least one report. */
  reportCount: number;
}

export interface MarketLine {
  marketId: string;
  name: string;
  y: (number | null)[];
}

export interface MarketSummary {
  marketId: string;
  name: string;
  /** Bolivianos; null when the market has no observation. */
  latestPrice: number | null;
  latestDay: string | null;
  /** Latest price against the price in force 12 months before the latest day; null without such a price. */
  change12mPercent: number | null;
  /** The largest rise between two consecutive calendar months (last price of each), null when none rose. */
  maxJumpPercent: number | null;
  /** ISO day of the price that ended the largest rise. */
  maxJumpDay: string | null;
}

export interface ComparisonChartData {
  x: number[];
  lines: MarketLine[];
  /** Largest jump first; markets without a rise last, in the order given. */
  summary: MarketSummary[];
}

export function dayToSeconds(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / 1000;
}

export function secondsToDay(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

function bolivianos(cents: number): number {
  return cents / 100;
}

function inRange(day: string, range: DateRange | undefined): boolean {
  return (range?.from === undefined || day >= range.from) && (range?.to === undefined || day <= range.to);
}

/** The lowest cap valid on `day` (validTo inclusive), in cents; null when none is. */
export function capCentsOn(day: string, caps: readonly ChartCap[]): number | null {
  let lowest: number | null = null;
  for (const cap of caps) {
    if (cap.validFrom > day || (cap.validTo !== null && cap.validTo < day)) continue;
    if (lowest === null || cap.capCents < lowest) lowest = cap.capCents;
  }
  return lowest;
}

function isAnomaly(observation: ChartObservation): boolean {
  return (
    observation.isRise ||
    (observation.seasonalZ !== null && Math.abs(observation.seasonalZ) >= SEASONAL_Z_MARK)
  );
}

/** The highest-priced observation of each day (ties: the first given). */
function highestByDay(observations: readonly ChartObservation[]): Map<string, ChartObservation> {
  const byDay = new Map<string, ChartObservation>();
  for (const observation of observations) {
    const kept = byDay.get(observation.date);
    if (!kept || observation.basePriceCents > kept.basePriceCents) byDay.set(observation.date, observation);
  }
  return byDay;
}

/** One market's price with its cap, anomalies, outliers and reports, on the union of their days. */
export function seriesChartData(
  observations: readonly ChartObservation[],
  caps: readonly ChartCap[],
  reports: readonly ChartReport[],
  range?: DateRange,
): SeriesChartData {
  const prices = highestByDay(observations.filter((observation) => inRange(observation.date, range)));
  const reportCents = new Map<string, number>();
  for (const report of reports) {
    if (!inRange(report.observedOn, range)) continue;
    const kept = reportCents.get(report.observedOn);
    if (kept === undefined || report.basePriceCents > kept)
      reportCents.set(report.observedOn, report.basePriceCents);
  }
  const days = [...new Set([...prices.keys(), ...reportCents.keys()])].sort();
  const data: SeriesChartData = { x: [], price: [], cap: [], anomaly: [], outlier: [], report: [] };
  for (const day of days) {
    const observation = prices.get(day);
    const price = observation ? bolivianos(observation.basePriceCents) : null;
    const cap = capCentsOn(day, caps);
    const report = reportCents.get(day);
    data.x.push(dayToSeconds(day));
    data.price.push(price);
    data.cap.push(cap === null ? null : bolivianos(cap));
    data.anomaly.push(observation && isAnomaly(observation) ? price : null);
    data.outlier.push(observation?.isOutlier ? price : null);
    data.report.push(report === undefined ? null : bolivianos(report));
  }
  return data;
}

/** What the series chart shows, counted, for its caption in words. */
export function seriesCaptionFacts(data: SeriesChartData): SeriesCaptionFacts {
  const priced = data.x.filter((_x, i) => data.price[i] !== null);
  const count = (values: (number | null)[]) => values.filter((value) => value !== null).length;
  return {
    observationCount: priced.length,
    firstDay: priced.length > 0 ? secondsToDay(priced[0]!) : null,
    lastDay: priced.length > 0 ? secondsToDay(priced.at(-1)!) : null,
    aboveCapCount: data.price.filter((price, i) => {
      const cap = data.cap[i];
      return price !== null && cap !== null && cap !== undefined && price > cap;
    }).length,
    anomalyCount: count(data.anomaly),
    outlierCount: count(data.outlier),
    reportCount: count(data.report),
  };
}

/** The words a caption needs beyond the counts: the first and last day in the reader's language. */
export interface SeriesCaptionWords extends SeriesCaptionFacts {
  from: string;
  to: string;
}

/**
 * The caption when the page gives no sentence of its own: each count next to the chart's own legend
 * labels, so it reads in the page's language without words of its own, e.g.
 * "Price: 24 (5 Jan 2024 – 3 Jan 2025); above Cap: 3; Rise: 2; Outlier: 1; Report: 4" — "above" is ">".
 */
export function seriesCaptionFallback(
  words: SeriesCaptionWords,
  labels: { price: string; cap: string; rise: string; outlier: string; report: string },
): string {
  const span = words.observationCount > 0 ? ` (${words.from} – ${words.to})` : '';
  return [
    `${labels.price}: ${words.observationCount}${span}`,
    `> ${labels.cap}: ${words.aboveCapCount}`,
    `${labels.rise}: ${words.anomalyCount}`,
    `${labels.outlier}: ${words.outlierCount}`,
    `${labels.report}: ${words.reportCount}`,
  ].join('; ');
}

/** The ISO day 12 calendar months before `day` (a 29 February compares as itself: string order holds). */
function yearBefore(day: string): string {
  return `${String(Number(day.slice(0, 4)) - 1).padStart(4, '0')}${day.slice(4)}`;
}

function monthIndex(day: string): number {
  return Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
}

function percent(from: number, to: number): number | null {
  return from === 0 ? null : ((to - from) / from) * 100;
}

function summarise(market: ChartMarket, sorted: readonly ChartObservation[]): MarketSummary {
  const latest = sorted.at(-1);
  const summary: MarketSummary = {
    marketId: market.id,
    name: market.name,
    latestPrice: latest ? bolivianos(latest.basePriceCents) : null,
    latestDay: latest?.date ?? null,
    change12mPercent: null,
    maxJumpPercent: null,
    maxJumpDay: null,
  };
  if (!latest) return summary;
  const anchor = yearBefore(latest.date);
  const base = sorted.findLast((observation) => observation.date <= anchor);
  if (base) summary.change12mPercent = percent(base.basePriceCents, latest.basePriceCents);
  // The last price of each calendar month; months without one break the chain (no jump across a gap).
  const monthly = new Map<number, ChartObservation>();
  for (const observation of sorted) monthly.set(monthIndex(observation.date), observation);
  for (const [month, observation] of monthly) {
    const previous = monthly.get(month - 1);
    if (!previous) continue;
    const change = percent(previous.basePriceCents, observation.basePriceCents);
    if (
      change !== null &&
      change > 0 &&
      (summary.maxJumpPercent === null || change > summary.maxJumpPercent)
    ) {
      summary.maxJumpPercent = change;
      summary.maxJumpDay = observation.date;
    }
  }
  return summary;
}

/** Several markets of one item on the union of their days, and where each one's price jumped. */
export function comparisonChartData(
  observations: readonly ChartObservation[],
  markets: readonly ChartMarket[],
): ComparisonChartData {
  const byMarket = new Map<string, ChartObservation[]>(markets.map((market) => [market.id, []]));
  for (const observation of observations) byMarket.get(observation.marketId)?.push(observation);
  const perDay = markets.map((market) => highestByDay(byMarket.get(market.id) ?? []));
  const days = [...new Set(perDay.flatMap((prices) => [...prices.keys()]))].sort();
  const lines = markets.map((market, m) => ({
    marketId: market.id,
    name: market.name,
    y: days.map((day) => {
      const observation = perDay[m]?.get(day);
      return observation ? bolivianos(observation.basePriceCents) : null;
    }),
  }));
  const summary = markets
    .map((market, m) => summarise(market, [...(perDay[m]?.values() ?? [])].sort(byDate)))
    .sort(byLargestJump);
  return { x: days.map(dayToSeconds), lines, summary };
}

function byLargestJump(a: MarketSummary, b: MarketSummary): number {
  if (a.maxJumpPercent === null || b.maxJumpPercent === null)
    return (a.maxJumpPercent === null ? 1 : 0) - (b.maxJumpPercent === null ? 1 : 0);
  return b.maxJumpPercent - a.maxJumpPercent;
}

function byDate(a: ChartObservation, b: ChartObservation): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}
