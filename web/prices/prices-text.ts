// Words of the prices context: the error texts of the prices API (locales `prices.errors.<code>`, else
// the app's), the form hook and the one-button runner that use them, and how typed amounts are read.
import { parseDecimalInput } from '../app/decimal-text.ts';
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

/**
 * Money as typed in a form, read the reader's way ("9,50" or "1.234,50" in es), as the API's decimal
 * text ("9.50"): at most nine digits and two decimals; null when it is not such an amount.
 */
export function readMoney(typed: string, locales: string | readonly string[]): string | null {
  return parseDecimalInput(typed, locales, { maxDecimals: 2, maxIntegerDigits: 9 });
}

/** A quantity of a price report, likewise: above zero, at most nine digits and three decimals. */
export function readQuantity(typed: string, locales: string | readonly string[]): string | null {
  const decimal = parseDecimalInput(typed, locales, { maxDecimals: 3, maxIntegerDigits: 9 });
  return decimal !== null && /[1-9]/.test(decimal) ? decimal : null;
}

/** Today in the reader's own calendar (YYYY-MM-DD), not UTC's: a report at 21:00 in El Alto is today. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
