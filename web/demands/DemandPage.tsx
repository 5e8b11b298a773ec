// One demand of a council's list, public: its text, addressee, status and days; its history (the vote,
// the addressee's answers, notes, status changes from → to, by vote or by an officer); the councils that
// endorse it. The council's officers change its status and record answers here; the secretary or chair
// of another council endorses it in that council's name.
import './demands.css';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Council } from '../app/api-types.ts';
import { useFormat } from '../app/format.ts';
import { LoadError } from '../app/LoadError.tsx';
import { useSession } from '../app/session.tsx';
import { useApi } from '../app/use-api.ts';
import { useCouncilOffices } from '../supply/index.ts';
import { Loading, PageHeader } from '../ui/index.ts';
import { AnswerForm, StatusForm } from './DemandOfficerForms.tsx';
import { StatusBadge } from './DemandParts.tsx';
import { nextStatuses, readerToday } from './demand-list.ts';
import { demandsErrorText } from './demands-text.ts';
import type { DemandAnswer, DemandDetail } from './demands-types.ts';
import { EndorseSection } from './EndorseSection.tsx';

function HistoryEntry({ entry }: { entry: DemandAnswer }) {
  const { t } = useTranslation();
  const format = useFormat();
  const isChange = entry.kind === 'status-change' && entry.fromStatus && entry.toStatus;
  return (
    <li>
      <p className="demand-history-head">
        <strong>{t(`demands.answerKind.${entry.kind}`)}</strong>
        {isChange && entry.fromStatus && entry.toStatus && (
          <>
            {': '}
            {t('demands.history.fromTo', {
              from: t(`demands.status.${entry.fromStatus}`),
              to: t(`demands.status.${entry.toStatus}`),
            })}
          </>
        )}
      </p>
      <p className="meta-line">
        <span>{format.dateTime(entry.at)}</span>
        {entry.kind === 'status-change' && (
          <span>{entry.byVote ? t('demands.history.byVote') : t('demands.history.byOfficer')}</span>
        )}
        {entry.answeredOn && (
          <span>{t('demands.history.answeredOn', { date: format.day(entry.answeredOn) })}</span>
        )}
      </p>
      {/* The vote's own entry carries the server's tally in its words: the poll link above tells it. */}
      {entry.text && !entry.byVote && <p className="demand-history-text">{entry.text}</p>}
    </li>
  );
}

function DemandView({ demand, onChanged }: { demand: DemandDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const base = useId();
  const session = useSession();
  const council = useApi<Council>(`/councils/${encodeURIComponent(demand.councilId)}`);
  const { isOfficer } = useCouncilOffices(council.data);
  const isListed = demand.number !== null;
  const today = readerToday();
  const title =
    demand.number !== null
      ? t('demands.page.title', { number: demand.number })
      : t('demands.page.titleUnlisted');
  const endorsements = demand.endorsements.filter((e) => e.withdrawnAt === null);
  const withdrawn = demand.endorsements.filter((e) => e.withdrawnAt !== null);
  return (
    <>
      <PageHeader
        title={title}
        crumbs={[
          { href: '/', label: t('header.federation') },
          { href: `/councils/${demand.councilId}`, label: council.data?.name ?? t('demands.page.council') },
        ]}
        aside={<StatusBadge status={demand.status} />}
      />
      <div className="demand-page">
        <section className="panel" aria-labelledby={`${base}-demand`}>
          <h2 className="panel-title" id={`${base}-demand`}>
            {t('demands.page.demand')}
          </h2>
          <p className="demand-body">{demand.text}</p>
          <dl className="definition-list">
            <dt>{t('demands.list.addressee')}</dt>
            <dd>{demand.addressee}</dd>
            <dt>{t('demands.list.status')}</dt>
            <dd>
              <StatusBadge status={demand.status} />
              {demand.statusChangedAt && (
                <> {t('demands.page.since', { date: format.dateTime(demand.statusChangedAt) })}</>
              )}
            </dd>
            {demand.raisedOn && (
              <>
                <dt>{t('demands.list.raisedOn')}</dt>
                <dd>{format.day(demand.raisedOn)}</dd>
              </>
            )}
            <dt>{t('demands.page.proposedAt')}</dt>
            <dd>{format.dateTime(demand.proposedAt)}</dd>
          </dl>
          {demand.pollId && (
            <p>
              <Link href={`/polls/${demand.pollId}`}>{t('demands.page.pollLink')}</Link>
            </p>
          )}
        </section>

        <section className="panel" aria-labelledby={`${base}-history`}>
          <h2 className="panel-title" id={`${base}-history`}>
            {t('demands.history.heading')}
          </h2>
          {demand.history.length === 0 ? (
            <p>{t('demands.history.none')}</p>
          ) : (
            <ol className="demand-history">
              {demand.history.map((entry) => (
                <HistoryEntry key={entry.id} entry={entry} />
              ))}
            </ol>
          )}
        </section>

        {isOfficer && isListed && (
          <section className="panel" aria-labelledby={`${base}-follow`}>
            <h2 className="panel-title" id={`${base}-follow`}>
              {t('demands.page.follow')}
            </h2>
            {nextStatuses(demand.status).length > 0 && (
              <details className="disclosure" open>
                <summary>{t('demands.statusForm.heading')}</summary>
                <StatusForm demand={demand} onChanged={onChanged} />
              </details>
            )}
            <details className="disclosure">
              <summary>{t('demands.answerForm.heading')}</summary>
              <AnswerForm demand={demand} today={today} onChanged={onChanged} />
            </details>
          </section>
        )}

        <section className="panel" aria-labelledby={`${base}-endorsers`}>
          <h2 className="panel-title" id={`${base}-endorsers`}>
            {t('demands.endorsers.heading', { n: endorsements.length })}
          </h2>
          {endorsements.length === 0 ? (
            <p>{t('demands.endorsers.none')}</p>
          ) : (
            <ul className="plain-list">
              {endorsements.map((e) => (
                <li key={e.id}>
                  <Link href={`/councils/${e.councilId}`}>{e.councilName}</Link>{' '}
                  <span className="muted">
                    {t('demands.endorsers.since', { date: format.date(e.endorsedAt) })}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {withdrawn.length > 0 && (
            <details>
              <summary>{t('demands.endorsers.withdrawn', { n: withdrawn.length })}</summary>
              <ul>
                {withdrawn.map((e) => (
                  <li key={e.id}>
                    {t('demands.endorsers.withdrawnLine', {
                      council: e.councilName,
                      from: format.date(e.endorsedAt),
                      to: format.date(e.withdrawnAt ?? e.endorsedAt),
                    })}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </section>

        {session.person && isListed && <EndorseSection demand={demand} onChanged={onChanged} />}
      </div>
    </>
  );
}

export default function DemandPage({ demandId }: { demandId: string }) {
  const { t } = useTranslation();
  const demand = useApi<DemandDetail>(`/demands/${encodeURIComponent(demandId)}`);
  if (demand.isLoading && !demand.data) return <Loading label={t('common.loading')} />;
  if (!demand.data)
    return (
      <>
        <PageHeader
          title={t('demands.page.unavailable')}
          crumbs={[{ href: '/', label: t('header.federation') }]}
        />
        <LoadError error={demand.error} onRetry={demand.reload} explain={demandsErrorText} />
      </>
    );
  return <DemandView demand={demand.data} onChanged={demand.reload} />;
}
