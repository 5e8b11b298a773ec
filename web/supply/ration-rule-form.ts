// The rule editor's and the limits form's pure part. People write amounts in the item's unit and
// weights in percent; the API takes milli-units and permille. Priority classes are written per flag
// ("served in class 1, 2…, or with everyone else"): numbers that leave no class empty and no flag twice.
import { milliToTyped, parseMilli, parsePercentAsPermille, permilleToPercent } from './quantity.ts';
import type { AgeBand, PriorityFlag, RationLimits, RationRuleContent } from './supply-types.ts';
import { AGE_BANDS, PRIORITY_FLAGS } from './supply-types.ts';

export type Problems = Record<string, string>;

export interface RuleValues {
  perPerson: string;
  weights: Record<AgeBand, string>;
  /** Per flag: '' (general class, served last) or the class number '1'…'4'. */
  classOf: Record<PriorityFlag, string>;
  cap: string;
  note: string;
}

export const EMPTY_RULE: RuleValues = {
  perPerson: '',
  weights: { infant: '50', child: '70', adult: '100', elder: '100' },
  classOf: { infants: '1', elderly: '1', illness: '2', disability: '2' },
  cap: '',
  note: '',
};

/** A version's content back in the editor's words (to propose a changed copy of it). */
export function ruleValues(rule: RationRuleContent, note: string | null): RuleValues {
  const classOf = { infants: '', elderly: '', illness: '', disability: '' } as Record<PriorityFlag, string>;
  rule.priorityClasses.forEach((flags, index) => {
    for (const flag of flags) classOf[flag] = String(index + 1);
  });
  return {
    perPerson: milliToTyped(rule.perPersonMilli),
    weights: Object.fromEntries(
      AGE_BANDS.map((band) => [band, permilleToPercent(rule.weightsPermille[band] ?? 0)]),
    ) as Record<AgeBand, string>,
    classOf,
    cap: rule.capPerHouseholdMilli === undefined ? '' : milliToTyped(rule.capPerHouseholdMilli),
    note: note ?? '',
  };
}

/** The classes, first served first, from the per-flag numbers (gaps closed: 1 and 3 become 1 and 2). */
export function priorityClasses(classOf: Record<PriorityFlag, string>): PriorityFlag[][] {
  const numbers = [...new Set(PRIORITY_FLAGS.map((flag) => classOf[flag]).filter((n) => n !== ''))].sort();
  return numbers.map((n) => PRIORITY_FLAGS.filter((flag) => classOf[flag] === n));
}

/** Fields are named as the server blames them once its `rule.` prefix is read off (bands by name). */
export function checkRule(values: RuleValues): Problems {
  const problems: Problems = {};
  const perPerson = parseMilli(values.perPerson);
  if (perPerson === null || perPerson < 1 || perPerson > 4_000_000)
    problems.perPersonMilli = 'supply.rule.check.perPerson';
  let weightSum = 0;
  for (const band of AGE_BANDS) {
    const permille = parsePercentAsPermille(values.weights[band]);
    if (permille === null || permille > 2000) problems[band] = 'supply.rule.check.weight';
    else weightSum += permille;
  }
  if (!AGE_BANDS.some((band) => problems[band]) && weightSum === 0)
    problems.weightsPermille = 'supply.rule.check.noWeight';
  if (values.cap.trim()) {
    const cap = parseMilli(values.cap);
    if (cap === null || cap < 1) problems.capPerHouseholdMilli = 'supply.rule.check.cap';
  }
  return problems;
}

export function ruleBody(values: RuleValues): { rule: RationRuleContent; note: string | null } {
  const rule: RationRuleContent = {
    perPersonMilli: parseMilli(values.perPerson) ?? 0,
    weightsPermille: Object.fromEntries(
      AGE_BANDS.map((band) => [band, parsePercentAsPermille(values.weights[band]) ?? 0]),
    ) as Record<AgeBand, number>,
    priorityClasses: priorityClasses(values.classOf),
  };
  const cap = values.cap.trim() ? parseMilli(values.cap) : null;
  if (cap !== null) rule.capPerHouseholdMilli = cap;
  return { rule, note: values.note.trim() || null };
}

export interface LimitsValues {
  maxPerPerson: string;
  maxCap: string;
  servedFirst: PriorityFlag[];
}

export function limitsValues(limits: RationLimits | null): LimitsValues {
  return {
    maxPerPerson: limits?.maxPerPersonMilli === undefined ? '' : milliToTyped(limits.maxPerPersonMilli),
    maxCap: limits?.maxCapPerHouseholdMilli === undefined ? '' : milliToTyped(limits.maxCapPerHouseholdMilli),
    servedFirst: [...(limits?.servedFirstFlags ?? [])],
  };
}

export function checkLimits(values: LimitsValues): Problems {
  const problems: Problems = {};
  if (values.maxPerPerson.trim()) {
    const milli = parseMilli(values.maxPerPerson);
    if (milli === null || milli < 1 || milli > 4_000_000)
      problems.maxPerPersonMilli = 'supply.rule.check.perPerson';
  }
  if (values.maxCap.trim()) {
    const milli = parseMilli(values.maxCap);
    if (milli === null || milli < 1) problems.maxCapPerHouseholdMilli = 'supply.rule.check.cap';
  }
  return problems;
}

export function limitsBody(values: LimitsValues): RationLimits {
  const body: RationLimits = {};
  const perPerson = values.maxPerPerson.trim() ? parseMilli(values.maxPerPerson) : null;
  const cap = values.maxCap.trim() ? parseMilli(values.maxCap) : null;
  if (perPerson !== null) body.maxPerPersonMilli = perPerson;
  if (cap !== null) body.maxCapPerHouseholdMilli = cap;
  if (values.servedFirst.length > 0)
    body.servedFirstFlags = PRIORITY_FLAGS.filter((flag) => values.servedFirst.includes(flag));
  return body;
}
