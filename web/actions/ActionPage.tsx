// One call to action, public once called: title, kind, status, dates, lifting conditions, coordinators,
// the totals and the schematic map of the councils in scope; for members in scope the pledge panel, for
// officers of councils in scope the status report, for the calling body's secretary or chair the
// decisions to suspend, resume or lift, put to its vote. Refreshes on the live events of `action:<id>`.
import './actions.css';
import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { takesStatusReports } from '../../core/actions/action-status.ts';
import type { Council, MyCouncil } from '../app/api-types.ts';
import { useFormat } from '../app/format.ts';
import { LoadError } from '../app/LoadError.tsx';
import { useSession } from '../app/session.tsx';
import { useApi } from '../app/use-api.ts';
import { Loading, PageHeader, Stats } from '../ui/index.ts';
import { ActionStatusBadge } from './ActionBadges.tsx';
import { ActionDecisions } from './ActionDecisions.tsx';
import { ActionMap } from './ActionMap.tsx';
import { actionsErrorText } from './actions-text.ts';
import type { ActionDetail } from './actions-types.ts';
import { PledgePanel } from './PledgePanel.tsx';
import { StatusReportForm } from './StatusReportForm.tsx';
import { useActionLive } from './use-action-live.ts';
import { useScopeCouncils } from './use-scope-councils.ts';

function Facts({ action }: { action: ActionDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const base = useId();
  return (
    <section className="panel" aria-labelledby={`${base}-title`}>
      <h2 className="panel-title" id={`${base}-title`}>
        {t('actions.page.facts')}
      </h2>
      {action.description && <p>{action.description}</p>}
      <dl className="definition-list">
        <dt>{t('actions.page.kind')}</dt>
        <dd>{t(`actions.kind.${action.kind}`)}</dd>
        <dt>{t('actions.page.status')}</dt>
        <dd>
          <ActionStatusBadge action={action} />
        </dd>
        <dt>{t('actions.page.startsAt')}</dt>
        <dd>{format.dateTime(action.startsAt)}</dd>
        {action.endsAt && (
          <>
            <dt>{t('actions.page.endsAt')}</dt>
            <dd>{format.dateTime(action.endsAt)}</dd>
          </>
        )}
        <dt>{t('actions.page.liftingConditions')}</dt>
        <dd>{action.liftingConditions ?? t('actions.page.noConditions')}</dd>
        <dt>{t('actions.page.coordinators')}</dt>
        <dd>
          {action.coordinators.length === 0
            ? t('actions.page.noCoordinators')
            : action.coordinators.map((c) => c.fullName).join(', ')}
        </dd>
        {action.calledAt && (
          <>
            <dt>{t('actions.page.calledAt')}</dt>
            <dd>{format.dateTime(action.calledAt)}</dd>
          </>
        )}
        {action.liftedAt && (
          <>
            <dt>{t('actions.page.liftedAt')}</dt>
            <dd>{format.dateTime(action.liftedAt)}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

function Totals({ action }: { action: ActionDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { totals } = action;
  const items = [
    { key: 'active', label: t('actions.totals.activePledges'), value: format.number(totals.activePledges) },
    {
      key: 'pending',
      label: t('actions.totals.pendingPledges'),
      value: format.number(totals.pendingPledges),
    },
    {
      key: 'councils',
      label: t('actions.totals.participating', { n: format.number(totals.councils) }),
      value: format.number(totals.participating + totals.partial),
    },
    { key: 'people', label: t('actions.totals.participants'), value: format.number(totals.participants) },
  ];
  return <Stats items={items} />;
}

/** The viewer's part: pledging where a member, reporting where an officer, deciding where leading. */
function ViewerPanels({
  action,
  mine,
  version,
  onChanged,
}: {
  action: ActionDetail;
  mine: MyCouncil[];
  version: number;
  onChanged: () => void;
}) {
  const members = mine.filter((c) => c.membershipStatus === 'active' && c.kind !== 'federation');
  const officers = mine.filter((c) => c.offices.length > 0 && c.kind !== 'federation');
  const asked = [...new Set([...members, ...officers].map((c) => c.id))];
  const inScope = useScopeCouncils(action.id, asked, version);
  const calling = mine.find((c) => c.id === action.councilId);
  const leads = Boolean(calling?.offices.some((o) => o === 'secretary' || o === 'chair'));
  const reporting = inScope ? officers.filter((c) => inScope.has(c.id)) : [];
  return (
    <>
      {action.status !== 'proposed' && action.status !== 'rejected' && (
        <PledgePanel
          action={action}
          councils={inScope ? members.filter((c) => inScope.has(c.id)) : null}
          onChanged={onChanged}
        />
      )}
      {inScope && reporting.length > 0 && takesStatusReports(action.status) && (
        <StatusReportForm
          actionId={action.id}
          councils={reporting}
          rollUps={inScope}
          onReported={onChanged}
        />
      )}
      <ActionDecisions action={action} leads={leads} onChanged={onChanged} />
    </>
  );
}

export default function ActionPage({ actionId }: { actionId: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const detail = useApi<ActionDetail>(`/actions/${encodeURIComponent(actionId)}`);
  const mine = useApi<{ councils: MyCouncil[] }>(session.person ? '/me/councils' : null);
  const calling = useApi<Council>(
    detail.data ? `/councils/${encodeURIComponent(detail.data.councilId)}` : null,
  );
  const [version, setVersion] = useState(0);
  const { reload } = detail;
  const refresh = useCallback(() => {
    reload();
    setVersion((v) => v + 1);
  }, [reload]);
  useActionLive(actionId, refresh);
  const action = detail.data;
  if (detail.isLoading && !action) return <Loading label={t('common.loading')} />;
  if (!action)
    return (
      <>
        <PageHeader
          title={t('actions.page.unavailable')}
          crumbs={[{ href: '/', label: t('header.federation') }]}
        />
        <LoadError error={detail.error} onRetry={detail.reload} explain={actionsErrorText} />
      </>
    );
  return (
    <>
      <PageHeader
        title={action.title}
        lead={t(`actions.kind.${action.kind}`)}
        crumbs={[
          { href: '/', label: t('header.federation') },
          {
            href: `/councils/${action.councilId}`,
            label: calling.data?.name ?? t('actions.page.callingBody'),
          },
        ]}
        aside={<ActionStatusBadge action={action} />}
      />
      <div className="action-page">
        <Totals action={action} />
        <Facts action={action} />
        <ActionMap actionId={action.id} version={version} />
        {mine.data ? (
          <ViewerPanels action={action} mine={mine.data.councils} version={version} onChanged={refresh} />
        ) : (
          <ActionDecisions action={action} leads={false} onChanged={refresh} />
        )}
        {!session.person && (
          <p className="muted">
            <Link href="/login">{t('actions.page.signIn')}</Link>
          </p>
        )}
      </div>
    </>
  );
}
