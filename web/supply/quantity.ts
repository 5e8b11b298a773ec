// Quantities of the supply context. The API answers in milli-units of an item's base unit (1000 milli =
// 1 kg when the base unit is kg), as integer text that may pass 2^53 — so the arithmetic is bigint —
// and takes decimal text in a unit of the item ("12.5"). People type the marks of their language
// ("1.234,5" in Spanish); reading and prefilling use the reader's language unless told another.
import i18next from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { decimalMark, parseDecimalInput } from '../app/decimal-text.ts';
import { DEFAULT_LANGUAGE } from '../app/languages.ts';

const MILLI_PER_UNIT = 1000n;

/** The reader's language as i18next has it (Spanish before it is set up), for text read outside a component. */
function readerLocales(): string[] {
  return [i18next.language || DEFAULT_LANGUAGE, DEFAULT_LANGUAGE];
}

function toBigInt(milli: string | number | bigint): bigint {
  if (typeof milli === 'bigint') return milli;
  if (typeof milli === 'number') return BigInt(Math.trunc(milli));
  return /^-?\d+$/.test(milli) ? BigInt(milli) : 0n;
}

/**
 * Milli-units as a number of base units in the reader's language: 12500 → "12,5" (es) or "12.5" (en),
 * never rounded (at most three decimals, trailing zeros dropped), with grouping of thousands.
 */
export function formatMilliNumber(milli: string | number | bigint, locales: string[]): string {
  const value = toBigInt(milli);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const whole = new Intl.NumberFormat(locales).format(abs / MILLI_PER_UNIT);
  const fraction = (abs % MILLI_PER_UNIT).toString().padStart(3, '0').replace(/0+$/, '');
  return `${negative ? '−' : ''}${whole}${fraction ? decimalMark(locales) + fraction : ''}`;
}

/** The same, followed by the unit: "12,5 kg". */
export function formatMilli(milli: string | number | bigint, unit: string, locales: string[]): string {
  return `${formatMilliNumber(milli, locales)} ${unit}`;
}

/** Milli-units as the decimal text the API takes (a dot, no grouping): 12500 → "12.5". */
export function milliToDecimal(milli: string | number | bigint): string {
  const value = toBigInt(milli);
  const abs = value < 0n ? -value : value;
  const fraction = (abs % MILLI_PER_UNIT).toString().padStart(3, '0').replace(/0+$/, '');
  return `${value < 0n ? '-' : ''}${abs / MILLI_PER_UNIT}${fraction ? `.${fraction}` : ''}`;
}

/** Milli-units as text to edit in a form: the reader's decimal mark, no grouping (1234 → "1,234" in es). */
export function milliToTyped(
  milli: string | number | bigint,
  locales: readonly string[] = readerLocales(),
): string {
  return milliToDecimal(milli).replace('.', decimalMark(locales));
}

/**
 * What a person typed as the API's decimal text, read the reader's way (`parseDecimalInput`): in es
 * "12,5" → "12.5", "1.234,5" → "1234.5" and "1.234" → "1234"; null when it is not a decimal of at
 * most 15 digits and 3 decimals.
 */
export function parseQuantity(typed: string, locales: readonly string[] = readerLocales()): string | null {
  return parseDecimalInput(typed, locales, { maxDecimals: 3, maxIntegerDigits: 15 });
}

/** Typed decimal text as milli-units (a safe integer for the amounts of ration rules); null if invalid. */
export function parseMilli(typed: string, locales: readonly string[] = readerLocales()): number | null {
  const text = parseQuantity(typed, locales);
  if (text === null) return null;
  const [whole = '0', fraction = ''] = text.split('.');
  const milli = Number(whole) * 1000 + Number(fraction.padEnd(3, '0'));
  return Number.isSafeInteger(milli) ? milli : null;
}

/** A percentage with at most one decimal as permille: "70" → 700, "12,5" → 125; null if invalid. */
export function parsePercentAsPermille(typed: string): number | null {
  const text = typed.trim().replace(',', '.');
  if (!/^\d{1,3}(\.\d)?$/.test(text)) return null;
  return Math.round(Number(text) * 10);
}

/** Permille as the percentage text a form shows: 700 → "70", 125 → "12.5". */
export function permilleToPercent(permille: number): string {
  return permille % 10 === 0 ? String(permille / 10) : (permille / 10).toFixed(1);
}

/** Formatters bound to the reader's language: `quantity(milli, unit)` → "12,5 kg". */
export function useQuantity() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const locales = [language, DEFAULT_LANGUAGE];
    return {
      quantity: (milli: string | number | bigint, unit: string) => formatMilli(milli, unit, locales),
      number: (milli: string | number | bigint) => formatMilliNumber(milli, locales),
    };
  }, [language]);
}
