// The vote panel of an open poll: the mandate to vote with (delegates with several), then the ballot —
// a yes-no radio group (or, for a delegate where splitting is allowed, three amounts in votes), radios
// for plurality, checkboxes for approval, one select per rank for the ranked methods — and, once cast,
// the receipt code. Problems are listed in a focused summary and tied to their fieldset.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api-client.ts';
import type { BallotReceipt, Poll, YesNoChoice } from '../app/api-types.ts';
import { summaryItems } from '../app/form-errors.ts';
import { Button, CheckboxField, ErrorSummary, Notice, SelectField, TextField } from '../ui/index.ts';
import {
  type BallotDraft,
  ballotBody,
  ballotShape,
  ONE_VOTE_MILLIS,
  optionsFreeAt,
  setRank,
  toggleMark,
} from './ballot-form.ts';
import { useVotes } from './decisions-text.ts';
import { ReceiptCard } from './ReceiptCard.tsx';
import { useDecisionSubmit } from './use-decision-submit.ts';

const FIELDS = ['choice', 'split', 'ranking', 'mandateId'] as const;
const CHOICES: YesNoChoice[] = ['yes', 'no', 'abstain'];

function initialDraft(poll: Poll): BallotDraft {
  const shape = ballotShape(poll);
  if (shape === 'yes-no') return { kind: 'choice', choice: null };
  if (shape === 'ranks')
    return { kind: 'ranks', ranks: Array(Math.min(poll.maxMarks, poll.options.length)).fill(null) };
  return { kind: 'marks', marked: [] };
}

function FieldsetError({ id, message }: { id: string; message: string | undefined }) {
  const { t } = useTranslation();
  if (!message) return null;
  return (
    <p className="field-error" id={id}>
      <span className="visually-hidden">{t('ui.errorPrefix')} </span>
      {message}
    </p>
  );
}

function BallotFields({
  poll,
  draft,
  onDraft,
  weightMillis,
  errorId,
  error,
}: {
  poll: Poll;
  draft: BallotDraft;
  onDraft: (draft: BallotDraft) => void;
  weightMillis: number;
  errorId: string;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const votes = useVotes();
  const base = useId();
  const described = error ? errorId : undefined;

  if (draft.kind === 'choice' || draft.kind === 'split') {
    const isSplit = draft.kind === 'split';
    return (
      <>
        {poll.allowSplit && weightMillis !== ONE_VOTE_MILLIS && (
          <CheckboxField
            label={t('decisions.vote.splitToggle')}
            hint={t('decisions.vote.splitHint', { weight: votes(weightMillis) })}
            checked={isSplit}
            onChange={(event) =>
              onDraft(
                event.target.checked
                  ? { kind: 'split', yes: '', no: '', abstain: '' }
                  : { kind: 'choice', choice: null },
              )
            }
          />
        )}
        {draft.kind === 'split' ? (
          <fieldset aria-describedby={[`${base}-sum`, described].filter(Boolean).join(' ')}>
            <legend>{t('decisions.vote.splitLegend')}</legend>
            <p className="field-hint" id={`${base}-sum`}>
              {t('decisions.vote.splitSumHint', { weight: votes(weightMillis) })}
            </p>
            <FieldsetError id={errorId} message={error} />
            <div className="split-fields">
              {CHOICES.map((choice) => (
                <TextField
                  key={choice}
                  label={t(`decisions.choice.${choice}`)}
                  inputMode="decimal"
                  autoComplete="off"
                  className="input--short"
                  value={draft[choice]}
                  onChange={(event) => onDraft({ ...draft, [choice]: event.target.value })}
                />
              ))}
            </div>
          </fieldset>
        ) : (
          <fieldset aria-describedby={described}>
            <legend>{t('decisions.vote.yourVote')}</legend>
            <FieldsetError id={errorId} message={error} />
            <ul className="choice-list">
              {CHOICES.map((choice) => (
                <li key={choice}>
                  <label className="choice">
                    <input
                      type="radio"
                      name={`${base}-choice`}
                      checked={draft.choice === choice}
                      onChange={() => onDraft({ kind: 'choice', choice })}
                    />
                    <strong>{t(`decisions.choice.${choice}`)}</strong>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        )}
      </>
    );
  }

  if (draft.kind === 'marks') {
    const isSingle = ballotShape(poll) === 'single';
    return (
      <fieldset aria-describedby={described}>
        <legend>
          {isSingle ? t('decisions.vote.pickOne') : t('decisions.vote.pickUpTo', { count: poll.maxMarks })}
        </legend>
        <FieldsetError id={errorId} message={error} />
        <ul className="choice-list">
          {poll.options.map((option, index) => (
            <li key={option.label}>
              <label className="choice">
                <input
                  type={isSingle ? 'radio' : 'checkbox'}
                  name={`${base}-marks`}
                  checked={draft.marked.includes(index)}
                  onChange={() =>
                    onDraft({
                      kind: 'marks',
                      marked: isSingle ? [index] : toggleMark(draft.marked, index, poll.maxMarks),
                    })
                  }
                />
                <strong>{option.label}</strong>
              </label>
            </li>
          ))}
        </ul>
        {!isSingle && (
          <p className="field-hint" aria-live="polite">
            {t('decisions.vote.marked', { count: draft.marked.length, max: poll.maxMarks })}
          </p>
        )}
      </fieldset>
    );
  }

  return (
    <fieldset aria-describedby={[`${base}-how`, described].filter(Boolean).join(' ')}>
      <legend>{t('decisions.vote.rankLegend')}</legend>
      <p className="field-hint" id={`${base}-how`}>
        {t('decisions.vote.rankHint', { count: draft.ranks.length })}
      </p>
      <FieldsetError id={errorId} message={error} />
      <div className="rank-fields">
        {draft.ranks.map((held, rank) => (
          <SelectField
            // Ranks are positions 1…n, fixed for the poll.
            // biome-ignore lint/suspicious/noArrayIndexKey: a rank is its position
            key={rank}
            label={t('decisions.vote.rank', { rank: rank + 1 })}
            value={held === null ? '' : String(held)}
            onChange={(event) =>
              onDraft({
                kind: 'ranks',
                ranks: setRank(
                  draft.ranks,
                  rank,
                  event.target.value === '' ? null : Number(event.target.value),
                ),
              })
            }
          >
            <option value="">{t('decisions.vote.rankNone')}</option>
            {optionsFreeAt(draft.ranks, rank, poll.options.length).map((option) => (
              <option key={option} value={option}>
                {poll.options[option]?.label}
              </option>
            ))}
          </SelectField>
        ))}
      </div>
    </fieldset>
  );
}

export function VotePanel({ poll, onVoted }: { poll: Poll; onVoted: () => void }) {
  const { t } = useTranslation();
  const votes = useVotes();
  const base = useId();
  const [draft, setDraft] = useState<BallotDraft>(() => initialDraft(poll));
  const [mandateId, setMandateId] = useState<string>('');
  const [receipts, setReceipts] = useState<BallotReceipt[]>([]);
  const { errors, setErrors, isSubmitting, run } = useDecisionSubmit(FIELDS);

  const mandates = poll.viewer.votableMandates;
  const needsMandate = poll.electorate === 'mandates';
  const mandate =
    mandates.length === 1 ? (mandates[0] ?? null) : (mandates.find((m) => m.mandateId === mandateId) ?? null);
  const weightMillis = mandate?.weightMillis ?? ONE_VOTE_MILLIS;
  const ballotError = errors.fields.choice ?? errors.fields.split ?? errors.fields.ranking ?? undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = ballotBody(poll, draft, mandate, needsMandate);
    if (!checked.ok) {
      const field =
        checked.field === 'mandate' ? 'mandateId' : checked.field === 'split' ? 'split' : 'choice';
      setErrors({ fields: { [field]: t(checked.problem) }, form: null });
      return;
    }
    await run(async () => {
      const receipt = await api.post<BallotReceipt>(
        `/polls/${encodeURIComponent(poll.id)}/ballots`,
        checked.body,
      );
      setReceipts((held) => [...held, receipt]);
      setDraft(initialDraft(poll));
      setMandateId('');
      onVoted();
    });
  }

  const ballotFieldId = `${base}-ballot`;
  const mandateFieldId = `${base}-mandate`;
  const isOpen = poll.status === 'open';

  return (
    <section className="panel vote-panel" aria-labelledby={`${base}-title`}>
      <h2 className="panel-title" id={`${base}-title`}>
        {t('decisions.vote.title')}
      </h2>
      {receipts.map((receipt) => (
        <ReceiptCard key={receipt.receiptCode} receipt={receipt} />
      ))}
      {isOpen && !poll.viewer.mayVote && receipts.length === 0 && (
        <Notice tone="info">
          <p>{poll.viewer.hasVoted ? t('decisions.vote.alreadyVoted') : t('decisions.vote.mayNotVote')}</p>
        </Notice>
      )}
      {!isOpen && receipts.length === 0 && <p>{t('decisions.vote.closed')}</p>}
      {isOpen && poll.viewer.mayVote && (
        <>
          <ErrorSummary
            items={summaryItems(errors, {
              choice: ballotFieldId,
              split: ballotFieldId,
              ranking: ballotFieldId,
              mandateId: mandateFieldId,
            })}
          />
          <form className="form" noValidate onSubmit={submit}>
            {needsMandate && mandates.length > 1 && (
              <SelectField
                id={mandateFieldId}
                label={t('decisions.vote.mandate')}
                hint={t('decisions.vote.mandateHint')}
                value={mandateId}
                onChange={(event) => setMandateId(event.target.value)}
                error={errors.fields.mandateId}
              >
                <option value="">{t('decisions.vote.mandateNone')}</option>
                {mandates.map((m, index) => (
                  <option key={m.mandateId} value={m.mandateId}>
                    {t('decisions.vote.mandateOption', { number: index + 1, weight: votes(m.weightMillis) })}
                  </option>
                ))}
              </SelectField>
            )}
            {needsMandate && mandates.length === 1 && (
              <p className="muted">{t('decisions.vote.weight', { weight: votes(weightMillis) })}</p>
            )}
            <div id={ballotFieldId} tabIndex={-1}>
              <BallotFields
                poll={poll}
                draft={draft}
                onDraft={setDraft}
                weightMillis={weightMillis}
                errorId={`${base}-ballot-error`}
                error={ballotError}
              />
            </div>
            <p className="small muted">
              {poll.secrecy === 'secret'
                ? t('decisions.vote.secretNote')
                : poll.secrecy === 'roll-call'
                  ? t('decisions.vote.rollCallNote')
                  : t('decisions.vote.openNote')}
            </p>
            <div className="actions">
              <Button type="submit" isBusy={isSubmitting}>
                {t('decisions.vote.cast')}
              </Button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}
