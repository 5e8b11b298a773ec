import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDebianTally } from './debian-tally.ts';

const sheet = (votes: string[]) =>
  [
    '   Tally Sheet for the votes cast.',
    '     Option 1----->: Ann',
    '   /  Option 2---->: Bob',
    '   |/  Option 3--->: None Of The Above',
    '   ||/',
    ...votes,
  ].join('\n');

describe('readDebianTally', () => {
  it('reads the options and turns each vote into ranks, equal digits being equal ranks', () => {
    const read = readDebianTally(sheet(['V: 12- 0a1b', 'V: 211 0c2d', 'V: 12- 9f9f']));
    expect(read).toEqual({
      ok: true,
      warnings: [],
      profile: {
        title: 'Debian tally sheet',
        seats: 1,
        candidates: ['Ann', 'Bob', 'None Of The Above'],
        withdrawn: [],
        ballots: [
          { weight: 2, ranks: [[0], [1]] },
          { weight: 1, ranks: [[1, 2], [0]] },
        ],
      },
    });
  });

  it('reads the older "Option N:   name" header', () => {
    const read = readDebianTally(
      '   Option 1:     Branden Robinson\n   | Option 2:   Bdale Garbee\nV: 21 abc\n',
    );
    expect(read.ok && read.profile.candidates).toEqual(['Branden Robinson', 'Bdale Garbee']);
    expect(read.ok && read.profile.ballots).toEqual([{ weight: 1, ranks: [[1], [0]] }]);
  });

  it('reads a Latin-1 sheet and says so', () => {
    const read = readDebianTally(
      readFileSync(new URL('./fixtures/ranked/leader2007_tally.txt', import.meta.url)),
    );
    if (!read.ok) throw new Error(read.error.message);
    expect(read.profile.candidates).toContain('Raphaël Hertzog');
    expect(read.profile.ballots.reduce((sum, b) => sum + b.weight, 0)).toBe(482);
    expect(read.warnings).toEqual(['the sheet is not valid UTF-8; read as Latin-1']);
  });

  it.each([
    [['V: 12 ab'], 6, 'expected 3 marks (one per option), found "12"'],
    [['V: 1x- ab'], 6, 'expected ranks 1–9 or "-" for each option, found "1x-"'],
    [['V: 12- ab', 'V:'], 7, 'expected "V: <marks> <hash>"'],
  ])('names the line of a malformed vote %j', (votes, line, message) => {
    expect(readDebianTally(sheet(votes))).toEqual({ ok: false, error: { line, message } });
  });

  it('refuses a file with no options', () => {
    expect(readDebianTally('hello\nworld\n')).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('not a Debian tally sheet') },
    });
    expect(readDebianTally('V: 12 ab\n')).toEqual({
      ok: false,
      error: { line: 1, message: 'expected the "Option N: name" lines before the first vote' },
    });
  });

  it('refuses options numbered with a gap', () => {
    expect(readDebianTally('Option 1: A\nOption 3: C\nV: 12 ab')).toEqual({
      ok: false,
      error: { line: 3, message: 'options must be numbered 1…2; option 2 is missing' },
    });
  });
});
