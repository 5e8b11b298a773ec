import { describe, expect, it } from 'vitest';
import { type CouncilViewerFacts, NOBODY } from '../federation/index.ts';
import { type CollectiveActionAct, mayAct } from './action-permissions.ts';

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

// The whole matrix: one row per act, columns in the order of `viewers`.
// nobody, admin, member, memberBelow, secretary, chair, treasurer, chairAbove
const matrix: Array<[CollectiveActionAct, boolean[]]> = [
  ['read-proposed-action', [false, false, true, true, true, true, true, true]],
  ['propose-call', [false, false, false, false, true, true, false, false]],
  ['propose-action-decision', [false, false, false, false, true, true, false, false]],
  ['pledge', [false, false, true, false, true, false, true, false]],
  ['report-council-status', [false, false, false, false, true, true, true, false]],
  ['read-pledgers', [false, false, false, false, true, true, true, false]],
];

describe('collective action permissions', () => {
  for (const [act, row] of matrix) {
    it(`${act}: ${row.map((b) => (b ? 'Y' : '.')).join('')}`, () => {
      expect(Object.values(viewers).map((f) => mayAct(act, f))).toEqual(row);
    });
  }
});

describe('the pledge rule', () => {
  // A group of pledges (server/actions/pledge-to-action.ts) loads only membership for each pledger: if
  // the rule ever reads another fact, this fails and the group must load that fact too.
  it('is decided by active membership alone, whatever the offices held', () => {
    for (const [name, facts] of Object.entries(viewers))
      expect(mayAct('pledge', facts), name).toBe(
        mayAct('pledge', { ...NOBODY, isAdmin: facts.isAdmin, isMember: facts.isMember }),
      );
    expect(mayAct('pledge', { ...NOBODY, isMember: true })).toBe(true);
    expect(
      mayAct('pledge', { ...NOBODY, isMemberBelow: true, officesHere: ['chair'], officesAbove: ['chair'] }),
    ).toBe(false);
  });
});
