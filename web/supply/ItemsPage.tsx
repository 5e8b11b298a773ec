// The catalogue of items, shared by every council: each with its base unit, the smallest step it moves
// in and its other units. The instance administrator adds items.
import './supply.css';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api-client.ts';
import { errorsFromProblems, summaryItems } from '../app/form-errors.ts';
import { RequireSignIn } from '../app/RequireSignIn.tsx';
import { useSession } from '../app/session.tsx';
import { useApi } from '../app/use-api.ts';
import { Badge, Button, ErrorSummary, Loading, PageHeader, SelectField, TextField } from '../ui/index.ts';
import { parseQuantity, useQuantity } from './quantity.ts';
import { LoadError } from './SupplyParts.tsx';
import { useSupplySubmit } from './supply-text.ts';
import { ITEM_CATEGORIES, type Item, type ItemCategory } from './supply-types.ts';

const FIELDS = ['name', 'category', 'baseUnit', 'step', 'units'] as const;
const MAX_UNITS = 20;

function ItemForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const base = useId();
  const [name, setName] = useState('');
  const [category, setCategory] = useState<ItemCategory>('food');
  const [baseUnit, setBaseUnit] = useState('');
  const [step, setStep] = useState('1');
  const [units, setUnits] = useState<{ unit: string; baseUnits: string }[]>([]);
  const { errors, setErrors, isSubmitting, run } = useSupplySubmit(FIELDS);
  const ids = Object.fromEntries(FIELDS.map((field) => [field, `${base}-${field}`]));
  ids.units = `${base}-unit-0`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!name.trim()) problems.name = 'supply.itemForm.nameRequired';
    if (!baseUnit.trim()) problems.baseUnit = 'supply.itemForm.unitRequired';
    if (parseQuantity(step) === null || Number(parseQuantity(step)) === 0)
      problems.step = 'supply.check.quantityZero';
    const filled = units.filter((row) => row.unit.trim());
    if (filled.some((row) => parseQuantity(row.baseUnits) === null))
      problems.units = 'supply.itemForm.unitsInvalid';
    if (Object.keys(problems).length > 0) {
      setErrors(errorsFromProblems(problems, t));
      return;
    }
    await run(async () => {
      await api.post<Item>('/items', {
        name: name.trim(),
        category,
        baseUnit: baseUnit.trim(),
        step: parseQuantity(step),
        units: filled.map((row) => ({ unit: row.unit.trim(), baseUnits: parseQuantity(row.baseUnits) })),
      });
      setName('');
      setBaseUnit('');
      setStep('1');
      setUnits([]);
      onCreated();
    });
  }

  return (
    <>
      <ErrorSummary items={summaryItems(errors, ids)} />
      <form className="form" noValidate onSubmit={submit}>
        <TextField
          id={ids.name}
          label={t('supply.itemForm.name')}
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={errors.fields.name}
          maxLength={200}
        />
        <SelectField
          id={ids.category}
          label={t('supply.itemForm.category')}
          value={category}
          onChange={(event) => setCategory(event.target.value as ItemCategory)}
          error={errors.fields.category}
        >
          {ITEM_CATEGORIES.map((option) => (
            <option key={option} value={option}>
              {t(`supply.category.${option}`)}
            </option>
          ))}
        </SelectField>
        <div className="field-pair">
          <TextField
            id={ids.baseUnit}
            label={t('supply.itemForm.baseUnit')}
            hint={t('supply.itemForm.baseUnitHint')}
            value={baseUnit}
            onChange={(event) => setBaseUnit(event.target.value)}
            error={errors.fields.baseUnit}
            maxLength={40}
          />
          <TextField
            id={ids.step}
            label={t('supply.itemForm.step')}
            hint={t('supply.itemForm.stepHint')}
            inputMode="decimal"
            value={step}
            onChange={(event) => setStep(event.target.value)}
            error={errors.fields.step}
          />
        </div>
        <fieldset>
          <legend>{t('supply.itemForm.units')}</legend>
          <p className="field-hint">{t('supply.itemForm.unitsHint')}</p>
          {errors.fields.units && <p className="field-error">{errors.fields.units}</p>}
          {units.map((row, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a unit row is its position until saved
            <div className="field-pair" key={index}>
              <TextField
                id={`${base}-unit-${index}`}
                label={t('supply.itemForm.unitName', { number: index + 1 })}
                value={row.unit}
                maxLength={40}
                onChange={(event) =>
                  setUnits(units.map((old, i) => (i === index ? { ...old, unit: event.target.value } : old)))
                }
              />
              <TextField
                label={t('supply.itemForm.unitBaseUnits', { number: index + 1, unit: baseUnit || '…' })}
                inputMode="decimal"
                value={row.baseUnits}
                onChange={(event) =>
                  setUnits(
                    units.map((old, i) => (i === index ? { ...old, baseUnits: event.target.value } : old)),
                  )
                }
              />
            </div>
          ))}
          {units.length < MAX_UNITS && (
            <Button variant="secondary" onClick={() => setUnits([...units, { unit: '', baseUnits: '' }])}>
              {t('supply.itemForm.addUnit')}
            </Button>
          )}
        </fieldset>
        <div className="actions">
          <Button type="submit" isBusy={isSubmitting}>
            {t('supply.itemForm.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}

function Catalogue() {
  const { t } = useTranslation();
  const session = useSession();
  const { number } = useQuantity();
  const base = useId();
  const items = useApi<{ items: Item[] }>('/items');
  return (
    <div className="supply">
      <PageHeader
        title={t('supply.items.title')}
        crumbs={[{ href: '/', label: t('header.federation') }]}
        lead={t('supply.items.lead')}
      />
      {items.isLoading && !items.data && <Loading label={t('supply.items.loading')} />}
      {items.error !== null && <LoadError error={items.error} onRetry={items.reload} />}
      {items.data &&
        (items.data.items.length === 0 ? (
          <p>{t('supply.tab.noItems')}</p>
        ) : (
          <ul className="plain-list">
            {items.data.items.map((item) => (
              <li key={item.id}>
                <h3 className="item-title">{item.name}</h3>
                <p className="meta-line">
                  <Badge>{t(`supply.category.${item.category}`)}</Badge>
                  <span>{t('supply.items.unit', { unit: item.baseUnit, step: number(item.stepMilli) })}</span>
                  {item.units.map((unit) => (
                    <span key={unit.unit}>
                      {t('supply.form.unitOption', {
                        unit: unit.unit,
                        baseUnits: unit.baseUnits,
                        base: item.baseUnit,
                      })}
                    </span>
                  ))}
                </p>
              </li>
            ))}
          </ul>
        ))}
      {session.person?.isAdmin && (
        <section className="panel" aria-labelledby={`${base}-new`}>
          <h2 className="panel-title" id={`${base}-new`}>
            {t('supply.itemForm.heading')}
          </h2>
          <ItemForm onCreated={items.reload} />
        </section>
      )}
    </div>
  );
}

export default function ItemsPage() {
  return (
    <RequireSignIn>
      <Catalogue />
    </RequireSignIn>
  );
}
