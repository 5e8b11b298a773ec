import { describe, expect, it } from 'vitest';
import { pageOf } from './member-pages.ts';

const people = (count: number) => Array.from({ length: count }, (_, index) => `person ${index + 1}`);

describe('a page of the member list', () => {
  it('shows at most a page and knows there is a next one when one more member came back', () => {
    const page = pageOf(people(51), 0, 50);
    expect(page.members).toHaveLength(50);
    expect(page).toMatchObject({ from: 1, to: 50, hasPrevious: false, hasNext: true });
  });

  it('is the last page when no extra member came back', () => {
    expect(pageOf(people(28), 50, 50)).toMatchObject({ from: 51, to: 78, hasPrevious: true, hasNext: false });
  });

  it('is empty for a council without members', () => {
    expect(pageOf([], 0, 50)).toMatchObject({
      members: [],
      from: 0,
      to: 0,
      hasPrevious: false,
      hasNext: false,
    });
  });
});
