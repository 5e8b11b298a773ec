// Market prices: one commodity's series in one market, with a council's cap drawn over it and its
// members' reports marked, and the same commodity compared across markets (where prices jumped). The
// chart code is two lazy steps away (the chart components, then uPlot), so the page's own chunk is small.
// `?commodity=`, `?item=` (the commodity tied to a catalogue item), `?market=` and `?council=` pick what
// is shown, so a link from a council's tab or an anomaly lands on the right chart.
import './prices.css';
import { lazy, Suspense, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import { API_BASE } from '../app/api-client.ts';
import { useFormat } from '../app/format.ts';
import { LoadError } from '../app/LoadError.tsx';
import { useSession } from '../app/session.tsx';
import { useApi } from '../app/use-api.ts';
import { Loading, PageHeader, SelectField } from '../ui/index.ts';
import type { ChartCap, ChartReport } from './price-chart-types.ts';
import { centsText, pricesErrorText } from './prices-text.ts';
import type { CapList, Commodity, Market, Observation, PriceReport } from './prices-types.ts';

const PriceSeriesChart = lazy(() => import('./PriceSeriesChart.tsx'));
const MarketComparisonChart = lazy(() => import('./MarketComparisonChart.tsx'));

/** The market with the most observations of the commodity: the default chart. */
function busiestMarket(observations: readonly Observation[]): string | null {
  const counts = new Map<string, number>();
  for (const o of observations) counts.set(o.marketId, (counts.get(o.marketId) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}

/**
 * The council's cap in force today for the item, drawn over the whole series as a reference line: the
 * market series end years before a cap adopted now, and the question the chart answers is how the
 * market's prices stood against today's cap. The label says so.
 */
export function referenceCap(
  caps: CapList | null,
  itemId: string | null,
  firstDay: string | undefined,
): ChartCap[] {
  const cap = caps?.caps.find((c) => c.itemId === itemId && c.currency === 'BOB');
  if (!cap || !firstDay) return [];
  return [
    { validFrom: firstDay, validTo: null, capCents: Number(cap.capCents), councilName: cap.councilName },
  ];
}

function Series({
  commodity,
  marketId,
  councilId,
}: {
  commodity: Commodity;
  marketId: string | null;
  councilId: string | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const base = useId();
  const [, navigate] = useLocation();
  const series = useApi<{ observations: Observation[] }>(`/price-series?commodityId=${commodity.id}`);
  const markets = useApi<{ markets: Market[] }>('/markets');
  const itemId = commodity.itemId;
  const caps = useApi<CapList>(
    councilId && itemId ? `/councils/${encodeURIComponent(councilId)}/price-caps` : null,
  );
  // Reports name sellers: only the council's officers read them (a member gets 403 and sees no marks).
  const reports = useApi<PriceReport[]>(
    councilId && itemId
      ? `/councils/${encodeURIComponent(councilId)}/price-reports?item=${itemId}&limit=500`
      : null,
  );
  const observations = useMemo(() => series.data?.observations ?? [], [series.data]);
  const shownMarket = marketId ?? busiestMarket(observations);
  const inMarket = useMemo(
    () => observations.filter((o) => o.marketId === shownMarket && o.currency === 'BOB'),
    [observations, shownMarket],
  );
  const cap = useMemo(
    () => referenceCap(caps.data, itemId, inMarket[0]?.date),
    [caps.data, itemId, inMarket],
  );
  const chartReports = useMemo(
    (): ChartReport[] =>
      (reports.data ?? [])
        .filter((r) => r.currency === 'BOB')
        .map((r) => ({
          observedOn: r.observedOn,
          basePriceCents: Number(r.basePriceCents),
          isViolation: r.violationId !== null,
        })),
    [reports.data],
  );
  const marketList = useMemo(
    () => (markets.data?.markets ?? []).filter((m) => observations.some((o) => o.marketId === m.id)),
    [markets.data, observations],
  );
  const inBolivianos = useMemo(() => observations.filter((o) => o.currency === 'BOB'), [observations]);
  const chartMarkets = useMemo(() => marketList.map((m) => ({ id: m.id, name: m.name })), [marketList]);
  const marketName = marketList.find((m) => m.id === shownMarket)?.name ?? '';
  const unit = inMarket[0]?.baseUnit ?? '';
  const capText = cap[0]
    ? t('prices.chart.capReference', {
        cap: format.decimal(centsText(cap[0].capCents)),
        unit,
        council: cap[0].councilName,
      })
    : t('prices.chart.cap');

  if (series.isLoading && !series.data) return <Loading label={t('prices.chart.loading')} />;
  if (series.error !== null)
    return <LoadError error={series.error} onRetry={series.reload} explain={pricesErrorText} />;
  return (
    <>
      <SelectField
        label={t('prices.chart.market')}
        value={shownMarket ?? ''}
        onChange={(event) => {
          const params = new URLSearchParams(window.location.search);
          params.set('market', event.target.value);
          navigate(`/prices?${params.toString()}`);
        }}
      >
        {marketList.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name} ({m.admin1})
          </option>
        ))}
      </SelectField>
      <section className="panel" aria-labelledby={`${base}-series`}>
        <h2 className="panel-title" id={`${base}-series`}>
          {t('prices.chart.seriesHeading', { commodity: commodity.name, market: marketName })}
        </h2>
        {councilId && !itemId && <p className="muted">{t('prices.chart.notLinked')}</p>}
        <Suspense fallback={<Loading label={t('prices.chart.loading')} />}>
          <PriceSeriesChart
            observations={inMarket}
            caps={cap}
            reports={chartReports}
            title={t('prices.chart.seriesTitle', { commodity: commodity.name, market: marketName, unit })}
            labels={{
              price: t('prices.chart.price', { unit }),
              cap: capText,
              rise: t('prices.chart.rise'),
              outlier: t('prices.chart.outlier'),
              report: t('prices.chart.report'),
              loadFailed: t('prices.chart.loadFailed'),
              caption: (words) =>
                t('prices.chart.caption', {
                  count: words.observationCount,
                  from: words.firstDay ? format.day(words.firstDay) : '',
                  to: words.lastDay ? format.day(words.lastDay) : '',
                  rises: words.anomalyCount,
                  outliers: words.outlierCount,
                  aboveCap: words.aboveCapCount,
                  reports: words.reportCount,
                }),
              date: t('prices.chart.date'),
              showTable: t('prices.chart.showTable'),
            }}
          />
        </Suspense>
        <p>
          <a
            href={`${API_BASE}/price-series.csv?commodityId=${commodity.id}${shownMarket ? `&marketId=${shownMarket}` : ''}`}
            download
          >
            {t('prices.chart.csv')}
          </a>
        </p>
      </section>
      {marketList.length > 1 && (
        <section className="panel" aria-labelledby={`${base}-compare`}>
          <h2 className="panel-title" id={`${base}-compare`}>
            {t('prices.chart.compareHeading', { commodity: commodity.name })}
          </h2>
          <Suspense fallback={<Loading label={t('prices.chart.loading')} />}>
            <MarketComparisonChart
              observations={inBolivianos}
              markets={chartMarkets}
              title={t('prices.chart.compareTitle', { commodity: commodity.name, unit })}
              labels={{
                market: t('prices.chart.market'),
                latestPrice: t('prices.chart.latest'),
                change12m: t('prices.chart.change12m'),
                maxJump: t('prices.chart.maxJump'),
                jumpDate: t('prices.chart.jumpDate'),
                tableCaption: t('prices.chart.jumpsCaption'),
                none: t('prices.chart.none'),
                loadFailed: t('prices.chart.loadFailed'),
              }}
            />
          </Suspense>
        </section>
      )}
    </>
  );
}

export default function MarketPricesPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [, navigate] = useLocation();
  const params = new URLSearchParams(useSearch());
  const commodities = useApi<{ commodities: Commodity[] }>('/commodities');
  const list = (commodities.data?.commodities ?? []).filter((c) => c.observations > 0);
  const itemId = params.get('item');
  const chosen =
    list.find((c) => c.id === params.get('commodity')) ??
    (itemId ? list.find((c) => c.itemId === itemId) : undefined) ??
    null;
  const councilId = params.get('council');
  const select = (commodityId: string) => {
    const next = new URLSearchParams();
    next.set('commodity', commodityId);
    if (councilId) next.set('council', councilId);
    navigate(`/prices?${next.toString()}`);
  };
  return (
    <>
      <PageHeader
        title={t('prices.chart.title')}
        lead={t('prices.chart.lead')}
        crumbs={[
          { href: '/', label: t('header.federation') },
          ...(councilId ? [{ href: `/councils/${councilId}`, label: t('prices.council') }] : []),
        ]}
      />
      {session.person?.isAdmin && (
        <p>
          <Link href="/prices/import">{t('prices.import.link')}</Link>
        </p>
      )}
      {commodities.isLoading && !commodities.data && <Loading label={t('common.loading')} />}
      {commodities.error !== null && (
        <LoadError error={commodities.error} onRetry={commodities.reload} explain={pricesErrorText} />
      )}
      {commodities.data &&
        (list.length === 0 ? (
          <p>{t('prices.chart.noSeries')}</p>
        ) : (
          <SelectField
            label={t('prices.chart.commodity')}
            value={chosen?.id ?? ''}
            onChange={(event) => select(event.target.value)}
          >
            <option value="">{t('prices.chart.chooseCommodity')}</option>
            {list.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
        ))}
      {itemId && commodities.data && !chosen && <p>{t('prices.chart.itemNotLinked')}</p>}
      {chosen && (
        <Series key={chosen.id} commodity={chosen} marketId={params.get('market')} councilId={councilId} />
      )}
    </>
  );
}
