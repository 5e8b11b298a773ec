import { describe, expect, it } from 'vitest';
import { mayRoster, type RosterAction, type RosterViewerFacts } from './permissions.ts';

const nobody: RosterViewerFacts = {
  isAdmin: false,
  isMember: false,
  isMemberBelow: false,
  officesHere: [],
  officesAbove: [],
  leadsShift: false,
};
const viewers: Record<string, RosterViewerFacts> = {
  nobody,
  admin: { ...nobody, isAdmin: true },
  member: { ...nobody, isMember: true },
  memberBelow: { ...nobody, isMemberBelow: true },
  lead: { ...nobody, isMember: true, leadsShift: true },
  secretary: { ...nobody, isMember: true, officesHere: ['secretary'] },
  chair: { ...nobody, isMember: true, officesHere: ['chair'] },
  treasurer: { ...nobody, isMember: true, officesHere: ['treasurer'] },
  distribution: { ...nobody, isMember: true, officesHere: ['distribution'] },
  chairAbove: { ...nobody, officesAbove: ['chair'] },
};

// The whole matrix: one row per action, columns in the order of `viewers`.
// nobody, admin, member, memberBelow, lead, secretary, chair, treasurer, distribution, chairAbove
const matrix: Array<[RosterAction, boolean[]]> = [
  ['read-roster', [false, false, true, false, true, true, true, true, true, false]],
  ['define-shift', [false, false, false, false, false, true, true, false, false, false]],
  ['define-distribution-shift', [false, false, false, false, false, true, true, false, true, false]],
  ['keep-templates', [false, false, false, false, false, true, true, false, false, false]],
  ['set-roster-settings', [false, false, false, false, false, true, true, false, false, false]],
  ['sign-up', [false, false, true, false, true, true, true, true, true, false]],
  ['mark-attendance', [false, false, false, false, true, true, true, true, true, false]],
  ['read-attendance', [false, false, false, false, false, true, true, true, true, false]],
  ['record-incident', [false, false, false, false, true, false, false, false, false, false]],
  ['read-incidents', [false, false, false, false, true, true, true, true, true, false]],
  ['read-incident-log', [false, false, false, false, false, true, true, true, true, false]],
  ['record-training', [false, false, false, false, false, true, true, true, true, false]],
  ['read-trainings', [false, false, false, false, false, true, true, true, true, false]],
];

describe('roster permissions', () => {
  for (const [action, row] of matrix) {
    it(`${action}: ${row.map((b) => (b ? 'Y' : '.')).join('')}`, () => {
      expect(Object.values(viewers).map((f) => mayRoster(action, f))).toEqual(row);
    });
  }
});
