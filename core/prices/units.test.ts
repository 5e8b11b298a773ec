import { describe, expect, it } from 'vitest';
import { basePriceCents, normaliseUnit } from './units.ts';

describe('normaliseUnit', () => {
  // Every unit of the Bolivia file, then forms other WFP files use.
  const KNOWN: Array<[text: string, base: string, quantity: number, label: string]> = [
    ['46 KG', 'kg', 46, '46 KG'],
    ['11.5 KG', 'kg', 11.5, '11.5 KG'],
    ['KG', 'kg', 1, 'KG'],
    ['L', 'L', 1, 'L'],
    ['Unit', 'unit', 1, 'Unit'],
    ['Pound', 'kg', 0.45359237, 'Pound'],
    ['Libra', 'kg', 0.46, 'Libra'],
    ['Cuartilla', 'kg', 2.875, 'Cuartilla'],
    ['100 KG', 'kg', 100, '100 KG'],
    ['12 Units', 'unit', 12, '12 Units'],
    ['400 G', 'kg', 0.4, '400 G'],
    ['500 ML', 'L', 0.5, '500 ML'],
    ['Dozen', 'unit', 12, 'Dozen'],
    ['  50   kg ', 'kg', 50, '50 kg'],
    ['MT', 'kg', 1000, 'MT'],
  ];
  it.each(KNOWN)('reads "%s" as %s × %d', (text, base, quantity, label) => {
    const r = normaliseUnit(text);
    expect(r.ok && r.unit).toEqual({ label, base, quantity });
  });

  const REFUSED: Array<[text: string, error: string]> = [
    ['', 'unit-missing'],
    ['   ', 'unit-missing'],
    ['Bunch', 'unit-unknown'],
    ['Marmite', 'unit-unknown'],
    ['46 KG bag', 'unit-unknown'],
    ['-5 KG', 'unit-unknown'],
    ['0 KG', 'unit-count-invalid'],
    ['250000 KG', 'unit-count-invalid'],
  ];
  it.each(REFUSED)('refuses "%s" (%s) with a reason naming it', (text, error) => {
    const r = normaliseUnit(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toBe(error);
      expect(r.reason.length).toBeGreaterThan(0);
    }
  });

  it('gives the price per base unit, unrounded: 101.48 Bs per 46 kg is 220.6087 centavos per kg', () => {
    const r = normaliseUnit('46 KG');
    if (!r.ok) throw new Error(r.reason);
    expect(basePriceCents(10_148, r.unit)).toBeCloseTo(220.608_695_65, 6);
  });

  it('makes a pound and a libra of sugar comparable per kg (2.82 Bs/lb and 2.86 Bs/libra ≈ 6.2 Bs/kg)', () => {
    const pound = normaliseUnit('Pound');
    const libra = normaliseUnit('Libra');
    if (!pound.ok || !libra.ok) throw new Error('known units');
    expect(basePriceCents(282, pound.unit)).toBeCloseTo(621.7, 1);
    expect(basePriceCents(286, libra.unit)).toBeCloseTo(621.7, 1);
  });
});
