// A physical count: what is on the shelf becomes the balance, with a reason when it differs from the
// books (the server asks for one only then).
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api-client.ts';
import { errorsFromProblems, summaryItems } from '../app/form-errors.ts';
import { Button, ErrorSummary, Notice, SelectField, TextArea, TextField } from '../ui/index.ts';
import { useQuantity } from './quantity.ts';
import { ItemSelect, UnitSelect } from './SupplyParts.tsx';
import { type CountValues, checkCount, countBody } from './stock-forms.ts';
import { useSupplySubmit } from './supply-text.ts';
import { type Item, type RecordedStockEvent, STOCK_REASONS } from './supply-types.ts';

const FIELDS = ['itemId', 'counted', 'unit', 'reason', 'occurredAt', 'note'] as const;
const emptyCount = (itemId = ''): CountValues => ({
  itemId,
  counted: '',
  unit: '',
  reason: '',
  occurredAt: '',
  note: '',
});

export function CountForm({
  depotId,
  items,
  onRecorded,
}: {
  depotId: string;
  items: Item[];
  onRecorded: () => void;
}) {
  const { t } = useTranslation();
  const base = useId();
  const { quantity } = useQuantity();
  const [values, setValues] = useState<CountValues>(() => emptyCount());
  const [done, setDone] = useState('');
  const { errors, setErrors, isSubmitting, run } = useSupplySubmit(FIELDS);
  const ids = Object.fromEntries(FIELDS.map((field) => [field, `${base}-${field}`]));
  const item = items.find((candidate) => candidate.id === values.itemId);
  const set = <K extends keyof CountValues>(key: K, value: CountValues[K]) =>
    setValues((held) => ({ ...held, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone('');
    const problems = checkCount(values, new Date());
    if (Object.keys(problems).length > 0) {
      setErrors(errorsFromProblems(problems, t));
      return;
    }
    await run(async () => {
      const recorded = await api.post<RecordedStockEvent>(
        `/depots/${encodeURIComponent(depotId)}/counts`,
        countBody(values),
      );
      setDone(
        t('supply.stockForm.recorded', {
          item: item?.name ?? '',
          balance: quantity(recorded.balanceMilli, item?.baseUnit ?? ''),
        }),
      );
      setValues(emptyCount(values.itemId));
      onRecorded();
    });
  }

  return (
    <>
      <ErrorSummary items={summaryItems(errors, ids)} />
      <div role="status">{done && <Notice tone="success" title={done} />}</div>
      <form className="form" noValidate onSubmit={submit}>
        <ItemSelect
          id={ids.itemId}
          items={items}
          value={values.itemId}
          onChange={(itemId) => setValues((held) => ({ ...held, itemId, unit: '' }))}
          error={errors.fields.itemId}
        />
        <div className="field-pair">
          <TextField
            id={ids.counted}
            label={t('supply.countForm.counted')}
            hint={t('supply.countForm.countedHint')}
            inputMode="decimal"
            autoComplete="off"
            value={values.counted}
            onChange={(event) => set('counted', event.target.value)}
            error={errors.fields.counted}
          />
          <UnitSelect
            id={ids.unit}
            item={item}
            value={values.unit}
            onChange={(unit) => set('unit', unit)}
            error={errors.fields.unit}
          />
        </div>
        <SelectField
          id={ids.reason}
          label={t('supply.countForm.reason')}
          hint={t('supply.countForm.reasonHint')}
          value={values.reason}
          onChange={(event) => set('reason', event.target.value as CountValues['reason'])}
          error={errors.fields.reason}
        >
          <option value="">{t('supply.form.choose')}</option>
          {STOCK_REASONS.map((reason) => (
            <option key={reason} value={reason}>
              {t(`supply.reason.${reason}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          id={ids.occurredAt}
          type="datetime-local"
          label={t('supply.form.occurredAt')}
          hint={t('supply.form.occurredAtHint')}
          isOptional
          value={values.occurredAt}
          onChange={(event) => set('occurredAt', event.target.value)}
          error={errors.fields.occurredAt}
        />
        <TextArea
          id={ids.note}
          label={t('supply.form.note')}
          isOptional
          rows={2}
          maxLength={1000}
          value={values.note}
          onChange={(event) => set('note', event.target.value)}
          error={errors.fields.note}
        />
        <div className="actions">
          <Button type="submit" isBusy={isSubmitting}>
            {t('supply.countForm.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
