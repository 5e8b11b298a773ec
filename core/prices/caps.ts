// Price caps and members' price reports, pure: money as decimal text turned into hundredths of the
// currency, the seller's key, and the exact comparison of a report with a cap. A cap is per base unit
// of the item (cap_cents for 1 kg); a report is a price for a quantity in milli base units, so the
// report is above the cap when priceCents × 1000 > capCents × quantityMilli — integers, no rounding.

/** The most a cap or a reported price may be, in hundredths: 999,999,999.99 of the currency. */
export const MAX_PRICE_CENTS = 99_999_999_999n;

export const MONEY_ERRORS = {
  'price-invalid': 'a price is a decimal like 12.50 (digits, at most two decimals, not negative)',
  'price-not-positive': 'a price must be more than zero',
  'price-too-precise': 'a price has at most two decimals (hundredths of the currency)',
  'price-too-large': 'the price is larger than any price this system keeps (at most 999,999,999.99)',
} as const;
export type MoneyError = keyof typeof MONEY_ERRORS;

export type CentsResult = { ok: true; cents: bigint } | { ok: false; error: MoneyError };

/** "12.5" → 1250n. Exact: the text is read digit by digit, never through a float. */
export function toCents(text: string): CentsResult {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return { ok: false, error: 'price-invalid' };
  const whole = match[1]!.replace(/^0+(?=\d)/, '');
  const fraction = match[2] ?? '';
  if (fraction.length > 2 && /[1-9]/.test(fraction.slice(2)))
    return { ok: false, error: 'price-too-precise' };
  if (whole.length > 12) return { ok: false, error: 'price-too-large' };
  const cents = BigInt(whole) * 100n + BigInt(fraction.slice(0, 2).padEnd(2, '0'));
  if (cents <= 0n) return { ok: false, error: 'price-not-positive' };
  if (cents > MAX_PRICE_CENTS) return { ok: false, error: 'price-too-large' };
  return { ok: true, cents };
}

/** 1250n → "12.50" (the currency's units with two decimals, as shop windows show them). */
export function formatCents(cents: bigint): string {
  const sign = cents < 0n ? '-' : '';
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** How a seller's reports are grouped: trimmed, spaces collapsed, lower case ("Tienda  Doña Rosa "). */
export const sellerKey = (seller: string): string => seller.trim().replace(/\s+/g, ' ').toLowerCase();

/** The report's price for `quantityMilli` milli base units is above `capCents` per base unit. */
export const isAboveCap = (priceCents: bigint, quantityMilli: bigint, capCents: bigint): boolean =>
  priceCents * 1000n > capCents * quantityMilli;

/**
 * The price per base unit in hundredths, as decimal text with up to `scale` decimals (rounded half up
 * at the last one; exact when the division terminates within it, as it does for any whole number of
 * grams). The comparison with a cap never uses this figure: see isAboveCap.
 */
export function basePriceText(priceCents: bigint, quantityMilli: bigint, scale = 6): string {
  const factor = 10n ** BigInt(scale);
  const scaled = (priceCents * 1000n * factor * 2n + quantityMilli) / (quantityMilli * 2n);
  const whole = scaled / factor;
  const fraction = (scaled % factor).toString().padStart(scale, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole.toString();
}

export interface CapAbove {
  councilName: string;
  capCents: bigint;
  validFrom: string;
  validTo: string | null;
}

/** Two validity windows (ISO dates, `to` inclusive, null = open-ended) share at least one day. */
export const windowsOverlap = (
  a: { validFrom: string; validTo: string | null },
  b: { validFrom: string; validTo: string | null },
): boolean =>
  (a.validTo === null || a.validTo >= b.validFrom) && (b.validTo === null || b.validTo >= a.validFrom);

/**
 * The first cap of a body above that the proposed cap exceeds while both are valid, or null: a council
 * under another may set a lower cap (or the same), never a higher one.
 */
export function capAboveParent(
  proposed: { capCents: bigint; validFrom: string; validTo: string | null },
  above: readonly CapAbove[],
): CapAbove | null {
  return (
    above
      .filter((a) => windowsOverlap(a, proposed) && proposed.capCents > a.capCents)
      .sort((x, y) => (x.capCents < y.capCents ? -1 : x.capCents > y.capCents ? 1 : 0))[0] ?? null
  );
}

/** Decimal hundredths as decimal text in the currency's units, exactly: "70002.5" → "700.025". */
export function centsTextToUnits(centsText: string): string {
  const [whole = '0', fraction = ''] = centsText.split('.');
  const padded = whole.padStart(3, '0');
  const units = padded.slice(0, -2).replace(/^0+(?=\d)/, '');
  const decimals = `${padded.slice(-2)}${fraction}`.replace(/0+$/, '').padEnd(2, '0');
  return `${units}.${decimals}`;
}
