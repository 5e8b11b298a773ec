import { describe, expect, it } from 'vitest';
import { MAX_ENTITLEMENT_STEPS, MAX_WEIGHT_MILLIS } from './allocate-round.ts';
import {
  AGE_BANDS,
  checkRationRule,
  checkTightens,
  entitlementOf,
  MAX_BAND_WEIGHT_PERMILLE,
  MAX_HOUSEHOLD_PEOPLE,
  MAX_PER_PERSON_MILLI,
  type ParentLimits,
  type PeopleByBand,
  type PriorityFlag,
  priorityClassOf,
  type RationRule,
  weightMillisOf,
} from './ration-rule.ts';

// Rice, kg: 5 kg a person, children 700 ‰, infants 300 ‰, elders 900 ‰; the ill and disabled first,
// then households with infants or elders; at most 30 kg a household.
const RICE: RationRule = {
  perPersonMilli: 5000,
  weightsPermille: { infant: 300, child: 700, adult: 1000, elder: 900 },
  priorityClasses: [
    ['illness', 'disability'],
    ['infants', 'elderly'],
  ],
  capPerHouseholdMilli: 30_000,
};

const people = (adult: number, child = 0, infant = 0, elder = 0): PeopleByBand => ({
  infant,
  child,
  adult,
  elder,
});

describe('checkRationRule', () => {
  it('accepts a well-formed rule and lists each class’s flags in canonical order', () => {
    const result = checkRationRule({ ...RICE, priorityClasses: [['disability', 'illness'], ['elderly']] });
    expect(result).toEqual({
      ok: true,
      value: { ...RICE, priorityClasses: [['illness', 'disability'], ['elderly']] },
    });
  });

  it('accepts a rule without a cap and without priority classes', () => {
    const { capPerHouseholdMilli: _, ...uncapped } = RICE;
    expect(checkRationRule({ ...uncapped, priorityClasses: [] }).ok).toBe(true);
  });

  const refusals: Array<[string, Partial<RationRule>, string, string]> = [
    ['no quantity per person', { perPersonMilli: 0 }, 'per-person-invalid', 'perPersonMilli'],
    ['a fractional quantity', { perPersonMilli: 2.5 }, 'per-person-invalid', 'perPersonMilli'],
    [
      'too much per person',
      { perPersonMilli: MAX_PER_PERSON_MILLI + 1 },
      'per-person-invalid',
      'perPersonMilli',
    ],
    [
      'a negative band weight',
      { weightsPermille: { ...RICE.weightsPermille, child: -1 } },
      'weight-invalid',
      'weightsPermille.child',
    ],
    [
      'a band weight above the maximum',
      { weightsPermille: { ...RICE.weightsPermille, elder: MAX_BAND_WEIGHT_PERMILLE + 1 } },
      'weight-invalid',
      'weightsPermille.elder',
    ],
    [
      'every band weighing nothing',
      { weightsPermille: { infant: 0, child: 0, adult: 0, elder: 0 } },
      'no-weight',
      'weightsPermille',
    ],
    [
      'an empty priority class',
      { priorityClasses: [['illness'], []] },
      'priority-class-empty',
      'priorityClasses.1',
    ],
    [
      'an unknown flag',
      { priorityClasses: [['illness', 'pregnancy' as PriorityFlag]] },
      'priority-flag-unknown',
      'priorityClasses.0.1',
    ],
    [
      'a flag in two classes',
      { priorityClasses: [['illness'], ['elderly', 'illness']] },
      'priority-flag-repeated',
      'priorityClasses.1.1',
    ],
    ['a zero cap', { capPerHouseholdMilli: 0 }, 'cap-invalid', 'capPerHouseholdMilli'],
    ['a fractional cap', { capPerHouseholdMilli: 1.5 }, 'cap-invalid', 'capPerHouseholdMilli'],
  ];
  it.each(refusals)('refuses %s', (_, change, error, field) => {
    expect(checkRationRule({ ...RICE, ...change })).toEqual({ ok: false, error, field });
  });

  it('refuses a cap below one step of the item only when told the step', () => {
    const lpg = { ...RICE, capPerHouseholdMilli: 500 };
    expect(checkRationRule(lpg)).toMatchObject({ ok: true });
    expect(checkRationRule(lpg, 1000)).toEqual({
      ok: false,
      error: 'cap-below-step',
      field: 'capPerHouseholdMilli',
    });
    expect(checkRationRule({ ...lpg, capPerHouseholdMilli: 1000 }, 1000).ok).toBe(true);
  });
});

describe('entitlementOf', () => {
  const cases: Array<[string, RationRule, PeopleByBand, number, number]> = [
    // 5000 × (2 × 1000 + 700) / 1000 = 13,500 g.
    ['two adults and a child, rice by the gram', RICE, people(2, 1), 1, 13_500],
    // 5000 × (1000 + 300 + 900) / 1000 = 11,000.
    ['an adult, an infant and an elder', RICE, people(1, 0, 1, 1), 1, 11_000],
    // 5000 × (300 + 700) / 1000 = 5000, rounded down to 2 kg bags: 4000.
    ['an infant and a child, in 2 kg bags', RICE, people(0, 1, 1), 2000, 4000],
    // 8 adults would be 40 kg; the cap holds them to 30 kg.
    ['eight adults, capped', RICE, people(8), 1, 30_000],
    // The cap, 30 kg, is not a whole number of 7 kg sacks: 28 kg.
    ['eight adults, capped, in 7 kg sacks', RICE, people(8), 7000, 28_000],
    ['nobody in the household', RICE, people(0), 1, 0],
    // LPG: a quarter cylinder a person, whole cylinders only: 3 people → 0, 4 → 1, 7 → 1, 8 → 2.
    ['three people, whole cylinders', { ...RICE, perPersonMilli: 250 }, people(3), 1000, 0],
    ['four people, whole cylinders', { ...RICE, perPersonMilli: 250 }, people(4), 1000, 1000],
    ['seven people, whole cylinders', { ...RICE, perPersonMilli: 250 }, people(7), 1000, 1000],
    ['eight people, whole cylinders', { ...RICE, perPersonMilli: 250 }, people(8), 1000, 2000],
    // 333 × 700 / 1000 = 233.1: milli-units are rounded down before the step.
    [
      'a fraction of a milli-unit',
      { ...RICE, perPersonMilli: 333, weightsPermille: { ...RICE.weightsPermille, child: 700 } },
      people(0, 1),
      1,
      233,
    ],
    [
      'infant formula, infants only',
      { ...RICE, perPersonMilli: 2000, weightsPermille: { infant: 1000, child: 0, adult: 0, elder: 0 } },
      people(2, 1, 2),
      1,
      4000,
    ],
  ];
  it.each(cases)('%s', (_, rule, members, stepMilli, expected) => {
    expect(entitlementOf(rule, { people: members }, stepMilli)).toBe(expected);
  });

  it('weighs a household by its bands', () => {
    expect(weightMillisOf(RICE, people(2, 1, 1, 1))).toBe(2000 + 700 + 300 + 900);
  });

  it('refuses malformed people counts and steps as programmer errors', () => {
    expect(() => entitlementOf(RICE, { people: people(-1) }, 1)).toThrow(RangeError);
    expect(() => entitlementOf(RICE, { people: people(1.5) }, 1)).toThrow(RangeError);
    expect(() => entitlementOf(RICE, { people: people(300, 300) }, 1)).toThrow(RangeError);
    expect(() => entitlementOf(RICE, { people: people(1) }, 0)).toThrow(RangeError);
  });

  it('keeps the largest entitlement a rule can give within what allocateRound counts exactly', () => {
    const heaviest: RationRule = {
      perPersonMilli: MAX_PER_PERSON_MILLI,
      weightsPermille: { infant: 0, child: 0, adult: MAX_BAND_WEIGHT_PERMILLE, elder: 0 },
      priorityClasses: [],
    };
    const largest = { people: people(MAX_HOUSEHOLD_PEOPLE) };
    expect(weightMillisOf(heaviest, largest.people)).toBeLessThanOrEqual(MAX_WEIGHT_MILLIS);
    expect(entitlementOf(heaviest, largest, 1)).toBeLessThanOrEqual(MAX_ENTITLEMENT_STEPS);
    expect(AGE_BANDS).toHaveLength(4);
  });
});

describe('priorityClassOf', () => {
  const cases: Array<[PriorityFlag[], number]> = [
    [['illness'], 0],
    [['disability', 'elderly'], 0],
    [['infants'], 1],
    [['elderly', 'infants'], 1],
    [[], 2],
  ];
  it.each(cases)('puts a household flagged %j in class %i', (flags, expected) => {
    expect(priorityClassOf(RICE, flags)).toBe(expected);
  });

  it('puts everyone in the general class 0 when the rule has no priority classes', () => {
    expect(priorityClassOf({ ...RICE, priorityClasses: [] }, ['illness'])).toBe(0);
  });
});

describe('checkTightens', () => {
  const limits: ParentLimits = {
    maxPerPersonMilli: 6000,
    maxCapPerHouseholdMilli: 30_000,
    servedFirstFlags: ['illness', 'disability'],
  };

  const allowed: Array<[string, Partial<RationRule>]> = [
    ['the same as the limits allow', {}],
    ['less per person and a lower cap', { perPersonMilli: 4000, capPerHouseholdMilli: 20_000 }],
    [
      'the parent’s flags split into two classes',
      { priorityClasses: [['disability'], ['illness'], ['elderly']] },
    ],
    ['the parent’s flags only', { priorityClasses: [['illness', 'disability']] }],
  ];
  it.each(allowed)('accepts a child rule with %s', (_, change) => {
    expect(checkTightens(limits, { ...RICE, ...change })).toEqual({
      ok: true,
      value: { ...RICE, ...change },
    });
  });

  const loosening: Array<[string, Partial<RationRule>, string]> = [
    ['more per person', { perPersonMilli: 6001 }, 'perPersonMilli'],
    ['a higher cap', { capPerHouseholdMilli: 30_001 }, 'capPerHouseholdMilli'],
    ['no cap', { capPerHouseholdMilli: undefined }, 'capPerHouseholdMilli'],
    ['a parent flag left out', { priorityClasses: [['illness'], ['elderly']] }, 'priorityClasses'],
    ['no priority classes', { priorityClasses: [] }, 'priorityClasses'],
    [
      'other households served with the parent’s',
      { priorityClasses: [['illness', 'disability', 'elderly']] },
      'priorityClasses.0',
    ],
    [
      'other households served before the parent’s',
      { priorityClasses: [['elderly'], ['illness', 'disability']] },
      'priorityClasses.1',
    ],
    [
      'a parent flag served after other households',
      { priorityClasses: [['illness'], ['elderly'], ['disability']] },
      'priorityClasses.2',
    ],
  ];
  it.each(loosening)('refuses a child rule with %s, naming the field', (_, change, field) => {
    expect(checkTightens(limits, { ...RICE, ...change })).toEqual({
      ok: false,
      error: 'loosens-parent-limit',
      field,
    });
  });

  it('accepts anything valid when the parent sets no limits', () => {
    expect(checkTightens({}, { ...RICE, perPersonMilli: MAX_PER_PERSON_MILLI, priorityClasses: [] }).ok).toBe(
      true,
    );
  });
});
