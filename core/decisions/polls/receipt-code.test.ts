import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseReceiptCode, RECEIPT_CODE_PATTERN, receiptCodeFrom } from './receipt-code.ts';

const bytes = (...values: number[]) => new Uint8Array(values);
/** The top 60 bits of the first 8 bytes: what a code carries. */
const top60 = (b: Uint8Array) => Buffer.from(b.subarray(0, 8)).readBigUInt64BE() >> 4n;

describe('receiptCodeFrom', () => {
  // Each character is 5 bits, most significant first; Crockford's digit values: 0-9, then
  // A=10 … H=17, J=18, K=19, M=20, N=21, P=22 … T=26, V=27 … Z=31.
  const cases: Array<[string, Uint8Array, string]> = [
    ['all-zero bytes are all zeros', bytes(0, 0, 0, 0, 0, 0, 0, 0), '0000-0000-0000'],
    ['all-0xFF bytes are all 31s (Z)', bytes(255, 255, 255, 255, 255, 255, 255, 255), 'ZZZZ-ZZZZ-ZZZZ'],
    // 0x80 sets bit 63, the top bit of the first 5-bit group: 10000 = 16 = G.
    ['the top bit lands in the first character', bytes(0x80, 0, 0, 0, 0, 0, 0, 0), 'G000-0000-0000'],
    // The last character is bits 8..4; 0x10 in the last byte is bit 4: 00001 = 1.
    ['bit 4 is the last character’s lowest bit', bytes(0, 0, 0, 0, 0, 0, 0, 0x10), '0000-0000-0001'],
    // The low 4 bits of the eighth byte are beyond the 60 bits used.
    ['the lowest 4 bits are dropped', bytes(0, 0, 0, 0, 0, 0, 0, 0x0f), '0000-0000-0000'],
    // 0x08 in the first byte is bit 59, the lowest of the first group: 00001 = 1; bit 58 starts the second.
    ['bits 59 and 58 straddle the first two characters', bytes(0x0c, 0, 0, 0, 0, 0, 0, 0), '1G00-0000-0000'],
    // Bytes past the eighth are ignored.
    ['reads only the first 8 bytes', bytes(0, 0, 0, 0, 0, 0, 0, 0, 255, 255), '0000-0000-0000'],
  ];
  it.each(cases)('%s', (_name, input, code) => {
    expect(receiptCodeFrom(input)).toBe(code);
    expect(code).toMatch(RECEIPT_CODE_PATTERN);
  });

  it('refuses fewer than 8 bytes', () => {
    expect(() => receiptCodeFrom(bytes(1, 2, 3, 4, 5, 6, 7))).toThrow(RangeError);
    expect(() => receiptCodeFrom(new Uint8Array(0))).toThrow(RangeError);
  });

  it('always writes the receipt code format', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 8, maxLength: 16 }), (b) => {
        expect(receiptCodeFrom(b)).toMatch(RECEIPT_CODE_PATTERN);
      }),
    );
  });

  it('gives different codes to bytes that differ in the top 60 bits', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 8, maxLength: 8 }),
        fc.uint8Array({ minLength: 8, maxLength: 8 }),
        (a, b) => {
          fc.pre(top60(a) !== top60(b));
          expect(receiptCodeFrom(a)).not.toBe(receiptCodeFrom(b));
        },
      ),
    );
  });

  it('changes the code when any one of the top 60 bits flips', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 8, maxLength: 8 }),
        fc.integer({ min: 4, max: 63 }),
        (a, bit) => {
          const flipped = Uint8Array.from(a);
          const index = 7 - Math.floor(bit / 8);
          flipped[index] = (flipped[index] ?? 0) ^ (1 << (bit % 8));
          expect(receiptCodeFrom(flipped)).not.toBe(receiptCodeFrom(a));
        },
      ),
    );
  });

  it('reads back as itself through normaliseReceiptCode', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 8, maxLength: 8 }), (b) => {
        const code = receiptCodeFrom(b);
        expect(normaliseReceiptCode(code)).toBe(code);
        expect(normaliseReceiptCode(code.toLowerCase().replaceAll('-', ' '))).toBe(code);
      }),
    );
  });
});

describe('normaliseReceiptCode', () => {
  const accepted: Array<[string, string, string]> = [
    ['the code as printed', 'ABCD-EFGH-JKMN', 'ABCD-EFGH-JKMN'],
    ['lower case', 'abcd-efgh-jkmn', 'ABCD-EFGH-JKMN'],
    ['spaces for dashes', 'abcd efgh jkmn', 'ABCD-EFGH-JKMN'],
    ['no dashes at all', 'ABCDEFGHJKMN', 'ABCD-EFGH-JKMN'],
    ['dashes and spaces anywhere', ' A-BCD  EF--GHJ KMN\t', 'ABCD-EFGH-JKMN'],
    ['I and L read as 1', 'IiLl-0000-0000', '1111-0000-0000'],
    ['O read as 0', 'OoOo-PQRS-TVWX', '0000-PQRS-TVWX'],
    ['every letter of the alphabet', '0123-4567-89yz', '0123-4567-89YZ'],
  ];
  it.each(accepted)('accepts %s', (_name, typed, code) => {
    expect(normaliseReceiptCode(typed)).toBe(code);
  });

  const refused: Array<[string, string]> = [
    ['11 characters', 'ABCD-EFGH-JKM'],
    ['13 characters', 'ABCD-EFGH-JKMNP'],
    ['nothing', ''],
    ['only dashes', '----'],
    ['a U (not in the alphabet)', 'ABCD-EFGH-JKMU'],
    ['a lower-case u', 'uBCD-EFGH-JKMN'],
    ['punctuation', 'ABCD.EFGH.JKMN'],
    ['a character outside ASCII', 'ÁBCD-EFGH-JKMN'],
  ];
  it.each(refused)('refuses %s', (_name, typed) => {
    expect(normaliseReceiptCode(typed)).toBeNull();
  });
});
