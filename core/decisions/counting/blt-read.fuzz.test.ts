// Fuzz: random, truncated and mutated BLT input only ever yields a clean error or a valid profile.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BltReadResult, readBlt } from './blt-read.ts';
import { writeBlt } from './blt-write.ts';

const dir = new URL('./fixtures/blt/', import.meta.url);
const fixtures = readdirSync(dir)
  .filter((f) => /\.(blt|hil)$/i.test(f))
  .map((name) => ({ name, bytes: new Uint8Array(readFileSync(new URL(name, dir))) }));
const full = new Map(fixtures.map((f) => [f.name, readBlt(f.bytes)]));

/** The result is either an error naming a line, or a profile every counting method can trust. */
function expectClean(result: BltReadResult, lineCount: number): void {
  if (!result.ok) {
    expect(Number.isInteger(result.error.line)).toBe(true);
    expect(result.error.line).toBeGreaterThanOrEqual(1);
    expect(result.error.line).toBeLessThanOrEqual(lineCount + 1);
    expect(result.error.message.length).toBeGreaterThan(0);
    return;
  }
  const { profile, warnings } = result;
  const n = profile.candidates.length;
  expect(n).toBeGreaterThanOrEqual(1);
  expect(profile.seats).toBeGreaterThanOrEqual(1);
  expect(profile.seats).toBeLessThanOrEqual(n);
  expect(typeof profile.title).toBe('string');
  for (const name of profile.candidates) expect(typeof name).toBe('string');
  for (const w of profile.withdrawn) expect(w >= 0 && w < n && Number.isInteger(w)).toBe(true);
  let total = 0;
  for (const b of profile.ballots) {
    expect(Number.isSafeInteger(b.weight) && b.weight >= 1).toBe(true);
    total += b.weight;
    for (const group of b.ranks)
      for (const c of group) expect(Number.isInteger(c) && c >= 0 && c < n).toBe(true);
  }
  expect(Number.isSafeInteger(total)).toBe(true);
  expect(Array.isArray(warnings)).toBe(true);
}

/** Lines as the reader counts them: CRLF, LF and a lone CR each end one (bytes read as Latin-1 here). */
const lines = (bytes: Uint8Array | string) =>
  (typeof bytes === 'string' ? bytes : String.fromCharCode(...bytes)).split(/\r\n|\n|\r/).length;

/** Characters BLT files are made of, so random text often gets deep into the parser. */
const bltChar = fc.constantFrom(...'0123456789  \n\n"=-#[]()abc\r\tÅé'.split(''));

describe('readBlt fuzz', () => {
  it('random byte strings: clean error or valid profile', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expectClean(readBlt(bytes), lines(bytes));
      }),
      // Lone carriage returns end lines for the reader (a counterexample CI once drew).
      { numRuns: 1000, examples: [[Uint8Array.from([13, 13, 0])]] },
    );
  });

  it('random text from the BLT alphabet: clean error or valid profile', () => {
    fc.assert(
      fc.property(
        fc.array(bltChar, { maxLength: 200 }).map((cs) => cs.join('')),
        (text) => {
          expectClean(readBlt(text), text.split(/\r\n|\n|\r/).length);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('random text built from plausible BLT lines: clean error or valid profile', () => {
    const line = fc.oneof(
      fc.constantFrom(
        '0',
        '3 2',
        '2 1',
        '-1',
        '-2 -3',
        '[nick a b c]',
        '[withdrawn 2]',
        '[tie 1 2 3]',
        '"A"',
        '"B" "C"',
        'Name',
      ),
      fc
        .tuple(
          fc.integer({ min: -2, max: 12 }),
          fc.array(fc.constantFrom('1', '2', '3', '4', '1=2', '-', 'a', '0', 'x'), { maxLength: 5 }),
        )
        .map(([w, r]) => `${w} ${r.join(' ')} 0`),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 14 }), (ls) => {
        const text = ls.join('\n');
        expectClean(readBlt(text), ls.length);
      }),
      { numRuns: 2000 },
    );
  });

  it('the fast path for plain ballot lines reads exactly what the general path reads', () => {
    const profile = fc.integer({ min: 1, max: 9 }).chain((n) =>
      fc.record({
        title: fc.constant('t'),
        seats: fc.constant(1),
        candidates: fc.constant(Array.from({ length: n }, (_, c) => `C${c}`)),
        withdrawn: fc.constant<number[]>([]),
        ballots: fc.array(
          fc.record({
            weight: fc.integer({ min: 1, max: 1000 }),
            ranks: fc.array(fc.array(fc.integer({ min: 0, max: n - 1 }), { maxLength: 3 }), {
              maxLength: n + 1,
            }),
          }),
          { maxLength: 20 },
        ),
      }),
    );
    fc.assert(
      fc.property(profile, fc.constantFrom(' ', '\t', '  '), (p, gap) => {
        const text = writeBlt(p).replaceAll(' ', gap);
        // A trailing comment sends every ballot line down the general path.
        const lines = text.split('\n');
        const zero = lines.indexOf('0', 1);
        const commented = lines.map((l, k) => (k > 0 && k < zero ? `${l} # x` : l)).join('\n');
        const fast = readBlt(text);
        const general = readBlt(commented);
        expect(fast).toEqual(general);
      }),
      { numRuns: 500 },
    );
  });

  for (const { name, bytes } of fixtures) {
    it(`truncations of ${name}: an error, or the same profile with at most a shorter unquoted title`, () => {
      const whole = full.get(name)!;
      expect(whole.ok).toBe(true);
      if (!whole.ok) return;
      fc.assert(
        fc.property(fc.integer({ min: 0, max: bytes.length }), (cut) => {
          const part = bytes.subarray(0, cut);
          const r = readBlt(part);
          expectClean(r, lines(part));
          if (r.ok) {
            // Never a silent misread: whatever a truncated file yields must agree with the whole file.
            expect(r.profile.candidates).toEqual(whole.profile.candidates);
            expect(r.profile.ballots).toEqual(whole.profile.ballots);
            expect(r.profile.withdrawn).toEqual(whole.profile.withdrawn);
            expect(r.profile.seats).toBe(whole.profile.seats);
            expect(whole.profile.title.startsWith(r.profile.title)).toBe(true);
          }
        }),
        { numRuns: 150 },
      );
    });

    it(`random byte edits of ${name}: clean error or valid profile`, () => {
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
          (edits) => {
            const copy = bytes.slice();
            for (const [at, value] of edits) if (copy.length > 0) copy[at % copy.length] = value;
            expectClean(readBlt(copy), lines(copy));
          },
        ),
        { numRuns: 150 },
      );
    });
  }
});
