// My calendar feeds: issue one for a calendar app (its URL, carrying a secret, is shown once with a copy
// field), the list of those issued, and revoking one, which ends it at once.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api-client.ts';
import { errorsFromProblems, summaryItems } from '../app/form-errors.ts';
import { useFormat } from '../app/format.ts';
import { LoadError } from '../app/LoadError.tsx';
import { useApi } from '../app/use-api.ts';
import { Badge, Button, CopyField, ErrorSummary, Loading, Notice, TextField } from '../ui/index.ts';
import { rostersErrorText, useRostersAct, useRostersSubmit } from './rosters-text.ts';
import type { IssuedFeed, RosterFeed } from './rosters-types.ts';
import { ActFailure } from './ShiftParts.tsx';

const FIELDS = ['label'] as const;

function FeedItem({ feed, onRevoked }: { feed: RosterFeed; onRevoked: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { busy, failure, act } = useRostersAct();
  async function revoke() {
    if (await act('revoke', () => api.delete(`/me/roster-feeds/${encodeURIComponent(feed.id)}`))) onRevoked();
  }
  return (
    <li>
      <strong>{feed.label}</strong>{' '}
      {feed.revokedAt ? (
        <Badge tone="danger">{t('rosters.feeds.revoked')}</Badge>
      ) : (
        <Badge tone="success">{t('rosters.feeds.live')}</Badge>
      )}
      <span className="choice-detail">
        {feed.revokedAt
          ? t('rosters.feeds.revokedOn', { date: format.dateTime(feed.revokedAt) })
          : t('rosters.feeds.issuedOn', { date: format.dateTime(feed.createdAt) })}
      </span>
      {!feed.revokedAt && (
        <div className="actions">
          <Button variant="danger" isBusy={busy === 'revoke'} onClick={() => void revoke()}>
            {t('rosters.feeds.revoke', { label: feed.label })}
          </Button>
        </div>
      )}
      <ActFailure text={failure?.text} />
    </li>
  );
}

export function RosterFeeds() {
  const { t } = useTranslation();
  const base = useId();
  const feeds = useApi<{ feeds: RosterFeed[] }>('/me/roster-feeds');
  const [label, setLabel] = useState('');
  const [issued, setIssued] = useState<IssuedFeed | null>(null);
  const { errors, setErrors, isSubmitting, run } = useRostersSubmit(FIELDS);
  const ids = { label: `${base}-label` };
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!label.trim()) {
      setErrors(errorsFromProblems({ label: 'rosters.feeds.labelRequired' }, t));
      return;
    }
    setIssued(null);
    await run(async () => {
      setIssued(await api.post<IssuedFeed>('/me/roster-feeds', { label: label.trim() }));
      setLabel('');
      feeds.reload();
    });
  }
  return (
    <section className="panel" aria-labelledby={`${base}-feeds`}>
      <h2 className="panel-title" id={`${base}-feeds`}>
        {t('rosters.feeds.heading')}
      </h2>
      <p className="muted">{t('rosters.feeds.explain')}</p>
      {issued && (
        <Notice tone="success" title={t('rosters.feeds.issued', { label: issued.label })}>
          <p>{t('rosters.feeds.onlyNow')}</p>
          <CopyField label={t('rosters.feeds.url')} value={issued.url} />
        </Notice>
      )}
      {feeds.isLoading && !feeds.data && <Loading label={t('common.loading')} />}
      {feeds.error !== null && (
        <LoadError error={feeds.error} onRetry={feeds.reload} explain={rostersErrorText} />
      )}
      {feeds.data &&
        (feeds.data.feeds.length === 0 ? (
          <p>{t('rosters.feeds.none')}</p>
        ) : (
          <ul className="plain-list">
            {feeds.data.feeds.map((feed) => (
              <FeedItem key={feed.id} feed={feed} onRevoked={feeds.reload} />
            ))}
          </ul>
        ))}
      <ErrorSummary items={summaryItems(errors, ids)} />
      <form className="form" noValidate onSubmit={submit}>
        <TextField
          id={ids.label}
          label={t('rosters.feeds.label')}
          hint={t('rosters.feeds.labelHint')}
          value={label}
          onChange={(event) => setLabel(event.target.value)}
          error={errors.fields.label}
          maxLength={100}
          required
        />
        <div className="actions">
          <Button type="submit" isBusy={isSubmitting}>
            {t('rosters.feeds.issue')}
          </Button>
        </div>
      </form>
    </section>
  );
}
