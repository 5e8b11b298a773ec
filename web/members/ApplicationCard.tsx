// One Join application in a secretary's queue, with the acts that answer it: mark contacted,
// accept (creates the membership and an invitation), decline with a reason.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../app/api-client.ts';
import type { Acceptance, JoinApplication } from '../app/api-types.ts';
import { errorText } from '../app/error-text.ts';
import { useFormat } from '../app/format.ts';
import { Badge, Button, Notice, TextArea } from '../ui/index.ts';
import { isOpen } from './queue-order.ts';

const STATUS_TONE = {
  pending: 'neutral',
  contacted: 'accent',
  accepted: 'success',
  declined: 'danger',
} as const;

export interface ApplicationCardProps {
  application: JoinApplication;
  onAccepted: (application: JoinApplication, acceptance: Acceptance) => void;
  /** The application changed (or turned out to be decided already): fetch the queue again. */
  onChanged: () => void;
}

type Act = 'contacted' | 'accept' | 'decline';

export function ApplicationCard({ application, onAccepted, onChanged }: ApplicationCardProps) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [busy, setBusy] = useState<Act | null>(null);
  const [error, setError] = useState('');
  const [isDeclining, setIsDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState('');
  const headingId = `application-${application.id}`;
  const path = `/join-applications/${encodeURIComponent(application.id)}`;

  async function act(kind: Act, send: () => Promise<void>) {
    setBusy(kind);
    setError('');
    try {
      await send();
    } catch (cause) {
      if (cause instanceof ApiError && cause.field === 'reason') setReasonError(errorText(cause, i18n));
      else setError(errorText(cause, i18n));
      if (cause instanceof ApiError && cause.code === 'application-decided') onChanged();
    } finally {
      setBusy(null);
    }
  }

  const markContacted = () =>
    act('contacted', async () => {
      await api.post(`${path}/contacted`);
      onChanged();
    });

  const accept = () =>
    act('accept', async () => {
      const acceptance = await api.post<Acceptance>(`${path}/accept`);
      onAccepted(application, acceptance);
    });

  function decline(event: FormEvent) {
    event.preventDefault();
    if (reason.trim() === '') {
      setReasonError(t('validation.reasonRequired'));
      return;
    }
    setReasonError('');
    void act('decline', async () => {
      await api.post(`${path}/decline`, { reason: reason.trim() });
      setIsDeclining(false);
      onChanged();
    });
  }

  return (
    <article
      className={
        application.isOverdue && isOpen(application) ? 'application application--overdue' : 'application'
      }
      aria-labelledby={headingId}
    >
      <div className="application-head">
        <h3 id={headingId}>{application.fullName}</h3>
        <Badge tone={STATUS_TONE[application.status]}>{t(`applicationStatus.${application.status}`)}</Badge>
        {application.isOverdue && isOpen(application) && <Badge tone="danger">{t('queue.overdue')}</Badge>}
        <span className="mono small muted">{application.reference}</span>
      </div>
      <dl className="definition-list">
        <div>
          <dt>{t('queue.dueAt')}</dt>
          <dd>
            <time dateTime={application.dueAt}>{format.date(application.dueAt)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('queue.createdAt')}</dt>
          <dd>
            <time dateTime={application.createdAt}>{format.dateTime(application.createdAt)}</time>
          </dd>
        </div>
        {application.email && (
          <div>
            <dt>{t('join.email')}</dt>
            <dd>
              <a href={`mailto:${application.email}`}>{application.email}</a>
            </dd>
          </div>
        )}
        {application.phone && (
          <div>
            <dt>{t('join.phone')}</dt>
            <dd>
              <a href={`tel:${application.phone.replace(/[^\d+]/g, '')}`}>{application.phone}</a>
            </dd>
          </div>
        )}
        {application.homePlace && (
          <div>
            <dt>{t('join.homePlace')}</dt>
            <dd>{application.homePlace}</dd>
          </div>
        )}
        {application.workPlace && (
          <div>
            <dt>{t('join.workPlace')}</dt>
            <dd>{application.workPlace}</dd>
          </div>
        )}
        {application.declineReason && (
          <div>
            <dt>{t('queue.declineReason')}</dt>
            <dd>{application.declineReason}</dd>
          </div>
        )}
      </dl>
      {application.message && <p className="application-message">{application.message}</p>}
      {error && (
        <Notice tone="error" live="alert">
          <p>{error}</p>
        </Notice>
      )}
      {isOpen(application) && !isDeclining && (
        <div className="actions">
          <Button onClick={accept} isBusy={busy === 'accept'} disabled={busy !== null}>
            {t('queue.accept')}
          </Button>
          {application.status === 'pending' && (
            <Button
              variant="secondary"
              onClick={markContacted}
              isBusy={busy === 'contacted'}
              disabled={busy !== null}
            >
              {t('queue.markContacted')}
            </Button>
          )}
          <Button variant="danger" onClick={() => setIsDeclining(true)} disabled={busy !== null}>
            {t('queue.decline')}
          </Button>
        </div>
      )}
      {isOpen(application) && isDeclining && (
        <form noValidate onSubmit={decline}>
          <TextArea
            id={`decline-reason-${application.id}`}
            label={t('queue.reasonLabel', { name: application.fullName })}
            hint={t('queue.reasonHint')}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            error={reasonError}
            rows={3}
            required
            autoFocus
          />
          <div className="actions">
            <Button type="submit" variant="danger" isBusy={busy === 'decline'}>
              {t('queue.confirmDecline')}
            </Button>
            <Button variant="secondary" onClick={() => setIsDeclining(false)} disabled={busy !== null}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      )}
    </article>
  );
}
