import { describe, expect, it } from 'vitest';
import { mayPetition, recallSignaturesNeeded } from './recall-petitions.ts';

describe('signatures a recall petition needs', () => {
  const cases: Array<[number, number, number]> = [
    [10, 20, 2],
    [11, 20, 3],
    [5, 20, 1],
    [1, 20, 1],
    [3, 1, 1],
    [100, 100, 100],
    [101, 33, 34],
    [1_000_000, 20, 200_000],
  ];
  it.each(cases)('%i members at %i %% need %i', (members, percent, needed) => {
    expect(recallSignaturesNeeded(members, percent)).toBe(needed);
  });
});

describe('who may open or sign a recall petition', () => {
  it('an active member of a base sending council', () => {
    expect(mayPetition({ sendingIsBase: true, isActiveMember: true, sitsInSender: false })).toBe(true);
    expect(mayPetition({ sendingIsBase: true, isActiveMember: false, sitsInSender: true })).toBe(false);
  });
  it('a delegate seated in a federated sending council, not a member below it', () => {
    expect(mayPetition({ sendingIsBase: false, isActiveMember: false, sitsInSender: true })).toBe(true);
    expect(mayPetition({ sendingIsBase: false, isActiveMember: true, sitsInSender: false })).toBe(false);
  });
});
