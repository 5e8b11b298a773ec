// The speakers list in the assembly room: who has the floor with a countdown (text, and a live region
// that speaks only at the start, at 30 seconds left, at time up and at the end — never every second),
// the queue in the order of the floor with its pro/contra and point-of-order marks, asking for the floor
// and withdrawing, and for the chair: next speaker, end the speech, the speaking time. The projector
// shows the same speaker and timer large (ProjectorSpeaker). The list refetches on the sitting's live
// events and after each act; the countdown runs from the server's clock.
import type { i18n as I18n } from 'i18next';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../app/api-client.ts';
import type { Assembly, Speaker, SpeakerSide, SpeakersList } from '../app/api-types.ts';
import { useApi } from '../app/use-api.ts';
import { Badge, Button, CheckboxField, Loading, Notice, TextField } from '../ui/index.ts';
import { decisionErrorText } from './decisions-text.ts';
import { clockText, secondsLeft, timerMoment } from './speaker-timer.ts';
import { useLiveRefetch } from './use-live.ts';

function speakerErrorText(error: unknown, i18n: I18n): string {
  if (error instanceof ApiError) {
    const key = `decisions.speakers.errors.${error.code}`;
    if (i18n.exists(key)) return i18n.t(key);
  }
  return decisionErrorText(error, i18n);
}

/** The list, live, with the device time it arrived (the countdown runs from the server's `now` then). */
function useSpeakers(assemblyId: string, isLive: boolean) {
  const list = useApi<SpeakersList>(`/assemblies/${encodeURIComponent(assemblyId)}/speakers`);
  useLiveRefetch(isLive ? `assembly:${assemblyId}` : null, list.reload);
  const [stamp, setStamp] = useState<{ data: SpeakersList | null; atMs: number }>({ data: null, atMs: 0 });
  if (stamp.data !== list.data) setStamp({ data: list.data, atMs: Date.now() });
  return { list, fetchedAtMs: stamp.atMs };
}

/** Seconds left of the current speech, ticking once a second while someone speaks. */
function useSecondsLeft(data: SpeakersList | null, fetchedAtMs: number): number | null {
  const [nowMs, setNowMs] = useState(() => Date.now());
  const speechId = data?.current?.requestId ?? null;
  useEffect(() => {
    if (speechId === null) return;
    setNowMs(Date.now());
    const timer = setInterval(() => setNowMs(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [speechId]);
  if (!data?.current) return null;
  return secondsLeft(data.current, data.now, fetchedAtMs, Math.max(nowMs, fetchedAtMs));
}

/** What the live region says: set only when a speech starts or ends, at 30 s left and at time up. */
function useAnnouncement(data: SpeakersList | null, left: number | null): string {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const previous = useRef<{ requestId: string | null; name: string; left: number | null } | null>(null);
  useEffect(() => {
    if (!data) return;
    const current = data.current;
    const before = previous.current;
    previous.current = { requestId: current?.requestId ?? null, name: current?.name ?? '', left };
    // The first load says nothing: the page itself shows who speaks.
    if (before === null) return;
    if ((current?.requestId ?? null) !== before.requestId) {
      const parts: string[] = [];
      if (before.requestId) parts.push(t('decisions.speakers.announceEnded', { name: before.name }));
      if (current)
        parts.push(
          t('decisions.speakers.announceStarted', {
            name: current.name,
            time: clockText(current.timeLimitSeconds),
          }),
        );
      setMessage(parts.join(' '));
      return;
    }
    if (!current || left === null) return;
    const moment = timerMoment(before.left, left);
    if (moment === 'final-seconds') setMessage(t('decisions.speakers.announceFinal', { name: current.name }));
    if (moment === 'time-up') setMessage(t('decisions.speakers.announceUp', { name: current.name }));
  }, [data, left, t]);
  return message;
}

function SpeakerMarks({ speaker }: { speaker: Pick<Speaker, 'kind' | 'side'> }) {
  const { t } = useTranslation();
  if (speaker.kind === 'point-of-order')
    return <Badge tone="warning">{t('decisions.speakers.pointOfOrder')}</Badge>;
  if (speaker.side === 'pro') return <Badge tone="success">{t('decisions.speakers.pro')}</Badge>;
  if (speaker.side === 'contra') return <Badge tone="danger">{t('decisions.speakers.contra')}</Badge>;
  return null;
}

function TimerText({ left, className }: { left: number; className?: string }) {
  const { t } = useTranslation();
  // role=timer is not announced as it changes; the live region beside it speaks the few moments that matter.
  return (
    <p role="timer" className={className} data-testid="speaker-timer">
      {left > 0
        ? t('decisions.speakers.remaining', { time: clockText(left) })
        : t('decisions.speakers.overtime', { time: clockText(-left) })}
    </p>
  );
}

function SpeakingTimeForm({ list, onSaved }: { list: SpeakersList; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const [seconds, setSeconds] = useState(String(list.timeLimitSeconds));
  const [alternates, setAlternates] = useState(list.alternatesSides);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError('');
    setSaved(false);
    try {
      await api.put(`/assemblies/${encodeURIComponent(list.assemblyId)}/speaking-time`, {
        seconds: Number(seconds),
        alternatesSides: alternates,
      });
      setSaved(true);
    } catch (cause) {
      setError(speakerErrorText(cause, i18n));
    } finally {
      setBusy(false);
      onSaved();
    }
  }
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <TextField
        label={t('decisions.speakers.seconds')}
        hint={t('decisions.speakers.secondsHint')}
        type="number"
        inputMode="numeric"
        min={10}
        max={3600}
        step={1}
        value={seconds}
        error={error || undefined}
        onChange={(event) => setSeconds(event.target.value)}
      />
      <CheckboxField
        label={t('decisions.speakers.alternate')}
        checked={alternates}
        onChange={(event) => setAlternates(event.target.checked)}
      />
      <Button type="submit" variant="secondary" isBusy={busy}>
        {t('decisions.speakers.saveTime')}
      </Button>
      <div role="status">{saved && <p className="small">{t('decisions.speakers.timeSaved')}</p>}</div>
    </form>
  );
}

export function SpeakersPanel({ assembly }: { assembly: Assembly }) {
  const { t, i18n } = useTranslation();
  const base = useId();
  const isLive = assembly.status === 'convened' || assembly.status === 'in-session';
  const { list, fetchedAtMs } = useSpeakers(assembly.id, isLive);
  const left = useSecondsLeft(list.data, fetchedAtMs);
  const announcement = useAnnouncement(list.data, left);
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState('');

  if (!list.data) {
    return (
      <section className="panel" aria-labelledby={`${base}-title`}>
        <h2 className="panel-title" id={`${base}-title`}>
          {t('decisions.speakers.title')}
        </h2>
        {list.isLoading ? (
          <Loading label={t('decisions.speakers.loading')} />
        ) : (
          <Notice tone="error">
            <p>{speakerErrorText(list.error, i18n)}</p>
          </Notice>
        )}
      </section>
    );
  }
  const data = list.data;
  const path = `/assemblies/${encodeURIComponent(assembly.id)}`;
  async function act(name: string, to: string, body: unknown = {}) {
    setBusy(name);
    setFailure('');
    try {
      await api.post(to, body);
    } catch (error) {
      setFailure(speakerErrorText(error, i18n));
    } finally {
      setBusy(null);
      list.reload();
    }
  }
  const ask = (name: string, kind: 'speak' | 'point-of-order', side: SpeakerSide | null = null) =>
    void act(name, `${path}/speakers`, kind === 'speak' ? { kind, side } : { kind });
  const mayAsk = isLive && assembly.viewer.isPresent && data.mine === null;
  const isChairing = data.viewer.mayModerate && assembly.status === 'in-session';
  const current = data.current;

  return (
    <section className="panel" aria-labelledby={`${base}-title`}>
      <h2 className="panel-title" id={`${base}-title`}>
        {t('decisions.speakers.title')}
      </h2>
      <div role="status" className="visually-hidden">
        {announcement}
      </div>
      {current ? (
        <div className="panel--current">
          <p className="eyebrow">{t('decisions.speakers.floor')}</p>
          <p className="item-title">
            <strong>{current.name}</strong> <SpeakerMarks speaker={current} />
          </p>
          {left !== null && <TimerText left={left} className="ballot-count ballot-count--large" />}
          <p className="small muted">
            {t('decisions.speakers.limit', { time: clockText(current.timeLimitSeconds) })}
          </p>
        </div>
      ) : (
        <p>{t('decisions.speakers.nobodySpeaking')}</p>
      )}

      <h3>{t('decisions.speakers.waiting', { count: data.queue.length })}</h3>
      {data.queue.length === 0 ? (
        <p>{t('decisions.speakers.empty')}</p>
      ) : (
        <ol className="agenda">
          {data.queue.map((speaker) => (
            <li key={speaker.requestId}>
              {speaker.name} <SpeakerMarks speaker={speaker} />
            </li>
          ))}
        </ol>
      )}

      {data.mine?.status === 'waiting' && (
        <div className="actions">
          <p>{t('decisions.speakers.youWait', { position: data.mine.position ?? '—' })}</p>
          <Button
            variant="secondary"
            isBusy={busy === 'withdraw'}
            onClick={() =>
              void act(
                'withdraw',
                `/speaker-requests/${encodeURIComponent(data.mine?.requestId ?? '')}/withdraw`,
              )
            }
          >
            {t('decisions.speakers.withdraw')}
          </Button>
        </div>
      )}
      {data.mine?.status === 'speaking' && current && !isChairing && (
        <div className="actions">
          <p>{t('decisions.speakers.youSpeak')}</p>
          <Button
            variant="secondary"
            isBusy={busy === 'end-mine'}
            onClick={() => void act('end-mine', `${path}/speakers/end`, { requestId: current.requestId })}
          >
            {t('decisions.speakers.endMine')}
          </Button>
        </div>
      )}
      {mayAsk && (
        <div className="actions">
          <Button isBusy={busy === 'pro'} onClick={() => ask('pro', 'speak', 'pro')}>
            {t('decisions.speakers.askPro')}
          </Button>
          <Button isBusy={busy === 'contra'} onClick={() => ask('contra', 'speak', 'contra')}>
            {t('decisions.speakers.askContra')}
          </Button>
          <Button variant="secondary" isBusy={busy === 'neutral'} onClick={() => ask('neutral', 'speak')}>
            {t('decisions.speakers.askNeutral')}
          </Button>
          <Button
            variant="secondary"
            isBusy={busy === 'point'}
            onClick={() => ask('point', 'point-of-order')}
          >
            {t('decisions.speakers.askPointOfOrder')}
          </Button>
        </div>
      )}
      {isLive &&
        !assembly.viewer.isPresent &&
        (assembly.viewer.isMember || assembly.viewer.mandates.length > 0) && (
          <p className="small muted">{t('decisions.speakers.checkInFirst')}</p>
        )}

      {isChairing && (
        <div className="chair-controls">
          <h3>{t('decisions.speakers.chairTitle')}</h3>
          <div className="actions">
            <Button
              isBusy={busy === 'next'}
              disabled={!current && data.queue.length === 0}
              onClick={() =>
                void act('next', `${path}/speakers/next`, { currentRequestId: current?.requestId ?? null })
              }
            >
              {t('decisions.speakers.next')}
            </Button>
            {current && (
              <Button
                variant="secondary"
                isBusy={busy === 'end'}
                onClick={() => void act('end', `${path}/speakers/end`, { requestId: current.requestId })}
              >
                {t('decisions.speakers.end')}
              </Button>
            )}
          </div>
          <SpeakingTimeForm list={data} onSaved={list.reload} />
        </div>
      )}
      <div role="alert">
        {failure && (
          <Notice tone="error">
            <p>{failure}</p>
          </Notice>
        )}
      </div>
    </section>
  );
}

/** The projector's block: who has the floor and the time left, large; nothing to click. */
export function ProjectorSpeaker({ assemblyId, isLive }: { assemblyId: string; isLive: boolean }) {
  const { t } = useTranslation();
  const { list, fetchedAtMs } = useSpeakers(assemblyId, isLive);
  const left = useSecondsLeft(list.data, fetchedAtMs);
  const current = list.data?.current;
  if (!list.data) return null;
  return (
    <section className="projector-block" aria-label={t('decisions.speakers.floor')}>
      <p className="projector-label">{t('decisions.speakers.floor')}</p>
      {current ? (
        <>
          <p className="projector-poll">
            {current.name} <SpeakerMarks speaker={current} />
          </p>
          {left !== null && <TimerText left={left} className="projector-outcome" />}
        </>
      ) : (
        <p className="projector-idle">{t('decisions.speakers.projectorNobody')}</p>
      )}
    </section>
  );
}
