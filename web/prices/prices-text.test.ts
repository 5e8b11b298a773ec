import { describe, expect, it } from 'vitest';
import { readMoney, readQuantity } from './prices-text.ts';

describe('reading a typed price', () => {
  it.each([
    ['9,50', 'es', '9.50'],
    ['1.234,50', 'es', '1234.50'],
    ['1.234', 'es', '1234'],
    ['552.00', 'es', '552.00'],
    ['9.50', 'en', '9.50'],
    ['1,234.50', 'en', '1234.50'],
    ['1,234', 'en', '1234'],
  ])('reads %j in %s as %s', (typed, locale, decimal) => {
    expect(readMoney(typed, locale)).toBe(decimal);
  });

  it.each(['', 'nueve', '9,505', '1.234,567', '1234567890', '-9', '9,5 Bs', '1.23.4'])(
    'refuses %j',
    (typed) => {
      expect(readMoney(typed, 'es')).toBeNull();
    },
  );
});

describe('reading a typed quantity', () => {
  it('takes three decimals and the reader’s marks', () => {
    expect(readQuantity('0,5', 'es')).toBe('0.5');
    expect(readQuantity('1.500', 'es')).toBe('1500');
    expect(readQuantity('1.500', 'en')).toBe('1.500');
    expect(readQuantity('46', 'en')).toBe('46');
  });

  it.each(['0', '0,000', '0.0', '1,2345', 'x'])('refuses %j (nothing or not a quantity)', (typed) => {
    expect(readQuantity(typed, 'es')).toBeNull();
  });
});
