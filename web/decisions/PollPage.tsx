// A poll: what is put to the vote and by which rule, its live count of ballots, the vote panel while it
// is open, the close button for the council's officers; once closed, the result, the published ballots
// with the receipt check, the seal and the list to download.
import './decisions.css';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ApiError } from '../app/api-client.ts';
import type { Poll } from '../app/api-types.ts';
import { RequireSignIn } from '../app/RequireSignIn.tsx';
import { useApi } from '../app/use-api.ts';
import { Button, Loading, Notice, PageHeader } from '../ui/index.ts';
import { decisionErrorText } from './decisions-text.ts';
import { PaperBallotsForm } from './PaperBallotsForm.tsx';
import { BallotCount, ClosePoll, PollFacts } from './PollParts.tsx';
import { PublishedBallotList, ResultPanel } from './PollResult.tsx';
import { ReferendumResults } from './ReferendumResults.tsx';
import { useLiveRefetch } from './use-live.ts';
import { VotePanel } from './VotePanel.tsx';

function PollView({ pollId }: { pollId: string }) {
  const { t, i18n } = useTranslation();
  const poll = useApi<Poll>(`/polls/${encodeURIComponent(pollId)}`);
  const isOpen = poll.data?.status === 'open';
  useLiveRefetch(isOpen ? `poll:${pollId}` : null, poll.reload);
  // The council's roll: a recalled delegate's vote button goes without a reload.
  useLiveRefetch(isOpen && poll.data ? `council:${poll.data.councilId}` : null, poll.reload);

  if (poll.isLoading && !poll.data) return <Loading label={t('decisions.poll.loading')} />;
  if (!poll.data) {
    return (
      <>
        <PageHeader
          title={t('decisions.poll.unavailable')}
          crumbs={[{ href: '/me/votes', label: t('decisions.myVotes.title') }]}
        />
        <Notice tone="error" live="alert">
          <p>{decisionErrorText(poll.error, i18n)}</p>
          {!(poll.error instanceof ApiError && poll.error.status >= 400 && poll.error.status < 500) && (
            <p>
              <Button variant="secondary" onClick={poll.reload}>
                {t('common.retry')}
              </Button>
            </p>
          )}
        </Notice>
      </>
    );
  }
  const data = poll.data;
  const crumbs = [{ href: `/councils/${data.councilId}`, label: t('decisions.poll.council') }];
  if (data.assemblyId)
    crumbs.push({ href: `/assemblies/${data.assemblyId}`, label: t('decisions.poll.sitting') });

  return (
    <>
      <PageHeader title={data.title} crumbs={crumbs} />
      {data.motionId && (
        <p>
          <Link href={`/motions/${data.motionId}`}>
            {data.amendmentId
              ? t('decisions.motions.poll.amendmentLink')
              : t('decisions.motions.poll.motionLink')}
          </Link>
        </p>
      )}
      <section className="panel" aria-label={t('decisions.poll.about')}>
        <PollFacts poll={data} />
        {data.status === 'open' && <BallotCount poll={data} />}
        <ClosePoll poll={data} onClosed={poll.reload} />
      </section>
      {poll.error !== null && (
        <Notice tone="warning">
          <p>{decisionErrorText(poll.error, i18n)}</p>
        </Notice>
      )}
      <VotePanel poll={data} onVoted={poll.reload} key={data.id} />
      <PaperBallotsForm poll={data} onEntered={poll.reload} />
      {data.status === 'closed' && (
        <>
          <ResultPanel poll={data} />
          <ReferendumResults poll={data} />
          <PublishedBallotList poll={data} />
        </>
      )}
      {data.assemblyId && (
        <p>
          <Link href={`/assemblies/${data.assemblyId}`}>{t('decisions.poll.backToSitting')}</Link>
        </p>
      )}
    </>
  );
}

export default function PollPage({ pollId }: { pollId: string }) {
  return (
    <RequireSignIn>
      <PollView pollId={pollId} />
    </RequireSignIn>
  );
}
