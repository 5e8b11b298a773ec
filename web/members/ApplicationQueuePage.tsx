// A council's Join applications for its officers: earliest due date first, overdue ones flagged.
// After an acceptance the invitation link stays on screen until the page is left, since the
// secretary has to hand it to the new member (there may be no email).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Acceptance, Council, JoinApplication } from '../app/api-types.ts';
import { errorText } from '../app/error-text.ts';
import { RequireSignIn } from '../app/RequireSignIn.tsx';
import { useApi } from '../app/use-api.ts';
import { Button, CopyField, Loading, Notice, PageHeader } from '../ui/index.ts';
import { ApplicationCard } from './ApplicationCard.tsx';
import { byDueDate } from './queue-order.ts';

interface Invitation {
  applicationId: string;
  fullName: string;
  url: string;
}

function Queue({ council }: { council: Council }) {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<'open' | 'all'>('open');
  const [invitations, setInvitations] = useState<Invitation[]>([]);
  const queue = useApi<{ applications: JoinApplication[] }>(
    `/councils/${encodeURIComponent(council.id)}/join-applications?status=${filter}`,
  );
  const applications = [...(queue.data?.applications ?? [])].sort(byDueDate);
  const overdue = applications.filter((application) => application.isOverdue).length;

  function accepted(application: JoinApplication, acceptance: Acceptance) {
    const url = new URL(acceptance.invitationUrl, window.location.origin).toString();
    setInvitations((current) => [
      { applicationId: application.id, fullName: application.fullName, url },
      ...current,
    ]);
    queue.reload();
  }

  return (
    <>
      <div role="status">
        {invitations.map((invitation) => (
          <Notice
            key={invitation.applicationId}
            tone="success"
            title={t('queue.acceptedTitle', { name: invitation.fullName })}
          >
            <p>{t('queue.acceptedBody')}</p>
            <CopyField label={t('queue.invitationLink')} value={invitation.url} />
          </Notice>
        ))}
      </div>
      <fieldset className="filter-bar">
        <legend className="visually-hidden">{t('queue.filter')}</legend>
        {(['open', 'all'] as const).map((value) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name="queue-filter"
              checked={filter === value}
              onChange={() => setFilter(value)}
            />
            {t(value === 'open' ? 'queue.filterOpen' : 'queue.filterAll')}
          </label>
        ))}
      </fieldset>
      {queue.isLoading && !queue.data && <Loading label={t('queue.loading')} />}
      {queue.error ? (
        <Notice tone="error" live="alert">
          <p>{errorText(queue.error, i18n)}</p>
          <Button variant="secondary" onClick={queue.reload}>
            {t('common.retry')}
          </Button>
        </Notice>
      ) : null}
      {queue.data && (
        <section aria-labelledby="queue-title">
          <h2 id="queue-title">
            {t(filter === 'open' ? 'queue.openCount' : 'queue.allCount', { count: applications.length })}
            {overdue > 0 && filter === 'open' && <> · {t('queue.overdueCount', { count: overdue })}</>}
          </h2>
          {applications.length === 0 && <p>{t('queue.empty')}</p>}
          {applications.map((application) => (
            <ApplicationCard
              key={application.id}
              application={application}
              onAccepted={accepted}
              onChanged={queue.reload}
            />
          ))}
        </section>
      )}
    </>
  );
}

function QueueForCouncil({ councilId }: { councilId: string }) {
  const { t, i18n } = useTranslation();
  const { data: council, error, isLoading } = useApi<Council>(`/councils/${encodeURIComponent(councilId)}`);
  if (isLoading) return <Loading label={t('council.loading')} />;
  if (error || !council) {
    return (
      <Notice tone="error" live="alert">
        <p>{errorText(error, i18n)}</p>
      </Notice>
    );
  }
  const crumbs = [
    { href: '/', label: t('header.federation') },
    ...council.ancestors.map((ancestor) => ({ href: `/councils/${ancestor.id}`, label: ancestor.name })),
    { href: `/councils/${council.id}`, label: council.name },
  ];
  return (
    <>
      <PageHeader
        title={t('queue.title', { council: council.name })}
        crumbs={crumbs}
        lead={t('queue.lead', { count: council.answerDays })}
      />
      {council.viewer.canDecideApplications ? (
        <Queue council={council} />
      ) : (
        <Notice tone="warning" title={t('queue.notOfficer')}>
          <p>
            <Link href={`/councils/${council.id}`}>{t('queue.backToCouncil')}</Link>
          </p>
        </Notice>
      )}
    </>
  );
}

export default function ApplicationQueuePage({ councilId }: { councilId: string }) {
  return (
    <RequireSignIn>
      <QueueForCouncil councilId={councilId} />
    </RequireSignIn>
  );
}
