import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readBlt } from './blt-read.ts';
import type { BallotProfile } from './tally.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/blt/${name}`, import.meta.url));

function ok(input: Uint8Array | string, options?: Parameters<typeof readBlt>[1]) {
  const r = readBlt(input, options);
  if (!r.ok) throw new Error(`expected a profile, got line ${r.error.line}: ${r.error.message}`);
  return r;
}

function err(input: Uint8Array | string) {
  const r = readBlt(input);
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.profile)}`);
  return r.error;
}

const total = (p: BallotProfile) => p.ballots.reduce((s, b) => s + b.weight, 0);

describe('readBlt on real fixtures', () => {
  it('reads UTF-8 names after a byte-order mark', () => {
    const { profile } = ok(fixture('42ubom.blt'));
    expect(profile.candidates).toEqual(['Cåstor', 'Pøllüx', 'Hélen']);
    expect(profile.title).toBe('Pøllüx and Hélen should tie');
    expect(profile.seats).toBe(2);
    expect(profile.ballots).toEqual([
      { weight: 4, ranks: [[0], [1]] },
      { weight: 2, ranks: [[2]] },
    ]);
  });

  it('auto-detects Latin-1 and reads it like the UTF-8 original', () => {
    const r = ok(fixture('42-latin1.blt'));
    expect(r.profile.candidates).toEqual(['Cåstor', 'Pøllüx', 'Hélen']);
    expect(r.warnings.join(' ')).toMatch(/Latin-1/);
    expect(ok(fixture('42-latin1.blt'), { encoding: 'latin1' }).profile.candidates[2]).toBe('Hélen');
    const strict = readBlt(fixture('42-latin1.blt'), { encoding: 'utf-8' });
    expect(strict).toMatchObject({ ok: false, error: { line: 5 } });
  });

  it('reads withdrawn candidates given as a negative number and as [withdrawn]', () => {
    const a = ok(fixture('SCw.blt')).profile;
    const b = ok(fixture('SCwopt.blt')).profile;
    expect(a.candidates).toHaveLength(13);
    expect(a.withdrawn).toEqual([3]);
    expect(b.withdrawn).toEqual([3]);
    expect(b.ballots).toEqual(a.ballots);
    expect(a.title).toBe('GPUS Steering Committee Election 2005-07-24');
  });

  it('reads [nick], [withdrawn] by nickname and equal rankings', () => {
    const v = ok(fixture('vegetables.blt')).profile;
    expect(v.candidates).toHaveLength(9);
    expect(v.withdrawn).toEqual([1, 5]);
    expect(v.ballots[0]).toEqual({ weight: 1, ranks: [[0], [1]] });
    expect(total(v)).toBe(45);
    const e = ok(fixture('equal_preference.blt')).profile;
    expect(e.ballots[1]).toEqual({ weight: 2, ranks: [[0, 1], [2]] });
  });

  it('reads unquoted Scottish names and an unquoted title with no final newline', () => {
    const { profile } = ok(fixture('shetland_2017_ward6.blt'));
    expect(profile.candidates).toEqual([
      'Malcolm John BELL (Ind)',
      'John Finlay Sinclair FRASER (Ind)',
      'Stephen Arthur LEASK (Ind)',
      'Thomas WILLIAMSON (Con)',
    ]);
    expect(profile.title).toBe('Ward 6 - Lerwick North');
    expect(profile.seats).toBe(3);
    expect(total(profile)).toBe(995); // scotland/expected: ballots_in_blt = valid_poll_official = 995
  });

  it('reads a .HIL file: no 0 line, all names and the title on one line', () => {
    const r = ok(fixture('D01.HIL'));
    expect(r.profile.candidates).toEqual([
      'Branden Robinson',
      'Anand Kumria',
      'Ben Collins',
      'Bdale Garbee',
      'None Of The Above',
    ]);
    expect(r.profile.title).toBe('Debian01');
    expect(r.profile.seats).toBe(1);
    expect(total(r.profile)).toBe(311);
    expect(r.warnings.join(' ')).toMatch(/not ended by a 0 line/);
  });

  it('keeps free text after a quoted title as a warning', () => {
    const r = ok(fixture('dk1-3.blt'));
    expect(r.profile.candidates).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(r.profile.title).toMatch(/^Dave Kadlecek/);
    expect(r.warnings.join(' ')).toMatch(/free text after the title/);
  });
});

describe('readBlt dialects', () => {
  it('reads doubled quotes inside names, and a party as a second string on a candidate line', () => {
    const r = ok('2 1\n1 1 2 0\n0\n"Ann ""Nan"" SMITH" "Green"\n"Bob JONES" "Red"\n"An ""election"""\n');
    expect(r.profile.candidates).toEqual(['Ann "Nan" SMITH', 'Bob JONES']);
    expect(r.parties).toEqual(['Green', 'Red']);
    expect(r.profile.title).toBe('An "election"');
  });

  it('reads all names on one line followed by a title line', () => {
    const r = ok('3 1\n2 1 3 0\n0\n"A" "B" "C"\n"Title"\n');
    expect(r.profile.candidates).toEqual(['A', 'B', 'C']);
    expect(r.profile.title).toBe('Title');
    const two = ok('2 1\n2 1 0\n0\n"A" "B"\n"T"\n');
    expect(two.profile.candidates).toEqual(['A', 'B']);
  });

  it('reads one candidate with a party on one line as one candidate', () => {
    const r = ok('1 1\n3 1 0\n0\n"Ann SMITH" "Green"\n"T"\n');
    expect(r.profile.candidates).toEqual(['Ann SMITH']);
    expect(r.parties).toEqual(['Green']);
  });

  it('reads ballot ids, comments, CRLF, skipped ranks, multipliers and blank ballots', () => {
    const r = ok(
      '# a comment\r\n3 2   # header\r\n(b1) 12 1 2=3 0\r\n(b2) 1 - 2 0\r\n5 0\r\n0\r\n"A"\r\n"B"\r\n"C"\r\n"T"\r\n',
    );
    expect(r.profile.ballots).toEqual([
      { weight: 12, ranks: [[0], [1, 2]] },
      { weight: 1, ranks: [[], [1]] },
      { weight: 5, ranks: [] },
    ]);
    expect(r.warnings.join(' ')).toMatch(/ballot ids/);
  });

  it('reads several withdrawn candidates, [tie] and unknown options', () => {
    const r = ok('4 1\n-2 -4\n[tie 3 1 2 4]\n[droop meek]\n1 1 0\n0\nA\nB\nC\nD\nTitle\n');
    expect(r.profile.withdrawn).toEqual([1, 3]);
    expect(r.tieOrder).toEqual([2, 0, 1, 3]);
    expect(r.warnings.join(' ')).toMatch(/\[droop meek\]/);
  });

  it('accepts text input with a BOM', () => {
    expect(ok('\uFEFF1 1\n1 1 0\n0\nA\nT').profile.candidates).toEqual(['A']);
  });
});

describe('readBlt errors name the line and what was expected', () => {
  const cases: Array<[string, string, number, RegExp]> = [
    ['empty file', '', 1, /empty/],
    ['bad header', 'three 2\n', 1, /header/],
    ['header with one number', '3\n1 1 0\n', 1, /header/],
    ['more seats than candidates', '2 3\n', 1, /3 seats/],
    [
      'candidate out of range',
      '5 2\n1 1 2 0\n3 9 1 0\n0\nA\nB\nC\nD\nE\nT\n',
      3,
      /candidate 9.*5 candidates/,
    ],
    ['non-numeric token', '3 1\n1 1 x 0\n0\nA\nB\nC\nT\n', 2, /"x"/],
    ['decimal weight', '3 1\n1.5 1 0\n0\nA\nB\nC\nT\n', 2, /whole-number/],
    ['ballot without final 0', '3 1\n1 1 2\n0\nA\nB\nC\nT\n', 2, /end with 0/],
    ['text after the 0', '3 1\n1 1 0 2\n0\nA\nB\nC\nT\n', 2, /after the 0/],
    ['zero weight', '3 1\n0 1 2 0\n0\nA\nB\nC\nT\n', 2, /at least 1/],
    ['truncated in the ballots', '3 1\n1 1 2 0\n2 3', 3, /end with 0/],
    ['no 0 line at all', '3 1\n1 1 2 0\n', 3, /ended inside the ballots/],
    ['too few names (title taken for a name)', '3 1\n1 1 0\n0\nA\nB\nT\n', 7, /title/],
    ['too few names', '3 1\n1 1 0\n0\nA\n', 5, /after 1 candidate name/],
    ['too many quoted names', '2 1\n1 1 0\n0\n"A"\n"B"\n"C"\n"T"\n', 7, /after the title/],
    ['too many unquoted names', '2 1\n1 1 0\n0\nA\nB\nC\nT\n', 7, /after the title/],
    ['unclosed quote', '2 1\n1 1 0\n0\n"A\n"B"\n"T"\n', 4, /not closed/],
    ['garbage after a quoted name', '2 1\n1 1 0\n0\n"A" x\n"B"\n"T"\n', 4, /after a quoted string/],
    ['withdrawn out of range', '3 1\n-4\n1 1 0\n0\nA\nB\nC\nT\n', 2, /-4/],
    ['withdrawn after ballots', '3 1\n1 1 0\n-2\n0\nA\nB\nC\nT\n', 3, /before the ballots/],
    ['unknown nick', '2 1\n[nick a b]\n1 a c 0\n0\nA\nB\nT\n', 3, /unknown candidate "c"/],
    ['nick count wrong', '3 1\n[nick a b]\n1 a 0\n0\nA\nB\nC\nT\n', 2, /2 nicknames.*3 candidates/],
    ['bad equal ranking', '3 1\n1 1==2 0\n0\nA\nB\nC\nT\n', 2, /equal ranking/],
    ['unclosed option', '3 1\n[nick a b c\n', 2, /closing "]"/],
    ['names line with the wrong count', '5 1\n1 1 0\n"A" "B" "C"\n', 3, /3 quoted names.*5 candidates/],
  ];
  for (const [label, text, line, message] of cases) {
    it(label, () => {
      const e = err(text);
      expect(e.message).toMatch(message);
      expect(e.line).toBe(line);
    });
  }

  it('reports the line of a candidate number beyond the header in a real file', () => {
    const text = fixture('shetland_2017_ward6.blt').toString('utf8').replace('\n33 1 2 0\n', '\n33 1 9 0\n');
    expect(err(text)).toMatchObject({ line: 3 });
  });

  it('reports a header that under-counts the candidates of a real file', () => {
    const text = fixture('shetland_2017_ward6.blt').toString('utf8').replace(/^4 3/, '5 3');
    expect(err(text).line).toBeGreaterThan(0);
  });
});

describe('readBlt quoting edge cases', () => {
  it('reads an unquoted name that opens with a quoted nickname when the other names are unquoted', () => {
    const r = ok('3 1\n1 1 0\n0\n"Bobby" SMITH (Lab)\nAnn JONES (SNP)\nCy LEE (Grn)\nWard 1\n');
    expect(r.profile.candidates).toEqual(['"Bobby" SMITH (Lab)', 'Ann JONES (SNP)', 'Cy LEE (Grn)']);
    expect(r.warnings.join(' ')).toMatch(/line 4: read as an unquoted name/);
  });

  it('rejects the same line among quoted names', () => {
    expect(err('3 1\n1 1 0\n0\n"Bobby" SMITH\n"Ann"\n"Cy"\n"T"\n')).toMatchObject({ line: 4 });
  });
});
