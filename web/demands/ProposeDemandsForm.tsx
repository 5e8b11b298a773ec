// Proposing demands, for a council's secretary or chair: one demand or a whole list, one a line, made to
// one addressee (and, if they were raised before the list was kept here, the day they were). They join
// the list only by the council's vote, put below.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api-client.ts';
import { errorsFromProblems, summaryItems } from '../app/form-errors.ts';
import { Button, ErrorSummary, TextArea, TextField } from '../ui/index.ts';
import { demandLines, MAX_DEMAND_TEXT, MAX_DEMANDS_PER_BATCH } from './demand-list.ts';
import { useDemandsSubmit } from './demands-text.ts';
import type { DemandBatch } from './demands-types.ts';

/** `text` and `demands` are the server's names for the list (a line's text, the whole list). */
const FIELDS = ['text', 'demands', 'addressee', 'raisedOn'] as const;

export function ProposeDemandsForm({
  councilId,
  today,
  onProposed,
}: {
  councilId: string;
  today: string;
  onProposed: (batch: DemandBatch) => void;
}) {
  const { t } = useTranslation();
  const base = useId();
  const [list, setList] = useState('');
  const [addressee, setAddressee] = useState('');
  const [raisedOn, setRaisedOn] = useState('');
  const { errors, setErrors, isSubmitting, run } = useDemandsSubmit(FIELDS);
  const ids = {
    text: `${base}-text`,
    demands: `${base}-text`,
    addressee: `${base}-addressee`,
    raisedOn: `${base}-raisedOn`,
  };
  const lines = demandLines(list);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (lines.length === 0) problems.text = 'demands.form.textRequired';
    else if (lines.length > MAX_DEMANDS_PER_BATCH) problems.text = 'demands.form.tooMany';
    else if (lines.some((line) => line.length > MAX_DEMAND_TEXT)) problems.text = 'demands.form.tooLong';
    if (!addressee.trim()) problems.addressee = 'demands.form.addresseeRequired';
    if (raisedOn && raisedOn > today) problems.raisedOn = 'demands.errors.demand-day-in-future';
    if (Object.keys(problems).length > 0) {
      setErrors(errorsFromProblems(problems, t));
      return;
    }
    await run(async () => {
      const batch = await api.post<DemandBatch>(`/councils/${encodeURIComponent(councilId)}/demands`, {
        demands: lines.map((text) => ({ text, addressee: addressee.trim(), raisedOn: raisedOn || null })),
      });
      setList('');
      onProposed(batch);
    });
  }

  return (
    <>
      <ErrorSummary items={summaryItems(errors, ids)} />
      <form className="form" noValidate onSubmit={submit}>
        <TextArea
          id={ids.text}
          label={t('demands.form.text')}
          hint={t('demands.form.textHint')}
          value={list}
          onChange={(event) => setList(event.target.value)}
          error={errors.fields.text ?? errors.fields.demands}
          rows={6}
          required
        />
        <TextField
          id={ids.addressee}
          label={t('demands.form.addressee')}
          hint={t('demands.form.addresseeHint')}
          value={addressee}
          onChange={(event) => setAddressee(event.target.value)}
          error={errors.fields.addressee}
          maxLength={300}
          required
        />
        <TextField
          id={ids.raisedOn}
          type="date"
          label={t('demands.form.raisedOn')}
          hint={t('demands.form.raisedOnHint')}
          value={raisedOn}
          max={today}
          onChange={(event) => setRaisedOn(event.target.value)}
          error={errors.fields.raisedOn}
          isOptional
        />
        <p className="muted">{t('demands.form.count', { n: lines.length })}</p>
        <div className="actions">
          <Button type="submit" isBusy={isSubmitting}>
            {t('demands.form.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
