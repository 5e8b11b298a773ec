// A council's requisitions to its parent body (newest first) and, for its officers, the form to ask for
// more. Only the council's officers may read them; anyone else is told so instead of shown a failure.
import './supply.css';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Council } from '../app/api-types.ts';
import { RequireSignIn } from '../app/RequireSignIn.tsx';
import { useApi } from '../app/use-api.ts';
import { Loading, Notice, PageHeader } from '../ui/index.ts';
import { useQuantity } from './quantity.ts';
import { RequisitionForm } from './RequisitionForm.tsx';
import { RequisitionFacts, RequisitionStatusBadge, useItemsById } from './RequisitionParts.tsx';
import { LoadError } from './SupplyParts.tsx';
import { isForbidden } from './supply-text.ts';
import type { Depot, Requisition } from './supply-types.ts';
import { useSupplyOffices } from './viewer-offices.ts';

function Requisitions({ councilId }: { councilId: string }) {
  const { t } = useTranslation();
  const { quantity } = useQuantity();
  const base = useId();
  const listHeading = useRef<HTMLHeadingElement>(null);
  const [news, setNews] = useState('');
  const path = `/councils/${encodeURIComponent(councilId)}`;
  const council = useApi<Council>(path);
  const { isOfficer } = useSupplyOffices(council.data);
  const list = useApi<{ requisitions: Requisition[] }>(`${path}/requisitions?direction=sent`);
  const depots = useApi<{ depots: Depot[] }>(`${path}/depots`);
  const { items, byId } = useItemsById();
  const depotName = new Map((depots.data?.depots ?? []).map((depot) => [depot.id, depot.name]));
  const parent = council.data?.parent ?? null;

  function submitted(requisition: Requisition) {
    const item = byId.get(requisition.itemId);
    setNews(
      t('supply.requisitions.sent', {
        quantity: quantity(requisition.requestedMilli, item?.baseUnit ?? ''),
        item: item?.name ?? '',
      }),
    );
    list.reload();
    listHeading.current?.focus();
  }

  return (
    <div className="supply">
      <PageHeader
        title={t('supply.requisitions.title')}
        lead={parent ? t('supply.requisitions.lead', { parent: parent.name }) : undefined}
        crumbs={[
          { href: '/', label: t('header.federation') },
          { href: `/councils/${councilId}`, label: council.data?.name ?? t('supply.council') },
        ]}
      />
      {isForbidden(list.error) ? (
        <Notice tone="info">
          <p>{t('supply.requisitions.forbidden')}</p>
        </Notice>
      ) : (
        <>
          {council.data && !parent && (
            <Notice tone="info">
              <p>{t('supply.errors.no-parent-body')}</p>
            </Notice>
          )}
          {news && (
            <Notice tone="success" live="status">
              <p>{news}</p>
            </Notice>
          )}
          {isOfficer && parent && (
            <details className="disclosure">
              <summary>{t('supply.requisitionForm.heading', { parent: parent.name })}</summary>
              {depots.data && items.data ? (
                depots.data.depots.length === 0 ? (
                  <p>{t('supply.requisitionForm.noDepot')}</p>
                ) : (
                  <RequisitionForm
                    councilId={councilId}
                    items={items.data.items}
                    depots={depots.data.depots}
                    onSubmitted={submitted}
                  />
                )
              ) : (
                <Loading label={t('common.loading')} />
              )}
            </details>
          )}
          <section aria-labelledby={`${base}-list`}>
            <h2 id={`${base}-list`} ref={listHeading} tabIndex={-1}>
              {t('supply.requisitions.listHeading')}
            </h2>
            {list.isLoading && !list.data && <Loading label={t('supply.requisitions.loading')} />}
            {list.error !== null && <LoadError error={list.error} onRetry={list.reload} />}
            {list.data &&
              (list.data.requisitions.length === 0 ? (
                <p>{t('supply.requisitions.none')}</p>
              ) : (
                <ul className="plain-list">
                  {list.data.requisitions.map((requisition) => {
                    const item = byId.get(requisition.itemId);
                    const unit = item?.baseUnit ?? '';
                    return (
                      <li key={requisition.id}>
                        <h3 className="item-title">
                          {t('supply.requisition.line', {
                            quantity: quantity(requisition.requestedMilli, unit),
                            item: item?.name ?? '…',
                          })}
                        </h3>
                        <p className="meta-line">
                          <RequisitionStatusBadge status={requisition.status} />
                          <span>
                            {t('supply.requisition.toDepot', {
                              depot: depotName.get(requisition.toDepotId) ?? '…',
                            })}
                          </span>
                        </p>
                        <RequisitionFacts requisition={requisition} unit={unit} isEvidenceShown />
                        {requisition.status === 'planned' && (
                          <p>
                            <Link href={`/councils/${councilId}/transfers`}>
                              {t('supply.requisitions.seeTransfers')}
                            </Link>
                          </p>
                        )}
                      </li>
                    );
                  })}
                </ul>
              ))}
          </section>
        </>
      )}
    </div>
  );
}

export default function RequisitionsPage({ councilId }: { councilId: string }) {
  return (
    <RequireSignIn>
      <Requisitions councilId={councilId} />
    </RequireSignIn>
  );
}
