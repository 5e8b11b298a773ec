import { describe, expect, it } from 'vitest';
import { decimalMark, formatDecimalText, parseDecimalInput } from './decimal-text.ts';

describe('showing API decimal text in the reader’s language', () => {
  it.each([
    ['9.00', 'es', '9,00'],
    ['9.00', 'en', '9.00'],
    ['552.00', 'es', '552,00'],
    ['12.5', 'es', '12,5'],
    ['1234.50', 'es', '1.234,50'],
    ['1234.50', 'en', '1,234.50'],
    ['1234567.891', 'es', '1.234.567,891'],
    ['12', 'es', '12'],
    ['1234', 'es', '1.234'],
    ['0', 'en', '0'],
    ['0.10', 'es', '0,10'],
    ['-9.50', 'es', '-9,50'],
    ['-1234.5', 'en', '-1,234.5'],
    ['-0.50', 'en', '-0.50'],
  ])('%s in %s is %s', (text, locale, shown) => {
    expect(formatDecimalText(text, locale)).toBe(shown);
  });

  it('keeps amounts beyond 2^53 digit for digit', () => {
    expect(formatDecimalText('90071992547409931.99', 'en')).toBe('90,071,992,547,409,931.99');
    expect(formatDecimalText('0.1234567890123456789', 'es')).toBe('0,1234567890123456789');
  });

  it('takes a list of locales, the first it knows winning', () => {
    expect(formatDecimalText('1234.5', ['en', 'es'])).toBe('1,234.5');
  });

  it.each(['', 'abc', '9,00', '1e3', '+1', '.5', '5.', ' 9.00', 'NaN', '1.2.3'])(
    'gives back %j unchanged when it is not plain decimal text',
    (text) => {
      expect(formatDecimalText(text, 'es')).toBe(text);
    },
  );

  it('knows each locale’s decimal mark', () => {
    expect(decimalMark('es')).toBe(',');
    expect(decimalMark(['en', 'es'])).toBe('.');
  });
});

const MONEY = { maxDecimals: 2, maxIntegerDigits: 9 };
const QUANTITY = { maxDecimals: 3, maxIntegerDigits: 15 };

describe('reading a typed amount the reader’s way', () => {
  it.each([
    ['9,50', '9.50'],
    ['9,5', '9.5'],
    ['1.234,50', '1234.50'],
    ['1.234.567,5', '1234567.5'],
    ['1.234', '1234'], // a thousands group in Spanish, not one and a bit
    ['1.234.567', '1234567'],
    ['9.50', '9.50'], // a dot that cannot group thousands is the decimal mark
    ['0.500', '0.500'], // nor can a group follow a lone zero
    ['1,234.50', '1234.50'], // both marks: the last is the decimal one
    [' 552 ', '552'],
    ['007', '7'],
    ['0', '0'],
  ])('es: reads %j as %s', (typed, decimal) => {
    expect(parseDecimalInput(typed, 'es', QUANTITY)).toBe(decimal);
  });

  it.each([
    ['9.50', '9.50'],
    ['1,234.50', '1234.50'],
    ['1,234', '1234'],
    ['1,5', '1.5'],
    ['1.234,5', '1234.5'],
  ])('en: reads %j as %s', (typed, decimal) => {
    expect(parseDecimalInput(typed, 'en', QUANTITY)).toBe(decimal);
  });

  it('reads the same text by the locale when it is ambiguous', () => {
    expect(parseDecimalInput('1.500', 'es', QUANTITY)).toBe('1500');
    expect(parseDecimalInput('1.500', 'en', QUANTITY)).toBe('1.500');
    expect(parseDecimalInput('1,500', 'es', QUANTITY)).toBe('1.500');
    expect(parseDecimalInput('1,500', 'en', QUANTITY)).toBe('1500');
  });

  it.each([
    '',
    'abc',
    '9,5 Bs',
    '1e3',
    '12.',
    ',5',
    '1.2.3',
    '1.23.456',
    '12.34,5.6',
    '1,234,5.6',
    '1 234',
    '1.234,567', // three decimals where money takes two
    '9,505',
    '1234567890', // ten digits
    '-5',
    '--5',
  ])('refuses %j as money in es', (typed) => {
    expect(parseDecimalInput(typed, 'es', MONEY)).toBeNull();
  });

  it('takes a minus only when the rules allow one', () => {
    expect(parseDecimalInput('-9,5', 'es', { ...MONEY, allowNegative: true })).toBe('-9.5');
    expect(parseDecimalInput('\u22129,5', 'es', { ...MONEY, allowNegative: true })).toBe('-9.5');
    expect(parseDecimalInput('-9,5', 'es', MONEY)).toBeNull();
  });

  it('counts digits without leading zeros', () => {
    expect(parseDecimalInput('000123456789', 'es', MONEY)).toBe('123456789');
  });
});
