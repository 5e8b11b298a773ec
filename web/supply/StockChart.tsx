// A depot's balance of one item over time, drawn from the stock card's running balance. uPlot is
// loaded with a dynamic import only when this chart is shown, so it stays out of the first download.
// The chart itself is hidden from screen readers: the caption says what it shows in words, and the
// stock table and the stock card are the accessible equivalent.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useFormat } from '../app/format.ts';
import { DEFAULT_LANGUAGE } from '../app/languages.ts';
import { useApi } from '../app/use-api.ts';
import { Loading, SelectField } from '../ui/index.ts';
import { useQuantity } from './quantity.ts';
import { LoadError } from './SupplyParts.tsx';
import type { StockCard } from './supply-types.ts';

const POINTS = 200;

/** Oldest first: the instants (seconds) and balances (base units) of the card, and the balance now. */
export function chartSeries(card: StockCard, nowSeconds: number): [number[], number[]] {
  const events = [...card.events].reverse();
  const xs = events.map((event) => Math.floor(new Date(event.occurredAt).getTime() / 1000));
  const ys = events.map((event) => Number(event.balanceAfterMilli) / 1000);
  if (xs.length > 0 && (xs.at(-1) ?? 0) < nowSeconds) {
    xs.push(nowSeconds);
    ys.push(Number(card.balanceMilli) / 1000);
  }
  return [xs, ys];
}

function ChartCanvas({ series, label }: { series: [number[], number[]]; label: string }) {
  const { i18n } = useTranslation();
  const language = i18n.language;
  const holder = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const element = holder.current;
    if (!element) return;
    let chart: { destroy: () => void; setSize: (size: { width: number; height: number }) => void } | null =
      null;
    let observer: ResizeObserver | null = null;
    let cancelled = false;
    Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')])
      .then(([{ default: UPlot }]) => {
        if (cancelled) return;
        const width = Math.max(element.clientWidth, 240);
        const stepped = UPlot.paths.stepped?.({ align: 1 });
        // Axis labels in the reader's language (uPlot's own are in English).
        const locales = [language, DEFAULT_LANGUAGE];
        const day = new Intl.DateTimeFormat(locales, { day: 'numeric', month: 'short' });
        const amount = new Intl.NumberFormat(locales, { maximumFractionDigits: 3 });
        chart = new UPlot(
          {
            width,
            height: 200,
            legend: { show: false },
            cursor: { show: false },
            scales: { y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1] } },
            axes: [
              {
                stroke: '#4a515c',
                values: (_u, splits) => splits.map((seconds) => day.format(new Date(seconds * 1000))),
              },
              {
                stroke: '#4a515c',
                size: 56,
                values: (_u, splits) => splits.map((value) => amount.format(value)),
              },
            ],
            series: [
              {},
              {
                label,
                stroke: '#7a1f1f',
                width: 2,
                fill: 'rgba(122, 31, 31, 0.12)',
                ...(stepped ? { paths: stepped } : {}),
              },
            ],
          },
          series,
          element,
        );
        observer = new ResizeObserver(() =>
          chart?.setSize({ width: Math.max(element.clientWidth, 240), height: 200 }),
        );
        observer.observe(element);
      })
      .catch(() => setFailed(true));
    return () => {
      cancelled = true;
      observer?.disconnect();
      chart?.destroy();
    };
  }, [series, label, language]);
  if (failed) return null;
  return <div className="stock-chart-canvas" ref={holder} aria-hidden="true" />;
}

export function StockChart({
  depotId,
  items,
}: {
  depotId: string;
  items: { id: string; name: string; baseUnit: string }[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { quantity } = useQuantity();
  const base = useId();
  const [itemId, setItemId] = useState(items[0]?.id ?? '');
  const card = useApi<StockCard>(
    itemId
      ? `/depots/${encodeURIComponent(depotId)}/items/${encodeURIComponent(itemId)}/card?limit=${POINTS}`
      : null,
  );
  const [series, setSeries] = useState<[number[], number[]] | null>(null);
  useEffect(() => {
    setSeries(card.data ? chartSeries(card.data, Math.floor(Date.now() / 1000)) : null);
  }, [card.data]);
  if (items.length === 0) return null;
  const data = card.data;
  // bigint: Math.min and Math.max do not take it.
  const balances = (data?.events.map((event) => BigInt(event.balanceAfterMilli)) ?? []).sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  const oldest = data?.events.at(-1);
  const unit = data?.item.baseUnit ?? '';

  return (
    <figure className="stock-chart" aria-labelledby={`${base}-caption`}>
      {items.length > 1 && (
        <SelectField
          label={t('supply.chart.item')}
          value={itemId}
          onChange={(event) => setItemId(event.target.value)}
        >
          {items.map((item) => (
            <option key={item.id} value={item.id}>
              {item.name}
            </option>
          ))}
        </SelectField>
      )}
      {card.isLoading && <Loading label={t('supply.chart.loading')} />}
      {card.error !== null && <LoadError error={card.error} onRetry={card.reload} />}
      {data && series && series[0].length > 1 && <ChartCanvas series={series} label={data.item.name} />}
      {data && oldest && (
        <figcaption id={`${base}-caption`}>
          {t('supply.chart.caption', {
            item: data.item.name,
            from: format.date(oldest.occurredAt),
            min: quantity(balances[0] ?? 0n, unit),
            max: quantity(balances.at(-1) ?? 0n, unit),
            now: quantity(data.balanceMilli, unit),
          })}{' '}
          <Link href={`/depots/${depotId}/items/${data.item.id}`}>{t('supply.chart.cardLink')}</Link>
        </figcaption>
      )}
    </figure>
  );
}
