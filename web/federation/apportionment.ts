// The pure side of the seats page: how a table's figures are written (exact decimals in the reader's
// language, the change of seats against the previous table), the rule form's checks made before
// sending (the server checks again) and the request body it sends. Problems are locale keys per field.
import type {
  Apportionment,
  ApportionmentMethod,
  ApportionmentRule,
  ApportionmentRuleInput,
} from '../app/api-types.ts';

/** In the order the form offers them: by membership first, the flat rule last. */
export const METHOD_CHOICES: readonly ApportionmentMethod[] = ['dhondt', 'sainte-lague', 'hamilton', 'fixed'];

/** What each seat weighs in the federation's votes (WEIGHT_RULES in core/federation/mandates.ts). */
export const WEIGHT_CHOICES = ['one-seat-one-vote', 'represented-members'] as const;
export type WeightRule = (typeof WEIGHT_CHOICES)[number];

/** The saved rule's weight (the rule view's `weightRule`); one seat, one vote when none is chosen. */
export function weightRuleOf(rule: ApportionmentRule | null): WeightRule {
  const value = (rule as { weightRule?: unknown } | null)?.weightRule;
  return WEIGHT_CHOICES.find((choice) => choice === value) ?? 'one-seat-one-vote';
}

/** The server's bound on seats (MAX_TOTAL_SEATS in core/federation/apportionment.ts). */
export const SEATS = { min: 1, max: 100_000 } as const;

export type SeatChange =
  | { kind: 'same' }
  | { kind: 'up' | 'down'; by: number }
  /** The council was not in the previous table. */
  | { kind: 'new' };

export function seatChange(seats: number, previousSeats: number | null): SeatChange {
  if (previousSeats === null) return { kind: 'new' };
  if (seats === previousSeats) return { kind: 'same' };
  return seats > previousSeats
    ? { kind: 'up', by: seats - previousSeats }
    : { kind: 'down', by: previousSeats - seats };
}

/** "+2", "−1" (a true minus sign) or "0": what the change column shows; a new council shows none. */
export function changeSymbol(change: SeatChange, formatNumber: (value: number) => string): string {
  switch (change.kind) {
    case 'same':
      return formatNumber(0);
    case 'up':
      return `+${formatNumber(change.by)}`;
    case 'down':
      return `\u2212${formatNumber(change.by)}`;
    case 'new':
      return '';
  }
}

/**
 * An exact decimal from the server ("1234.500000") in the reader's language ("1.234,5" in Spanish):
 * the whole part grouped, trailing zeros of the fraction dropped, no digit rounded away.
 */
export function exactDecimal(text: string, locales: readonly string[]): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return text;
  const [, sign = '', whole = '0', fraction = ''] = match;
  const format = new Intl.NumberFormat(locales as string[]);
  const separator = format.formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';
  const digits = fraction.replace(/0+$/, '');
  const wholeText = format.format(BigInt(whole));
  return `${sign === '-' ? '\u2212' : ''}${wholeText}${digits ? `${separator}${digits}` : ''}`;
}

export function seatTotal(rows: readonly { seats: number }[]): number {
  return rows.reduce((sum, row) => sum + row.seats, 0);
}

/** True when `table` was computed with `rule` (so a rule saved since then is not in force yet). */
export function isRuleOfTable(
  rule: ApportionmentRule,
  table: Pick<Apportionment, 'method' | 'totalSeats' | 'seatsPerChild' | 'minimumPerChild'>,
): boolean {
  if (rule.method !== table.method || rule.minimumPerChild !== table.minimumPerChild) return false;
  // A fixed table's total is seats per child × children, so only the per-child figure is compared.
  return rule.method === 'fixed'
    ? rule.seatsPerChild === table.seatsPerChild
    : rule.totalSeats === table.totalSeats;
}

export interface RuleFormValues {
  method: ApportionmentMethod;
  totalSeats: string;
  seatsPerChild: string;
  minimumPerChild: string;
}

/** The saved rule, or a first suggestion: D'Hondt, one seat per child council, no minimum. */
export function ruleFormValues(rule: ApportionmentRule | null, childCount: number): RuleFormValues {
  if (!rule) {
    return {
      method: 'dhondt',
      totalSeats: String(Math.max(childCount, SEATS.min)),
      seatsPerChild: '1',
      minimumPerChild: '0',
    };
  }
  return {
    method: rule.method,
    totalSeats: rule.totalSeats === null ? '' : String(rule.totalSeats),
    seatsPerChild: rule.seatsPerChild === null ? '1' : String(rule.seatsPerChild),
    minimumPerChild: String(rule.minimumPerChild),
  };
}

function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : null;
}

/** `childCount` is the number of child councils now; the server measures the minimum against them too. */
export function checkRuleForm(values: RuleFormValues, childCount: number): Record<string, string> {
  const problems: Record<string, string> = {};
  const isFixed = values.method === 'fixed';
  const seatsField = isFixed ? 'seatsPerChild' : 'totalSeats';
  const seats = wholeNumber(isFixed ? values.seatsPerChild : values.totalSeats);
  if (seats === null || seats < SEATS.min || seats > SEATS.max)
    problems[seatsField] = 'apportionment.seatsRange';
  const minimum = wholeNumber(values.minimumPerChild);
  if (minimum === null || minimum > SEATS.max) problems.minimumPerChild = 'apportionment.minimumRange';
  else if (seats !== null && !problems[seatsField]) {
    if (isFixed && minimum > seats) problems.minimumPerChild = 'apportionment.minimumOverFixed';
    if (!isFixed && minimum * childCount > seats) problems.minimumPerChild = 'apportionment.minimumOverTotal';
  }
  return problems;
}

/** The PUT body for checked values: only the fields of the chosen method (the server refuses others). */
export function ruleBody(values: RuleFormValues): ApportionmentRuleInput {
  const minimumPerChild = wholeNumber(values.minimumPerChild) ?? 0;
  if (values.method === 'fixed') {
    return {
      method: 'fixed',
      seatsPerChild: wholeNumber(values.seatsPerChild) ?? SEATS.min,
      minimumPerChild,
    };
  }
  return { method: values.method, totalSeats: wholeNumber(values.totalSeats) ?? SEATS.min, minimumPerChild };
}
