// Small readers the BLT parser uses for name lines, titles and numeric lines.
import { BltParseError } from './blt-source.ts';

export interface NameLine {
  line: number;
  text: string;
  /** The quoted strings on the line, or null when the line is not quoted. */
  strings: string[] | null;
  /** Why a line that opens with a quote could not be read as quoted strings. */
  quoteError?: BltParseError;
}

export function showToken(token: string): string {
  const shown = token.length > 40 ? `${token.slice(0, 40)}…` : token;
  return JSON.stringify(shown);
}

/** Whitespace-separated tokens of a line of the numeric part, without a `#` comment. */
export function numericTokens(line: string): string[] {
  const hash = line.indexOf('#');
  const body = hash >= 0 ? line.slice(0, hash) : line;
  const trimmed = body.trim();
  return trimmed === '' ? [] : trimmed.split(/\s+/);
}

export function titleOf(nl: NameLine): string {
  if (nl.strings === null) return nl.text;
  if (nl.strings.length !== 1) {
    throw new BltParseError(
      nl.line,
      `expected the title as one quoted string, found ${nl.strings.length} quoted strings`,
    );
  }
  return nl.strings[0]!;
}

/** The quoted strings of a line that starts with `"`; `""` inside a string stands for one quote. */
export function quotedStrings(line: string, lineNo: number): string[] {
  const out: string[] = [];
  let p = 0;
  const n = line.length;
  while (p < n) {
    if (line.charCodeAt(p) !== 0x22) {
      throw new BltParseError(
        lineNo,
        `unexpected ${showToken(line.slice(p))} after a quoted string; expected another quoted string or the end of the line`,
      );
    }
    p++;
    let s = '';
    let closed = false;
    while (p < n) {
      const q = line.indexOf('"', p);
      if (q < 0) {
        s += line.slice(p);
        p = n;
        break;
      }
      s += line.slice(p, q);
      if (line.charCodeAt(q + 1) === 0x22) {
        s += '"';
        p = q + 2;
        continue;
      }
      p = q + 1;
      closed = true;
      break;
    }
    if (!closed) throw new BltParseError(lineNo, 'a quoted string is not closed; expected a closing "');
    out.push(s);
    while (p < n && (line[p] === ' ' || line[p] === '\t')) p++;
  }
  return out;
}
