// Recording a receipt (with its source), an issue or a distribution, or a loss (with its reason) at a
// depot, now or back-dated. The server refuses anything that would take a balance below zero at any
// point in time; that error lands on the quantity.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api-client.ts';
import { errorsFromProblems, summaryItems } from '../app/form-errors.ts';
import { Button, ErrorSummary, Notice, SelectField, TextArea, TextField } from '../ui/index.ts';
import { useQuantity } from './quantity.ts';
import { ItemSelect, UnitSelect } from './SupplyParts.tsx';
import { checkStockEvent, emptyStockEvent, type StockEventValues, stockEventBody } from './stock-forms.ts';
import { useSupplySubmit } from './supply-text.ts';
import {
  type Item,
  RECEIPT_SOURCES,
  type RecordedKind,
  type RecordedStockEvent,
  STOCK_REASONS,
} from './supply-types.ts';

const FIELDS = ['kind', 'itemId', 'quantity', 'unit', 'source', 'reason', 'occurredAt', 'note'] as const;
export type StockFormMode = 'receipt' | 'issue' | 'loss';

export function StockEventForm({
  depotId,
  mode,
  items,
  onRecorded,
}: {
  depotId: string;
  mode: StockFormMode;
  items: Item[];
  onRecorded: () => void;
}) {
  const { t } = useTranslation();
  const base = useId();
  const { quantity } = useQuantity();
  const [values, setValues] = useState<StockEventValues>(() => emptyStockEvent(mode));
  const [done, setDone] = useState('');
  const { errors, setErrors, isSubmitting, run } = useSupplySubmit(FIELDS);
  const ids = Object.fromEntries(FIELDS.map((field) => [field, `${base}-${field}`]));
  const item = items.find((candidate) => candidate.id === values.itemId);
  const set = <K extends keyof StockEventValues>(key: K, value: StockEventValues[K]) =>
    setValues((held) => ({ ...held, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone('');
    const problems = checkStockEvent(values, new Date());
    if (Object.keys(problems).length > 0) {
      setErrors(errorsFromProblems(problems, t));
      return;
    }
    await run(async () => {
      const recorded = await api.post<RecordedStockEvent>(
        `/depots/${encodeURIComponent(depotId)}/stock-events`,
        stockEventBody(values),
      );
      setDone(
        t('supply.stockForm.recorded', {
          item: item?.name ?? '',
          balance: quantity(recorded.balanceMilli, item?.baseUnit ?? ''),
        }),
      );
      setValues(emptyStockEvent(mode, values.itemId));
      onRecorded();
    });
  }

  return (
    <>
      <ErrorSummary items={summaryItems(errors, ids)} />
      <div role="status">{done && <Notice tone="success" title={done} />}</div>
      <form className="form" noValidate onSubmit={submit}>
        {mode === 'issue' && (
          <SelectField
            id={ids.kind}
            label={t('supply.stockForm.kind')}
            hint={t('supply.stockForm.kindHint')}
            value={values.kind}
            onChange={(event) => set('kind', event.target.value as RecordedKind)}
          >
            <option value="issue">{t('supply.eventKind.issue')}</option>
            <option value="distribution">{t('supply.eventKind.distribution')}</option>
          </SelectField>
        )}
        <ItemSelect
          id={ids.itemId}
          items={items}
          value={values.itemId}
          onChange={(itemId) => setValues((held) => ({ ...held, itemId, unit: '' }))}
          error={errors.fields.itemId}
        />
        <div className="field-pair">
          <TextField
            id={ids.quantity}
            label={t('supply.form.quantity')}
            hint={t('supply.form.quantityHint')}
            inputMode="decimal"
            autoComplete="off"
            value={values.quantity}
            onChange={(event) => set('quantity', event.target.value)}
            error={errors.fields.quantity}
          />
          <UnitSelect
            id={ids.unit}
            item={item}
            value={values.unit}
            onChange={(unit) => set('unit', unit)}
            error={errors.fields.unit}
          />
        </div>
        {mode === 'receipt' && (
          <SelectField
            id={ids.source}
            label={t('supply.stockForm.source')}
            value={values.source}
            onChange={(event) => set('source', event.target.value as StockEventValues['source'])}
            error={errors.fields.source}
          >
            <option value="">{t('supply.form.choose')}</option>
            {RECEIPT_SOURCES.map((source) => (
              <option key={source} value={source}>
                {t(`supply.source.${source}`)}
              </option>
            ))}
          </SelectField>
        )}
        {mode === 'loss' && (
          <SelectField
            id={ids.reason}
            label={t('supply.form.reason')}
            value={values.reason}
            onChange={(event) => set('reason', event.target.value as StockEventValues['reason'])}
            error={errors.fields.reason}
          >
            <option value="">{t('supply.form.choose')}</option>
            {STOCK_REASONS.map((reason) => (
              <option key={reason} value={reason}>
                {t(`supply.reason.${reason}`)}
              </option>
            ))}
          </SelectField>
        )}
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
            {t(`supply.stockForm.submit.${mode}`)}
          </Button>
        </div>
      </form>
    </>
  );
}
