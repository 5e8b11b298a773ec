// The council's watch on market prices: the latest abnormal rises in the imported series (the median
// rule, or the seasonal indicator at alert or crisis), newest first, each linking to its chart.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useFormat } from '../app/format.ts';
import { LoadError } from '../app/LoadError.tsx';
import { useApi } from '../app/use-api.ts';
import { TableScroll } from '../supply/index.ts';
import { Badge, Loading } from '../ui/index.ts';
import { centsText, pricesErrorText } from './prices-text.ts';
import type { Commodity, Market, Observation } from './prices-types.ts';

const SHOWN = 12;

export function AnomaliesCard({ councilId }: { councilId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const base = useId();
  const anomalies = useApi<{ observations: Observation[] }>('/price-anomalies?months=6');
  const markets = useApi<{ markets: Market[] }>('/markets');
  const commodities = useApi<{ commodities: Commodity[] }>('/commodities');
  const marketName = (id: string) => markets.data?.markets.find((m) => m.id === id)?.name ?? '…';
  const commodityName = (id: string) => commodities.data?.commodities.find((c) => c.id === id)?.name ?? '…';
  const rows = [...(anomalies.data?.observations ?? [])]
    .sort((a, b) => b.date.localeCompare(a.date))
    .slice(0, SHOWN);
  return (
    <section className="panel" aria-labelledby={`${base}-title`}>
      <h2 className="panel-title" id={`${base}-title`}>
        {t('prices.anomalies.heading')}
      </h2>
      <p className="muted">{t('prices.anomalies.explain')}</p>
      {anomalies.isLoading && !anomalies.data && <Loading label={t('common.loading')} />}
      {anomalies.error !== null && (
        <LoadError error={anomalies.error} onRetry={anomalies.reload} explain={pricesErrorText} />
      )}
      {anomalies.data &&
        (rows.length === 0 ? (
          <p>{t('prices.anomalies.none')}</p>
        ) : (
          <TableScroll labelledBy={`${base}-caption`}>
            <table className="data-table">
              <caption id={`${base}-caption`}>
                {t('prices.anomalies.caption', { count: rows.length })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('prices.anomalies.date')}</th>
                  <th scope="col">{t('prices.anomalies.commodity')}</th>
                  <th scope="col">{t('prices.anomalies.market')}</th>
                  <th scope="col">{t('prices.anomalies.price')}</th>
                  <th scope="col">{t('prices.anomalies.signal')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((o) => (
                  <tr key={o.id}>
                    <td>{format.day(o.date)}</td>
                    <th scope="row">
                      <Link
                        href={`/prices?commodity=${o.commodityId}&market=${o.marketId}&council=${councilId}`}
                      >
                        {commodityName(o.commodityId)}
                      </Link>
                    </th>
                    <td>{marketName(o.marketId)}</td>
                    <td>
                      {t('prices.caps.perUnit', {
                        cap: format.decimal(centsText(o.basePriceCents)),
                        currency: o.currency,
                        unit: o.baseUnit,
                      })}
                    </td>
                    <td>
                      {o.isRise && o.medianRatio !== null && (
                        <Badge>
                          {t('prices.anomalies.rise', {
                            ratio: format.number(Math.round(o.medianRatio * 100) / 100),
                          })}
                        </Badge>
                      )}{' '}
                      {(o.phase === 'alert' || o.phase === 'crisis') && (
                        <Badge>{t(`prices.phase.${o.phase}`)}</Badge>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ))}
      <p>
        <Link href={`/prices?council=${councilId}`}>{t('prices.anomalies.allSeries')}</Link>
      </p>
    </section>
  );
}
