// A council's transfers, in and out: those in transit first (the server's order), or only one status.
import './supply.css';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Council } from '../app/api-types.ts';
import { useFormat } from '../app/format.ts';
import { RequireSignIn } from '../app/RequireSignIn.tsx';
import { useApi } from '../app/use-api.ts';
import { Loading, PageHeader, SelectField } from '../ui/index.ts';
import { useQuantity } from './quantity.ts';
import { TransferStatusBadge } from './SupplyBadges.tsx';
import { LoadError } from './SupplyParts.tsx';
import type { Transfer } from './supply-types.ts';

type StatusFilter = '' | 'in-transit' | 'received';

function Transfers({ councilId }: { councilId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { quantity } = useQuantity();
  const base = useId();
  const [status, setStatus] = useState<StatusFilter>('');
  const path = `/councils/${encodeURIComponent(councilId)}`;
  const council = useApi<Council>(path);
  const transfers = useApi<{ transfers: Transfer[] }>(
    `${path}/transfers?limit=100${status ? `&status=${status}` : ''}`,
  );
  return (
    <div className="supply">
      <PageHeader
        title={t('supply.transfers.title')}
        crumbs={[
          { href: '/', label: t('header.federation') },
          { href: `/councils/${councilId}`, label: council.data?.name ?? t('supply.council') },
        ]}
      />
      <div className="filter-bar">
        <SelectField
          label={t('supply.transfers.status')}
          value={status}
          onChange={(event) => setStatus(event.target.value as StatusFilter)}
        >
          <option value="">{t('supply.transfers.all')}</option>
          <option value="in-transit">{t('supply.transferStatus.in-transit')}</option>
          <option value="received">{t('supply.transferStatus.received')}</option>
        </SelectField>
      </div>
      <section aria-labelledby={`${base}-list`}>
        <h2 className="visually-hidden" id={`${base}-list`}>
          {t('supply.transfers.title')}
        </h2>
        {transfers.isLoading && <Loading label={t('supply.tab.loadingTransfers')} />}
        {transfers.error !== null && <LoadError error={transfers.error} onRetry={transfers.reload} />}
        {transfers.data &&
          (transfers.data.transfers.length === 0 ? (
            <p>{t('supply.transfers.none')}</p>
          ) : (
            <ul className="plain-list">
              {transfers.data.transfers.map((transfer) => (
                <li key={transfer.id}>
                  <h3 className="item-title">
                    <Link href={`/transfers/${transfer.id}`}>
                      {t('supply.transfer.line', {
                        quantity: quantity(transfer.quantityMilli, transfer.item.baseUnit),
                        item: transfer.item.name,
                      })}
                    </Link>
                  </h3>
                  <p className="meta-line">
                    <TransferStatusBadge status={transfer.status} />
                    <span>
                      {t('supply.transfer.route', {
                        from: transfer.from.depotName,
                        to: transfer.to.depotName,
                      })}
                    </span>
                    <span>{format.date(transfer.sentAt)}</span>
                  </p>
                </li>
              ))}
            </ul>
          ))}
      </section>
    </div>
  );
}

export default function TransfersPage({ councilId }: { councilId: string }) {
  return (
    <RequireSignIn>
      <Transfers councilId={councilId} />
    </RequireSignIn>
  );
}
