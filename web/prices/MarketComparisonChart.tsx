// One item's price at several markets, one line each (its own colour and its own dash), and the table
// of where each market's price jumped, largest jump first. Pages load it with React.lazy; uPlot comes
// later still, from the canvas's effect. The table is the chart's accessible equivalent.
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type uPlot from 'uplot';
import { DEFAULT_LANGUAGE } from '../app/languages.ts';
import { type CanvasSeries, ChartLegend, PriceChartCanvas } from './PriceChartCanvas.tsx';
import { comparisonChartData } from './price-chart-data.ts';
import { marketStyle } from './price-chart-palette.ts';
import type { ChartMarket, ChartObservation } from './price-chart-types.ts';
import './price-charts.css';
import { TableScroll } from '../supply/index.ts';

export interface MarketComparisonChartLabels {
  /** Column headings of the summary table. */
  market: string;
  latestPrice: string;
  change12m: string;
  maxJump: string;
  jumpDate: string;
  /** The summary table's caption, e.g. "Where prices jumped (month on month)". */
  tableCaption: string;
  /** Shown in a cell without a value (no data, no rise): words, not a dash a screen reader spells out. */
  none: string;
  loadFailed: string;
}

export interface MarketComparisonChartProps {
  /** Observations of one item at any of the markets (others are ignored). */
  observations: readonly ChartObservation[];
  /** The markets to compare, in the order their lines and colours are assigned. */
  markets: readonly ChartMarket[];
  title: string;
  labels: MarketComparisonChartLabels;
}

export function MarketComparisonChart({ observations, markets, title, labels }: MarketComparisonChartProps) {
  const { i18n } = useTranslation();
  const language = i18n.language;
  const captionId = useId();
  const tableCaptionId = useId();
  const data = useMemo(() => comparisonChartData(observations, markets), [observations, markets]);
  const aligned = useMemo((): uPlot.AlignedData => [data.x, ...data.lines.map((line) => line.y)], [data]);
  const series = useMemo(
    (): CanvasSeries[] =>
      data.lines.map((line, index) => ({
        id: line.marketId,
        label: line.name,
        kind: 'line',
        ...marketStyle(index),
      })),
    [data],
  );
  const formats = useMemo(() => {
    const locales = [language, DEFAULT_LANGUAGE];
    return {
      day: new Intl.DateTimeFormat(locales, { dateStyle: 'medium', timeZone: 'UTC' }),
      price: new Intl.NumberFormat(locales, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
      change: new Intl.NumberFormat(locales, {
        style: 'percent',
        maximumFractionDigits: 1,
        signDisplay: 'exceptZero',
      }),
    };
  }, [language]);
  const orNone = <T,>(value: T | null, format: (value: T) => string) =>
    value === null ? labels.none : format(value);
  const day = (iso: string) => formats.day.format(new Date(`${iso}T00:00:00Z`));
  const change = (value: number) => formats.change.format(value / 100);

  return (
    <figure className="price-chart" aria-labelledby={captionId}>
      {data.x.length > 1 && (
        <>
          <PriceChartCanvas data={aligned} series={series} loadFailed={labels.loadFailed} />
          <ChartLegend series={series} />
        </>
      )}
      <figcaption id={captionId}>
        <span className="price-chart-title">{title}</span>
      </figcaption>
      <TableScroll labelledBy={tableCaptionId}>
        <table className="data-table price-chart-summary">
          <caption id={tableCaptionId}>{labels.tableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{labels.market}</th>
              <th scope="col">{labels.maxJump}</th>
              <th scope="col">{labels.jumpDate}</th>
              <th scope="col">{labels.latestPrice}</th>
              <th scope="col">{labels.change12m}</th>
            </tr>
          </thead>
          <tbody>
            {data.summary.map((row) => (
              <tr key={row.marketId}>
                <th scope="row">{row.name}</th>
                <td className="numeric">{orNone(row.maxJumpPercent, change)}</td>
                <td>{orNone(row.maxJumpDay, day)}</td>
                <td className="numeric">{orNone(row.latestPrice, (value) => formats.price.format(value))}</td>
                <td className="numeric">{orNone(row.change12mPercent, change)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </figure>
  );
}

export default MarketComparisonChart;
