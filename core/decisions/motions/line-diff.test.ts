import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffLines, joinLines, keptLineMap, splitLines } from './line-diff.ts';

describe('line diff', () => {
  it.each([
    ['identical texts are one kept hunk', ['a', 'b'], ['a', 'b'], [['kept', 1, 1, ['a', 'b']]]],
    [
      'a changed middle line is removed then added',
      ['a', 'b', 'c'],
      ['a', 'x', 'c'],
      [
        ['kept', 1, 1, ['a']],
        ['removed', 2, 2, ['b']],
        ['added', 3, 2, ['x']],
        ['kept', 3, 3, ['c']],
      ],
    ],
    [
      'an insertion at the start',
      ['b'],
      ['a', 'b'],
      [
        ['added', 1, 1, ['a']],
        ['kept', 1, 2, ['b']],
      ],
    ],
    [
      'a deletion at the end',
      ['a', 'b'],
      ['a'],
      [
        ['kept', 1, 1, ['a']],
        ['removed', 2, 2, ['b']],
      ],
    ],
    ['empty to empty', [], [], []],
    ['everything new', [], ['a'], [['added', 1, 1, ['a']]]],
  ] as const)('%s', (_label, oldLines, newLines, hunks) => {
    expect(diffLines(oldLines, newLines).map((h) => [h.kind, h.oldLine, h.newLine, h.lines])).toEqual(hunks);
  });

  it('splits on every line ending and joins back with newlines', () => {
    expect(splitLines('a\r\nb\rc\nd')).toEqual(['a', 'b', 'c', 'd']);
    expect(splitLines('')).toEqual([]);
    expect(joinLines(['a', '', 'b'])).toBe('a\n\nb');
  });

  it('maps kept lines to their new positions and changed ones to -1', () => {
    expect(keptLineMap(['a', 'b', 'c'], ['z', 'a', 'c'])).toEqual([1, -1, 2]);
  });

  it('rebuilds both texts from its hunks and keeps a longest common subsequence', () => {
    const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd', ''), { maxLength: 12 });
    fc.assert(
      fc.property(lines, lines, (oldLines, newLines) => {
        const hunks = diffLines(oldLines, newLines);
        const old = hunks.filter((h) => h.kind !== 'added').flatMap((h) => h.lines);
        const next = hunks.filter((h) => h.kind !== 'removed').flatMap((h) => h.lines);
        expect(old).toEqual(oldLines);
        expect(next).toEqual(newLines);
        // No kept line could be added: removing and adding the same line next to each other is not minimal.
        for (const [i, h] of hunks.entries()) {
          const following = hunks[i + 1];
          if (h.kind === 'removed' && following?.kind === 'added')
            expect(h.lines.some((l) => following.lines.includes(l))).toBe(false);
        }
      }),
    );
  });
});
