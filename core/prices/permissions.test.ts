import { describe, expect, it } from 'vitest';
import { type CouncilViewerFacts, NOBODY } from '../federation/index.ts';
import { mayPrice, type PriceAction } from './permissions.ts';

const viewers: Record<string, CouncilViewerFacts> = {
  nobody: NOBODY,
  admin: { ...NOBODY, isAdmin: true },
  member: { ...NOBODY, isMember: true },
  memberBelow: { ...NOBODY, isMemberBelow: true },
  secretary: { ...NOBODY, isMember: true, officesHere: ['secretary'] },
  chair: { ...NOBODY, officesHere: ['chair'] },
  treasurer: { ...NOBODY, isMember: true, officesHere: ['treasurer'] },
  chairAbove: { ...NOBODY, officesAbove: ['chair'] },
};

// The whole matrix: one row per action, columns in the order of `viewers`.
// nobody, admin, member, memberBelow, secretary, chair, treasurer, chairAbove
const matrix: Array<[PriceAction, boolean[]]> = [
  ['read-caps', [true, true, true, true, true, true, true, true]],
  ['propose-price-cap', [false, false, false, false, true, true, false, false]],
  ['report-price', [false, false, true, false, true, false, true, false]],
  ['read-reports', [false, false, false, false, true, true, true, false]],
  ['read-violations', [false, false, false, false, true, true, true, false]],
  ['follow-up-violation', [false, false, false, false, true, true, true, false]],
];

describe('price permissions', () => {
  for (const [action, row] of matrix) {
    it(`${action}: ${row.map((b) => (b ? 'Y' : '.')).join('')}`, () => {
      expect(Object.values(viewers).map((f) => mayPrice(action, f))).toEqual(row);
    });
  }
});
