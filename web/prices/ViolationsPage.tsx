// A council's price violations for its officers: each report above the cap in force, with the cap and
// the body that set it, the seller's history in the council, the follow-up so far and the next step.
import './prices.css';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Council } from '../app/api-types.ts';
import { useFormat } from '../app/format.ts';
import { LoadError } from '../app/LoadError.tsx';
import { RequireSignIn } from '../app/RequireSignIn.tsx';
import { useApi } from '../app/use-api.ts';
import { Badge, Loading, PageHeader, SelectField } from '../ui/index.ts';
import { FollowupForm } from './FollowupForm.tsx';
import { centsText, pricesErrorText } from './prices-text.ts';
import type { Violation, ViolationStatus } from './prices-types.ts';

const STATUSES: readonly ViolationStatus[] = ['open', 'warning', 'inspection', 'resolved'];

function ViolationCard({ violation, onChanged }: { violation: Violation; onChanged: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const base = useId();
  const { report, cap, sellerHistory } = violation;
  return (
    <li>
      <article className="violation" aria-labelledby={`${base}-title`}>
        <h2 className="item-title" id={`${base}-title`}>
          {report.seller} · {report.itemName} <Badge>{t(`prices.violationStatus.${violation.status}`)}</Badge>
        </h2>
        <dl className="violation-facts">
          <dt>{t('prices.violations.reported')}</dt>
          <dd>
            {t('prices.violations.reportedAs', {
              price: format.decimal(report.price),
              currency: report.currency,
              quantity: format.decimal(report.quantity),
              unit: report.unit,
            })}{' '}
            ({format.day(report.observedOn)}
            {report.market ? `, ${report.market}` : ''})
          </dd>
          <dt>{t('prices.violations.perUnitAgainstCap')}</dt>
          <dd>
            {t('prices.violations.priceAgainstCap', {
              price: format.decimal(centsText(report.basePriceCents)),
              cap: format.decimal(cap.cap),
              currency: report.currency,
              unit: report.baseUnit,
            })}{' '}
            — {t('prices.violations.capBy', { council: cap.councilName })}
          </dd>
          <dt>{t('prices.violations.history')}</dt>
          <dd>
            {t('prices.violations.historyCounts', {
              reports: sellerHistory.reports,
              violations: sellerHistory.earlierViolations,
            })}
          </dd>
        </dl>
        {sellerHistory.lastReports.length > 0 && (
          <details>
            <summary>{t('prices.violations.lastReports')}</summary>
            <ul>
              {sellerHistory.lastReports.map((r) => (
                <li key={r.reportId}>
                  {format.day(r.observedOn)}: {r.itemName},{' '}
                  {t('prices.violations.reportedAs', {
                    price: format.decimal(r.price),
                    currency: r.currency,
                    quantity: format.decimal(r.quantity),
                    unit: r.unit,
                  })}
                </li>
              ))}
            </ul>
          </details>
        )}
        <h3>{t('prices.followup.heading')}</h3>
        {violation.followups.length === 0 ? (
          <p>{t('prices.followup.none')}</p>
        ) : (
          <ol className="followups">
            {violation.followups.map((f) => (
              <li key={`${f.actedAt}-${f.action}`}>
                <strong>{t(`prices.followupAction.${f.action}`)}</strong> · {format.dateTime(f.actedAt)}
                {f.note && <p>{f.note}</p>}
              </li>
            ))}
          </ol>
        )}
        <FollowupForm violation={violation} onDone={onChanged} />
      </article>
    </li>
  );
}

function Violations({ councilId }: { councilId: string }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ViolationStatus | ''>('');
  const council = useApi<Council>(`/councils/${encodeURIComponent(councilId)}`);
  const violations = useApi<Violation[]>(
    `/councils/${encodeURIComponent(councilId)}/price-violations?limit=200${status ? `&status=${status}` : ''}`,
  );
  return (
    <>
      <PageHeader
        title={t('prices.violations.title')}
        crumbs={[
          { href: '/', label: t('header.federation') },
          { href: `/councils/${councilId}`, label: council.data?.name ?? t('prices.council') },
        ]}
      />
      <SelectField
        label={t('prices.violations.filter')}
        value={status}
        onChange={(event) => setStatus(event.target.value as ViolationStatus | '')}
      >
        <option value="">{t('prices.violations.allStatuses')}</option>
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`prices.violationStatus.${s}`)}
          </option>
        ))}
      </SelectField>
      {violations.isLoading && !violations.data && <Loading label={t('common.loading')} />}
      {violations.error !== null && (
        <LoadError error={violations.error} onRetry={violations.reload} explain={pricesErrorText} />
      )}
      {violations.data &&
        (violations.data.length === 0 ? (
          <p>{t('prices.violations.none')}</p>
        ) : (
          <ul className="plain-list">
            {violations.data.map((v) => (
              <ViolationCard key={v.id} violation={v} onChanged={violations.reload} />
            ))}
          </ul>
        ))}
    </>
  );
}

export default function ViolationsPage({ councilId }: { councilId: string }) {
  return (
    <RequireSignIn>
      <Violations councilId={councilId} />
    </RequireSignIn>
  );
}
