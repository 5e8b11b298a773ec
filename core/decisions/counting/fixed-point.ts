// Scaled-decimal arithmetic on bigint: a quantity with `decimals` places is stored as the integer
// value × 10^decimals. Counting rules say exactly where they truncate or round (SSI 2007/42 r.48(3)
// truncates transfer values to 5 places; the PR Foundation Meek rule rounds keep values up to 9),
// so every operation here names its rounding and never passes through binary floating point.

export type Rounding = 'down' | 'up';

const scaleCache = new Map<number, bigint>();

/** 10^decimals as a bigint. */
export function scaleOf(decimals: number): bigint {
  let scale = scaleCache.get(decimals);
  if (scale === undefined) {
    if (!Number.isInteger(decimals) || decimals < 0)
      throw new RangeError(`decimals must be a non-negative integer, got ${decimals}`);
    scale = 10n ** BigInt(decimals);
    scaleCache.set(decimals, scale);
  }
  return scale;
}

/** A whole number as a scaled value. */
export function fromInteger(whole: number | bigint, decimals: number): bigint {
  return BigInt(whole) * scaleOf(decimals);
}

/** a ÷ b for non-negative b, rounded toward zero ('down') or away from zero ('up'). */
export function divide(numerator: bigint, denominator: bigint, rounding: Rounding): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  const quotient = numerator / denominator;
  if (rounding === 'down') return quotient;
  const remainder = numerator % denominator;
  if (remainder === 0n) return quotient;
  return numerator < 0n !== denominator < 0n ? quotient : quotient + 1n;
}

/** a × b of two scaled values, back to the same scale with the rule's rounding. */
export function multiply(a: bigint, b: bigint, decimals: number, rounding: Rounding): bigint {
  return divide(a * b, scaleOf(decimals), rounding);
}

/** a ÷ b of two scaled values, at the same scale with the rule's rounding. */
export function quotient(a: bigint, b: bigint, decimals: number, rounding: Rounding): bigint {
  return divide(a * scaleOf(decimals), b, rounding);
}

/** a × b ÷ c in one step, so the only rounding is the final one (Gregory transfer values). */
export function multiplyDivide(a: bigint, b: bigint, c: bigint, rounding: Rounding): bigint {
  return divide(a * b, c, rounding);
}

/** Exact decimal text, always with `decimals` places: 1234500n at 5 places is "12.34500". */
export function toDecimalString(value: bigint, decimals: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString();
  if (decimals === 0) return negative ? `-${digits}` : digits;
  const padded = digits.padStart(decimals + 1, '0');
  const text = `${padded.slice(0, -decimals)}.${padded.slice(-decimals)}`;
  return negative ? `-${text}` : text;
}

/**
 * Parse decimal text into a scaled value. Extra places beyond `decimals` are truncated, which is
 * how a published figure to more places compares with a count kept to fewer.
 */
export function parseDecimal(text: string, decimals: number): bigint {
  const match = /^(-?)(\d+)(?:\.(\d*))?$/.exec(text.trim());
  if (match === null) throw new SyntaxError(`not a decimal number: ${JSON.stringify(text)}`);
  const [, sign = '', whole = '0', fraction = ''] = match;
  const places = fraction.slice(0, decimals).padEnd(decimals, '0');
  const magnitude = BigInt(whole) * scaleOf(decimals) + (places === '' ? 0n : BigInt(places));
  return sign === '-' ? -magnitude : magnitude;
}

/** Change a value's scale, truncating or rounding up when places are dropped. */
export function rescale(value: bigint, from: number, to: number, rounding: Rounding): bigint {
  if (to >= from) return value * scaleOf(to - from);
  return divide(value, scaleOf(from - to), rounding);
}
