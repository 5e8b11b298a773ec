import { describe, expect, it } from 'vitest';
import {
  changeSymbol,
  checkRuleForm,
  exactDecimal,
  isRuleOfTable,
  type RuleFormValues,
  ruleBody,
  ruleFormValues,
  seatChange,
  seatTotal,
} from './apportionment.ts';

const plain = (value: number) => String(value);

describe('the change of seats against the previous table', () => {
  it('shows a gain with a plus sign and a loss with a true minus sign', () => {
    expect(changeSymbol(seatChange(5, 3), plain)).toBe('+2');
    expect(changeSymbol(seatChange(2, 3), plain)).toBe('\u22121');
  });

  it('shows zero when the seats stayed the same', () => {
    expect(seatChange(4, 4)).toEqual({ kind: 'same' });
    expect(changeSymbol(seatChange(4, 4), plain)).toBe('0');
  });

  it('marks a council that was not in the previous table as new, with no figure', () => {
    expect(seatChange(3, null)).toEqual({ kind: 'new' });
    expect(changeSymbol(seatChange(3, null), plain)).toBe('');
  });

  it('writes the figure in the reader’s number format', () => {
    const spanish = new Intl.NumberFormat('es');
    expect(changeSymbol(seatChange(12_000, 1), (value) => spanish.format(value))).toBe('+11.999');
  });
});

describe('exact decimals from the server', () => {
  it('uses the language’s decimal separator and grouping without rounding a digit', () => {
    expect(exactDecimal('12345.678901', ['es'])).toBe('12.345,678901');
    expect(exactDecimal('12345.678901', ['en'])).toBe('12,345.678901');
  });

  it('drops trailing zeros of the fraction, and the separator when nothing is left', () => {
    expect(exactDecimal('1250.500000', ['en'])).toBe('1,250.5');
    expect(exactDecimal('1250.000000', ['en'])).toBe('1,250');
  });

  it('keeps whole numbers beyond what a float holds exactly', () => {
    expect(exactDecimal('9007199254740993.000001', ['en'])).toBe('9,007,199,254,740,993.000001');
  });

  it('leaves text that is not a decimal as it is', () => {
    expect(exactDecimal('n/a', ['es'])).toBe('n/a');
  });
});

describe('the seat total of a table', () => {
  it('adds every council’s seats', () => {
    expect(seatTotal([{ seats: 4 }, { seats: 3 }, { seats: 3 }])).toBe(10);
    expect(seatTotal([])).toBe(0);
  });
});

describe('whether the saved rule is the one the current table applies', () => {
  const rule = {
    method: 'dhondt',
    totalSeats: 10,
    seatsPerChild: null,
    minimumPerChild: 1,
    setAt: '',
  } as const;
  const table = { method: 'dhondt', totalSeats: 10, seatsPerChild: null, minimumPerChild: 1 } as const;

  it('is when method, total and minimum agree', () => {
    expect(isRuleOfTable(rule, table)).toBe(true);
  });

  it('is not when the total, the method or the minimum changed since', () => {
    expect(isRuleOfTable({ ...rule, totalSeats: 12 }, table)).toBe(false);
    expect(isRuleOfTable({ ...rule, method: 'hamilton' }, table)).toBe(false);
    expect(isRuleOfTable({ ...rule, minimumPerChild: 0 }, table)).toBe(false);
  });

  it('compares seats per council, not the total, for the fixed rule', () => {
    const fixed = {
      method: 'fixed',
      totalSeats: null,
      seatsPerChild: 2,
      minimumPerChild: 0,
      setAt: '',
    } as const;
    expect(
      isRuleOfTable(fixed, { method: 'fixed', totalSeats: 14, seatsPerChild: 2, minimumPerChild: 0 }),
    ).toBe(true);
  });
});

const dhondt = (overrides: Partial<RuleFormValues> = {}): RuleFormValues => ({
  method: 'dhondt',
  totalSeats: '10',
  seatsPerChild: '1',
  minimumPerChild: '0',
  ...overrides,
});

describe('the rule form', () => {
  it('suggests D’Hondt with a seat per child council when no rule is set', () => {
    expect(ruleFormValues(null, 5)).toEqual(dhondt({ totalSeats: '5' }));
  });

  it('starts from the saved rule', () => {
    const rule = {
      method: 'fixed',
      totalSeats: null,
      seatsPerChild: 2,
      minimumPerChild: 1,
      setAt: '',
    } as const;
    expect(ruleFormValues(rule, 5)).toEqual({
      method: 'fixed',
      totalSeats: '',
      seatsPerChild: '2',
      minimumPerChild: '1',
    });
  });

  it('accepts a total and minimum that fit the child councils', () => {
    expect(checkRuleForm(dhondt({ minimumPerChild: '2' }), 5)).toEqual({});
  });

  it('asks for a whole number of seats from 1 to 100 000', () => {
    for (const totalSeats of ['', '0', '2.5', '-3', '100001']) {
      expect(checkRuleForm(dhondt({ totalSeats }), 5)).toEqual({ totalSeats: 'apportionment.seatsRange' });
    }
  });

  it('checks seats per child, not the total, for the fixed rule', () => {
    expect(checkRuleForm(dhondt({ method: 'fixed', totalSeats: '', seatsPerChild: '0' }), 5)).toEqual({
      seatsPerChild: 'apportionment.seatsRange',
    });
  });

  it('refuses a minimum that the total cannot give every child council', () => {
    expect(checkRuleForm(dhondt({ minimumPerChild: '3' }), 5)).toEqual({
      minimumPerChild: 'apportionment.minimumOverTotal',
    });
  });

  it('refuses a fixed minimum above the seats each council gets', () => {
    expect(checkRuleForm(dhondt({ method: 'fixed', seatsPerChild: '1', minimumPerChild: '2' }), 5)).toEqual({
      minimumPerChild: 'apportionment.minimumOverFixed',
    });
  });

  it('asks for a whole minimum', () => {
    expect(checkRuleForm(dhondt({ minimumPerChild: 'x' }), 5)).toEqual({
      minimumPerChild: 'apportionment.minimumRange',
    });
  });

  it('sends only the fields of the chosen method', () => {
    expect(ruleBody(dhondt({ seatsPerChild: '4', minimumPerChild: ' 1 ' }))).toEqual({
      method: 'dhondt',
      totalSeats: 10,
      minimumPerChild: 1,
    });
    expect(ruleBody(dhondt({ method: 'fixed', seatsPerChild: '2' }))).toEqual({
      method: 'fixed',
      seatsPerChild: 2,
      minimumPerChild: 0,
    });
  });
});
