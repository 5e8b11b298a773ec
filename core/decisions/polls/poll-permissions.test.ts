import { describe, expect, it } from 'vitest';
import { type CouncilViewerFacts, NOBODY } from '../../federation/index.ts';
import { type DecisionAction, mayDecide } from './poll-permissions.ts';

// Officers here are given no membership flag: in a federated council an officer holds office through a
// seat, not as a member, so the office alone must carry the right.
const viewers: Record<string, CouncilViewerFacts> = {
  nobody: NOBODY,
  admin: { ...NOBODY, isAdmin: true },
  member: { ...NOBODY, isMember: true },
  memberBelow: { ...NOBODY, isMemberBelow: true },
  secretary: { ...NOBODY, officesHere: ['secretary'] },
  chair: { ...NOBODY, officesHere: ['chair'] },
  treasurer: { ...NOBODY, officesHere: ['treasurer'] },
  chairAbove: { ...NOBODY, officesAbove: ['chair'] },
  treasurerAbove: { ...NOBODY, officesAbove: ['treasurer'] },
};

// The whole matrix, row by row: who may run and read a council's assemblies and polls. The
// administrator reads no council's business (no personal data), and officers above may read but not run.
const matrix: Array<[DecisionAction, Record<string, boolean>]> = [
  [
    'convene-assembly',
    {
      nobody: false,
      admin: false,
      member: false,
      memberBelow: false,
      secretary: true,
      chair: true,
      treasurer: false,
      chairAbove: false,
      treasurerAbove: false,
    },
  ],
  [
    'chair-assembly',
    {
      nobody: false,
      admin: false,
      member: false,
      memberBelow: false,
      secretary: true,
      chair: true,
      treasurer: false,
      chairAbove: false,
      treasurerAbove: false,
    },
  ],
  [
    'open-poll',
    {
      nobody: false,
      admin: false,
      member: false,
      memberBelow: false,
      secretary: true,
      chair: true,
      treasurer: false,
      chairAbove: false,
      treasurerAbove: false,
    },
  ],
  [
    'close-poll',
    {
      nobody: false,
      admin: false,
      member: false,
      memberBelow: false,
      secretary: true,
      chair: true,
      treasurer: false,
      chairAbove: false,
      treasurerAbove: false,
    },
  ],
  [
    'moderate-speakers',
    {
      nobody: false,
      admin: false,
      member: false,
      memberBelow: false,
      secretary: true,
      chair: true,
      treasurer: false,
      chairAbove: false,
      treasurerAbove: false,
    },
  ],
  [
    'read-assembly',
    {
      nobody: false,
      admin: false,
      member: true,
      memberBelow: true,
      secretary: true,
      chair: true,
      treasurer: true,
      chairAbove: true,
      treasurerAbove: true,
    },
  ],
  [
    'read-poll',
    {
      nobody: false,
      admin: false,
      member: true,
      memberBelow: true,
      secretary: true,
      chair: true,
      treasurer: true,
      chairAbove: true,
      treasurerAbove: true,
    },
  ],
  [
    'write-minutes',
    {
      nobody: false,
      admin: false,
      member: false,
      memberBelow: false,
      secretary: true,
      chair: true,
      treasurer: false,
      chairAbove: false,
      treasurerAbove: false,
    },
  ],
  [
    'admit-motion',
    {
      nobody: false,
      admin: false,
      member: false,
      memberBelow: false,
      secretary: true,
      chair: true,
      treasurer: false,
      chairAbove: false,
      treasurerAbove: false,
    },
  ],
  [
    'refer-motion',
    {
      nobody: false,
      admin: false,
      member: false,
      memberBelow: false,
      secretary: true,
      chair: true,
      treasurer: false,
      chairAbove: false,
      treasurerAbove: false,
    },
  ],
  [
    'withdraw-motion',
    {
      nobody: false,
      admin: false,
      member: false,
      memberBelow: false,
      secretary: true,
      chair: true,
      treasurer: false,
      chairAbove: false,
      treasurerAbove: false,
    },
  ],
  [
    'forward-motion',
    {
      nobody: false,
      admin: false,
      member: false,
      memberBelow: false,
      secretary: true,
      chair: true,
      treasurer: false,
      chairAbove: false,
      treasurerAbove: false,
    },
  ],
  [
    'compose-motions',
    {
      nobody: false,
      admin: false,
      member: false,
      memberBelow: false,
      secretary: true,
      chair: true,
      treasurer: false,
      chairAbove: false,
      treasurerAbove: false,
    },
  ],
  [
    'set-instruction',
    {
      nobody: false,
      admin: false,
      member: false,
      memberBelow: false,
      secretary: true,
      chair: true,
      treasurer: false,
      chairAbove: false,
      treasurerAbove: false,
    },
  ],
  [
    'read-motion',
    {
      nobody: false,
      admin: false,
      member: true,
      memberBelow: true,
      secretary: true,
      chair: true,
      treasurer: true,
      chairAbove: true,
      treasurerAbove: true,
    },
  ],
];

describe('decision permissions', () => {
  it.each(matrix)('%s', (action, expected) => {
    const actual = Object.fromEntries(
      Object.entries(viewers).map(([name, facts]) => [name, mayDecide(action, facts)]),
    );
    expect(actual).toEqual(expected);
  });

  it('a member who is also the secretary may open a poll; the membership alone may not', () => {
    expect(mayDecide('open-poll', { ...NOBODY, isMember: true, officesHere: ['secretary'] })).toBe(true);
    expect(mayDecide('open-poll', { ...NOBODY, isMember: true, officesHere: ['treasurer'] })).toBe(false);
  });

  it('an administrator who is also a member reads as a member', () => {
    expect(mayDecide('read-poll', { ...NOBODY, isAdmin: true, isMember: true })).toBe(true);
    expect(mayDecide('close-poll', { ...NOBODY, isAdmin: true, isMember: true })).toBe(false);
  });
});
