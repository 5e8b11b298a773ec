import { describe, expect, it } from 'vitest';
import {
  formatMilli,
  formatMilliNumber,
  milliToDecimal,
  milliToTyped,
  parseMilli,
  parsePercentAsPermille,
  parseQuantity,
  permilleToPercent,
} from './quantity.ts';

describe('formatting milli-units', () => {
  it.each([
    ['12500', ['es'], '12,5'],
    ['12500', ['en'], '12.5'],
    ['1000', ['en'], '1'],
    ['1', ['en'], '0.001'],
    ['0', ['en'], '0'],
    ['-2250', ['en'], '−2.25'],
    ['1234567000', ['en'], '1,234,567'],
  ])('shows %s as %s → %s', (milli, locales, text) => {
    expect(formatMilliNumber(milli, locales)).toBe(text);
  });

  it('keeps amounts beyond 2^53 exact', () => {
    expect(formatMilliNumber('90071992547409931', ['en'])).toBe('90,071,992,547,409.931');
  });

  it('adds the unit', () => {
    expect(formatMilli(2500, 'kg', ['es'])).toBe('2,5 kg');
  });

  it('writes the decimal text the API takes', () => {
    expect(milliToDecimal('12500')).toBe('12.5');
    expect(milliToDecimal('3000')).toBe('3');
  });

  it('prefills a form with the reader’s decimal mark, so what is read back is the same amount', () => {
    expect(milliToTyped('1234', ['es'])).toBe('1,234');
    expect(milliToTyped('1234', ['en'])).toBe('1.234');
    expect(milliToTyped('1234567', ['es'])).toBe('1234,567');
    for (const locales of [['es'], ['en']])
      for (const milli of ['1234', '1234567', '500', '7000'])
        expect(parseMilli(milliToTyped(milli, locales), locales)).toBe(Number(milli));
  });
});

describe('reading typed quantities', () => {
  it.each([
    ['12,5', '12.5'],
    [' 12.5 ', '12.5'],
    ['007', '7'],
    ['0.001', '0.001'],
    ['0', '0'],
  ])('reads %s as %s', (typed, decimal) => {
    expect(parseQuantity(typed)).toBe(decimal);
  });

  it.each(['', 'abc', '1.0001', '-1', '1e3', '1.000,5555', '1 000', '1.00.0'])('refuses %s', (typed) => {
    expect(parseQuantity(typed)).toBeNull();
  });

  it.each([
    ['1.000,5', ['es'], '1000.5'],
    ['1.234', ['es'], '1234'],
    ['1,234', ['es'], '1.234'],
    ['1.234', ['en'], '1.234'],
    ['1,234.5', ['en'], '1234.5'],
  ])('reads %s in %s the reader’s way as %s', (typed, locales, decimal) => {
    expect(parseQuantity(typed, locales)).toBe(decimal);
  });

  it('reads in Spanish until the app has a language', () => {
    expect(parseQuantity('2.500')).toBe('2500');
    expect(parseMilli('1.234,5')).toBe(1_234_500);
  });

  it('turns decimals into milli-units', () => {
    expect(parseMilli('2,5')).toBe(2500);
    expect(parseMilli('0.001')).toBe(1);
    expect(parseMilli('x')).toBeNull();
  });

  it('turns percentages into permille and back', () => {
    expect(parsePercentAsPermille('70')).toBe(700);
    expect(parsePercentAsPermille('12,5')).toBe(125);
    expect(parsePercentAsPermille('12.55')).toBeNull();
    expect(permilleToPercent(700)).toBe('70');
    expect(permilleToPercent(125)).toBe('12.5');
  });
});
