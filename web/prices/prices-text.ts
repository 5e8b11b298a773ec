// Words of the prices context: the error texts of the prices API (locales `prices.errors.<code>`, else
// the app's), the form hook and the one-button runner that use them.
import { contextErrorText } from '../app/error-text.ts';
import { useAct } from '../app/use-act.ts';
import { useFormSubmit } from '../app/use-form-submit.ts';

export const pricesErrorText = contextErrorText('prices');

export const usePricesSubmit = (fields: readonly string[]) => useFormSubmit(fields, pricesErrorText);

export const usePricesAct = () => useAct(pricesErrorText);

/** Hundredths (as the API gives them, possibly with decimals) as money text: 950 → "9.50". */
export function centsText(cents: number | string): string {
  return (Number(cents) / 100).toFixed(2);
}

/** Today in the reader's own calendar (YYYY-MM-DD), not UTC's: a report at 21:00 in El Alto is today. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
