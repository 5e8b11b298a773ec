// A member reports a price seen in a shop or market of the council's territory: the seller, the item, the
// quantity in any unit of the item (a 46 kg quintal becomes a price per kg on the server), the price paid
// or asked, the day. The answer says at once whether it is above the cap in force.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api-client.ts';
import { errorsFromProblems, summaryItems } from '../app/form-errors.ts';
import { useFormat } from '../app/format.ts';
import { DEFAULT_LANGUAGE } from '../app/languages.ts';
import { type Item, ItemSelect, UnitSelect } from '../supply/index.ts';
import { Button, ErrorSummary, Notice, TextArea, TextField } from '../ui/index.ts';
import { CurrencyField } from './CurrencyField.tsx';
import { centsText, readMoney, readQuantity, usePricesSubmit } from './prices-text.ts';
import type { PriceReport } from './prices-types.ts';

const FIELDS = [
  'seller',
  'market',
  'itemId',
  'quantity',
  'unit',
  'price',
  'currency',
  'observedOn',
  'note',
] as const;

export function ReportPriceForm({
  councilId,
  items,
  today,
  onReported,
}: {
  councilId: string;
  items: readonly Item[];
  today: string;
  onReported: (report: PriceReport) => void;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const base = useId();
  const [seller, setSeller] = useState('');
  const [market, setMarket] = useState('');
  const [itemId, setItemId] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [unit, setUnit] = useState('');
  const [price, setPrice] = useState('');
  const [currency, setCurrency] = useState('BOB');
  const [observedOn, setObservedOn] = useState(today);
  const [note, setNote] = useState('');
  const [reported, setReported] = useState<PriceReport | null>(null);
  const { errors, setErrors, isSubmitting, run } = usePricesSubmit(FIELDS);
  const ids = Object.fromEntries(FIELDS.map((field) => [field, `${base}-${field}`]));
  const item = items.find((candidate) => candidate.id === itemId);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    const locales = [i18n.language, DEFAULT_LANGUAGE];
    const quantityText = readQuantity(quantity, locales);
    const priceText = readMoney(price, locales);
    if (!seller.trim()) problems.seller = 'prices.reportForm.sellerRequired';
    if (!itemId) problems.itemId = 'prices.form.itemRequired';
    if (quantityText === null) problems.quantity = 'prices.form.quantityInvalid';
    if (priceText === null) problems.price = 'prices.form.moneyInvalid';
    if (!/^[A-Z]{3}$/.test(currency.trim())) problems.currency = 'prices.form.currencyInvalid';
    if (!observedOn) problems.observedOn = 'prices.form.dateRequired';
    if (Object.keys(problems).length > 0 || quantityText === null || priceText === null) {
      setErrors(errorsFromProblems(problems, t));
      return;
    }
    setReported(null);
    await run(async () => {
      const report = await api.post<PriceReport>(`/councils/${encodeURIComponent(councilId)}/price-reports`, {
        seller: seller.trim(),
        market: market.trim() || null,
        itemId,
        quantity: quantityText,
        ...(unit ? { unit } : {}),
        price: priceText,
        currency: currency.trim(),
        observedOn,
        note: note.trim() || null,
      });
      setReported(report);
      setPrice('');
      setNote('');
      onReported(report);
    });
  }

  return (
    <>
      <ErrorSummary items={summaryItems(errors, ids)} />
      <div role="status">
        {reported && (
          <Notice tone={reported.violationId ? 'warning' : 'success'}>
            <p>
              {reported.violationId
                ? t('prices.reportForm.aboveCap', {
                    price: format.decimal(centsText(reported.basePriceCents)),
                    currency: reported.currency,
                    unit: reported.baseUnit,
                  })
                : t('prices.reportForm.recorded', {
                    price: format.decimal(centsText(reported.basePriceCents)),
                    currency: reported.currency,
                    unit: reported.baseUnit,
                  })}
            </p>
          </Notice>
        )}
      </div>
      <form className="form" noValidate onSubmit={submit}>
        <TextField
          id={ids.seller}
          label={t('prices.reportForm.seller')}
          hint={t('prices.reportForm.sellerHint')}
          value={seller}
          onChange={(event) => setSeller(event.target.value)}
          error={errors.fields.seller}
          maxLength={200}
          required
        />
        <TextField
          id={ids.market}
          label={t('prices.reportForm.market')}
          value={market}
          onChange={(event) => setMarket(event.target.value)}
          error={errors.fields.market}
          maxLength={200}
          isOptional
        />
        <ItemSelect
          id={ids.itemId}
          items={items}
          value={itemId}
          onChange={(id) => {
            setItemId(id);
            setUnit('');
          }}
          error={errors.fields.itemId}
        />
        <TextField
          id={ids.quantity}
          label={t('prices.reportForm.quantity')}
          inputMode="decimal"
          value={quantity}
          onChange={(event) => setQuantity(event.target.value)}
          error={errors.fields.quantity}
          required
        />
        <UnitSelect id={ids.unit} item={item} value={unit} onChange={setUnit} error={errors.fields.unit} />
        <TextField
          id={ids.price}
          label={t('prices.reportForm.price')}
          hint={t('prices.reportForm.priceHint')}
          inputMode="decimal"
          value={price}
          onChange={(event) => setPrice(event.target.value)}
          error={errors.fields.price}
          required
        />
        <CurrencyField
          id={ids.currency}
          value={currency}
          onChange={setCurrency}
          error={errors.fields.currency}
        />
        <TextField
          id={ids.observedOn}
          type="date"
          label={t('prices.reportForm.observedOn')}
          value={observedOn}
          max={today}
          onChange={(event) => setObservedOn(event.target.value)}
          error={errors.fields.observedOn}
          required
        />
        <TextArea
          id={ids.note}
          label={t('prices.reportForm.note')}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          error={errors.fields.note}
          maxLength={1000}
          isOptional
        />
        <div className="actions">
          <Button type="submit" isBusy={isSubmitting}>
            {t('prices.reportForm.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
