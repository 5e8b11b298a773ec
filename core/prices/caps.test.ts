import { describe, expect, it } from 'vitest';
import {
  basePriceText,
  capAboveParent,
  centsTextToUnits,
  formatCents,
  isAboveCap,
  sellerKey,
  toCents,
} from './caps.ts';

describe('toCents', () => {
  it.each([
    ['12.50', { ok: true, cents: 1250n }],
    ['12.5', { ok: true, cents: 1250n }],
    ['7', { ok: true, cents: 700n }],
    ['0.01', { ok: true, cents: 1n }],
    ['3.100', { ok: true, cents: 310n }],
    ['999999999.99', { ok: true, cents: 99_999_999_999n }],
    ['0', { ok: false, error: 'price-not-positive' }],
    ['0.00', { ok: false, error: 'price-not-positive' }],
    ['-5', { ok: false, error: 'price-invalid' }],
    ['1e3', { ok: false, error: 'price-invalid' }],
    ['12,50', { ok: false, error: 'price-invalid' }],
    ['1.234', { ok: false, error: 'price-too-precise' }],
    ['1000000000', { ok: false, error: 'price-too-large' }],
    ['9'.repeat(40), { ok: false, error: 'price-too-large' }],
  ])('%s', (text, expected) => expect(toCents(text)).toEqual(expected));
});

describe('caps and reports', () => {
  it('formats cents', () => {
    expect(formatCents(1250n)).toBe('12.50');
    expect(formatCents(5n)).toBe('0.05');
  });
  it('keys sellers by trimmed, collapsed, lower-case name', () => {
    expect(sellerKey('  Tienda   Doña ROSA ')).toBe('tienda doña rosa');
  });
  it('compares a 50 kg sack with a per-kg cap exactly', () => {
    // 350.00 for 50 kg = 7.00 per kg.
    expect(isAboveCap(35_000n, 50_000n, 700n)).toBe(false);
    expect(isAboveCap(35_001n, 50_000n, 700n)).toBe(true);
    expect(basePriceText(35_001n, 50_000n)).toBe('700.02');
    expect(basePriceText(100n, 3000n)).toBe('33.333333');
  });
  it('finds the lowest cap above that a proposal exceeds while both are valid', () => {
    const above = [
      { councilName: 'Region', capCents: 800n, validFrom: '2026-01-01', validTo: null },
      { councilName: 'Local', capCents: 700n, validFrom: '2026-01-01', validTo: '2026-03-31' },
    ];
    const proposal = (capCents: bigint, validFrom: string, validTo: string | null = null) => ({
      capCents,
      validFrom,
      validTo,
    });
    expect(capAboveParent(proposal(650n, '2026-02-01'), above)).toBeNull();
    expect(capAboveParent(proposal(700n, '2026-02-01'), above)).toBeNull();
    expect(capAboveParent(proposal(750n, '2026-02-01'), above)?.councilName).toBe('Local');
    expect(capAboveParent(proposal(750n, '2026-04-01'), above)).toBeNull();
    expect(capAboveParent(proposal(900n, '2026-04-01'), above)?.councilName).toBe('Region');
    expect(capAboveParent(proposal(900n, '2025-01-01', '2025-12-31'), above)).toBeNull();
  });
});

describe('centsTextToUnits', () => {
  it.each([
    ['70002.5', '700.025'],
    ['700', '7.00'],
    ['5', '0.05'],
    ['33.333333', '0.33333333'],
    ['1250.000000', '12.50'],
  ])('%s', (cents, units) => expect(centsTextToUnits(cents)).toBe(units));
});
