// A leading officer of the parent body decides a requisition: approve all of it, approve less (never
// more: the server refuses it), or reject it — with a note the asking council reads.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api-client.ts';
import { errorsFromProblems, summaryItems } from '../app/form-errors.ts';
import { Button, ErrorSummary, TextArea, TextField } from '../ui/index.ts';
import { milliToTyped, parseMilli, parseQuantity, useQuantity } from './quantity.ts';
import { UnitSelect } from './SupplyParts.tsx';
import { useSupplySubmit } from './supply-text.ts';
import type { Item, Requisition } from './supply-types.ts';

const FIELDS = ['decision', 'quantity', 'unit', 'note'] as const;
type Choice = 'all' | 'less' | 'reject';

export function DecisionForm({
  requisition,
  item,
  onDecided,
}: {
  requisition: Requisition;
  item: Item | undefined;
  onDecided: (decided: Requisition) => void;
}) {
  const { t } = useTranslation();
  const { quantity: formatQuantity } = useQuantity();
  const base = useId();
  const [choice, setChoice] = useState<Choice>('all');
  const [quantity, setQuantity] = useState(milliToTyped(requisition.requestedMilli));
  const [unit, setUnit] = useState('');
  const [note, setNote] = useState('');
  const { errors, setErrors, isSubmitting, run } = useSupplySubmit(FIELDS);
  const ids = Object.fromEntries(FIELDS.map((field) => [field, `${base}-${field}`]));
  const asked = formatQuantity(requisition.requestedMilli, item?.baseUnit ?? '');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (choice === 'less') {
      const milli = parseMilli(quantity);
      const perUnit = unit ? Number(item?.units.find((u) => u.unit === unit)?.milliPerUnit ?? 0) : 1000;
      let problem: string | null = null;
      if (milli === null) problem = 'supply.check.quantity';
      else if (milli === 0) problem = 'supply.check.quantityZero';
      else if ((BigInt(milli) * BigInt(perUnit)) / 1000n > BigInt(requisition.requestedMilli))
        problem = 'supply.decision.moreThanAsked';
      if (problem) {
        setErrors(errorsFromProblems({ quantity: problem }, t));
        return;
      }
    }
    await run(async () => {
      const body =
        choice === 'reject'
          ? { decision: 'reject', ...(note.trim() ? { note: note.trim() } : {}) }
          : {
              decision: 'approve',
              ...(choice === 'less' ? { quantity: parseQuantity(quantity) } : {}),
              ...(choice === 'less' && unit ? { unit } : {}),
              ...(note.trim() ? { note: note.trim() } : {}),
            };
      const decided = await api.post<Requisition>(
        `/requisitions/${encodeURIComponent(requisition.id)}/decision`,
        body,
      );
      onDecided(decided);
    });
  }

  const options: { value: Choice; label: string; detail: string }[] = [
    { value: 'all', label: t('supply.decision.approveAll'), detail: asked },
    {
      value: 'less',
      label: t('supply.decision.approveLess'),
      detail: t('supply.decision.approveLessDetail'),
    },
    { value: 'reject', label: t('supply.decision.reject'), detail: t('supply.decision.rejectDetail') },
  ];

  return (
    <>
      <ErrorSummary items={summaryItems(errors, ids)} />
      <form className="form" noValidate onSubmit={submit}>
        <fieldset id={ids.decision}>
          <legend>{t('supply.decision.legend')}</legend>
          <ul className="choice-list">
            {options.map((option) => (
              <li key={option.value}>
                <label className="choice">
                  <input
                    type="radio"
                    name={`${base}-decision`}
                    value={option.value}
                    checked={choice === option.value}
                    onChange={() => setChoice(option.value)}
                  />
                  <span>
                    <strong>{option.label}</strong>
                    <span className="choice-detail">{option.detail}</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        {choice === 'less' && (
          <div className="field-pair">
            <TextField
              id={ids.quantity}
              label={t('supply.decision.quantity')}
              hint={t('supply.form.quantityHint')}
              inputMode="decimal"
              autoComplete="off"
              value={quantity}
              onChange={(event) => setQuantity(event.target.value)}
              error={errors.fields.quantity}
            />
            <UnitSelect
              id={ids.unit}
              item={item}
              value={unit}
              onChange={setUnit}
              error={errors.fields.unit}
            />
          </div>
        )}
        <TextArea
          id={ids.note}
          label={t('supply.decision.note')}
          hint={t('supply.decision.noteHint')}
          isOptional
          rows={2}
          maxLength={1000}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          error={errors.fields.note}
        />
        <div className="actions">
          <Button type="submit" variant={choice === 'reject' ? 'danger' : 'primary'} isBusy={isSubmitting}>
            {choice === 'reject' ? t('supply.decision.submitReject') : t('supply.decision.submitApprove')}
          </Button>
        </div>
      </form>
    </>
  );
}
