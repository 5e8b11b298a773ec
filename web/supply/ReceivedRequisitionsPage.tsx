// The requisitions a federated council received from the councils under it: those waiting for a
// decision first, each with the council's stock and 30-day use as evidence, and — for the body's
// secretary or chair — the form to approve (all or less) or reject. The officers of the body read them.
import './supply.css';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Council } from '../app/api-types.ts';
import { RequireSignIn } from '../app/RequireSignIn.tsx';
import { useApi } from '../app/use-api.ts';
import { Loading, Notice, PageHeader } from '../ui/index.ts';
import { DecisionForm } from './DecisionForm.tsx';
import { useQuantity } from './quantity.ts';
import { RequisitionFacts, RequisitionStatusBadge, useItemsById } from './RequisitionParts.tsx';
import { LoadError } from './SupplyParts.tsx';
import { isForbidden } from './supply-text.ts';
import type { Item, Requisition } from './supply-types.ts';
import { useSupplyOffices } from './viewer-offices.ts';

function ReceivedLine({
  requisition,
  item,
  canDecide,
  onDecided,
}: {
  requisition: Requisition;
  item: Item | undefined;
  canDecide: boolean;
  onDecided: (decided: Requisition) => void;
}) {
  const { t } = useTranslation();
  const { quantity } = useQuantity();
  const unit = item?.baseUnit ?? '';
  return (
    <li className="requisition">
      <h3 className="item-title">
        {t('supply.received.line', {
          council: requisition.councilName,
          quantity: quantity(requisition.requestedMilli, unit),
          item: item?.name ?? '…',
        })}
      </h3>
      <p className="meta-line">
        <RequisitionStatusBadge status={requisition.status} />
      </p>
      <RequisitionFacts requisition={requisition} unit={unit} isEvidenceShown />
      {requisition.planId && (
        <p>
          <Link href={`/shipment-plans/${requisition.planId}`}>
            {t('supply.received.seePlan')}
            <span className="visually-hidden"> {requisition.councilName}</span>
          </Link>
        </p>
      )}
      {canDecide && requisition.status === 'submitted' && (
        <details className="disclosure">
          <summary>
            {t('supply.decision.heading')}
            <span className="visually-hidden">
              {' '}
              {t('supply.decision.headingWhich', { council: requisition.councilName })}
            </span>
          </summary>
          <DecisionForm requisition={requisition} item={item} onDecided={onDecided} />
        </details>
      )}
    </li>
  );
}

function Received({ councilId }: { councilId: string }) {
  const { t } = useTranslation();
  const { quantity } = useQuantity();
  const base = useId();
  const pendingHeading = useRef<HTMLHeadingElement>(null);
  const [news, setNews] = useState('');
  const path = `/councils/${encodeURIComponent(councilId)}`;
  const council = useApi<Council>(path);
  const { leads } = useSupplyOffices(council.data);
  const list = useApi<{ requisitions: Requisition[] }>(`${path}/requisitions?direction=received`);
  const { byId } = useItemsById();
  const all = list.data?.requisitions ?? [];
  const pending = all.filter((requisition) => requisition.status === 'submitted');
  const decided = all.filter((requisition) => requisition.status !== 'submitted');
  const hasApproved = all.some((requisition) => requisition.status === 'approved');

  function onDecided(requisition: Requisition) {
    const item = byId.get(requisition.itemId);
    setNews(
      requisition.status === 'approved'
        ? t('supply.received.approvedNews', {
            council: requisition.councilName,
            quantity: quantity(requisition.approvedMilli ?? '0', item?.baseUnit ?? ''),
          })
        : t('supply.received.rejectedNews', { council: requisition.councilName }),
    );
    list.reload();
    // The decided line leaves the list of those waiting: keep the keyboard in this section.
    pendingHeading.current?.focus();
  }

  const renderList = (requisitions: Requisition[]) => (
    <ul className="plain-list">
      {requisitions.map((requisition) => (
        <ReceivedLine
          key={requisition.id}
          requisition={requisition}
          item={byId.get(requisition.itemId)}
          canDecide={leads}
          onDecided={onDecided}
        />
      ))}
    </ul>
  );

  return (
    <div className="supply">
      <PageHeader
        title={t('supply.received.title')}
        lead={t('supply.received.lead')}
        crumbs={[
          { href: '/', label: t('header.federation') },
          { href: `/councils/${councilId}`, label: council.data?.name ?? t('supply.council') },
        ]}
      />
      {isForbidden(list.error) ? (
        <Notice tone="info">
          <p>{t('supply.received.forbidden')}</p>
        </Notice>
      ) : (
        <>
          {news && (
            <Notice tone="success" live="status">
              <p>{news}</p>
              {hasApproved && (
                <p>
                  <Link href={`/councils/${councilId}/shipment-plans`}>{t('supply.received.toPlans')}</Link>
                </p>
              )}
            </Notice>
          )}
          {list.isLoading && !list.data && <Loading label={t('supply.requisitions.loading')} />}
          {list.error !== null && <LoadError error={list.error} onRetry={list.reload} />}
          {list.data && (
            <>
              <section aria-labelledby={`${base}-pending`}>
                <h2 id={`${base}-pending`} ref={pendingHeading} tabIndex={-1}>
                  {t('supply.received.pending')}
                </h2>
                {pending.length === 0 ? <p>{t('supply.received.nonePending')}</p> : renderList(pending)}
              </section>
              <section aria-labelledby={`${base}-decided`}>
                <h2 id={`${base}-decided`}>{t('supply.received.decided')}</h2>
                {decided.length === 0 ? <p>{t('supply.received.noneDecided')}</p> : renderList(decided)}
              </section>
              <p>
                <Link href={`/councils/${councilId}/shipment-plans`} className="button button--secondary">
                  {t('supply.plans.title')}
                </Link>
              </p>
            </>
          )}
        </>
      )}
    </div>
  );
}

export default function ReceivedRequisitionsPage({ councilId }: { councilId: string }) {
  return (
    <RequireSignIn>
      <Received councilId={councilId} />
    </RequireSignIn>
  );
}
