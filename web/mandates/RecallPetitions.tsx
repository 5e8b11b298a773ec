// Recall petitions against a mandate: the open one's progress (signatures of those needed, public),
// and for members of the sending council, signing it — or opening one when none is open. News and
// refusals (already signed, not a member) are announced where the reader acts.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api } from '../app/api-client.ts';
import type { Poll, RecallPetition } from '../app/api-types.ts';
import { errorText } from '../app/error-text.ts';
import { summaryItems } from '../app/form-errors.ts';
import { useFormat } from '../app/format.ts';
import { useApi } from '../app/use-api.ts';
import { useFormSubmit } from '../app/use-form-submit.ts';
import { Button, ErrorSummary, Loading, Notice, TextArea } from '../ui/index.ts';
import { petitionProgress } from './mandates.ts';

const OPEN_FIELDS = ['reason'] as const;

function Progress({ petition }: { petition: RecallPetition }) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = t('petition.progress', {
    count: petition.signatureCount,
    formatted: format.number(petition.signatureCount),
    needed: format.number(petition.signaturesNeeded),
  });
  return (
    <div className="petition-progress">
      <p>
        <strong>{label}</strong>
      </p>
      <progress
        max={petition.signaturesNeeded}
        value={Math.min(petition.signatureCount, petition.signaturesNeeded)}
        aria-label={label}
      >
        {petitionProgress(petition.signatureCount, petition.signaturesNeeded)}%
      </progress>
      <p className="small muted">
        {t('petition.threshold', {
          percent: petition.thresholdPercent,
          members: format.number(petition.membersAtOpening),
          date: format.date(petition.openedAt),
        })}
      </p>
    </div>
  );
}

/** Once the threshold is reached the recall vote is open (then held): a link to it and its state. */
function RecallVoteLink({ petitionId }: { petitionId: string }) {
  const { t } = useTranslation();
  const vote = useApi<Poll>(`/recall-petitions/${encodeURIComponent(petitionId)}/vote`);
  if (!vote.data) return null;
  const poll = vote.data;
  return (
    <p>
      <Link href={`/polls/${poll.id}`}>
        {poll.status === 'open' ? t('decisions.recall.voteOpen') : t('decisions.recall.voteResult')}
      </Link>
      {poll.status === 'open' && poll.viewer.mayVote && (
        <span className="small muted"> — {t('decisions.recall.youMayVote')}</span>
      )}
    </p>
  );
}

function OpenPetition({ mandateId, onOpened }: { mandateId: string; onOpened: (p: RecallPetition) => void }) {
  const { t } = useTranslation();
  const reasonId = useId();
  const [reason, setReason] = useState('');
  const { errors, setErrors, isSubmitting, run } = useFormSubmit(OPEN_FIELDS);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      setErrors({ fields: { reason: t('petition.reasonRequired') }, form: null });
      return;
    }
    await run(async () => {
      onOpened(
        await api.post<RecallPetition>(`/mandates/${encodeURIComponent(mandateId)}/recall-petitions`, {
          reason: reason.trim(),
        }),
      );
    });
  }

  return (
    <>
      <ErrorSummary items={summaryItems(errors, { reason: reasonId })} />
      <form className="form" noValidate onSubmit={submit}>
        <TextArea
          id={reasonId}
          label={t('petition.reason')}
          hint={t('petition.reasonHint')}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={errors.fields.reason}
          maxLength={2000}
          rows={3}
          required
        />
        <div className="actions">
          <Button type="submit" isBusy={isSubmitting}>
            {t('petition.open')}
          </Button>
        </div>
      </form>
    </>
  );
}

export interface RecallPetitionsProps {
  mandateId: string;
  isActive: boolean;
  /** Whether the reader is a member of the sending council (who may open and sign). */
  mayPetition: boolean;
}

export function RecallPetitions({ mandateId, isActive, mayPetition }: RecallPetitionsProps) {
  const { t, i18n } = useTranslation();
  const base = useId();
  const list = useApi<{ petitions: RecallPetition[] }>(
    `/mandates/${encodeURIComponent(mandateId)}/recall-petitions`,
  );
  const [latest, setLatest] = useState<RecallPetition | null>(null);
  const [news, setNews] = useState('');
  const [failure, setFailure] = useState('');
  const [isSigning, setIsSigning] = useState(false);
  const listed = list.data?.petitions[0] ?? null;
  const petition = latest && (!listed || latest.id === listed.id) ? latest : listed;

  async function sign(id: string) {
    setIsSigning(true);
    setNews('');
    setFailure('');
    try {
      const signed = await api.post<RecallPetition & { crossedThreshold: boolean }>(
        `/recall-petitions/${encodeURIComponent(id)}/signatures`,
        {},
      );
      setLatest(signed);
      setNews(signed.crossedThreshold ? t('petition.thresholdReached') : t('petition.signed'));
    } catch (error) {
      setFailure(errorText(error, i18n));
    } finally {
      setIsSigning(false);
    }
  }

  return (
    <section className="panel" aria-labelledby={`${base}-title`}>
      <h2 className="panel-title" id={`${base}-title`}>
        {t('petition.title')}
      </h2>
      {list.isLoading && !list.data && <Loading label={t('common.loading')} />}
      {list.error !== null && (
        <Notice tone="error" live="alert">
          <p>{errorText(list.error, i18n)}</p>
        </Notice>
      )}
      <div role="status">
        {news && (
          <Notice tone="success">
            <p>{news}</p>
          </Notice>
        )}
      </div>
      <div role="alert">
        {failure && (
          <Notice tone="error">
            <p>{failure}</p>
          </Notice>
        )}
      </div>
      {list.data && !petition && <p>{t('petition.none')}</p>}
      {petition && (
        <>
          <p className="petition-reason">{petition.reason}</p>
          <Progress petition={petition} />
          {petition.status === 'vote-due' && (
            <Notice tone="warning">
              <p>{t('petition.voteDue')}</p>
            </Notice>
          )}
          {petition.status === 'recalled' && <p>{t('decisions.recall.recalled')}</p>}
          {petition.status === 'retained' && <p>{t('decisions.recall.retained')}</p>}
          {petition.status !== 'open' && <RecallVoteLink petitionId={petition.id} key={petition.id} />}
          {mayPetition && isActive && petition.status === 'open' && (
            <div className="actions">
              {petition.viewerHasSigned ? (
                <p className="muted">{t('petition.youSigned')}</p>
              ) : (
                <Button isBusy={isSigning} onClick={() => void sign(petition.id)}>
                  {t('petition.sign')}
                </Button>
              )}
            </div>
          )}
        </>
      )}
      {list.data && !petition && mayPetition && isActive && (
        <OpenPetition
          mandateId={mandateId}
          onOpened={(opened) => {
            setLatest(opened);
            setNews(t('petition.opened'));
            list.reload();
          }}
        />
      )}
      {!mayPetition && isActive && <p className="small muted">{t('petition.whoMay')}</p>}
    </section>
  );
}
