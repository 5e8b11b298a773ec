import { describe, expect, it } from 'vitest';
import { type CouncilViewerFacts, NOBODY } from '../federation/index.ts';
import { type DemandAction, mayDemand } from './demand-permissions.ts';

const viewers: Record<string, CouncilViewerFacts> = {
  nobody: NOBODY,
  admin: { ...NOBODY, isAdmin: true },
  member: { ...NOBODY, isMember: true },
  memberBelow: { ...NOBODY, isMemberBelow: true },
  secretary: { ...NOBODY, isMember: true, officesHere: ['secretary'] },
  chair: { ...NOBODY, officesHere: ['chair'] },
  treasurer: { ...NOBODY, isMember: true, officesHere: ['treasurer'] },
  distribution: { ...NOBODY, isMember: true, officesHere: ['distribution'] },
  chairAbove: { ...NOBODY, officesAbove: ['chair'] },
};

// The whole matrix: one row per action, columns in the order of `viewers`.
// nobody, admin, member, memberBelow, secretary, chair, treasurer, distribution, chairAbove
const matrix: Array<[DemandAction, boolean[]]> = [
  ['read-demands', [true, true, true, true, true, true, true, true, true]],
  ['propose-demands', [false, false, false, false, true, true, false, false, false]],
  ['record-demand-answer', [false, false, false, false, true, true, true, true, false]],
  ['change-demand-status', [false, false, false, false, true, true, true, true, false]],
  ['endorse-demand', [false, false, false, false, true, true, false, false, false]],
];

describe('demand permissions', () => {
  for (const [action, row] of matrix) {
    it(`${action}: ${row.map((b) => (b ? 'Y' : '.')).join('')}`, () => {
      expect(Object.values(viewers).map((f) => mayDemand(action, f))).toEqual(row);
    });
  }
});
