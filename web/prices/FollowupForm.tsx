// An officer's next step on a violation: a warning to the seller, an inspection, its resolution, or a
// note. A resolved violation takes only notes (the server says so too).
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api-client.ts';
import { errorsFromProblems, summaryItems } from '../app/form-errors.ts';
import { Button, ErrorSummary, SelectField, TextArea } from '../ui/index.ts';
import { usePricesSubmit } from './prices-text.ts';
import { FOLLOWUP_ACTIONS, type FollowupAction, type Violation } from './prices-types.ts';

const FIELDS = ['action', 'note'] as const;

export function FollowupForm({ violation, onDone }: { violation: Violation; onDone: () => void }) {
  const { t } = useTranslation();
  const base = useId();
  const isResolved = violation.status === 'resolved';
  const choices = isResolved ? (['note'] as const) : FOLLOWUP_ACTIONS;
  const [action, setAction] = useState<FollowupAction>(isResolved ? 'note' : 'warning');
  const [note, setNote] = useState('');
  const { errors, setErrors, isSubmitting, run } = usePricesSubmit(FIELDS);
  const ids = Object.fromEntries(FIELDS.map((field) => [field, `${base}-${field}`]));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (action === 'note' && !note.trim()) {
      setErrors(errorsFromProblems({ note: 'prices.errors.note-required' }, t));
      return;
    }
    await run(async () => {
      await api.post(`/price-violations/${encodeURIComponent(violation.id)}/followups`, {
        action,
        note: note.trim() || null,
      });
      setNote('');
      onDone();
    });
  }

  return (
    <>
      <ErrorSummary items={summaryItems(errors, ids)} />
      <form className="form followup-form" noValidate onSubmit={submit}>
        <SelectField
          id={ids.action}
          label={t('prices.followup.action')}
          value={action}
          onChange={(event) => setAction(event.target.value as FollowupAction)}
          error={errors.fields.action}
        >
          {choices.map((choice) => (
            <option key={choice} value={choice}>
              {t(`prices.followupAction.${choice}`)}
            </option>
          ))}
        </SelectField>
        <TextArea
          id={ids.note}
          label={t('prices.followup.note')}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          error={errors.fields.note}
          maxLength={1000}
          isOptional={action !== 'note'}
        />
        <div className="actions">
          <Button type="submit" isBusy={isSubmitting}>
            {t('prices.followup.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
