import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ActionNotices } from '../actions/index.ts';
import type { MyCouncil } from '../app/api-types.ts';
import { councilKindLabel } from '../app/council-labels.ts';
import { errorText } from '../app/error-text.ts';
import { RequireSignIn } from '../app/RequireSignIn.tsx';
import { useApi } from '../app/use-api.ts';
import { Badge, Button, Loading, Notice, PageHeader } from '../ui/index.ts';

const STATUS_TONE = { active: 'success', suspended: 'warning', left: 'neutral' } as const;

function CouncilItem({ council }: { council: MyCouncil }) {
  const { t } = useTranslation();
  const decidesApplications = council.offices.includes('secretary') || council.offices.includes('chair');
  return (
    <li>
      <h2 className="panel-title">
        <Link href={`/councils/${council.id}`}>{council.name}</Link>
      </h2>
      <p className="meta-line">
        <Badge>{councilKindLabel(t, council.kind, null)}</Badge>
        {council.membershipStatus && (
          <Badge tone={STATUS_TONE[council.membershipStatus]}>
            {t(`membership.${council.membershipStatus}`)}
          </Badge>
        )}
        {council.offices.map((office) => (
          <Badge key={office} tone="accent">
            {t(`office.${office}`)}
          </Badge>
        ))}
        <span>{council.territory}</span>
      </p>
      {decidesApplications && (
        <p className="small">
          <Link href={`/councils/${council.id}/applications`}>{t('me.applications')}</Link>
        </p>
      )}
    </li>
  );
}

function MyCouncilsList() {
  const { t, i18n } = useTranslation();
  const { data, error, isLoading, reload } = useApi<{ councils: MyCouncil[] }>('/me/councils');

  if (isLoading) return <Loading label={t('me.loading')} />;
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
  if (data.councils.length === 0) {
    return (
      <Notice tone="info" title={t('me.noneTitle')}>
        <p>{t('me.noneBody')}</p>
        <p>
          <Link href="/join">{t('home.joinAction')}</Link>
        </p>
      </Notice>
    );
  }
  return (
    <div className="panel">
      <ul className="plain-list">
        {data.councils.map((council) => (
          <CouncilItem key={council.id} council={council} />
        ))}
      </ul>
    </div>
  );
}

export default function MyCouncilsPage() {
  const { t } = useTranslation();
  return (
    <RequireSignIn>
      <PageHeader title={t('me.title')} lead={t('me.lead')} />
      <p className="actions">
        <Link href="/me/mandates" className="button button--secondary">
          {t('me.mandates')}
        </Link>
        <Link href="/me/shifts" className="button button--secondary">
          {t('rosters.myShifts.title')}
        </Link>
      </p>
      <ActionNotices />
      <MyCouncilsList />
    </RequireSignIn>
  );
}
