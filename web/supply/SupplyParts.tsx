// Small pieces the supply pages share: a load failure with a retry, the item and item-unit pickers,
// and the sideways-scrolling frame of a wide table.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError as AppLoadError } from '../app/LoadError.tsx';
import { SelectField } from '../ui/index.ts';
import { supplyErrorText } from './supply-text.ts';
import type { Item } from './supply-types.ts';

export const LoadError = ({ error, onRetry }: { error: unknown; onRetry: () => void }) => (
  <AppLoadError error={error} onRetry={onRetry} explain={supplyErrorText} />
);

/** The catalogue's items, each with its base unit; '' until one is chosen. */
export function ItemSelect({
  id,
  items,
  value,
  onChange,
  error,
}: {
  id?: string | undefined;
  items: readonly Item[];
  value: string;
  onChange: (itemId: string) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <SelectField
      id={id}
      label={t('supply.form.item')}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={error}
    >
      <option value="">{t('supply.form.chooseItem')}</option>
      {items.map((item) => (
        <option key={item.id} value={item.id}>
          {item.name} ({item.baseUnit})
        </option>
      ))}
    </SelectField>
  );
}

/** The units an item is counted in: its base unit (value '') first, then its other units. */
export function UnitSelect({
  item,
  value,
  onChange,
  error,
  id,
}: {
  item: Item | undefined;
  value: string;
  onChange: (unit: string) => void;
  error?: string | undefined;
  id?: string;
}) {
  const { t } = useTranslation();
  if (!item || item.units.length === 0) return null;
  return (
    <SelectField
      id={id}
      label={t('supply.form.unit')}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={error}
    >
      <option value="">{item.baseUnit}</option>
      {item.units.map((unit) => (
        <option key={unit.unit} value={unit.unit}>
          {t('supply.form.unitOption', { unit: unit.unit, baseUnits: unit.baseUnits, base: item.baseUnit })}
        </option>
      ))}
    </SelectField>
  );
}

/** Scrolls sideways on a phone; focusable so a keyboard can scroll it too. */
export function TableScroll({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="table-scroll" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </section>
  );
}
