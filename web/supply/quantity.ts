// Quantities of the supply context. The API answers in milli-units of an item's base unit (1000 milli =
// 1 kg when the base unit is kg), as integer text that may pass 2^53 — so the arithmetic is bigint —
// and takes decimal text in a unit of the item ("12.5"). People type either decimal mark.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_LANGUAGE } from '../app/languages.ts';

const MILLI_PER_UNIT = 1000n;

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
  const decimalMark =
    new Intl.NumberFormat(locales).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';
  return `${negative ? '−' : ''}${whole}${fraction ? decimalMark + fraction : ''}`;
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

/**
 * What a person typed as the API's decimal text: "12,5" and "12.5" → "12.5"; null when it is not a
 * plain decimal of at most 15 digits and 3 decimals (no grouping marks: "1.000" would be read as 1).
 */
export function parseQuantity(typed: string): string | null {
  const text = typed.trim().replace(',', '.');
  if (!/^\d{1,15}(\.\d{1,3})?$/.test(text)) return null;
  return text.replace(/^0+(?=\d)/, '');
}

/** Typed decimal text as milli-units (a safe integer for the amounts of ration rules); null if invalid. */
export function parseMilli(typed: string): number | null {
  const text = parseQuantity(typed);
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
