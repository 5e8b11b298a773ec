import { describe, expect, it } from 'vitest';
import { checkHousehold, EMPTY_HOUSEHOLD, householdBody } from './household-form.ts';
import {
  checkLimits,
  checkRule,
  EMPTY_RULE,
  limitsBody,
  priorityClasses,
  ruleBody,
  ruleValues,
} from './ration-rule-form.ts';
import {
  checkStockEvent,
  checkTransferReceipt,
  emptyStockEvent,
  stockEventBody,
  toMilli,
} from './stock-forms.ts';

describe('the household form', () => {
  const filled = { ...EMPTY_HOUSEHOLD, headName: ' Rosa Quispe ', address: 'Calle 3 #12' };

  it('asks for a head, an address and at least one person', () => {
    const problems = checkHousehold({
      ...EMPTY_HOUSEHOLD,
      people: { infant: '0', child: '0', adult: '0', elder: '0' },
    });
    expect(Object.keys(problems).sort()).toEqual(['address', 'headName', 'people']);
  });

  it('blames the band that is not a count', () => {
    expect(checkHousehold({ ...filled, people: { ...filled.people, child: 'dos' } })).toEqual({
      child: 'supply.household.check.count',
    });
  });

  it('sends flags in their fixed order and no document on a change without one', () => {
    const body = householdBody({ ...filled, flags: ['illness', 'infants'] }, true);
    expect(body.flags).toEqual(['infants', 'illness']);
    expect(body.headName).toBe('Rosa Quispe');
    expect('identityDocument' in body).toBe(false);
    expect(householdBody(filled, false).identityDocument).toBeNull();
  });
});

describe('the rule editor', () => {
  it('turns units and percents into milli-units and permille', () => {
    const { rule, note } = ruleBody({ ...EMPTY_RULE, perPerson: '2,5', cap: '10' });
    expect(rule).toEqual({
      perPersonMilli: 2500,
      weightsPermille: { infant: 500, child: 700, adult: 1000, elder: 1000 },
      priorityClasses: [
        ['infants', 'elderly'],
        ['illness', 'disability'],
      ],
      capPerHouseholdMilli: 10000,
    });
    expect(note).toBeNull();
  });

  it('closes gaps between class numbers and leaves unnumbered flags to the general class', () => {
    expect(priorityClasses({ infants: '3', elderly: '', illness: '1', disability: '3' })).toEqual([
      ['illness'],
      ['infants', 'disability'],
    ]);
  });

  it('reads a version back into the same words', () => {
    const { rule, note } = ruleBody({ ...EMPTY_RULE, perPerson: '1.25', note: 'v2' });
    expect(ruleBody(ruleValues(rule, note))).toEqual({ rule, note });
  });

  it('reads back a version whose amount has three decimals (1,234 kg, not 1234 kg in Spanish)', () => {
    const { rule, note } = ruleBody({ ...EMPTY_RULE, perPerson: '1,234', cap: '12,5', note: '' });
    expect(rule.perPersonMilli).toBe(1234);
    expect(ruleValues(rule, note).perPerson).toBe('1,234');
    expect(ruleBody(ruleValues(rule, note))).toEqual({ rule, note });
  });

  it('reads thousands the Spanish way: 1.500 kg per household is one thousand five hundred', () => {
    expect(ruleBody({ ...EMPTY_RULE, perPerson: '2', cap: '1.500' }).rule.capPerHouseholdMilli).toBe(
      1_500_000,
    );
  });

  it('refuses a missing amount and all-zero weights', () => {
    expect(
      checkRule({ ...EMPTY_RULE, weights: { infant: '0', child: '0', adult: '0', elder: '0' } }),
    ).toEqual({
      perPersonMilli: 'supply.rule.check.perPerson',
      weightsPermille: 'supply.rule.check.noWeight',
    });
  });

  it('sends only the limits that were filled in', () => {
    expect(limitsBody({ maxPerPerson: '3', maxCap: '', servedFirst: ['illness', 'infants'] })).toEqual({
      maxPerPersonMilli: 3000,
      servedFirstFlags: ['infants', 'illness'],
    });
    expect(checkLimits({ maxPerPerson: 'x', maxCap: '0', servedFirst: [] })).toEqual({
      maxPerPersonMilli: 'supply.rule.check.perPerson',
      maxCapPerHouseholdMilli: 'supply.rule.check.cap',
    });
  });
});

describe('the stock forms', () => {
  const now = new Date('2026-11-29T12:00:00Z');

  it('asks a receipt for its source and a loss for its reason', () => {
    expect(checkStockEvent({ ...emptyStockEvent('receipt', 'i'), quantity: '5' }, now)).toEqual({
      source: 'supply.check.source',
    });
    expect(checkStockEvent({ ...emptyStockEvent('loss', 'i'), quantity: '0' }, now)).toEqual({
      quantity: 'supply.check.quantityZero',
      reason: 'supply.check.reason',
    });
  });

  it('sends the decimal with a dot and only the fields of its kind', () => {
    expect(
      stockEventBody({ ...emptyStockEvent('issue', 'i'), quantity: '2,5', source: 'donation', note: ' ' }),
    ).toEqual({ kind: 'issue', itemId: 'i', quantity: '2.5' });
  });

  it('refuses a receipt of a transfer whose quantities do not add up to what was sent', () => {
    expect(checkTransferReceipt('7,5', '2.5', '10000')).toEqual({});
    expect(checkTransferReceipt('7', '', '10000')).toEqual({ accepted: 'supply.check.addUp' });
    expect(toMilli('0.001')).toBe(1n);
  });
});
