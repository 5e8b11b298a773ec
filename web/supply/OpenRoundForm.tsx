// Opening a distribution round at this depot: the council's rule in force for the item divides what is
// on the shelf (or the quantity given) among the active households.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api-client.ts';
import { errorsFromProblems, summaryItems } from '../app/form-errors.ts';
import { Button, ErrorSummary, TextField } from '../ui/index.ts';
import { parseQuantity } from './quantity.ts';
import { ItemSelect, UnitSelect } from './SupplyParts.tsx';
import { useSupplySubmit } from './supply-text.ts';
import type { Item } from './supply-types.ts';

const FIELDS = ['itemId', 'title', 'quantity', 'unit'] as const;

export function OpenRoundForm({
  depotId,
  items,
  onOpened,
}: {
  depotId: string;
  items: Item[];
  onOpened: (roundId: string) => void;
}) {
  const { t } = useTranslation();
  const base = useId();
  const [itemId, setItemId] = useState('');
  const [title, setTitle] = useState('');
  const [quantity, setQuantity] = useState('');
  const [unit, setUnit] = useState('');
  const { errors, setErrors, isSubmitting, run } = useSupplySubmit(FIELDS);
  const ids = Object.fromEntries(FIELDS.map((field) => [field, `${base}-${field}`]));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!itemId) problems.itemId = 'supply.check.item';
    if (!title.trim()) problems.title = 'supply.roundForm.titleRequired';
    if (quantity.trim() && parseQuantity(quantity) === null) problems.quantity = 'supply.check.quantity';
    if (Object.keys(problems).length > 0) {
      setErrors(errorsFromProblems(problems, t));
      return;
    }
    await run(async () => {
      const opened = await api.post<{ id: string }>(
        `/depots/${encodeURIComponent(depotId)}/distribution-rounds`,
        {
          itemId,
          title: title.trim(),
          ...(quantity.trim() ? { quantity: parseQuantity(quantity) } : {}),
          ...(quantity.trim() && unit ? { unit } : {}),
        },
      );
      onOpened(opened.id);
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
        <TextField
          id={ids.title}
          label={t('supply.roundForm.title')}
          hint={t('supply.roundForm.titleHint')}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          error={errors.fields.title}
          maxLength={200}
        />
        <div className="field-pair">
          <TextField
            id={ids.quantity}
            label={t('supply.roundForm.quantity')}
            hint={t('supply.roundForm.quantityHint')}
            isOptional
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
        <div className="actions">
          <Button type="submit" isBusy={isSubmitting}>
            {t('supply.roundForm.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
