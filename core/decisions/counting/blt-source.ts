// Bytes to text for the BLT reader: byte-order marks (UTF-8, UTF-16), UTF-8 with a Latin-1 fallback,
// and the one error type the reader's parts throw (caught by readBlt and returned as a value).

export type BltEncoding = 'utf-8' | 'latin1' | 'auto';

/** A malformed file: the 1-based line and what was expected there. */
export class BltParseError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

export function decode(input: Uint8Array | string, encoding: BltEncoding, warnings: string[]): string {
  if (typeof input === 'string') return input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let bytes = input;
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  ) {
    const label = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    try {
      return new TextDecoder(label, { fatal: true }).decode(bytes.subarray(2));
    } catch {
      throw new BltParseError(
        1,
        `the file starts with a ${label.toUpperCase()} byte-order mark but is not valid ${label.toUpperCase()}`,
      );
    }
  }
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (hasBom) bytes = bytes.subarray(3);
  if (encoding === 'latin1') return new TextDecoder('latin1').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const line = lineOfByte(bytes, at);
    if (isTruncatedSequence(bytes, at)) {
      // Valid UTF-8 up to a character cut off by the end of the file: a truncated UTF-8 file, not Latin-1.
      warnings.push(
        `the file ends inside a UTF-8 character (line ${line}); the partial character was dropped`,
      );
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, at));
    }
    if (encoding === 'utf-8' || hasBom) {
      throw new BltParseError(
        line,
        `invalid UTF-8 at byte ${at + (hasBom ? 4 : 1)}${hasBom ? ' (the file has a UTF-8 byte-order mark)' : ''}; expected UTF-8 text (or read it as Latin-1)`,
      );
    }
    warnings.push(
      `the file is not valid UTF-8 (first bad byte on line ${line}); read as Latin-1 (Windows-1252)`,
    );
    return new TextDecoder('latin1').decode(bytes);
  }
}

/** Offset of the first byte that makes `bytes` invalid UTF-8 (bytes.length if it is valid). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= n) return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return n;
}

/** Whether bytes[at..] is the start of a multi-byte UTF-8 sequence cut off by the end of the input. */
function isTruncatedSequence(bytes: Uint8Array, at: number): boolean {
  const b = bytes[at];
  if (b === undefined) return false;
  const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
  if (need < 0 || at + need < bytes.length) return false;
  for (let k = at + 1; k < bytes.length; k++) if ((bytes[k]! & 0xc0) !== 0x80) return false;
  return true;
}

function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  const end = Math.min(offset, bytes.length);
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) line++;
  return line;
}
