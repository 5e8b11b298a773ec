// A federated council's shipment plans: the items with approved requisitions waiting for a plan (and,
// for its secretary or chair, the button that drafts one), then the plans drafted so far, newest first.
// A new plan for an item replaces its older draft (the server discards it).
import './supply.css';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { api } from '../app/api-client.ts';
import type { Council } from '../app/api-types.ts';
import { useFormat } from '../app/format.ts';
import { RequireSignIn } from '../app/RequireSignIn.tsx';
import { useApi } from '../app/use-api.ts';
import { Button, Loading, Notice, PageHeader } from '../ui/index.ts';
import { useQuantity } from './quantity.ts';
import { PlanStatusBadge, planErrorText, useItemsById } from './RequisitionParts.tsx';
import { LoadError } from './SupplyParts.tsx';
import { isForbidden } from './supply-text.ts';
import type { Requisition, ShipmentPlan } from './supply-types.ts';
import { useSupplyOffices } from './viewer-offices.ts';

interface Waiting {
  itemId: string;
  requisitions: number;
  approvedMilli: bigint;
}

/** Approved requisitions by item, in the order the items first appear (newest first). */
function waitingByItem(requisitions: Requisition[]): Waiting[] {
  const byItem = new Map<string, Waiting>();
  for (const requisition of requisitions) {
    const entry = byItem.get(requisition.itemId) ?? {
      itemId: requisition.itemId,
      requisitions: 0,
      approvedMilli: 0n,
    };
    entry.requisitions += 1;
    entry.approvedMilli += BigInt(requisition.approvedMilli ?? '0');
    byItem.set(requisition.itemId, entry);
  }
  return [...byItem.values()];
}

function Plans({ councilId }: { councilId: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { quantity } = useQuantity();
  const base = useId();
  const [, navigate] = useLocation();
  const [busyItem, setBusyItem] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ itemId: string; text: string } | null>(null);
  const path = `/councils/${encodeURIComponent(councilId)}`;
  const council = useApi<Council>(path);
  const { leads } = useSupplyOffices(council.data);
  const approved = useApi<{ requisitions: Requisition[] }>(
    `${path}/requisitions?direction=received&status=approved`,
  );
  const plans = useApi<{ plans: ShipmentPlan[] }>(`${path}/shipment-plans`);
  const { byId } = useItemsById();
  const waiting = waitingByItem(approved.data?.requisitions ?? []);

  async function plan(itemId: string) {
    setBusyItem(itemId);
    setFailure(null);
    try {
      const drafted = await api.post<ShipmentPlan>(`${path}/shipment-plans`, { itemId });
      navigate(`/shipment-plans/${drafted.id}`);
    } catch (error) {
      setFailure({ itemId, text: planErrorText(error, i18n) });
      setBusyItem(null);
    }
  }

  return (
    <div className="supply">
      <PageHeader
        title={t('supply.plans.title')}
        lead={t('supply.plans.lead')}
        crumbs={[
          { href: '/', label: t('header.federation') },
          { href: `/councils/${councilId}`, label: council.data?.name ?? t('supply.council') },
          { href: `/councils/${councilId}/requisitions/received`, label: t('supply.received.title') },
        ]}
      />
      {isForbidden(approved.error) ? (
        <Notice tone="info">
          <p>{t('supply.received.forbidden')}</p>
        </Notice>
      ) : (
        <>
          <section className="panel" aria-labelledby={`${base}-waiting`}>
            <h2 className="panel-title" id={`${base}-waiting`}>
              {t('supply.plans.waiting')}
            </h2>
            {approved.isLoading && !approved.data && <Loading label={t('supply.requisitions.loading')} />}
            {approved.error !== null && <LoadError error={approved.error} onRetry={approved.reload} />}
            {approved.data &&
              (waiting.length === 0 ? (
                <p>{t('supply.plans.noneWaiting')}</p>
              ) : (
                <ul className="plain-list">
                  {waiting.map((entry) => {
                    const item = byId.get(entry.itemId);
                    const name = item?.name ?? '…';
                    return (
                      <li key={entry.itemId}>
                        <h3 className="item-title">{name}</h3>
                        <p>
                          {t('supply.plans.waitingLine', {
                            count: entry.requisitions,
                            formatted: format.number(entry.requisitions),
                            quantity: quantity(entry.approvedMilli, item?.baseUnit ?? ''),
                          })}
                        </p>
                        {failure?.itemId === entry.itemId && (
                          <Notice tone="error" live="alert">
                            <p>{failure.text}</p>
                          </Notice>
                        )}
                        {leads && (
                          <div className="actions">
                            <Button
                              onClick={() => void plan(entry.itemId)}
                              isBusy={busyItem === entry.itemId}
                              disabled={busyItem !== null}
                            >
                              {t('supply.plans.plan')}
                              <span className="visually-hidden"> {name}</span>
                            </Button>
                          </div>
                        )}
                      </li>
                    );
                  })}
                </ul>
              ))}
          </section>
          <section aria-labelledby={`${base}-plans`}>
            <h2 id={`${base}-plans`}>{t('supply.plans.drafted')}</h2>
            {plans.isLoading && !plans.data && <Loading label={t('supply.plans.loading')} />}
            {plans.error !== null && <LoadError error={plans.error} onRetry={plans.reload} />}
            {plans.data &&
              (plans.data.plans.length === 0 ? (
                <p>{t('supply.plans.none')}</p>
              ) : (
                <ul className="plain-list">
                  {plans.data.plans.map((drafted) => {
                    const item = byId.get(drafted.itemId);
                    return (
                      <li key={drafted.id}>
                        <h3 className="item-title">
                          <Link href={`/shipment-plans/${drafted.id}`}>
                            {t('supply.plan.title', { item: item?.name ?? '…' })}
                          </Link>
                        </h3>
                        <p className="meta-line">
                          <PlanStatusBadge status={drafted.status} />
                          <span>{format.dateTime(drafted.createdAt)}</span>
                          <span>
                            {t('supply.plans.shipped', {
                              quantity: quantity(drafted.totalShippedMilli, item?.baseUnit ?? ''),
                            })}
                          </span>
                        </p>
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

export default function ShipmentPlansPage({ councilId }: { councilId: string }) {
  return (
    <RequireSignIn>
      <Plans councilId={councilId} />
    </RequireSignIn>
  );
}
