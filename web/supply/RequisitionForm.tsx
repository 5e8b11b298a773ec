// Asking the parent body for an item, delivered to one of the council's depots. The council's stock and
// its 30-day use are not typed here: the server attaches them from the council's own stock ledger.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api-client.ts';
import { errorsFromProblems, summaryItems } from '../app/form-errors.ts';
import { Button, ErrorSummary, SelectField, TextArea, TextField } from '../ui/index.ts';
import { parseQuantity } from './quantity.ts';
import { ItemSelect, UnitSelect } from './SupplyParts.tsx';
import { useSupplySubmit } from './supply-text.ts';
import type { Depot, Item, Requisition } from './supply-types.ts';

const FIELDS = ['itemId', 'quantity', 'unit', 'toDepotId', 'note'] as const;

export function RequisitionForm({
  councilId,
  items,
  depots,
  onSubmitted,
}: {
  councilId: string;
  items: Item[];
  depots: Depot[];
  onSubmitted: (requisition: Requisition) => void;
}) {
  const { t } = useTranslation();
  const base = useId();
  const [itemId, setItemId] = useState('');
  const [quantity, setQuantity] = useState('');
  const [unit, setUnit] = useState('');
  const [toDepotId, setToDepotId] = useState(depots.length === 1 ? (depots[0]?.id ?? '') : '');
  const [note, setNote] = useState('');
  const { errors, setErrors, isSubmitting, run } = useSupplySubmit(FIELDS);
  const ids = Object.fromEntries(FIELDS.map((field) => [field, `${base}-${field}`]));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!itemId) problems.itemId = 'supply.check.item';
    const typed = parseQuantity(quantity);
    if (typed === null) problems.quantity = 'supply.check.quantity';
    else if (/^0(\.0*)?$/.test(typed)) problems.quantity = 'supply.check.quantityZero';
    if (!toDepotId) problems.toDepotId = 'supply.requisitionForm.depotRequired';
    if (Object.keys(problems).length > 0) {
      setErrors(errorsFromProblems(problems, t));
      return;
    }
    await run(async () => {
      const requisition = await api.post<Requisition>(
        `/councils/${encodeURIComponent(councilId)}/requisitions`,
        {
          itemId,
          quantity: typed,
          toDepotId,
          ...(unit ? { unit } : {}),
          ...(note.trim() ? { note: note.trim() } : {}),
        },
      );
      setQuantity('');
      setNote('');
      onSubmitted(requisition);
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
          onChange={(chosen) => {
            setItemId(chosen);
            setUnit('');
          }}
          error={errors.fields.itemId}
        />
        <div className="field-pair">
          <TextField
            id={ids.quantity}
            label={t('supply.form.quantity')}
            hint={t('supply.form.quantityHint')}
            inputMode="decimal"
            autoComplete="off"
            value={quantity}
            onChange={(event) => setQuantity(event.target.value)}
            error={errors.fields.quantity}
          />
          <UnitSelect
            id={ids.unit}
            item={items.find((item) => item.id === itemId)}
            value={unit}
            onChange={setUnit}
            error={errors.fields.unit}
          />
        </div>
        <SelectField
          id={ids.toDepotId}
          label={t('supply.requisitionForm.depot')}
          hint={t('supply.requisitionForm.depotHint')}
          value={toDepotId}
          onChange={(event) => setToDepotId(event.target.value)}
          error={errors.fields.toDepotId}
        >
          <option value="">{t('supply.form.choose')}</option>
          {depots.map((depot) => (
            <option key={depot.id} value={depot.id}>
              {depot.name}
            </option>
          ))}
        </SelectField>
        <TextArea
          id={ids.note}
          label={t('supply.requisitionForm.note')}
          hint={t('supply.requisitionForm.noteHint')}
          isOptional
          rows={2}
          maxLength={1000}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          error={errors.fields.note}
        />
        <div className="actions">
          <Button type="submit" isBusy={isSubmitting}>
            {t('supply.requisitionForm.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
