// Sending stock from this depot to another — of this council, or of another council by its depot code
// (the receiving council reads it on its depot page). It stays in transit until the other side receives it.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api-client.ts';
import { errorsFromProblems, summaryItems } from '../app/form-errors.ts';
import { Button, ErrorSummary, SelectField, TextArea, TextField } from '../ui/index.ts';
import { parseQuantity } from './quantity.ts';
import { ItemSelect, UnitSelect } from './SupplyParts.tsx';
import { useSupplySubmit } from './supply-text.ts';
import type { Depot, Item, Transfer } from './supply-types.ts';

const FIELDS = ['toDepotId', 'itemId', 'quantity', 'unit', 'note'] as const;
const OTHER = 'other';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function TransferForm({
  depot,
  depots,
  items,
  onSent,
}: {
  depot: Depot;
  depots: Depot[];
  items: Item[];
  onSent: (transfer: Transfer) => void;
}) {
  const { t } = useTranslation();
  const base = useId();
  const [target, setTarget] = useState('');
  const [code, setCode] = useState('');
  const [itemId, setItemId] = useState('');
  const [quantity, setQuantity] = useState('');
  const [unit, setUnit] = useState('');
  const [note, setNote] = useState('');
  const { errors, setErrors, isSubmitting, run } = useSupplySubmit(FIELDS);
  const ids = Object.fromEntries(FIELDS.map((field) => [field, `${base}-${field}`]));
  const others = depots.filter((candidate) => candidate.id !== depot.id);
  const toDepotId = target === OTHER ? code.trim() : target;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!UUID.test(toDepotId)) problems.toDepotId = 'supply.transferForm.toRequired';
    if (!itemId) problems.itemId = 'supply.check.item';
    if (parseQuantity(quantity) === null) problems.quantity = 'supply.check.quantity';
    if (Object.keys(problems).length > 0) {
      setErrors(errorsFromProblems(problems, t));
      return;
    }
    await run(async () => {
      const transfer = await api.post<Transfer>('/transfers', {
        fromDepotId: depot.id,
        toDepotId,
        itemId,
        quantity: parseQuantity(quantity),
        ...(unit ? { unit } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      onSent(transfer);
    });
  }

  return (
    <>
      <ErrorSummary items={summaryItems(errors, ids)} />
      <form className="form" noValidate onSubmit={submit}>
        <SelectField
          id={ids.toDepotId}
          label={t('supply.transferForm.to')}
          value={target}
          onChange={(event) => setTarget(event.target.value)}
          error={target === OTHER ? undefined : errors.fields.toDepotId}
        >
          <option value="">{t('supply.form.choose')}</option>
          {others.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name}
            </option>
          ))}
          <option value={OTHER}>{t('supply.transferForm.otherCouncil')}</option>
        </SelectField>
        {target === OTHER && (
          <TextField
            id={`${ids.toDepotId}-code`}
            label={t('supply.transferForm.code')}
            hint={t('supply.transferForm.codeHint')}
            className="input--mono"
            autoComplete="off"
            spellCheck={false}
            value={code}
            onChange={(event) => setCode(event.target.value)}
            error={errors.fields.toDepotId}
          />
        )}
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
            item={items.find((candidate) => candidate.id === itemId)}
            value={unit}
            onChange={setUnit}
            error={errors.fields.unit}
          />
        </div>
        <TextArea
          id={ids.note}
          label={t('supply.form.note')}
          isOptional
          rows={2}
          maxLength={1000}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          error={errors.fields.note}
        />
        <div className="actions">
          <Button type="submit" isBusy={isSubmitting}>
            {t('supply.transferForm.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
