import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBlt } from './blt-read.ts';
import { writeBlt } from './blt-write.ts';
import type { BallotProfile } from './tally.ts';

/** Text without line breaks: what a BLT name or title can hold. */
const lineText = fc.string({ unit: 'grapheme', maxLength: 30 }).map((s) => s.replace(/[\r\n]/g, ' '));

const profileArbitrary: fc.Arbitrary<BallotProfile> = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc.record({
    title: lineText,
    seats: fc.integer({ min: 1, max: n }),
    candidates: fc.array(lineText, { minLength: n, maxLength: n }),
    withdrawn: fc
      .uniqueArray(fc.integer({ min: 0, max: n - 1 }), { maxLength: n })
      .map((w) => w.sort((a, b) => a - b)),
    ballots: fc.array(
      fc.record({
        weight: fc.oneof(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 1_000_000_000 })),
        ranks: fc.array(fc.array(fc.integer({ min: 0, max: n - 1 }), { maxLength: 3 }), { maxLength: n + 2 }),
      }),
      { maxLength: 30 },
    ),
  }),
);

describe('writeBlt', () => {
  it('writes standard BLT', () => {
    const text = writeBlt({
      title: 'The "Spring" election',
      seats: 2,
      candidates: ['Ann "Nan" Smith', 'Bob', 'Cy'],
      withdrawn: [2],
      ballots: [
        { weight: 3, ranks: [[0], [1, 2]] },
        { weight: 1, ranks: [[], [1]] },
        { weight: 2, ranks: [] },
      ],
    });
    expect(text).toBe(
      [
        '3 2',
        '-3',
        '3 1 2=3 0',
        '1 - 2 0',
        '2 0',
        '0',
        '"Ann ""Nan"" Smith"',
        '"Bob"',
        '"Cy"',
        '"The ""Spring"" election"',
        '',
      ].join('\n'),
    );
  });

  it('refuses what BLT cannot hold', () => {
    const base: BallotProfile = { title: 't', seats: 1, candidates: ['a'], withdrawn: [], ballots: [] };
    expect(() => writeBlt({ ...base, candidates: ['a\nb'] })).toThrow(RangeError);
    expect(() => writeBlt({ ...base, ballots: [{ weight: 0, ranks: [] }] })).toThrow(RangeError);
    expect(() => writeBlt({ ...base, ballots: [{ weight: 1, ranks: [[1]] }] })).toThrow(RangeError);
    expect(() => writeBlt({ ...base, seats: 2 })).toThrow(RangeError);
  });

  it('round-trips: read(write(p)) = p', () => {
    fc.assert(
      fc.property(profileArbitrary, (profile) => {
        const text = writeBlt(profile);
        const back = readBlt(text);
        expect(back.ok ? back.profile : back.error).toEqual(profile);
        const bytes = readBlt(new TextEncoder().encode(text));
        expect(bytes.ok ? bytes.profile : bytes.error).toEqual(profile);
      }),
      { numRuns: 300 },
    );
  });
});
