import { describe, expect, it } from 'vitest';
import {
  divide,
  fromInteger,
  multiply,
  multiplyDivide,
  parseDecimal,
  quotient,
  rescale,
  toDecimalString,
} from './fixed-point.ts';

describe('fixed-point decimals', () => {
  it.each([
    [0n, 5, '0.00000'],
    [1n, 5, '0.00001'],
    [132200000n, 5, '1322.00000'],
    [-34294n, 5, '-0.34294'],
    [42n, 0, '42'],
    [1_000_000_001n, 9, '1.000000001'],
  ])('writes %s at %i places as %s', (value, decimals, text) => {
    expect(toDecimalString(value, decimals)).toBe(text);
  });

  it.each([
    ['806.07214', 5, 80607214n],
    ['1322', 5, 132200000n],
    ['0.1234567', 5, 12345n],
    ['-2.5', 1, -25n],
    ['18.800000001', 9, 18800000001n],
  ])('reads %s at %i places', (text, decimals, value) => {
    expect(parseDecimal(text, decimals)).toBe(value);
  });

  it('refuses text that is not a decimal number', () => {
    expect(() => parseDecimal('1e5', 5)).toThrow(SyntaxError);
    expect(() => parseDecimal('', 5)).toThrow(SyntaxError);
  });

  it('truncates a Scottish transfer value as rule 48(3) requires: 690 × 1 ÷ 2012 is 0.34294', () => {
    // Aberdeen 2017 ward 1, stage 2: 181 papers at this value gave Barney Crockett 62.07214.
    const value = multiplyDivide(fromInteger(1, 5), fromInteger(690, 5), fromInteger(2012, 5), 'down');
    expect(toDecimalString(value, 5)).toBe('0.34294');
    expect(toDecimalString(value * 181n, 5)).toBe('62.07214');
  });

  it('rounds up only when something is dropped', () => {
    expect(divide(10n, 5n, 'up')).toBe(2n);
    expect(divide(11n, 5n, 'up')).toBe(3n);
    expect(divide(-11n, 5n, 'up')).toBe(-2n);
    expect(divide(11n, 5n, 'down')).toBe(2n);
  });

  it('multiplies and divides scaled values with the stated rounding', () => {
    // 1/3 at 9 places, then back: the PR Foundation Meek rule rounds keep values up.
    const third = quotient(fromInteger(1, 9), fromInteger(3, 9), 9, 'up');
    expect(toDecimalString(third, 9)).toBe('0.333333334');
    expect(toDecimalString(multiply(third, fromInteger(3, 9), 9, 'down'), 9)).toBe('1.000000002');
    expect(rescale(123456789n, 9, 5, 'down')).toBe(12345n);
    expect(rescale(123456789n, 9, 5, 'up')).toBe(12346n);
    expect(rescale(12345n, 5, 9, 'down')).toBe(123450000n);
  });

  it('refuses division by zero rather than inventing a value', () => {
    expect(() => divide(1n, 0n, 'down')).toThrow(RangeError);
  });
});
