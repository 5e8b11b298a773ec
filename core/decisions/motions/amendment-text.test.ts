import { describe, expect, it } from 'vitest';
import { amendmentDiff, applyAmendment, checkAmendment } from './amendment-text.ts';

const v1 = { version: 1, text: 'one\ntwo\nthree\nfour' };
const amend = (lineFrom: number, lineTo: number, replacementLines: string[], baseVersion = 1) => ({
  baseVersion,
  lineFrom,
  lineTo,
  replacementLines,
});

describe('applying an amendment', () => {
  it.each([
    ['replaces one line', amend(2, 2, ['TWO']), 'one\nTWO\nthree\nfour'],
    ['replaces a range with more lines', amend(2, 3, ['x', 'y', 'z']), 'one\nx\ny\nz\nfour'],
    ['deletes lines', amend(1, 2, []), 'three\nfour'],
    ['inserts before a line', amend(3, 2, ['new']), 'one\ntwo\nnew\nthree\nfour'],
    ['inserts at the start', amend(1, 0, ['new']), 'new\none\ntwo\nthree\nfour'],
    ['appends at the end', amend(5, 4, ['five']), 'one\ntwo\nthree\nfour\nfive'],
  ])('on its own base version: %s', (_label, a, text) => {
    expect(applyAmendment(v1, v1, a)).toEqual({ ok: true, value: text });
  });

  it.each([
    ['a line past the end', amend(6, 6, ['x']), 'lineFrom'],
    ['an inverted range', amend(3, 1, ['x']), 'lineTo'],
    ['lines past the end', amend(3, 5, ['x']), 'lineTo'],
    ['a line with a newline in it', amend(1, 1, ['a\nb']), 'replacementLines'],
    ['deleting every line', amend(1, 4, []), 'replacementLines'],
    ['another base version', amend(1, 1, ['x'], 2), 'baseVersion'],
  ])('refuses %s as amendment-base-invalid', (_label, a, field) => {
    expect(checkAmendment(v1, a)).toEqual({ ok: false, error: 'amendment-base-invalid', field });
  });

  it('refuses a replacement identical to the lines it replaces', () => {
    expect(checkAmendment(v1, amend(2, 3, ['two', 'three']))).toMatchObject({
      error: 'amendment-changes-nothing',
    });
  });

  // v2 was made from v1 by another amendment that rewrote line 1 and added a line after line 2.
  const v2 = { version: 2, text: 'ONE\ntwo\ninserted\nthree\nfour' };
  it.each([
    [
      'lines untouched since the base, found where they moved',
      amend(4, 4, ['FOUR']),
      'ONE\ntwo\ninserted\nthree\nFOUR',
    ],
    [
      'an insertion between two lines still side by side',
      amend(4, 3, ['x']),
      'ONE\ntwo\ninserted\nthree\nx\nfour',
    ],
    ['an append at the end', amend(5, 4, ['five']), 'ONE\ntwo\ninserted\nthree\nfour\nfive'],
  ])('applies a stale-based amendment when its lines are unchanged: %s', (_label, a, text) => {
    expect(applyAmendment(v1, v2, a)).toEqual({ ok: true, value: text });
  });

  it.each([
    ['a line changed since', amend(1, 1, ['uno'])],
    ['a range a line was inserted into', amend(2, 3, ['x'])],
    ['an insertion into a gap that was filled', amend(3, 2, ['x'])],
    ['an insertion at the start, which changed', amend(1, 0, ['x'])],
  ])('refuses a stale-based amendment: %s', (_label, a) => {
    expect(applyAmendment(v1, v2, a)).toEqual({ ok: false, error: 'amendment-stale', field: 'baseVersion' });
  });

  it('shows the amendment as a diff of its base version', () => {
    expect(amendmentDiff(v1, amend(2, 2, ['TWO'])).map((h) => [h.kind, h.lines])).toEqual([
      ['kept', ['one']],
      ['removed', ['two']],
      ['added', ['TWO']],
      ['kept', ['three', 'four']],
    ]);
  });
});
