// The signed-in person's open polls they may still vote in, in every council, each with a link.
import './decisions.css';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Poll } from '../app/api-types.ts';
import { useFormat } from '../app/format.ts';
import { RequireSignIn } from '../app/RequireSignIn.tsx';
import { useApi } from '../app/use-api.ts';
import { Button, Loading, Notice, PageHeader } from '../ui/index.ts';
import { decisionErrorText, pollRuleText } from './decisions-text.ts';
import { useLiveRefetch } from './use-live.ts';

function PendingPolls() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { data, error, isLoading, reload } = useApi<{ polls: Poll[] }>('/me/pending-polls');
  // No stream for a person's list: refetch when the tab comes back into view.
  useLiveRefetch(null, reload);
  if (isLoading && !data) return <Loading label={t('decisions.myVotes.loading')} />;
  if (!data) {
    return (
      <Notice tone="error" live="alert">
        <p>{decisionErrorText(error, i18n)}</p>
        <Button variant="secondary" onClick={reload}>
          {t('common.retry')}
        </Button>
      </Notice>
    );
  }
  const pending = data.polls.filter((poll) => poll.status === 'open' && poll.viewer.mayVote);
  if (pending.length === 0) {
    return (
      <Notice tone="info" title={t('decisions.myVotes.noneTitle')}>
        <p>{t('decisions.myVotes.noneBody')}</p>
      </Notice>
    );
  }
  return (
    <div className="panel">
      <ul className="plain-list">
        {pending.map((poll) => (
          <li key={poll.id}>
            <h2 className="item-title">
              <Link href={`/polls/${poll.id}`}>{poll.title}</Link>
            </h2>
            <p className="meta-line">
              <span>{t(`decisions.kind.${poll.kind}`)}</span>
              <span>{pollRuleText(t, poll)}</span>
              <span>{t('decisions.poll.openedAt', { date: format.dateTime(poll.openedAt) })}</span>
              {poll.closesAt && (
                <span>{t('decisions.myVotes.closesAt', { date: format.dateTime(poll.closesAt) })}</span>
              )}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}

export default function MyVotesPage() {
  const { t } = useTranslation();
  return (
    <RequireSignIn>
      <PageHeader title={t('decisions.myVotes.title')} lead={t('decisions.myVotes.lead')} />
      <PendingPolls />
    </RequireSignIn>
  );
}
