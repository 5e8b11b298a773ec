// Proposing a price cap, for a council's secretary or chair: the item, the most per base unit, the
// currency and the days it holds. The cap is adopted only by the council's vote (put to the vote below).
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api-client.ts';
import { errorsFromProblems, summaryItems } from '../app/form-errors.ts';
import { DEFAULT_LANGUAGE } from '../app/languages.ts';
import { type Item, ItemSelect } from '../supply/index.ts';
import { Button, ErrorSummary, TextArea, TextField } from '../ui/index.ts';
import { CurrencyField } from './CurrencyField.tsx';
import { readMoney, usePricesSubmit } from './prices-text.ts';
import type { PriceCap } from './prices-types.ts';

const FIELDS = ['itemId', 'cap', 'currency', 'validFrom', 'validTo', 'note'] as const;

export function CapForm({
  councilId,
  items,
  today,
  onProposed,
}: {
  councilId: string;
  items: readonly Item[];
  today: string;
  onProposed: (cap: PriceCap) => void;
}) {
  const { t, i18n } = useTranslation();
  const base = useId();
  const [itemId, setItemId] = useState('');
  const [cap, setCap] = useState('');
  const [currency, setCurrency] = useState('BOB');
  const [validFrom, setValidFrom] = useState(today);
  const [validTo, setValidTo] = useState('');
  const [note, setNote] = useState('');
  const { errors, setErrors, isSubmitting, run } = usePricesSubmit(FIELDS);
  const ids = Object.fromEntries(FIELDS.map((field) => [field, `${base}-${field}`]));
  const item = items.find((candidate) => candidate.id === itemId);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    const capText = readMoney(cap, [i18n.language, DEFAULT_LANGUAGE]);
    if (!itemId) problems.itemId = 'prices.form.itemRequired';
    if (capText === null) problems.cap = 'prices.form.moneyInvalid';
    if (!/^[A-Z]{3}$/.test(currency.trim())) problems.currency = 'prices.form.currencyInvalid';
    if (!validFrom) problems.validFrom = 'prices.form.dateRequired';
    if (validTo && validTo < validFrom) problems.validTo = 'prices.errors.valid-to-before-from';
    if (Object.keys(problems).length > 0 || capText === null) {
      setErrors(errorsFromProblems(problems, t));
      return;
    }
    await run(async () => {
      const proposed = await api.post<PriceCap>(`/councils/${encodeURIComponent(councilId)}/price-caps`, {
        itemId,
        cap: capText,
        currency: currency.trim(),
        validFrom,
        validTo: validTo || null,
        note: note.trim() || null,
      });
      setCap('');
      setNote('');
      onProposed(proposed);
    });
  }

  return (
    <>
      <ErrorSummary items={summaryItems(errors, ids)} />
      <form className="form" noValidate onSubmit={submit}>
        <ItemSelect
          id={ids.itemId}
          items={items}
          value={itemId}
          onChange={setItemId}
          error={errors.fields.itemId}
        />
        <TextField
          id={ids.cap}
          label={t('prices.capForm.cap', { unit: item?.baseUnit ?? t('prices.capForm.baseUnit') })}
          hint={t('prices.capForm.capHint')}
          inputMode="decimal"
          value={cap}
          onChange={(event) => setCap(event.target.value)}
          error={errors.fields.cap}
          required
        />
        <CurrencyField
          id={ids.currency}
          value={currency}
          onChange={setCurrency}
          error={errors.fields.currency}
        />
        <TextField
          id={ids.validFrom}
          type="date"
          label={t('prices.capForm.validFrom')}
          value={validFrom}
          onChange={(event) => setValidFrom(event.target.value)}
          error={errors.fields.validFrom}
          required
        />
        <TextField
          id={ids.validTo}
          type="date"
          label={t('prices.capForm.validTo')}
          hint={t('prices.capForm.validToHint')}
          value={validTo}
          onChange={(event) => setValidTo(event.target.value)}
          error={errors.fields.validTo}
          isOptional
        />
        <TextArea
          id={ids.note}
          label={t('prices.capForm.note')}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          error={errors.fields.note}
          maxLength={1000}
          isOptional
        />
        <div className="actions">
          <Button type="submit" isBusy={isSubmitting}>
            {t('prices.capForm.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
