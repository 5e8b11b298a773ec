// "Put to the vote" for something another context has decided by a council's poll (a ration rule, a price
// cap, a batch of demands, a call to action): the link to the poll once it is open, else — for those who
// may open it — the button that opens it (POST `path`, answering { pollId }), with its failure in the
// context's words.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api } from '../app/api-client.ts';
import { useAct } from '../app/use-act.ts';
import type { ExplainError } from '../app/use-form-submit.ts';
import { Button, Notice } from '../ui/index.ts';

export function SubjectVote({
  path,
  pollId,
  mayOpen,
  explain,
  onOpened,
}: {
  /** The context's route that opens the poll, e.g. `/price-caps/<id>/poll`. */
  path: string;
  /** The poll already opened on the subject, if any. */
  pollId: string | null;
  mayOpen: boolean;
  explain: ExplainError;
  onOpened: (pollId: string) => void;
}) {
  const { t } = useTranslation();
  const { busy, failure, act } = useAct(explain);
  const [opened, setOpened] = useState<string | null>(null);
  const poll = opened ?? pollId;
  async function open() {
    let id = '';
    const ok = await act('vote', async () => {
      id = (await api.post<{ pollId: string }>(path, {})).pollId;
    });
    if (ok) {
      setOpened(id);
      onOpened(id);
    }
  }
  return (
    <>
      {poll ? (
        <p>
          <Link href={`/polls/${poll}`}>{t('decisions.subjectVote.pollLink')}</Link>
        </p>
      ) : (
        mayOpen && (
          <div className="actions">
            <Button isBusy={busy === 'vote'} onClick={() => void open()}>
              {t('decisions.subjectVote.putToVote')}
            </Button>
          </div>
        )
      )}
      <div role="alert">
        {failure && (
          <Notice tone="error">
            <p>{failure.text}</p>
          </Notice>
        )}
      </div>
    </>
  );
}
