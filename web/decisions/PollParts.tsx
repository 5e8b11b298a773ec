// Pieces of a poll shown both on its page and inline in the sitting: its facts in words, the live count
// of ballots cast (never their contents), and the officers' close button with its confirmation step.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api-client.ts';
import type { Poll } from '../app/api-types.ts';
import { useFormat } from '../app/format.ts';
import { Button, Notice } from '../ui/index.ts';
import { decisionErrorText, pollRuleText, useVotes } from './decisions-text.ts';
import { PollStatusBadge } from './StatusBadges.tsx';

export function PollFacts({ poll }: { poll: Poll }) {
  const { t } = useTranslation();
  const format = useFormat();
  const votes = useVotes();
  return (
    <>
      <p className="meta-line">
        <PollStatusBadge status={poll.status} outcome={poll.outcome} />
        <span>{t(`decisions.kind.${poll.kind}`)}</span>
        <span>{t('decisions.poll.openedAt', { date: format.dateTime(poll.openedAt) })}</span>
        {poll.closedAt && (
          <span>{t('decisions.poll.closedAt', { date: format.dateTime(poll.closedAt) })}</span>
        )}
      </p>
      {poll.body && <p className="poll-text">{poll.body}</p>}
      <dl className="definition-list">
        <dt>{t('decisions.poll.rule')}</dt>
        <dd>{pollRuleText(t, poll)}</dd>
        {poll.options.length > 0 && (
          <>
            <dt>{t('decisions.poll.options')}</dt>
            <dd>{poll.options.map((option) => option.label).join(' · ')}</dd>
          </>
        )}
        <dt>{t('decisions.poll.electorate')}</dt>
        <dd>
          {t(`decisions.electorate.${poll.electorate}`)} — {votes(poll.entitledMillis)}
        </dd>
      </dl>
    </>
  );
}

/** The number of ballots cast, a polite live region so it is heard as it rises. */
export function BallotCount({ poll, large = false }: { poll: Poll; large?: boolean }) {
  const { t } = useTranslation();
  return (
    <p className={large ? 'ballot-count ballot-count--large' : 'ballot-count'} role="status">
      {t('decisions.poll.ballotsCast', { count: poll.ballotsCast })}
    </p>
  );
}

export function ClosePoll({ poll, onClosed }: { poll: Poll; onClosed: () => void }) {
  const { t, i18n } = useTranslation();
  const opener = useRef<HTMLButtonElement>(null);
  const [isConfirming, setIsConfirming] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [failure, setFailure] = useState('');
  if (!poll.viewer.mayClose || poll.status !== 'open') return null;

  async function close() {
    setIsBusy(true);
    setFailure('');
    try {
      await api.post<Poll>(`/polls/${encodeURIComponent(poll.id)}/close`, {});
      setIsConfirming(false);
      onClosed();
    } catch (error) {
      setFailure(decisionErrorText(error, i18n));
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <div className="close-poll">
      {!isConfirming ? (
        <Button ref={opener} variant="danger" onClick={() => setIsConfirming(true)}>
          {t('decisions.poll.close')}
        </Button>
      ) : (
        <div className="confirm">
          <p>{t('decisions.poll.closeConfirm', { count: poll.ballotsCast })}</p>
          <div className="actions">
            <Button variant="danger" isBusy={isBusy} onClick={() => void close()}>
              {t('decisions.poll.closeNow')}
            </Button>
            <Button
              variant="secondary"
              disabled={isBusy}
              onClick={() => {
                setIsConfirming(false);
                requestAnimationFrame(() => opener.current?.focus());
              }}
            >
              {t('common.cancel')}
            </Button>
          </div>
        </div>
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
