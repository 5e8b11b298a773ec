// Exact decimal text ("9.00", "-1234.5", the API's money and quantities) in the reader's language and
// back. Never through a JS float: the integer part is a bigint formatted by Intl (grouping of
// thousands always, so "1234.50" is "1.234,50" in Spanish), the decimals are kept digit for digit.

const DECIMAL_TEXT = /^(-?)(\d+)(?:\.(\d+))?$/;

/** The locale's decimal mark: ',' in es, '.' in en. */
export function decimalMark(locales: string | readonly string[]): string {
  const parts = new Intl.NumberFormat(locales as string[]).formatToParts(1.5);
  return parts.find((part) => part.type === 'decimal')?.value ?? '.';
}

/**
 * API decimal text in the reader's language, keeping every decimal it has: "9.00" → "9,00" (es) or
 * "9.00" (en); "1234.50" → "1.234,50" (es). Text that is not a plain decimal comes back unchanged.
 */
export function formatDecimalText(text: string, locales: string | readonly string[]): string {
  const match = DECIMAL_TEXT.exec(text);
  if (!match) return text;
  const [, sign = '', whole = '0', fraction = ''] = match;
  const format = new Intl.NumberFormat(locales as string[], { useGrouping: 'always' });
  const integer = BigInt(whole);
  // -0 (a number) keeps its sign, so "-0.50" stays negative; the parts put the sign where the locale does.
  const parts = format.formatToParts(sign ? (integer === 0n ? -0 : -integer) : integer);
  const digits = Array.from({ length: 10 }, (_, digit) => format.format(digit));
  const decimals = [...fraction].map((digit) => digits[Number(digit)]).join('');
  const lastNumberPart = parts.findLastIndex((part) => part.type === 'integer' || part.type === 'group');
  return parts
    .map((part, index) =>
      index === lastNumberPart && decimals ? `${part.value}${decimalMark(locales)}${decimals}` : part.value,
    )
    .join('');
}

export interface DecimalInputRules {
  /** Most decimals allowed (2 for money, 3 for quantities). */
  maxDecimals: number;
  /** Most digits before the decimal mark, leading zeros not counted. */
  maxIntegerDigits: number;
  /** Whether a leading minus is allowed (no form asks for one today). */
  allowNegative?: boolean;
}

/** An integer part written with group marks: "1.234.567" → "1234567"; null if the groups are not of three. */
function ungroup(integer: string, groupMark: string): string | null {
  const groups = integer.split(groupMark);
  const [head = '', ...rest] = groups;
  if (!/^[1-9]\d{0,2}$/.test(head) || rest.some((group) => !/^\d{3}$/.test(group))) return null;
  return groups.join('');
}

/**
 * What a person typed as the API's decimal text (dot, no grouping), reading the marks the reader's way:
 * es "9,50" and "1.234,50" → "9.50" and "1234.50"; en "9.50" and "1,234.50" likewise. When one mark is
 * both possible readings, the locale decides: in es "1.234" is 1234 (a thousands group), in en "1,234"
 * too; a mark that cannot be a group ("9.50" in es, "1,5" in en) is read as the decimal mark. With both
 * marks, the last one is the decimal mark. Null for anything else (letters, "1.2.3", "1,23.4", spaces,
 * too many decimals or digits).
 */
export function parseDecimalInput(
  typed: string,
  locales: string | readonly string[],
  rules: DecimalInputRules,
): string | null {
  let text = typed.trim().replace(/^\u2212/, '-');
  const negative = text.startsWith('-');
  if (negative) {
    if (!rules.allowNegative) return null;
    text = text.slice(1);
  }
  if (!/^\d[\d.,]*$/.test(text) || !/\d$/.test(text)) return null;
  const marks = text.replace(/\d/g, '');
  let integer = text;
  let fraction = '';
  if (marks.length > 0) {
    const last = marks.at(-1) as string;
    const other = last === '.' ? ',' : '.';
    const hasBoth = marks.includes(other);
    const lastAt = text.lastIndexOf(last);
    let decimalAt: number | null = null;
    if (hasBoth) {
      // The last mark is the decimal one, written once; every other mark groups thousands.
      if (marks.indexOf(last) !== marks.length - 1) return null;
      decimalAt = lastAt;
    } else if (marks.length === 1) {
      const asGroup = ungroup(text, last);
      decimalAt = last === decimalMark(locales) || asGroup === null ? lastAt : null;
    }
    if (decimalAt !== null) {
      integer = text.slice(0, decimalAt);
      fraction = text.slice(decimalAt + 1);
    }
    if (/[.,]/.test(integer)) {
      const groupMark = hasBoth ? other : last;
      const ungrouped = ungroup(integer, groupMark);
      if (ungrouped === null) return null;
      integer = ungrouped;
    }
  }
  if (fraction.length > rules.maxDecimals) return null;
  integer = integer.replace(/^0+(?=\d)/, '');
  if (integer.length > rules.maxIntegerDigits) return null;
  return `${negative ? '-' : ''}${integer}${fraction ? `.${fraction}` : ''}`;
}
