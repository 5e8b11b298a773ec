// The signed-in person's mandates: where they sit, who sent them, and since when; ended ones after.
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { MyMandate } from '../app/api-types.ts';
import { errorText } from '../app/error-text.ts';
import { useFormat } from '../app/format.ts';
import { RequireSignIn } from '../app/RequireSignIn.tsx';
import { useApi } from '../app/use-api.ts';
import { Badge, Button, Loading, Notice, PageHeader } from '../ui/index.ts';
import { STATUS_TONE } from './mandates.ts';

function MandateItem({ mandate }: { mandate: MyMandate }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <li>
      <h2 className="panel-title">
        <Link href={`/mandates/${mandate.id}`}>{mandate.seatCouncil.name}</Link>
      </h2>
      <p className="meta-line">
        <Badge tone={STATUS_TONE[mandate.status]}>{t(`mandateStatus.${mandate.status}`)}</Badge>
        <span>{t('myMandates.sentBy', { name: mandate.sendingCouncil.name })}</span>
        <span>
          {mandate.endedAt
            ? t('mandate.fromTo', {
                from: format.date(mandate.termStartsAt),
                to: format.date(mandate.endedAt),
              })
            : t('mandate.fromTo', {
                from: format.date(mandate.termStartsAt),
                to: format.date(mandate.termEndsAt),
              })}
        </span>
      </p>
    </li>
  );
}

function MyMandatesList() {
  const { t, i18n } = useTranslation();
  const { data, error, isLoading, reload } = useApi<{ mandates: MyMandate[] }>('/me/mandates');
  if (isLoading) return <Loading label={t('myMandates.loading')} />;
  if (error || !data) {
    return (
      <Notice tone="error" live="alert">
        <p>{errorText(error, i18n)}</p>
        <Button variant="secondary" onClick={reload}>
          {t('common.retry')}
        </Button>
      </Notice>
    );
  }
  if (data.mandates.length === 0) {
    return (
      <Notice tone="info" title={t('myMandates.noneTitle')}>
        <p>{t('myMandates.noneBody')}</p>
      </Notice>
    );
  }
  const ordered = [...data.mandates].sort(
    (a, b) => Number(b.status === 'active') - Number(a.status === 'active'),
  );
  return (
    <div className="panel">
      <ul className="plain-list">
        {ordered.map((mandate) => (
          <MandateItem key={mandate.id} mandate={mandate} />
        ))}
      </ul>
    </div>
  );
}

export default function MyMandatesPage() {
  const { t } = useTranslation();
  return (
    <RequireSignIn>
      <PageHeader
        title={t('myMandates.title')}
        lead={t('myMandates.lead')}
        crumbs={[{ href: '/me', label: t('header.myCouncils') }]}
      />
      <MyMandatesList />
    </RequireSignIn>
  );
}
