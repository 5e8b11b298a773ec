import { describe, expect, it } from 'vitest';
import { type CouncilAction, type CouncilViewerFacts, can, NOBODY } from './permissions.ts';

const admin: CouncilViewerFacts = { ...NOBODY, isAdmin: true };
const member: CouncilViewerFacts = { ...NOBODY, isMember: true };
const memberBelow: CouncilViewerFacts = { ...NOBODY, isMemberBelow: true };
const secretary: CouncilViewerFacts = { ...NOBODY, isMember: true, officesHere: ['secretary'] };
const treasurer: CouncilViewerFacts = { ...NOBODY, isMember: true, officesHere: ['treasurer'] };
const chairAbove: CouncilViewerFacts = { ...NOBODY, officesAbove: ['chair'] };

// The whole matrix, row by row: who may do what in a council.
const matrix: Array<[CouncilAction, Record<string, boolean>]> = [
  [
    'read-contacts',
    {
      nobody: false,
      admin: false,
      member: false,
      memberBelow: false,
      secretary: true,
      treasurer: true,
      chairAbove: false,
    },
  ],
  [
    'read-applications',
    {
      nobody: false,
      admin: false,
      member: false,
      memberBelow: false,
      secretary: true,
      treasurer: true,
      chairAbove: false,
    },
  ],
  [
    'decide-applications',
    {
      nobody: false,
      admin: false,
      member: false,
      memberBelow: false,
      secretary: true,
      treasurer: false,
      chairAbove: false,
    },
  ],
  [
    'read-ledger',
    {
      nobody: false,
      admin: true,
      member: true,
      memberBelow: true,
      secretary: true,
      treasurer: true,
      chairAbove: true,
    },
  ],
  [
    'create-child',
    {
      nobody: false,
      admin: true,
      member: false,
      memberBelow: false,
      secretary: true,
      treasurer: false,
      chairAbove: true,
    },
  ],
  [
    'move',
    {
      nobody: false,
      admin: true,
      member: false,
      memberBelow: false,
      secretary: false,
      treasurer: false,
      chairAbove: true,
    },
  ],
  [
    'dissolve',
    {
      nobody: false,
      admin: true,
      member: false,
      memberBelow: false,
      secretary: false,
      treasurer: false,
      chairAbove: true,
    },
  ],
  [
    'assign-office',
    {
      nobody: false,
      admin: true,
      member: false,
      memberBelow: false,
      secretary: true,
      treasurer: false,
      chairAbove: true,
    },
  ],
  [
    'issue-password-reset',
    {
      nobody: false,
      admin: false,
      member: false,
      memberBelow: false,
      secretary: true,
      treasurer: false,
      chairAbove: false,
    },
  ],
  [
    'apportion-seats',
    {
      nobody: false,
      admin: true,
      member: false,
      memberBelow: false,
      secretary: true,
      treasurer: false,
      chairAbove: true,
    },
  ],
  [
    'record-election-result',
    {
      nobody: false,
      admin: false,
      member: false,
      memberBelow: false,
      secretary: true,
      treasurer: false,
      chairAbove: false,
    },
  ],
  [
    'recall-mandate',
    {
      nobody: false,
      admin: false,
      member: false,
      memberBelow: false,
      secretary: true,
      treasurer: false,
      chairAbove: false,
    },
  ],
  [
    'set-recall-threshold',
    {
      nobody: false,
      admin: false,
      member: false,
      memberBelow: false,
      secretary: true,
      treasurer: false,
      chairAbove: false,
    },
  ],
];
const viewers: Record<string, CouncilViewerFacts> = {
  nobody: NOBODY,
  admin,
  member,
  memberBelow,
  secretary,
  treasurer,
  chairAbove,
};

describe('council permissions', () => {
  it.each(matrix)('%s', (action, expected) => {
    const actual = Object.fromEntries(
      Object.entries(viewers).map(([name, facts]) => [name, can(action, facts)]),
    );
    expect(actual).toEqual(expected);
  });
});
