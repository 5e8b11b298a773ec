// What a council's officers record on its demand: a change of status (only those the status table
// allows from the status they see; refused in words if another officer changed it meanwhile) and the
// addressee's answer or a note.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../app/api-client.ts';
import { errorsFromProblems, summaryItems } from '../app/form-errors.ts';
import { Button, ErrorSummary, SelectField, TextArea, TextField } from '../ui/index.ts';
import { nextStatuses } from './demand-list.ts';
import { useDemandsSubmit } from './demands-text.ts';
import type { DemandDetail, ListedStatus } from './demands-types.ts';

const STATUS_FIELDS = ['status', 'note'] as const;
const ANSWER_FIELDS = ['kind', 'text', 'answeredOn'] as const;

export function StatusForm({ demand, onChanged }: { demand: DemandDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const base = useId();
  const choices = nextStatuses(demand.status);
  const [status, setStatus] = useState<ListedStatus | ''>('');
  const [note, setNote] = useState('');
  const { errors, setErrors, isSubmitting, run } = useDemandsSubmit(STATUS_FIELDS);
  const ids = { status: `${base}-status`, note: `${base}-note` };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (status === '' || !choices.includes(status)) {
      setErrors(errorsFromProblems({ status: 'demands.statusForm.statusRequired' }, t));
      return;
    }
    await run(async () => {
      try {
        await api.post(`/demands/${encodeURIComponent(demand.id)}/status`, {
          status,
          fromStatus: demand.status,
          note: note.trim() || null,
        });
      } catch (error) {
        // Another officer moved it: show the demand as it is now, with the refusal in words.
        if (error instanceof ApiError && error.code === 'demand-status-stale') onChanged();
        throw error;
      }
      setStatus('');
      setNote('');
      onChanged();
    });
  }

  if (choices.length === 0) return <p>{t('demands.statusForm.final')}</p>;
  return (
    <>
      <ErrorSummary items={summaryItems(errors, ids)} />
      <form className="form" noValidate onSubmit={submit}>
        <SelectField
          id={ids.status}
          label={t('demands.statusForm.status')}
          value={status}
          onChange={(event) => setStatus(event.target.value as ListedStatus | '')}
          error={errors.fields.status}
          required
        >
          <option value="">{t('demands.statusForm.choose')}</option>
          {choices.map((choice) => (
            <option key={choice} value={choice}>
              {t(`demands.status.${choice}`)}
            </option>
          ))}
        </SelectField>
        <TextArea
          id={ids.note}
          label={t('demands.statusForm.note')}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          error={errors.fields.note}
          maxLength={4000}
          isOptional
        />
        <div className="actions">
          <Button type="submit" isBusy={isSubmitting}>
            {t('demands.statusForm.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}

export function AnswerForm({
  demand,
  today,
  onChanged,
}: {
  demand: DemandDetail;
  today: string;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const base = useId();
  const [kind, setKind] = useState<'answer-received' | 'note'>('answer-received');
  const [text, setText] = useState('');
  const [answeredOn, setAnsweredOn] = useState('');
  const { errors, setErrors, isSubmitting, run } = useDemandsSubmit(ANSWER_FIELDS);
  const ids = { kind: `${base}-kind`, text: `${base}-text`, answeredOn: `${base}-answeredOn` };
  const isAnswer = kind === 'answer-received';

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!text.trim()) problems.text = 'demands.answerForm.textRequired';
    if (isAnswer && answeredOn > today) problems.answeredOn = 'demands.errors.demand-day-in-future';
    if (Object.keys(problems).length > 0) {
      setErrors(errorsFromProblems(problems, t));
      return;
    }
    await run(async () => {
      await api.post(`/demands/${encodeURIComponent(demand.id)}/answers`, {
        kind,
        text: text.trim(),
        answeredOn: isAnswer && answeredOn ? answeredOn : null,
      });
      setText('');
      setAnsweredOn('');
      onChanged();
    });
  }

  return (
    <>
      <ErrorSummary items={summaryItems(errors, ids)} />
      <form className="form" noValidate onSubmit={submit}>
        <SelectField
          id={ids.kind}
          label={t('demands.answerForm.kind')}
          value={kind}
          onChange={(event) => setKind(event.target.value as 'answer-received' | 'note')}
          error={errors.fields.kind}
        >
          <option value="answer-received">{t('demands.answerKind.answer-received')}</option>
          <option value="note">{t('demands.answerKind.note')}</option>
        </SelectField>
        <TextArea
          id={ids.text}
          label={t('demands.answerForm.text')}
          value={text}
          onChange={(event) => setText(event.target.value)}
          error={errors.fields.text}
          maxLength={4000}
          required
        />
        {isAnswer && (
          <TextField
            id={ids.answeredOn}
            type="date"
            label={t('demands.answerForm.answeredOn')}
            value={answeredOn}
            max={today}
            onChange={(event) => setAnsweredOn(event.target.value)}
            error={errors.fields.answeredOn}
            isOptional
          />
        )}
        <div className="actions">
          <Button type="submit" isBusy={isSubmitting}>
            {t('demands.answerForm.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
