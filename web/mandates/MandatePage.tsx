// One mandate, public: who holds it, in which council, sent by which, for what term and weight, its
// status, the trace down to the base council whose members first elected, and the seat's history.
// Acts by right: the holder resigns; members of the sending council petition for recall; its
// secretary or chair records the council's recall decision.
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ApiError } from '../app/api-client.ts';
import type { MandateDetail } from '../app/api-types.ts';
import { errorText } from '../app/error-text.ts';
import { useFormat } from '../app/format.ts';
import { useApi } from '../app/use-api.ts';
import { Badge, Button, Loading, Notice, PageHeader } from '../ui/index.ts';
import { RecallDecision, ResignMandate } from './MandateActs.tsx';
import { STATUS_TONE, votesOf } from './mandates.ts';
import { RecallPetitions } from './RecallPetitions.tsx';

function Trace({ mandate }: { mandate: MandateDetail }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="trace-title">
      <h2 className="panel-title" id="trace-title">
        {t('mandate.traceTitle')}
      </h2>
      <p className="muted">{t('mandate.traceLead')}</p>
      <ol className="plain-list trace">
        {mandate.trace.map((step) => (
          <li key={step.mandateId}>
            {step.mandateId === mandate.id ? (
              <strong>{step.holder.fullName}</strong>
            ) : (
              <Link href={`/mandates/${step.mandateId}`}>{step.holder.fullName}</Link>
            )}{' '}
            <Badge tone={STATUS_TONE[step.status]}>{t(`mandateStatus.${step.status}`)}</Badge>
            <span className="choice-detail">
              {t('mandate.traceStep', { sender: step.sendingCouncil.name, seat: step.seatCouncil.name })}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function History({ mandate }: { mandate: MandateDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section className="panel" aria-labelledby="seat-mandates-title">
      <h2 className="panel-title" id="seat-mandates-title">
        {t('mandate.historyTitle')}
      </h2>
      <ol className="plain-list">
        {mandate.history.map((entry) => (
          <li key={entry.id}>
            {entry.id === mandate.id ? (
              <strong>{entry.holderName}</strong>
            ) : (
              <Link href={`/mandates/${entry.id}`}>{entry.holderName}</Link>
            )}{' '}
            <Badge tone={STATUS_TONE[entry.status]}>{t(`mandateStatus.${entry.status}`)}</Badge>
            <span className="choice-detail">
              {entry.endedAt
                ? t('mandate.fromTo', {
                    from: format.date(entry.termStartsAt),
                    to: format.dateTime(entry.endedAt),
                  })
                : t('mandate.since', { date: format.date(entry.termStartsAt) })}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

export default function MandatePage({ mandateId }: { mandateId: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const {
    data: mandate,
    error,
    isLoading,
    reload,
  } = useApi<MandateDetail>(`/mandates/${encodeURIComponent(mandateId)}`);

  if (isLoading && !mandate) return <Loading label={t('mandate.loading')} />;
  if (error || !mandate) {
    return (
      <>
        <PageHeader
          title={t('mandate.unavailable')}
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

  const own = mandate.trace[0];
  const holderName = own?.holder.fullName ?? '';
  const seatCouncil = own?.seatCouncil ?? { id: mandate.seatCouncilId, name: '' };
  const sendingCouncil = own?.sendingCouncil ?? { id: mandate.sendingCouncilId, name: '' };
  const isActive = mandate.status === 'active';
  // The server says what this person may do (the same checks the acts make).
  const onEnded = reload;

  return (
    <>
      <PageHeader
        title={t('mandate.title', { name: holderName })}
        crumbs={[
          { href: '/', label: t('header.federation') },
          { href: `/councils/${seatCouncil.id}`, label: seatCouncil.name },
        ]}
        aside={<Badge tone={STATUS_TONE[mandate.status]}>{t(`mandateStatus.${mandate.status}`)}</Badge>}
        lead={t('mandate.lead', { seat: seatCouncil.name, sender: sendingCouncil.name })}
      />
      <div role="status">
        {!isActive && mandate.endedAt && (
          <Notice tone="warning" title={t('mandate.ended', { date: format.dateTime(mandate.endedAt) })}>
            <p>{t('mandate.endedLead')}</p>
          </Notice>
        )}
      </div>
      <div className="mandate">
        <section className="panel" aria-labelledby="mandate-facts-title">
          <h2 className="panel-title" id="mandate-facts-title">
            {t('mandate.facts')}
          </h2>
          <dl className="definition-list mandate-facts">
            <div>
              <dt>{t('mandate.holder')}</dt>
              <dd>{holderName}</dd>
            </div>
            <div>
              <dt>{t('mandate.seatCouncil')}</dt>
              <dd>
                <Link href={`/councils/${seatCouncil.id}`}>{seatCouncil.name}</Link>
              </dd>
            </div>
            <div>
              <dt>{t('mandate.sendingCouncil')}</dt>
              <dd>
                <Link href={`/councils/${sendingCouncil.id}`}>{sendingCouncil.name}</Link>
              </dd>
            </div>
            <div>
              <dt>{t('mandate.term')}</dt>
              <dd>
                {t('mandate.fromTo', {
                  from: format.date(mandate.termStartsAt),
                  to: format.date(mandate.termEndsAt),
                })}
              </dd>
            </div>
            <div>
              <dt>{t('mandate.weight')}</dt>
              <dd>
                {t('mandate.votes', {
                  count: votesOf(mandate.weightMillis),
                  formatted: format.number(votesOf(mandate.weightMillis)),
                })}
              </dd>
            </div>
          </dl>
        </section>
        <RecallPetitions
          key={`${mandate.id}-${mandate.status}`}
          mandateId={mandate.id}
          isActive={isActive}
          mayPetition={mandate.viewer.mayPetition}
        />
        {mandate.viewer.mayRecall && (
          <RecallDecision mandateId={mandate.id} holderName={holderName} onEnded={onEnded} />
        )}
        {mandate.viewer.mayResign && (
          <ResignMandate mandateId={mandate.id} holderName={holderName} onEnded={onEnded} />
        )}
        <div className="two-columns">
          <Trace mandate={mandate} />
          <History mandate={mandate} />
        </div>
      </div>
    </>
  );
}
