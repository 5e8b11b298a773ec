// Receipt codes: what a voter keeps to find their ballot in the published list. 60 random bits written
// as 12 Crockford base-32 characters in three groups (no I, L, O or U: nothing to misread when copied
// from a phone screen). The randomness comes from the caller (core has none).
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECEIPT_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** Formats the first 60 bits of `bytes` (at least 8 bytes) as a receipt code. */
export function receiptCodeFrom(bytes: Uint8Array): string {
  if (bytes.length < 8) throw new RangeError('a receipt code needs 8 random bytes');
  let bits = 0n;
  for (let i = 0; i < 8; i++) bits = (bits << 8n) | BigInt(bytes[i] ?? 0);
  let out = '';
  for (let i = 0; i < 12; i++) {
    out += ALPHABET[Number((bits >> BigInt(59 - 5 * i)) & 31n)];
    if (i === 3 || i === 7) out += '-';
  }
  return out;
}

/** Reads a code as a person types it: any case, I/L as 1, O as 0, spaces or dashes anywhere. */
export function normaliseReceiptCode(typed: string): string | null {
  const plain = typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (plain.length !== 12) return null;
  const code = `${plain.slice(0, 4)}-${plain.slice(4, 8)}-${plain.slice(8)}`;
  return RECEIPT_CODE_PATTERN.test(code) ? code : null;
}
