// Ration rule: how much of one item a household is entitled to in a distribution round, and in which
// priority class it is served. The rule is the adopted content only; its version, the poll that adopted
// it and the item it applies to are stored beside it. Quantities are whole milli-units of the item's unit.
export const AGE_BANDS = ['infant', 'child', 'adult', 'elder'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Whole years, both ends included; an elder has no upper bound. */
export const AGE_BAND_YEARS: Record<AgeBand, { from: number; to: number | null }> = {
  infant: { from: 0, to: 4 },
  child: { from: 5, to: 17 },
  adult: { from: 18, to: 59 },
  elder: { from: 60, to: null },
};

export const PRIORITY_FLAGS = ['infants', 'elderly', 'illness', 'disability'] as const;
export type PriorityFlag = (typeof PRIORITY_FLAGS)[number];

/** People in a household by age band. */
export type PeopleByBand = Record<AgeBand, number>;

export interface RationRule {
  /** What one person of weight 1000 ‰ is entitled to per round. */
  perPersonMilli: number;
  /** Each band's share of a full person, in permille (adult 1000, child 700…); 0 leaves the band out. */
  weightsPermille: Record<AgeBand, number>;
  /**
   * Served first to last. A household belongs to the first class one of whose flags it has; households
   * with none belong to the general class, served last, whose index is priorityClasses.length.
   */
  priorityClasses: ReadonlyArray<ReadonlyArray<PriorityFlag>>;
  /** The most one household is entitled to, whatever its size; absent: no cap. */
  capPerHouseholdMilli?: number | undefined;
}

/** What a parent body lets the councils under it adopt: each child rule may be stricter, never looser. */
export interface ParentLimits {
  maxPerPersonMilli?: number | undefined;
  /** Child rules must have a cap, at most this. */
  maxCapPerHouseholdMilli?: number | undefined;
  /** Households with any of these flags are served before every household with none of them. */
  servedFirstFlags?: readonly PriorityFlag[] | undefined;
}

// Bounds keep every entitlement within what allocateRound counts exactly (its MAX_WEIGHT_MILLIS and
// MAX_ENTITLEMENT_STEPS; the tests check the arithmetic): 500 people × 2000 ‰ = 1,000,000 millis.
export const MAX_HOUSEHOLD_PEOPLE = 500;
export const MAX_BAND_WEIGHT_PERMILLE = 2000;
/** 4,000 units per person per round (at MAX_HOUSEHOLD_PEOPLE × 2 that is under 2^32 milli). */
export const MAX_PER_PERSON_MILLI = 4_000_000;

/** Error codes of ration rules, each with when it happens. */
export const RATION_RULE_ERRORS = {
  'per-person-invalid': `the quantity per person is not a whole number of milli-units from 1 to ${MAX_PER_PERSON_MILLI}`,
  'weight-invalid': `a band's weight is not a whole number of permille from 0 to ${MAX_BAND_WEIGHT_PERMILLE}`,
  'no-weight': 'every age band weighs 0: nobody would be entitled to anything',
  'priority-class-empty': 'a priority class has no flag, so no household would ever belong to it',
  'priority-flag-unknown': 'a priority class names a flag that is not one of PRIORITY_FLAGS',
  'priority-flag-repeated': 'a flag appears twice; a household only ever reaches its first occurrence',
  'cap-invalid': 'the cap per household is not a whole number of milli-units of at least 1',
  'cap-below-step': 'the cap per household is less than one step of the item: nobody would get any',
  'loosens-parent-limit':
    "the rule gives more, or serves priority households later, than the parent body's limits allow",
} as const;
export type RationRuleError = keyof typeof RATION_RULE_ERRORS;

export type RationRuleResult<T> =
  | { ok: true; value: T }
  | { ok: false; error: RationRuleError; field: string };

const isWhole = (n: unknown, min: number, max: number): n is number =>
  Number.isSafeInteger(n) && (n as number) >= min && (n as number) <= max;

/**
 * Checks a proposed rule before it is put to the vote. Given the item's step, it also refuses a cap that
 * could never hand out a step. The rule comes back with each class's flags in PRIORITY_FLAGS order, so
 * two rules that mean the same are stored the same.
 */
export function checkRationRule(input: RationRule, stepMilli?: number): RationRuleResult<RationRule> {
  const bad = (error: RationRuleError, field: string): RationRuleResult<RationRule> => ({
    ok: false,
    error,
    field,
  });
  if (!isWhole(input.perPersonMilli, 1, MAX_PER_PERSON_MILLI))
    return bad('per-person-invalid', 'perPersonMilli');
  for (const band of AGE_BANDS)
    if (!isWhole(input.weightsPermille[band], 0, MAX_BAND_WEIGHT_PERMILLE))
      return bad('weight-invalid', `weightsPermille.${band}`);
  if (AGE_BANDS.every((band) => input.weightsPermille[band] === 0))
    return bad('no-weight', 'weightsPermille');

  const seen = new Set<string>();
  for (const [c, flags] of input.priorityClasses.entries()) {
    if (flags.length === 0) return bad('priority-class-empty', `priorityClasses.${c}`);
    for (const [f, flag] of flags.entries()) {
      if (!(PRIORITY_FLAGS as readonly string[]).includes(flag))
        return bad('priority-flag-unknown', `priorityClasses.${c}.${f}`);
      if (seen.has(flag)) return bad('priority-flag-repeated', `priorityClasses.${c}.${f}`);
      seen.add(flag);
    }
  }

  const cap = input.capPerHouseholdMilli;
  if (cap !== undefined) {
    if (!isWhole(cap, 1, Number.MAX_SAFE_INTEGER)) return bad('cap-invalid', 'capPerHouseholdMilli');
    if (stepMilli !== undefined && cap < stepMilli) return bad('cap-below-step', 'capPerHouseholdMilli');
  }

  return {
    ok: true,
    value: {
      perPersonMilli: input.perPersonMilli,
      weightsPermille: { ...input.weightsPermille },
      priorityClasses: input.priorityClasses.map((flags) => PRIORITY_FLAGS.filter((f) => flags.includes(f))),
      ...(cap === undefined ? {} : { capPerHouseholdMilli: cap }),
    },
  };
}

/**
 * The household's weighted size in millis of a person: Σ people × band weight. Malformed counts are a
 * programmer error (registration refuses them) and throw RangeError.
 */
export function weightMillisOf(rule: RationRule, people: PeopleByBand): number {
  let total = 0;
  let weight = 0;
  for (const band of AGE_BANDS) {
    const count = people[band];
    if (!isWhole(count, 0, MAX_HOUSEHOLD_PEOPLE))
      throw new RangeError(
        `people.${band} must be a whole number from 0 to ${MAX_HOUSEHOLD_PEOPLE}, got ${count}`,
      );
    total += count;
    weight += count * rule.weightsPermille[band];
  }
  if (total > MAX_HOUSEHOLD_PEOPLE)
    throw new RangeError(`a household has at most ${MAX_HOUSEHOLD_PEOPLE} people, got ${total}`);
  return weight;
}

/**
 * perPersonMilli × weighted size, capped, then rounded down to a whole number of steps: a step is the
 * least that can be handed out, and rounding up would promise more than the rule gives.
 */
export function entitlementOf(
  rule: RationRule,
  household: { people: PeopleByBand },
  stepMilli: number,
): number {
  if (!isWhole(stepMilli, 1, Number.MAX_SAFE_INTEGER))
    throw new RangeError(`stepMilli must be a whole number of at least 1, got ${stepMilli}`);
  const weight = weightMillisOf(rule, household.people);
  // ≤ 4e6 × 1e6: exact in a double.
  let milli = Math.floor((rule.perPersonMilli * weight) / 1000);
  if (rule.capPerHouseholdMilli !== undefined && milli > rule.capPerHouseholdMilli)
    milli = rule.capPerHouseholdMilli;
  return milli - (milli % stepMilli);
}

/** 0 for the first class, …, priorityClasses.length for the general class. */
export function priorityClassOf(rule: RationRule, flags: readonly PriorityFlag[]): number {
  const index = rule.priorityClasses.findIndex((classFlags) => classFlags.some((f) => flags.includes(f)));
  return index === -1 ? rule.priorityClasses.length : index;
}

/**
 * A child council's rule against its parent body's limits. Serving the parent's flags first means: the
 * child's classes begin with classes made only of those flags, which together name all of them; no later
 * class names any. The child may split or reorder them, or add classes after them — that is tightening.
 */
export function checkTightens(limits: ParentLimits, rule: RationRule): RationRuleResult<RationRule> {
  const loosens = (field: string): RationRuleResult<RationRule> => ({
    ok: false,
    error: 'loosens-parent-limit',
    field,
  });
  if (limits.maxPerPersonMilli !== undefined && rule.perPersonMilli > limits.maxPerPersonMilli)
    return loosens('perPersonMilli');
  if (
    limits.maxCapPerHouseholdMilli !== undefined &&
    (rule.capPerHouseholdMilli === undefined || rule.capPerHouseholdMilli > limits.maxCapPerHouseholdMilli)
  )
    return loosens('capPerHouseholdMilli');

  const firstFlags = new Set(limits.servedFirstFlags ?? []);
  if (firstFlags.size > 0) {
    const named = new Set(rule.priorityClasses.flat());
    if ([...firstFlags].some((f) => !named.has(f))) return loosens('priorityClasses');
    let isPastFirst = false;
    for (const [c, flags] of rule.priorityClasses.entries()) {
      const firstCount = flags.filter((f) => firstFlags.has(f)).length;
      // A mixed class serves other households alongside the parent's; a later one serves them after.
      if (firstCount > 0 && (isPastFirst || firstCount < flags.length))
        return loosens(`priorityClasses.${c}`);
      if (firstCount === 0) isPastFirst = true;
    }
  }
  return { ok: true, value: rule };
}
