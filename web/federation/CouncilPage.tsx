import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ApiError } from '../app/api-client.ts';
import type { Council } from '../app/api-types.ts';
import { councilKindLabel } from '../app/council-labels.ts';
import { errorText } from '../app/error-text.ts';
import { useFormat } from '../app/format.ts';
import { useApi } from '../app/use-api.ts';
import { Badge, Button, Loading, Notice, PageHeader, Stats, Tabs } from '../ui/index.ts';
import { CouncilLedger } from './CouncilLedger.tsx';

function Overview({ council }: { council: Council }) {
  const { t } = useTranslation();
  const format = useFormat();
  const isFederation = council.kind === 'federation';
  const stats = isFederation
    ? [
        { key: 'councils', label: t('council.councils'), value: format.number(council.councils) },
        { key: 'members', label: t('council.members'), value: format.number(council.members) },
        { key: 'children', label: t('council.childCouncils'), value: format.number(council.children.length) },
      ]
    : [{ key: 'members', label: t('council.members'), value: format.number(council.directMembers) }];

  return (
    <>
      <Stats items={stats} />
      <div className="two-columns">
        <div>
          {council.children.length > 0 && (
            <section className="panel" aria-labelledby="children-title">
              <h2 className="panel-title" id="children-title">
                {t('council.childCouncils')}
              </h2>
              <ul className="plain-list">
                {council.children.map((child) => (
                  <li key={child.id}>
                    <Link href={`/councils/${child.id}`}>{child.name}</Link>{' '}
                    <Badge>{councilKindLabel(t, child.kind, child.level)}</Badge>
                    <span className="choice-detail">
                      {[
                        child.kind === 'federation'
                          ? t('counts.councils', {
                              count: child.councils,
                              formatted: format.number(child.councils),
                            })
                          : null,
                        t('counts.members', {
                          count: child.members,
                          formatted: format.number(child.members),
                        }),
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {!isFederation && !council.viewer.isMember && (
            <section className="panel" aria-labelledby="answer-title">
              <h2 className="panel-title" id="answer-title">
                {t('council.joiningTitle')}
              </h2>
              <p>{t('council.answerDays', { count: council.answerDays })}</p>
            </section>
          )}
        </div>
        <section className="panel" aria-labelledby="offices-title">
          <h2 className="panel-title" id="offices-title">
            {t('council.offices')}
          </h2>
          {council.offices.length === 0 ? (
            <p className="muted">{t('council.noOffices')}</p>
          ) : (
            <dl className="definition-list">
              {council.offices.map((office) => (
                <div key={office.id}>
                  <dt>{t(`office.${office.office}`)}</dt>
                  <dd>{office.person.fullName}</dd>
                </div>
              ))}
            </dl>
          )}
        </section>
      </div>
    </>
  );
}

export default function CouncilPage({ councilId }: { councilId: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const {
    data: council,
    error,
    isLoading,
    reload,
  } = useApi<Council>(`/councils/${encodeURIComponent(councilId)}`);
  const [tab, setTab] = useState<'overview' | 'ledger'>('overview');

  if (isLoading && !council) return <Loading label={t('council.loading')} />;
  if (error || !council) {
    return (
      <>
        <PageHeader
          title={t('council.unavailable')}
          crumbs={[{ href: '/', label: t('header.federation') }]}
        />
        <Notice tone="error" live="alert">
          <p>{errorText(error, i18n)}</p>
          {!(error instanceof ApiError && error.status === 404) && (
            <p>
              <Button variant="secondary" onClick={reload}>
                {t('common.retry')}
              </Button>
            </p>
          )}
        </Notice>
      </>
    );
  }

  const canJoin = council.kind !== 'federation' && !council.dissolvedAt && !council.viewer.isMember;
  const crumbs = [
    { href: '/', label: t('header.federation') },
    ...council.ancestors.map((ancestor) => ({ href: `/councils/${ancestor.id}`, label: ancestor.name })),
  ];

  return (
    <>
      <PageHeader
        title={council.name}
        crumbs={crumbs}
        aside={
          <>
            <Badge tone="accent">{councilKindLabel(t, council.kind, council.level)}</Badge>
            {council.viewer.isMember && <Badge tone="success">{t('council.youAreMember')}</Badge>}
          </>
        }
        lead={[council.territory, council.sector].filter(Boolean).join(' · ')}
      />
      {council.dissolvedAt && (
        <Notice tone="warning" title={t('council.dissolved', { date: format.date(council.dissolvedAt) })} />
      )}
      {(canJoin || council.viewer.canDecideApplications) && (
        <div className="actions">
          {canJoin && (
            <Link href={`/join?council=${council.id}`} className="button button--primary">
              {t('council.join')}
            </Link>
          )}
          {council.viewer.canDecideApplications && (
            <Link href={`/councils/${council.id}/applications`} className="button button--secondary">
              {t('council.applications')}
            </Link>
          )}
        </div>
      )}
      {council.viewer.canSeeLedger ? (
        <Tabs
          label={t('council.sections')}
          tabs={[
            { id: 'overview', label: t('council.overview') },
            { id: 'ledger', label: t('ledger.title') },
          ]}
          selected={tab}
          onSelect={(id) => setTab(id === 'ledger' ? 'ledger' : 'overview')}
        >
          {tab === 'overview' ? <Overview council={council} /> : <CouncilLedger councilId={council.id} />}
        </Tabs>
      ) : (
        <Overview council={council} />
      )}
    </>
  );
}
