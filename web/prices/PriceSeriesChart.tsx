// One item's price at one market over time, with the cap in force drawn as a dashed step and the marks
// a reader looks for: abnormal rises (triangles), screened-out outliers (diamonds) and members' reports
// (squares), each with its own colour too. Pages load it with React.lazy; uPlot comes later still, from
// the canvas's effect. Screen readers get the caption in words and the table of the same values.
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type uPlot from 'uplot';
import { DEFAULT_LANGUAGE } from '../app/languages.ts';
import { TableScroll } from '../supply/index.ts';
import { type CanvasSeries, ChartLegend, PriceChartCanvas } from './PriceChartCanvas.tsx';
import {
  type SeriesCaptionWords,
  secondsToDay,
  seriesCaptionFacts,
  seriesCaptionFallback,
  seriesChartData,
} from './price-chart-data.ts';
import { SERIES_STYLE } from './price-chart-palette.ts';
import type { ChartCap, ChartObservation, ChartReport } from './price-chart-types.ts';
import './price-charts.css';

export interface PriceSeriesChartLabels {
  price: string;
  cap: string;
  rise: string;
  outlier: string;
  report: string;
  loadFailed: string;
  /** The caption sentence, e.g. `(w) => t('prices.chart.caption', w)`; without it, a compact list. */
  caption?: (words: SeriesCaptionWords) => string;
  /** With both, a disclosure with the table of the values (the chart's accessible equivalent). */
  date?: string;
  showTable?: string;
}

export interface PriceSeriesChartProps {
  /** One market's observations of one item. */
  observations: readonly ChartObservation[];
  caps: readonly ChartCap[];
  reports: readonly ChartReport[];
  title: string;
  labels: PriceSeriesChartLabels;
}

export function PriceSeriesChart({ observations, caps, reports, title, labels }: PriceSeriesChartProps) {
  const { i18n } = useTranslation();
  const language = i18n.language;
  const captionId = useId();
  const tableCaptionId = useId();
  const data = useMemo(() => seriesChartData(observations, caps, reports), [observations, caps, reports]);
  const aligned = useMemo(
    (): uPlot.AlignedData => [data.x, data.price, data.cap, data.anomaly, data.outlier, data.report],
    [data],
  );
  const series = useMemo(
    (): CanvasSeries[] => [
      { id: 'price', label: labels.price, colour: SERIES_STYLE.price.colour, kind: 'line' },
      {
        id: 'cap',
        label: labels.cap,
        colour: SERIES_STYLE.cap.colour,
        kind: 'step',
        dash: SERIES_STYLE.cap.dash,
      },
      {
        id: 'rise',
        label: labels.rise,
        colour: SERIES_STYLE.rise.colour,
        kind: 'marks',
        shape: SERIES_STYLE.rise.shape,
      },
      {
        id: 'outlier',
        label: labels.outlier,
        colour: SERIES_STYLE.outlier.colour,
        kind: 'marks',
        shape: SERIES_STYLE.outlier.shape,
      },
      {
        id: 'report',
        label: labels.report,
        colour: SERIES_STYLE.report.colour,
        kind: 'marks',
        shape: SERIES_STYLE.report.shape,
      },
    ],
    [labels.price, labels.cap, labels.rise, labels.outlier, labels.report],
  );
  const formats = useMemo(() => {
    const locales = [language, DEFAULT_LANGUAGE];
    return {
      day: new Intl.DateTimeFormat(locales, { dateStyle: 'medium', timeZone: 'UTC' }),
      price: new Intl.NumberFormat(locales, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    };
  }, [language]);
  const facts = seriesCaptionFacts(data);
  const formatDay = (day: string | null) =>
    day === null ? '' : formats.day.format(new Date(`${day}T00:00:00Z`));
  const words: SeriesCaptionWords = {
    ...facts,
    from: formatDay(facts.firstDay),
    to: formatDay(facts.lastDay),
  };
  const caption = labels.caption ? labels.caption(words) : seriesCaptionFallback(words, labels);
  const price = (value: number | null | undefined) => (value == null ? '' : formats.price.format(value));

  return (
    <figure className="price-chart" aria-labelledby={captionId}>
      {data.x.length > 1 && (
        <>
          <PriceChartCanvas data={aligned} series={series} loadFailed={labels.loadFailed} />
          <ChartLegend series={series} />
        </>
      )}
      <figcaption id={captionId}>
        <span className="price-chart-title">{title}</span> {caption}
      </figcaption>
      {labels.date && labels.showTable && data.x.length > 0 && (
        <details className="price-chart-table">
          <summary>{labels.showTable}</summary>
          <TableScroll labelledBy={tableCaptionId}>
            <table className="data-table">
              <caption id={tableCaptionId}>{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{labels.date}</th>
                  <th scope="col">{labels.price}</th>
                  <th scope="col">{labels.cap}</th>
                  <th scope="col">{labels.report}</th>
                </tr>
              </thead>
              <tbody>
                {data.x.map((seconds, i) => {
                  const marks = [
                    data.anomaly[i] != null ? labels.rise : null,
                    data.outlier[i] != null ? labels.outlier : null,
                  ].filter((mark) => mark !== null);
                  return (
                    <tr key={seconds}>
                      <th scope="row">{formatDay(secondsToDay(seconds))}</th>
                      <td className="numeric">
                        {price(data.price[i])}
                        {marks.length > 0 && ` (${marks.join(', ')})`}
                      </td>
                      <td className="numeric">{price(data.cap[i])}</td>
                      <td className="numeric">{price(data.report[i])}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        </details>
      )}
    </figure>
  );
}

export default PriceSeriesChart;
