// The canvas both price charts draw on. uPlot and its stylesheet are loaded with a dynamic import inside
// the effect, so they reach the phone only when a chart is shown (as web/supply/StockChart.tsx does).
// The canvas is hidden from screen readers: the charts around it say what it shows in words and tables.
// uPlot's legend and cursor are off: the legend is HTML beside the canvas (shapes and dashes a reader
// can see), and a hover cursor would be of no use on a phone nor to a keyboard.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type uPlot from 'uplot';
import { DEFAULT_LANGUAGE } from '../app/languages.ts';
import type { MarkShape } from './price-chart-palette.ts';

const HEIGHT = 240;
const MIN_WIDTH = 240;
/** Mark size in CSS pixels: big enough to tell a triangle from a square at a glance on a phone. */
const MARK_SIZE = 9;
/** Above this span the x axis shows months and years instead of days and months. */
const LONG_SPAN_SECONDS = 300 * 86_400;

export interface CanvasSeries {
  /** Unique among the chart's series (a market id, or the series' role). */
  id: string;
  label: string;
  colour: string;
  /** line: joined through gaps; step: a stepped line that breaks where null; marks: shapes only. */
  kind: 'line' | 'step' | 'marks';
  dash?: readonly number[];
  shape?: MarkShape;
}

function markPath(shape: MarkShape, x: number, y: number, size: number): Path2D {
  const half = size / 2;
  const path = new Path2D();
  if (shape === 'square') path.rect(x - half, y - half, size, size);
  else if (shape === 'diamond') {
    path.moveTo(x, y - half * 1.3);
    path.lineTo(x + half * 1.3, y);
    path.lineTo(x, y + half * 1.3);
    path.lineTo(x - half * 1.3, y);
  } else {
    path.moveTo(x, y - half * 1.2);
    path.lineTo(x + half * 1.2, y + half);
    path.lineTo(x - half * 1.2, y + half);
  }
  path.closePath();
  return path;
}

/** Draws the marks series as filled shapes with a white rim, so overlapping marks stay apart. */
function drawMarks(chart: uPlot, series: readonly CanvasSeries[], ratio: number): void {
  const ctx = chart.ctx;
  const xs = chart.data[0];
  ctx.save();
  ctx.lineWidth = 1.5 * ratio;
  ctx.strokeStyle = '#ffffff';
  series.forEach((spec, s) => {
    if (spec.kind !== 'marks') return;
    const ys = chart.data[s + 1];
    if (!ys) return;
    ctx.fillStyle = spec.colour;
    for (let i = 0; i < xs.length; i++) {
      const value = ys[i];
      const x = xs[i];
      if (value === null || value === undefined || x === undefined) continue;
      const path = markPath(
        spec.shape ?? 'square',
        chart.valToPos(x, 'x', true),
        chart.valToPos(value, 'y', true),
        MARK_SIZE * ratio,
      );
      ctx.fill(path);
      ctx.stroke(path);
    }
  });
  ctx.restore();
}

export function PriceChartCanvas({
  data,
  series,
  loadFailed,
}: {
  /** x (unix seconds) then one column per series, in bolivianos. Keep it stable (useMemo). */
  data: uPlot.AlignedData;
  series: readonly CanvasSeries[];
  loadFailed: string;
}) {
  const { i18n } = useTranslation();
  const language = i18n.language;
  const holder = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const element = holder.current;
    if (!element) return;
    let chart: uPlot | null = null;
    let observer: ResizeObserver | null = null;
    let cancelled = false;
    Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')])
      .then(([{ default: UPlot }]) => {
        if (cancelled) return;
        const stepped = UPlot.paths.stepped?.({ align: 1 });
        const noLine = () => null;
        // Axis labels in the reader's language (uPlot's own are in English).
        const locales = [language, DEFAULT_LANGUAGE];
        const shortDay = new Intl.DateTimeFormat(locales, {
          day: 'numeric',
          month: 'short',
          timeZone: 'UTC',
        });
        const month = new Intl.DateTimeFormat(locales, { month: 'short', year: '2-digit', timeZone: 'UTC' });
        const amount = new Intl.NumberFormat(locales, { maximumFractionDigits: 2 });
        const ratio = UPlot.pxRatio;
        chart = new UPlot(
          {
            width: Math.max(element.clientWidth, MIN_WIDTH),
            height: HEIGHT,
            legend: { show: false },
            cursor: { show: false },
            axes: [
              {
                stroke: '#4a515c',
                values: (u, splits) => {
                  const span = (u.scales.x?.max ?? 0) - (u.scales.x?.min ?? 0);
                  const format = span > LONG_SPAN_SECONDS ? month : shortDay;
                  return splits.map((seconds) => format.format(new Date(seconds * 1000)));
                },
              },
              {
                stroke: '#4a515c',
                size: 56,
                values: (_u, splits) => splits.map((value) => amount.format(value)),
              },
            ],
            series: [
              {},
              ...series.map((spec): uPlot.Series => {
                const dash = spec.dash && spec.dash.length > 0 ? { dash: [...spec.dash] } : {};
                if (spec.kind === 'marks') {
                  // Still a series, so its values widen the y scale; the draw hook paints it.
                  return { label: spec.label, stroke: spec.colour, paths: noLine, points: { show: false } };
                }
                if (spec.kind === 'step') {
                  return {
                    label: spec.label,
                    stroke: spec.colour,
                    width: 2,
                    points: { show: false },
                    ...dash,
                    ...(stepped ? { paths: stepped } : {}),
                  };
                }
                return { label: spec.label, stroke: spec.colour, width: 2, spanGaps: true, ...dash };
              }),
            ],
            hooks: { draw: [(u) => drawMarks(u, series, ratio)] },
          },
          data,
          element,
        );
        observer = new ResizeObserver(() =>
          chart?.setSize({ width: Math.max(element.clientWidth, MIN_WIDTH), height: HEIGHT }),
        );
        observer.observe(element);
      })
      .catch(() => {
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
      observer?.disconnect();
      chart?.destroy();
    };
  }, [data, series, language]);
  if (failed) return <p className="price-chart-failed">{loadFailed}</p>;
  return <div className="price-chart-canvas" ref={holder} aria-hidden="true" />;
}

/** The sample a legend entry draws: the series' own shape, or a stretch of its line with its dash. */
function LegendSample({ spec }: { spec: CanvasSeries }) {
  if (spec.kind === 'marks') {
    const shape = spec.shape ?? 'square';
    const points =
      shape === 'square'
        ? '3,3 13,3 13,13 3,13'
        : shape === 'diamond'
          ? '8,1 15,8 8,15 1,8'
          : '8,2 14,14 2,14';
    return (
      <svg className="price-chart-sample" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
        <polygon points={points} fill={spec.colour} />
      </svg>
    );
  }
  return (
    <svg className="price-chart-sample" width="32" height="16" viewBox="0 0 32 16" aria-hidden="true">
      <line
        x1="0"
        y1="8"
        x2="32"
        y2="8"
        stroke={spec.colour}
        strokeWidth="2.5"
        strokeDasharray={spec.dash && spec.dash.length > 0 ? spec.dash.join(' ') : undefined}
      />
    </svg>
  );
}

/** The chart's key in HTML: each series' label beside its colour and its shape or dash. */
export function ChartLegend({ series }: { series: readonly CanvasSeries[] }) {
  return (
    <ul className="price-chart-legend">
      {series.map((spec) => (
        <li key={spec.id}>
          <LegendSample spec={spec} />
          {spec.label}
        </li>
      ))}
    </ul>
  );
}
