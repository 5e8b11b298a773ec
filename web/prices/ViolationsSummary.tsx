// For a council's officers on its prices tab: the violations not yet resolved, newest first, each with
// the seller, the item, the price against the cap; the page with their follow-up is one link away.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useFormat } from '../app/format.ts';
import { LoadError } from '../app/LoadError.tsx';
import { useApi } from '../app/use-api.ts';
import { Badge, Loading } from '../ui/index.ts';
import { centsText, pricesErrorText } from './prices-text.ts';
import type { Violation } from './prices-types.ts';

export function ViolationsSummary({ councilId }: { councilId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const base = useId();
  const path = `/councils/${encodeURIComponent(councilId)}/price-violations`;
  const violations = useApi<Violation[]>(`${path}?limit=50`);
  const open = (violations.data ?? []).filter((v) => v.status !== 'resolved');
  return (
    <section className="panel" aria-labelledby={`${base}-title`}>
      <h2 className="panel-title" id={`${base}-title`}>
        {t('prices.violations.heading')}
      </h2>
      {violations.isLoading && !violations.data && <Loading label={t('common.loading')} />}
      {violations.error !== null && (
        <LoadError error={violations.error} onRetry={violations.reload} explain={pricesErrorText} />
      )}
      {violations.data &&
        (open.length === 0 ? (
          <p>{t('prices.violations.noneOpen')}</p>
        ) : (
          <ul className="plain-list violations-summary">
            {open.slice(0, 5).map((v) => (
              <li key={v.id}>
                <p className="item-title">
                  <strong>{v.report.seller}</strong> · {v.report.itemName}{' '}
                  <Badge>{t(`prices.violationStatus.${v.status}`)}</Badge>
                </p>
                <p className="meta-line">
                  <span>
                    {t('prices.violations.priceAgainstCap', {
                      price: format.decimal(centsText(v.report.basePriceCents)),
                      cap: format.decimal(v.cap.cap),
                      currency: v.report.currency,
                      unit: v.report.baseUnit,
                    })}
                  </span>
                  <span>{format.day(v.report.observedOn)}</span>
                </p>
              </li>
            ))}
          </ul>
        ))}
      <p>
        <Link href={`/councils/${councilId}/price-violations`}>
          {t('prices.violations.all', { count: violations.data?.length ?? 0 })}
        </Link>
      </p>
    </section>
  );
}
