// One shipment plan: the fair fill ratio f* (the largest share of its approved quantity every
// requisition gets), each requisition's fill, the shipments as a table and as a simple diagram, and —
// while it is a draft, for the body's secretary or chair — executing it after a confirmation. Executing
// sends every line as a transfer, in transit until each receiving council confirms it.
import './supply.css';
import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api } from '../app/api-client.ts';
import type { Council } from '../app/api-types.ts';
import { useFormat } from '../app/format.ts';
import { DEFAULT_LANGUAGE } from '../app/languages.ts';
import { RequireSignIn } from '../app/RequireSignIn.tsx';
import { useApi } from '../app/use-api.ts';
import { Button, Loading, Notice, PageHeader, Stats } from '../ui/index.ts';
import { useQuantity } from './quantity.ts';
import { PlanStatusBadge, planErrorText, useItemsById } from './RequisitionParts.tsx';
import { ShipmentDiagram } from './ShipmentDiagram.tsx';
import { LoadError, TableScroll } from './SupplyParts.tsx';
import type { PlanFill, ShipmentPlan } from './supply-types.ts';
import { useSupplyOffices } from './viewer-offices.ts';

/** A share (0–1) as a percentage with at most one decimal, in the reader's language. */
function usePercent() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const format = new Intl.NumberFormat([language, DEFAULT_LANGUAGE], {
      style: 'percent',
      maximumFractionDigits: 1,
    });
    return (share: number) => format.format(share);
  }, [language]);
}

const planMilli = (fill: PlanFill, units: number) => BigInt(units) * BigInt(fill.unitMilli);

function LinesTable({ plan, unit }: { plan: ShipmentPlan; unit: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { quantity } = useQuantity();
  const captionId = useId();
  const isExecuted = plan.status === 'executed';
  return (
    <TableScroll labelledBy={captionId}>
      <table className="data-table plan-lines">
        <caption id={captionId}>{t('supply.plan.linesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('supply.plan.from')}</th>
            <th scope="col">{t('supply.plan.to')}</th>
            <th scope="col" className="numeric">
              {t('supply.plan.quantity')}
            </th>
            <th scope="col" className="numeric">
              {t('supply.plan.km')}
            </th>
          </tr>
        </thead>
        <tbody>
          {plan.lines.map((line) => (
            <tr key={`${line.fromDepotId}/${line.requisitionId}`}>
              <td>{line.fromDepotName}</td>
              <th scope="row">
                {line.toCouncilName}
                <span className="choice-detail">{line.toDepotName}</span>
                {isExecuted && line.transferId && (
                  <Link href={`/transfers/${line.transferId}`} className="plan-transfer-link">
                    {t('supply.plan.seeTransfer')}
                    <span className="visually-hidden"> {line.toCouncilName}</span>
                  </Link>
                )}
              </th>
              <td className="numeric">{quantity(line.quantityMilli, unit)}</td>
              <td className="numeric">{format.number(line.distanceKm)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function FillsTable({ plan, unit }: { plan: ShipmentPlan; unit: string }) {
  const { t } = useTranslation();
  const { number } = useQuantity();
  const percent = usePercent();
  const captionId = useId();
  return (
    <TableScroll labelledBy={captionId}>
      <table className="data-table plan-fills">
        <caption id={captionId}>{t('supply.plan.fillsCaption', { unit })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('supply.plan.council')}</th>
            <th scope="col" className="numeric">
              {t('supply.plan.demand')}
            </th>
            <th scope="col" className="numeric">
              {t('supply.plan.guaranteed')}
            </th>
            <th scope="col" className="numeric">
              {t('supply.plan.served')}
            </th>
          </tr>
        </thead>
        <tbody>
          {plan.fills.map((fill) => (
            <tr key={fill.requisitionId}>
              <th scope="row">{fill.councilName}</th>
              <td className="numeric">{number(planMilli(fill, fill.demand))}</td>
              <td className="numeric">{number(planMilli(fill, fill.guaranteed))}</td>
              <td className="numeric">
                {number(planMilli(fill, fill.served))}
                <span className="choice-detail">{percent(fill.fillRatio)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function Execute({ plan, onExecuted }: { plan: ShipmentPlan; onExecuted: () => void }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const opener = useRef<HTMLButtonElement>(null);
  const [isConfirming, setIsConfirming] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState('');

  function cancel() {
    setIsConfirming(false);
    setError('');
    // The button comes back after the render; put the keyboard on it.
    requestAnimationFrame(() => opener.current?.focus());
  }

  async function execute() {
    setIsBusy(true);
    setError('');
    try {
      await api.post(`/shipment-plans/${encodeURIComponent(plan.id)}/execution`);
      setIsConfirming(false);
      onExecuted();
    } catch (cause) {
      setError(planErrorText(cause, i18n));
    } finally {
      setIsBusy(false);
    }
  }

  if (!isConfirming)
    return (
      <div className="actions">
        <Button ref={opener} onClick={() => setIsConfirming(true)} disabled={plan.lines.length === 0}>
          {t('supply.plan.execute')}
        </Button>
      </div>
    );
  return (
    // A group, not a dialog: the question and its two answers sit where the button was.
    <fieldset className="confirm confirm--go">
      <legend>
        {t('supply.plan.confirm', {
          count: plan.lines.length,
          formatted: format.number(plan.lines.length),
        })}
      </legend>
      <p>{t('supply.plan.confirmDetail')}</p>
      {error && (
        <Notice tone="error" live="alert">
          <p>{error}</p>
        </Notice>
      )}
      <div className="actions">
        <Button onClick={() => void execute()} isBusy={isBusy} autoFocus>
          {t('supply.plan.confirmExecute')}
        </Button>
        <Button variant="secondary" onClick={cancel} disabled={isBusy}>
          {t('common.cancel')}
        </Button>
      </div>
    </fieldset>
  );
}

function PlanView({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { quantity } = useQuantity();
  const percent = usePercent();
  const base = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [news, setNews] = useState('');
  const plan = useApi<ShipmentPlan>(`/shipment-plans/${encodeURIComponent(planId)}`);
  const councilId = plan.data?.councilId;
  const council = useApi<Council>(councilId ? `/councils/${encodeURIComponent(councilId)}` : null);
  const { leads } = useSupplyOffices(council.data);
  const { byId } = useItemsById();

  if (plan.isLoading && !plan.data) return <Loading label={t('supply.plan.loading')} />;
  if (!plan.data)
    return (
      <>
        <PageHeader
          title={t('supply.plan.unavailable')}
          crumbs={[{ href: '/', label: t('header.federation') }]}
        />
        <LoadError error={plan.error} onRetry={plan.reload} />
      </>
    );
  const data = plan.data;
  const item = byId.get(data.itemId);
  const unit = item?.baseUnit ?? '';
  const { numerator, denominator } = data.fairRatio;
  const fair = denominator > 0 ? numerator / denominator : 0;

  function executed() {
    setNews(
      t('supply.plan.executedNews', {
        count: data.lines.length,
        formatted: format.number(data.lines.length),
      }),
    );
    plan.reload();
    heading.current?.focus();
  }

  return (
    <div className="supply">
      <PageHeader
        title={t('supply.plan.title', { item: item?.name ?? '…' })}
        crumbs={[
          { href: '/', label: t('header.federation') },
          { href: `/councils/${data.councilId}`, label: council.data?.name ?? t('supply.council') },
          { href: `/councils/${data.councilId}/shipment-plans`, label: t('supply.plans.title') },
        ]}
        aside={<PlanStatusBadge status={data.status} />}
      />
      {news && (
        <Notice tone="success" live="status">
          <p>{news}</p>
        </Notice>
      )}
      {data.status === 'discarded' && (
        <Notice tone="info">
          <p>{t('supply.plan.discarded')}</p>
        </Notice>
      )}
      <Stats
        items={[
          {
            key: 'fair',
            label: t('supply.plan.fairRatio'),
            value: (
              <>
                {denominator === 1 ? String(numerator) : `${numerator}/${denominator}`}{' '}
                <span className="plan-percent">({percent(fair)})</span>
              </>
            ),
          },
          {
            key: 'shipped',
            label: t('supply.plan.totalShipped'),
            value: quantity(data.totalShippedMilli, unit),
          },
          {
            key: 'lines',
            label: t('supply.plan.shipments'),
            value: format.number(data.lines.length),
          },
        ]}
      />
      <p className="muted">{t('supply.plan.fairRatioExplained', { percent: percent(fair) })}</p>
      <section aria-labelledby={`${base}-lines`}>
        <h2 id={`${base}-lines`} ref={heading} tabIndex={-1}>
          {t('supply.plan.linesHeading')}
        </h2>
        {data.lines.length === 0 ? (
          <p>{t('supply.plan.noLines')}</p>
        ) : (
          <>
            <LinesTable plan={data} unit={unit} />
            <ShipmentDiagram lines={data.lines} unit={unit} />
          </>
        )}
      </section>
      <section aria-labelledby={`${base}-fills`}>
        <h2 id={`${base}-fills`}>{t('supply.plan.fillsHeading')}</h2>
        <p className="muted">{t('supply.plan.fillsLead')}</p>
        <FillsTable plan={data} unit={unit} />
      </section>
      {data.status === 'draft' && leads && (
        <section className="panel" aria-labelledby={`${base}-execute`}>
          <h2 className="panel-title" id={`${base}-execute`}>
            {t('supply.plan.executeHeading')}
          </h2>
          <p>{t('supply.plan.executeLead')}</p>
          <Execute plan={data} onExecuted={executed} />
        </section>
      )}
      {data.status === 'executed' && (
        <section className="panel" aria-labelledby={`${base}-sent`}>
          <h2 className="panel-title" id={`${base}-sent`}>
            {t('supply.plan.sentHeading')}
          </h2>
          <p>
            {data.executedAt && t('supply.plan.executedAt', { date: format.dateTime(data.executedAt) })}{' '}
            {t('supply.plan.sentLead')}
          </p>
          <p>
            <Link href={`/councils/${data.councilId}/transfers`}>{t('supply.plan.allTransfers')}</Link>
          </p>
        </section>
      )}
    </div>
  );
}

export default function ShipmentPlanPage({ planId }: { planId: string }) {
  return (
    <RequireSignIn>
      <PlanView planId={planId} />
    </RequireSignIn>
  );
}
