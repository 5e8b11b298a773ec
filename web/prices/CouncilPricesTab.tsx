// The "Prices" tab of a council page: the caps in force (anyone may read and print them); for its
// secretary or chair, the council's own caps and their votes; for its members, the report form; for its
// officers, the open violations; and for everyone, the latest abnormal rises in the market series.
import './prices.css';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { API_BASE } from '../app/api-client.ts';
import type { Council } from '../app/api-types.ts';
import { LoadError } from '../app/LoadError.tsx';
import { useApi } from '../app/use-api.ts';
import { type Item, useCouncilOffices } from '../supply/index.ts';
import { Loading } from '../ui/index.ts';
import { AnomaliesCard } from './AnomaliesCard.tsx';
import { CapsInForce, OwnCaps } from './CapsSection.tsx';
import { localToday, pricesErrorText } from './prices-text.ts';
import type { CapList } from './prices-types.ts';
import { ReportPriceForm } from './ReportPriceForm.tsx';
import { ViolationsSummary } from './ViolationsSummary.tsx';

export default function CouncilPricesTab({ council }: { council: Council }) {
  const { t } = useTranslation();
  const base = useId();
  const { leads, isOfficer } = useCouncilOffices(council);
  const path = `/councils/${encodeURIComponent(council.id)}`;
  const caps = useApi<CapList>(`${path}/price-caps`);
  const items = useApi<{ items: Item[] }>('/items');
  const today = localToday();
  const isBase = council.kind !== 'federation';
  const mayReport = isBase && council.viewer.isMember && council.dissolvedAt === null;
  return (
    <div className="prices-tab">
      <section className="panel" aria-labelledby={`${base}-caps`}>
        <h2 className="panel-title" id={`${base}-caps`}>
          {t('prices.caps.heading')}
        </h2>
        {caps.isLoading && !caps.data && <Loading label={t('common.loading')} />}
        {caps.error !== null && (
          <LoadError error={caps.error} onRetry={caps.reload} explain={pricesErrorText} />
        )}
        {caps.data && <CapsInForce councilId={council.id} list={caps.data} />}
        <p className="meta-line">
          <Link href={`${path}/price-caps/print`}>{t('prices.caps.printable')}</Link>
          <a href={`${API_BASE}${path}/price-caps.csv`} download>
            {t('prices.caps.csv')}
          </a>
        </p>
        {leads && items.data && (
          <OwnCaps councilId={council.id} items={items.data.items} today={today} onChanged={caps.reload} />
        )}
      </section>
      {mayReport && (
        <section className="panel" aria-labelledby={`${base}-report`}>
          <h2 className="panel-title" id={`${base}-report`}>
            {t('prices.reportForm.heading')}
          </h2>
          <p className="muted">{t('prices.reportForm.explain')}</p>
          {items.data && (
            <ReportPriceForm
              councilId={council.id}
              items={items.data.items}
              today={today}
              onReported={() => {}}
            />
          )}
        </section>
      )}
      {isOfficer && <ViolationsSummary councilId={council.id} />}
      <AnomaliesCard councilId={council.id} />
    </div>
  );
}
