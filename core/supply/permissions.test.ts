import { describe, expect, it } from 'vitest';
import { maySupply, type SupplyAction, type SupplyViewerFacts } from './permissions.ts';

const nobody: SupplyViewerFacts = {
  isSignedIn: false,
  isAdmin: false,
  isMember: false,
  isMemberBelow: false,
  officesHere: [],
  officesAbove: [],
};
const viewers: Record<string, SupplyViewerFacts> = {
  nobody,
  signedIn: { ...nobody, isSignedIn: true },
  admin: { ...nobody, isSignedIn: true, isAdmin: true },
  member: { ...nobody, isSignedIn: true, isMember: true },
  memberBelow: { ...nobody, isSignedIn: true, isMemberBelow: true },
  secretary: { ...nobody, isSignedIn: true, isMember: true, officesHere: ['secretary'] },
  treasurer: { ...nobody, isSignedIn: true, isMember: true, officesHere: ['treasurer'] },
  chairAbove: { ...nobody, isSignedIn: true, officesAbove: ['chair'] },
  distribution: { ...nobody, isSignedIn: true, isMember: true, officesHere: ['distribution'] },
};

// The whole matrix: one row per action, columns in the order of `viewers`.
// nobody, signedIn, admin, member, memberBelow, secretary, treasurer, chairAbove, distribution
const matrix: Array<[SupplyAction, boolean[]]> = [
  ['read-catalogue', [false, true, true, true, true, true, true, true, true]],
  ['create-item', [false, false, true, false, false, false, false, false, false]],
  ['read-stock', [false, false, false, true, false, true, true, false, true]],
  ['create-depot', [false, false, false, false, false, true, false, false, false]],
  ['record-stock', [false, false, false, false, false, true, true, false, true]],
  ['send-transfer', [false, false, false, false, false, true, true, false, true]],
  ['receive-transfer', [false, false, false, false, false, true, true, false, true]],
  ['keep-households', [false, false, false, false, false, false, false, false, true]],
  ['propose-ration-rule', [false, false, false, false, false, true, false, false, true]],
  ['read-limits', [false, false, false, true, true, true, true, true, true]],
  ['set-ration-limits', [false, false, false, false, false, true, false, false, false]],
  ['run-round', [false, false, false, false, false, true, false, false, true]],
  ['record-pickup', [false, false, false, false, false, true, true, false, true]],
  ['request-supply', [false, false, false, false, false, true, true, false, true]],
  ['read-requisitions', [false, false, false, false, false, true, true, false, true]],
  ['decide-requisition', [false, false, false, false, false, true, false, false, false]],
  ['plan-shipments', [false, false, false, false, false, true, false, false, false]],
];

describe('supply permissions', () => {
  for (const [action, row] of matrix) {
    it(`${action}: ${row.map((b) => (b ? 'Y' : '.')).join('')}`, () => {
      expect(Object.values(viewers).map((f) => maySupply(action, f))).toEqual(row);
    });
  }
});
