import { describe, expect, it } from 'vitest';
import type { CoordinatorCandidate } from './actions-types.ts';
import { offeredCandidates, searchText, withCoordinator, withoutCoordinator } from './coordinator-choice.ts';

const person = (id: string, name = `Person ${id}`): CoordinatorCandidate => ({
  personId: id,
  fullName: name,
  councilId: 'c1',
  councilName: 'Consejo Minero de Huanuni',
});

describe('searchText', () => {
  it.each([
    ['', null],
    ['a', null],
    ['  a  ', null],
    ['ab', 'ab'],
    ['  Nélida ', 'Nélida'],
    ['x'.repeat(90), 'x'.repeat(80)],
  ])('%j searches %j', (typed, expected) => {
    expect(searchText(typed)).toBe(expected);
  });
});

describe('the chosen coordinators', () => {
  it('adds each person once, in the order chosen', () => {
    const one = withCoordinator([], person('a'));
    const two = withCoordinator(one, person('b'));
    expect(withCoordinator(two, person('a')).map((c) => c.personId)).toEqual(['a', 'b']);
  });

  it('removes a person by id, leaving the others', () => {
    expect(withoutCoordinator([person('a'), person('b')], 'a').map((c) => c.personId)).toEqual(['b']);
  });

  it('offers only the matches not chosen yet, in the server’s order', () => {
    const matches = [person('c'), person('a'), person('b')];
    expect(offeredCandidates(matches, [person('a')]).map((c) => c.personId)).toEqual(['c', 'b']);
  });
});
