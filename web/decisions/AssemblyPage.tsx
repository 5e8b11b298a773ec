// The assembly room: when and where, the quorum as it stands (live), checking in and out (delegates
// choose the mandate they sit on), the agenda, who is present, the sitting's polls — the open one with
// its vote panel inline —, the speakers list, and, for the chair and secretary, starting and closing the
// sitting and opening a poll. Events from the server only trigger refetches; the page also refetches on focus and
// after each act, so it works while the stream is unavailable.
import './decisions.css';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ApiError, api } from '../app/api-client.ts';
import type { Assembly, Poll } from '../app/api-types.ts';
import { useFormat } from '../app/format.ts';
import { RequireSignIn } from '../app/RequireSignIn.tsx';
import { useApi } from '../app/use-api.ts';
import { Badge, Button, Loading, Notice, PageHeader, SelectField } from '../ui/index.ts';
import { decisionErrorText, useVotes } from './decisions-text.ts';
import { MotionsOnAgenda } from './MotionsOnAgenda.tsx';
import { PollForm } from './PollForm.tsx';
import { BallotCount, ClosePoll, PollFacts } from './PollParts.tsx';
import { QuorumMeter } from './QuorumMeter.tsx';
import { SpeakersPanel } from './SpeakersPanel.tsx';
import { AssemblyStatusBadge, PollStatusBadge } from './StatusBadges.tsx';
import { useLiveRefetch } from './use-live.ts';
import { VotePanel } from './VotePanel.tsx';

/** Runs one act of the room at a time and keeps its failure to show where the reader acted. */
function useAct(onDone: () => void) {
  const { i18n } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState('');
  async function act(name: string, path: string, body: unknown = {}) {
    setBusy(name);
    setFailure('');
    try {
      await api.post(path, body);
    } catch (error) {
      setFailure(decisionErrorText(error, i18n));
    } finally {
      setBusy(null);
      onDone();
    }
  }
  return { busy, failure, act };
}

function Attendance({ assembly, onChanged }: { assembly: Assembly; onChanged: () => void }) {
  const { t } = useTranslation();
  const votes = useVotes();
  const { busy, failure, act } = useAct(onChanged);
  const [mandateId, setMandateId] = useState('');
  const { viewer } = assembly;
  const isDelegate = viewer.mandates.length > 0;
  if (assembly.status === 'closed' || assembly.status === 'cancelled') return null;
  if (!viewer.isMember && !isDelegate && !viewer.isPresent) return null;
  const chosen = viewer.mandates.length === 1 ? viewer.mandates[0]?.mandateId : mandateId || undefined;
  const path = `/assemblies/${encodeURIComponent(assembly.id)}`;

  return (
    <div className="attendance">
      {viewer.isPresent ? (
        <>
          <p>
            <span aria-hidden="true">✓ </span>
            {t('decisions.room.youArePresent')}
          </p>
          <Button
            variant="secondary"
            isBusy={busy === 'out'}
            onClick={() => void act('out', `${path}/check-out`)}
          >
            {t('decisions.room.checkOut')}
          </Button>
        </>
      ) : (
        <>
          {viewer.mandates.length > 1 && (
            <SelectField
              label={t('decisions.room.mandate')}
              value={mandateId}
              onChange={(event) => setMandateId(event.target.value)}
            >
              <option value="">{t('decisions.vote.mandateNone')}</option>
              {viewer.mandates.map((m, index) => (
                <option key={m.mandateId} value={m.mandateId}>
                  {t('decisions.vote.mandateOption', { number: index + 1, weight: votes(m.weightMillis) })}
                </option>
              ))}
            </SelectField>
          )}
          <Button
            isBusy={busy === 'in'}
            disabled={isDelegate && !chosen}
            onClick={() => void act('in', `${path}/check-in`, chosen ? { mandateId: chosen } : {})}
          >
            {t('decisions.room.checkIn')}
          </Button>
        </>
      )}
      <div role="alert">
        {failure && (
          <Notice tone="error">
            <p>{failure}</p>
          </Notice>
        )}
      </div>
    </div>
  );
}

function ChairControls({ assembly, onChanged }: { assembly: Assembly; onChanged: () => void }) {
  const { t } = useTranslation();
  const { busy, failure, act } = useAct(onChanged);
  const path = `/assemblies/${encodeURIComponent(assembly.id)}`;
  if (!assembly.viewer.mayChair || assembly.status === 'closed' || assembly.status === 'cancelled')
    return null;
  return (
    <div className="chair-controls">
      <div className="actions">
        {assembly.status === 'convened' && (
          <Button isBusy={busy === 'start'} onClick={() => void act('start', `${path}/start`)}>
            {t('decisions.room.start')}
          </Button>
        )}
        {assembly.status === 'in-session' && (
          <Button
            variant="danger"
            isBusy={busy === 'close'}
            onClick={() => void act('close', `${path}/close`)}
          >
            {t('decisions.room.close')}
          </Button>
        )}
      </div>
      <div role="alert">
        {failure && (
          <Notice tone="error">
            <p>{failure}</p>
          </Notice>
        )}
      </div>
    </div>
  );
}

/** The sitting's open poll, inline: its facts, live count, vote panel and close button. */
function CurrentPoll({
  pollId,
  councilId,
  onChanged,
}: {
  pollId: string;
  councilId: string;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const base = useId();
  const poll = useApi<Poll>(`/polls/${encodeURIComponent(pollId)}`);
  useLiveRefetch(`poll:${pollId}`, poll.reload);
  useLiveRefetch(`council:${councilId}`, poll.reload);
  if (!poll.data) return poll.isLoading ? <Loading label={t('decisions.poll.loading')} /> : null;
  const refresh = () => {
    poll.reload();
    onChanged();
  };
  return (
    <section className="panel panel--current" aria-labelledby={`${base}-title`}>
      <p className="eyebrow">{t('decisions.room.currentPoll')}</p>
      <h2 className="panel-title" id={`${base}-title`}>
        <Link href={`/polls/${pollId}`}>{poll.data.title}</Link>
      </h2>
      <PollFacts poll={poll.data} />
      <BallotCount poll={poll.data} />
      <ClosePoll poll={poll.data} onClosed={refresh} />
      <VotePanel poll={poll.data} onVoted={refresh} key={poll.data.id} />
    </section>
  );
}

function Room({ assemblyId }: { assemblyId: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const votes = useVotes();
  const base = useId();
  const assembly = useApi<Assembly>(`/assemblies/${encodeURIComponent(assemblyId)}`);
  const [pollNews, setPollNews] = useState('');
  const isLive = assembly.data?.status === 'convened' || assembly.data?.status === 'in-session';
  useLiveRefetch(isLive ? `assembly:${assemblyId}` : null, assembly.reload);
  // The council's roll: a recalled delegate's check-in and vote buttons go without a reload.
  const councilId = assembly.data?.councilId;
  useLiveRefetch(isLive && councilId ? `council:${councilId}` : null, assembly.reload);

  if (assembly.isLoading && !assembly.data) return <Loading label={t('decisions.room.loading')} />;
  if (!assembly.data) {
    return (
      <>
        <PageHeader
          title={t('decisions.room.unavailable')}
          crumbs={[{ href: '/', label: t('header.federation') }]}
        />
        <Notice tone="error" live="alert">
          <p>{decisionErrorText(assembly.error, i18n)}</p>
          {!(
            assembly.error instanceof ApiError &&
            assembly.error.status >= 400 &&
            assembly.error.status < 500
          ) && (
            <p>
              <Button variant="secondary" onClick={assembly.reload}>
                {t('common.retry')}
              </Button>
            </p>
          )}
        </Notice>
      </>
    );
  }
  const a = assembly.data;
  const current = a.polls.find((poll) => poll.status === 'open');

  return (
    <>
      <PageHeader
        title={a.title}
        crumbs={[
          { href: '/', label: t('header.federation') },
          { href: `/councils/${a.councilId}`, label: a.councilName },
        ]}
        aside={
          <>
            <AssemblyStatusBadge status={a.status} />
            {a.isExtraordinary && <Badge tone="accent">{t('decisions.assembly.extraordinary')}</Badge>}
          </>
        }
        lead={t('decisions.room.when', { date: format.dateTime(a.startsAt) })}
      />
      <div className="two-columns">
        <section className="panel" aria-labelledby={`${base}-quorum`}>
          <h2 className="panel-title" id={`${base}-quorum`}>
            {t('decisions.quorum.title')}
          </h2>
          <QuorumMeter quorum={a.quorum} isOneVoteEach={a.councilKind !== 'federation'} />
          <p className="small muted">
            {t(`decisions.quorumRule.${a.quorumRule.kind}`, {
              percent: a.quorumRule.kind === 'percent' ? a.quorumRule.percent : 0,
            })}
          </p>
          <Attendance assembly={a} onChanged={assembly.reload} />
          <ChairControls assembly={a} onChanged={assembly.reload} />
          <p>
            <Link href={`/assemblies/${a.id}/projector`}>{t('decisions.room.projector')}</Link>
          </p>
          {a.status === 'closed' && (
            <p>
              <Link href={`/assemblies/${a.id}/minutes`}>{t('decisions.minutes.link')}</Link>
            </p>
          )}
        </section>
        <section className="panel" aria-labelledby={`${base}-where`}>
          <h2 className="panel-title" id={`${base}-where`}>
            {t('decisions.room.whereTitle')}
          </h2>
          <dl className="definition-list">
            <dt>{t('decisions.room.startsAt')}</dt>
            <dd>{format.dateTime(a.startsAt)}</dd>
            {a.place && (
              <>
                <dt>{t('decisions.room.place')}</dt>
                <dd>{a.place}</dd>
              </>
            )}
            {a.onlineUrl && (
              <>
                <dt>{t('decisions.room.online')}</dt>
                <dd>
                  <a href={a.onlineUrl} rel="noopener noreferrer" target="_blank">
                    {t('decisions.room.joinOnline')}
                  </a>
                </dd>
              </>
            )}
            {a.openedAt && (
              <>
                <dt>{t('decisions.room.openedAt')}</dt>
                <dd>{format.dateTime(a.openedAt)}</dd>
              </>
            )}
            {a.closedAt && (
              <>
                <dt>{t('decisions.room.closedAt')}</dt>
                <dd>{format.dateTime(a.closedAt)}</dd>
              </>
            )}
          </dl>
        </section>
      </div>
      {current && (
        <CurrentPoll
          pollId={current.id}
          councilId={a.councilId}
          onChanged={assembly.reload}
          key={current.id}
        />
      )}
      <MotionsOnAgenda assembly={a} />
      <SpeakersPanel assembly={a} />
      <div className="two-columns">
        <section className="panel" aria-labelledby={`${base}-agenda`}>
          <h2 className="panel-title" id={`${base}-agenda`}>
            {t('decisions.room.agenda')}
          </h2>
          {a.agenda.length === 0 ? (
            <p>{t('decisions.room.noAgenda')}</p>
          ) : (
            <ol className="agenda">
              {a.agenda.map((item) => (
                <li key={item.id}>
                  <strong>{item.title}</strong>
                  {item.notes && <p className="small muted">{item.notes}</p>}
                </li>
              ))}
            </ol>
          )}
        </section>
        <section className="panel" aria-labelledby={`${base}-present`}>
          <h2 className="panel-title" id={`${base}-present`}>
            {t('decisions.room.present', { count: a.present.length })}
          </h2>
          {a.present.length === 0 ? (
            <p>{t('decisions.room.nobody')}</p>
          ) : (
            <ul className="plain-list present-list">
              {a.present.map((person) => (
                <li key={`${person.personId}-${person.mandateId ?? ''}`}>
                  {person.name} <span className="muted">· {votes(person.weightMillis)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <section className="panel" aria-labelledby={`${base}-polls`}>
        <h2 className="panel-title" id={`${base}-polls`}>
          {t('decisions.room.polls')}
        </h2>
        {a.polls.length === 0 ? (
          <p>{t('decisions.room.noPolls')}</p>
        ) : (
          <ul className="plain-list">
            {a.polls.map((poll) => (
              <li key={poll.id}>
                <Link href={`/polls/${poll.id}`}>{poll.title}</Link>{' '}
                <PollStatusBadge status={poll.status} outcome={poll.outcome} />{' '}
                <span className="muted small">{t(`decisions.secrecyName.${poll.secrecy}`)}</span>
              </li>
            ))}
          </ul>
        )}
        <div role="status">
          {pollNews && (
            <Notice tone="success">
              <p>{pollNews}</p>
            </Notice>
          )}
        </div>
      </section>
      {a.viewer.mayChair && a.status === 'in-session' && (
        <section className="panel" aria-labelledby={`${base}-open-poll`}>
          <h2 className="panel-title" id={`${base}-open-poll`}>
            {t('decisions.room.openPoll')}
          </h2>
          {!a.quorum.isQuorate && (
            <Notice tone="warning">
              <p>{t('decisions.room.noQuorumWarning')}</p>
            </Notice>
          )}
          <PollForm
            councilId={a.councilId}
            assemblyId={a.id}
            isDelegateBody={a.councilKind === 'federation'}
            onOpened={(poll) => {
              setPollNews(t('decisions.room.pollOpened', { title: poll.title }));
              assembly.reload();
            }}
          />
        </section>
      )}
    </>
  );
}

export default function AssemblyPage({ assemblyId }: { assemblyId: string }) {
  return (
    <RequireSignIn>
      <Room assemblyId={assemblyId} />
    </RequireSignIn>
  );
}
