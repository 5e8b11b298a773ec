// Reader for BLT ballot files (ERS / OpenSTV / Droop format) and the dialects met in the wild:
// unquoted names and titles, doubled quotes inside names, all names on one line with no `0` line
// (.HIL), `[nick]` / `[withdrawn]` / `[tie]` option lines, withdrawn candidates as negative numbers,
// `1=2` equal rankings, `-` skipped ranks, `(id)` ballot ids, `#` comments in the numeric part, a
// UTF-8 (or UTF-16) byte-order mark, Latin-1 text, and name lines holding a second quoted string (the
// party). A malformed file yields `{ ok: false, error: { line, message } }` naming the 1-based line and
// what was expected: the reader never throws and never guesses its way past a malformed line.
import { type BltEncoding, BltParseError, decode } from './blt-source.ts';
import { type NameLine, numericTokens, quotedStrings, showToken, titleOf } from './blt-tokens.ts';
import type { BallotProfile, RankedBallot } from './tally.ts';

export type { BltEncoding } from './blt-source.ts';

export interface BltReadOptions {
  /** 'auto' (default): UTF-8 when the bytes are valid UTF-8, else Latin-1 (Windows-1252) with a warning. */
  encoding?: BltEncoding;
}

export interface BltError {
  /** 1-based line of the file where the problem is (the line after the last one for a truncated file). */
  line: number;
  message: string;
}

export type BltReadResult =
  | {
      ok: true;
      profile: BallotProfile;
      warnings: string[];
      /** Second quoted string of each candidate line (the party), or null. */
      parties?: (string | null)[];
      /** Tie-break order from a `[tie …]` line (0-based candidate indexes), when the file gives one. */
      tieOrder?: number[];
    }
  | { ok: false; error: BltError };

const MAX_TOTAL = Number.MAX_SAFE_INTEGER;
const UNSIGNED = /^\d+$/;
const NEGATIVE = /^-\d+$/;

/** Read a BLT file from bytes or text. Never throws. */
export function readBlt(input: Uint8Array | string, options: BltReadOptions = {}): BltReadResult {
  try {
    const warnings: string[] = [];
    const text = decode(input, options.encoding ?? 'auto', warnings);
    return parse(text, warnings);
  } catch (error) {
    if (error instanceof BltParseError)
      return { ok: false, error: { line: error.line, message: error.message } };
    // A bug in the reader must still surface as a clean error, never as a crash of the caller.
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: { line: 0, message: `internal error while reading the BLT file: ${message}` },
    };
  }
}

// ---------------------------------------------------------------------------------------------------
// Decoding
// ---------------------------------------------------------------------------------------------------
// Parsing

function parse(source: string, warnings: string[]): BltReadResult {
  // Lines end in \n from here on; the ballot lines are read in place (no array of a million lines).
  const text = source.includes('\r') ? source.replace(/\r\n?/g, '\n') : source;
  const textLength = text.length;
  /** 1-based number of the line after the last one (what a truncated file's error points at). */
  const endLine = () => {
    let newlines = 0;
    for (let p = text.indexOf('\n'); p >= 0; p = text.indexOf('\n', p + 1)) newlines++;
    return newlines + 1 + (textLength === 0 || text.endsWith('\n') ? 0 : 1);
  };
  let i = 0; // 0-based index of the current line
  let pos = 0; // offset where line i starts
  let end = 0; // offset where line i ends (its \n or the end of the text)
  const nextLine = (): boolean => {
    if (pos > textLength) return false;
    const nl = text.indexOf('\n', pos);
    end = nl < 0 ? textLength : nl;
    return true;
  };
  const advance = () => {
    pos = end + 1;
    i++;
  };

  // Header: number of candidates and number of seats.
  let headerTokens: string[] | null = null;
  let headerLine = 0;
  for (; nextLine(); advance()) {
    const tokens = numericTokens(text.slice(pos, end));
    if (tokens.length === 0) continue;
    headerTokens = tokens;
    headerLine = i + 1;
    advance();
    break;
  }
  if (!headerTokens)
    throw new BltParseError(1, 'the file is empty; expected the header line "<candidates> <seats>"');
  if (headerTokens.length !== 2 || !UNSIGNED.test(headerTokens[0]!) || !UNSIGNED.test(headerTokens[1]!)) {
    throw new BltParseError(
      headerLine,
      `expected the header "<number of candidates> <number of seats>" (two whole numbers), found ${showToken(headerTokens.join(' '))}`,
    );
  }
  const nCand = Number(headerTokens[0]);
  const seats = Number(headerTokens[1]);
  if (nCand < 1 || nCand > 100_000) {
    throw new BltParseError(
      headerLine,
      `the number of candidates must be between 1 and 100000, found ${headerTokens[0]}`,
    );
  }
  if (seats < 1) throw new BltParseError(headerLine, 'the number of seats must be at least 1, found 0');
  if (seats > nCand) {
    throw new BltParseError(
      headerLine,
      `the header asks for ${seats} seats but declares only ${nCand} candidates`,
    );
  }

  const withdrawn = new Set<number>();
  let nicks: Map<string, number> | null = null;
  let tieOrder: number[] | undefined;
  const ballots: RankedBallot[] = [];
  let total = 0;
  let sawBallot = false;
  let sawIds = false;
  let duplicateBallots = 0;
  let blankBallots = 0;
  let namesStart = -1;
  let terminated = false;

  const candidateRef = (token: string, line: number): number => {
    if (nicks) {
      const idx = nicks.get(token);
      if (idx !== undefined) return idx;
    }
    if (UNSIGNED.test(token)) {
      const n = Number(token);
      if (n >= 1 && n <= nCand) return n - 1;
      if (n === 0)
        throw new BltParseError(
          line,
          `a 0 may only end the ballot; expected a candidate number between 1 and ${nCand}`,
        );
      throw new BltParseError(
        line,
        `the ballot names candidate ${token} but the header declares ${nCand} candidate${nCand === 1 ? '' : 's'}; expected a number between 1 and ${nCand}`,
      );
    }
    if (NEGATIVE.test(token)) {
      throw new BltParseError(
        line,
        `unexpected negative number ${token} in a ballot; expected a candidate number between 1 and ${nCand}`,
      );
    }
    throw new BltParseError(
      line,
      nicks
        ? `unknown candidate ${showToken(token)}; expected a nickname from the [nick] line or a number between 1 and ${nCand}`
        : `expected a candidate number between 1 and ${nCand}, found ${showToken(token)}`,
    );
  };

  const stamp = new Int32Array(nCand).fill(-1);
  let attempt = 0;
  // One shared, frozen `[c]` per candidate for the single-candidate ranks that fill most ballots: a
  // large file then allocates one array per ballot line, not one per preference.
  const singles = Array.from({ length: nCand }, (_, c) => Object.freeze([c]) as number[]);
  let namesPos = -1;
  for (; nextLine(); advance()) {
    const lineNo = i + 1;
    // Fast path for the plain ballot lines that make up nearly all of a large file.
    if (nicks === null) {
      const fast = fastBallot(text, pos, end, nCand, stamp, attempt++, singles);
      if (fast !== null) {
        const weight = fast.weight;
        if (fastDuplicate) duplicateBallots += weight;
        if (fast.ranks.length === 0) blankBallots += weight;
        total += weight;
        if (total > MAX_TOTAL) throw new BltParseError(lineNo, 'the total number of ballots is too large');
        ballots.push(fast);
        sawBallot = true;
        continue;
      }
    }
    const raw = text.slice(pos, end);
    const trimmed = raw.trim();
    if (trimmed === '') continue;
    const first = trimmed.charCodeAt(0);
    if (first === 0x22 /* " */) {
      // .HIL dialect: the names follow the ballots directly, with no `0` line.
      if (!sawBallot) {
        throw new BltParseError(
          lineNo,
          'expected a ballot line or the 0 line that ends the ballots, found a quoted name',
        );
      }
      namesStart = i;
      namesPos = pos;
      break;
    }
    if (first === 0x5b /* [ */) {
      const close = trimmed.indexOf(']');
      if (close < 0) throw new BltParseError(lineNo, 'an option line opened with "[" has no closing "]"');
      const after = trimmed.slice(close + 1).trim();
      if (after !== '' && !after.startsWith('#')) {
        throw new BltParseError(lineNo, `unexpected text ${showToken(after)} after the option's closing "]"`);
      }
      const words = trimmed
        .slice(1, close)
        .trim()
        .split(/\s+/)
        .filter((w) => w !== '');
      const keyword = (words[0] ?? '').toLowerCase();
      const args = words.slice(1);
      if (keyword === 'nick') {
        if (sawBallot) throw new BltParseError(lineNo, 'a [nick] line must come before the ballots');
        if (args.length !== nCand) {
          throw new BltParseError(
            lineNo,
            `[nick] gives ${args.length} nickname${args.length === 1 ? '' : 's'} but the header declares ${nCand} candidates`,
          );
        }
        const map = new Map<string, number>();
        args.forEach((nick, k) => {
          if (map.has(nick))
            throw new BltParseError(lineNo, `nickname ${showToken(nick)} appears twice in [nick]`);
          if (nick.includes('='))
            throw new BltParseError(lineNo, `nickname ${showToken(nick)} may not contain "="`);
          map.set(nick, k);
        });
        nicks = map;
      } else if (keyword === 'withdrawn') {
        if (args.length === 0) throw new BltParseError(lineNo, '[withdrawn] names no candidate');
        for (const a of args) withdrawn.add(candidateRef(a, lineNo));
      } else if (keyword === 'tie') {
        const order = args.map((a) => candidateRef(a, lineNo));
        if (new Set(order).size !== order.length) {
          throw new BltParseError(lineNo, '[tie] names a candidate twice');
        }
        tieOrder = order;
      } else {
        warnings.push(
          `line ${lineNo}: option [${words.join(' ')}] is not used by this reader and was ignored`,
        );
      }
      continue;
    }

    const tokens = numericTokens(raw);
    if (tokens.length === 0) continue; // a comment-only line
    if (tokens.length === 1 && tokens[0] === '0') {
      terminated = true;
      namesStart = i + 1;
      namesPos = end + 1;
      break;
    }
    if (NEGATIVE.test(tokens[0]!)) {
      if (sawBallot) {
        throw new BltParseError(
          lineNo,
          'withdrawn candidates (negative numbers) must be listed before the ballots',
        );
      }
      for (const t of tokens) {
        if (!NEGATIVE.test(t)) {
          throw new BltParseError(
            lineNo,
            `expected only negative candidate numbers on the withdrawn line, found ${showToken(t)}`,
          );
        }
        const n = -Number(t);
        if (n < 1 || n > nCand) {
          throw new BltParseError(
            lineNo,
            `withdrawn candidate ${t} is out of range; expected -1 to -${nCand}`,
          );
        }
        withdrawn.add(n - 1);
      }
      continue;
    }

    // A ballot: [(id)] weight rank… 0
    let k = 0;
    if (tokens[0]!.startsWith('(')) {
      while (k < tokens.length && !tokens[k]!.endsWith(')')) k++;
      if (k >= tokens.length)
        throw new BltParseError(lineNo, 'a ballot id opened with "(" has no closing ")"');
      k++;
      sawIds = true;
    }
    const weightToken = tokens[k];
    if (weightToken === undefined)
      throw new BltParseError(lineNo, 'expected the ballot weight after the ballot id');
    if (!UNSIGNED.test(weightToken)) {
      if (/^\d*\.\d+$/.test(weightToken)) {
        throw new BltParseError(
          lineNo,
          `expected a whole-number ballot weight, found ${showToken(weightToken)}`,
        );
      }
      throw new BltParseError(
        lineNo,
        `expected a ballot line "<weight> <preferences…> 0" or the 0 line that ends the ballots, found ${showToken(weightToken)}`,
      );
    }
    const weight = Number(weightToken);
    if (weight === 0) {
      throw new BltParseError(lineNo, 'a ballot weight must be at least 1 (a lone 0 ends the ballots)');
    }
    if (!Number.isSafeInteger(weight))
      throw new BltParseError(lineNo, `the ballot weight ${weightToken} is too large`);
    k++;
    const ranks: number[][] = [];
    let ended = false;
    let seen: Set<number> | null = null;
    let duplicate = false;
    for (; k < tokens.length; k++) {
      const tok = tokens[k]!;
      if (tok === '0') {
        ended = true;
        k++;
        break;
      }
      if (tok === '-') {
        ranks.push([]);
        continue;
      }
      let group: number[];
      if (tok.includes('=')) {
        const parts = tok.split('=');
        group = [];
        for (const p of parts) {
          if (p === '')
            throw new BltParseError(
              lineNo,
              `malformed equal ranking ${showToken(tok)}; expected candidates joined by "=" such as 1=2`,
            );
          group.push(candidateRef(p, lineNo));
        }
      } else {
        group = singles[candidateRef(tok, lineNo)]!;
      }
      seen ??= new Set();
      for (const c of group) {
        if (seen.has(c)) duplicate = true;
        seen.add(c);
      }
      ranks.push(group);
    }
    if (!ended) {
      throw new BltParseError(lineNo, 'the ballot does not end with 0; expected "<weight> <preferences…> 0"');
    }
    if (k < tokens.length) {
      throw new BltParseError(lineNo, `unexpected ${showToken(tokens[k]!)} after the 0 that ends the ballot`);
    }
    if (duplicate) duplicateBallots += weight;
    if (ranks.length === 0) blankBallots += weight;
    total += weight;
    if (total > MAX_TOTAL) throw new BltParseError(lineNo, 'the total number of ballots is too large');
    ballots.push({ weight, ranks });
    sawBallot = true;
  }

  if (namesStart < 0) {
    throw new BltParseError(
      endLine(),
      'the file ended inside the ballots; expected the 0 line that ends the ballots, then the candidate names and the title',
    );
  }
  if (!terminated) warnings.push('the ballots are not ended by a 0 line (names follow the ballots directly)');

  // Candidate names and title.
  const nameLines: NameLine[] = [];
  const nameSection = namesPos > textLength ? [] : text.slice(namesPos).split('\n');
  nameSection.forEach((line, j) => {
    const textLine = line.trim();
    if (textLine === '') return;
    const lineNo = namesStart + j + 1;
    let strings: string[] | null = null;
    let quoteError: BltParseError | undefined;
    if (textLine.startsWith('"')) {
      try {
        strings = quotedStrings(textLine, lineNo);
      } catch (error) {
        if (!(error instanceof BltParseError)) throw error;
        quoteError = error;
      }
    }
    nameLines.push(
      quoteError
        ? { line: lineNo, text: textLine, strings, quoteError }
        : { line: lineNo, text: textLine, strings },
    );
  });
  // A line that opens with a quote but is not a run of quoted strings (`"Bobby" SMITH (Lab)`) is an
  // unquoted name when the file's other names are unquoted; among quoted names it is malformed.
  const quotedLines = nameLines.filter((nl) => nl.strings !== null).length;
  const unquotedLines = nameLines.filter((nl) => nl.strings === null && !nl.quoteError).length;
  for (const nl of nameLines) {
    if (!nl.quoteError) continue;
    if (unquotedLines > quotedLines) {
      warnings.push(
        `line ${nl.line}: read as an unquoted name, since its quotes do not enclose the whole line`,
      );
      delete nl.quoteError;
    } else throw nl.quoteError;
  }
  const lastLine = endLine();
  const firstName = nameLines[0];
  if (!firstName) {
    throw new BltParseError(
      lastLine,
      `the file ended after the ballots; expected ${nCand} candidate name${nCand === 1 ? '' : 's'} and the title`,
    );
  }

  const names: string[] = [];
  const parties: (string | null)[] = [];
  let title: string | undefined;
  let rest: NameLine[];
  const firstStrings = firstName.strings;
  const perLinePossible = nameLines.length >= nCand + 1;
  const oneLinePossible =
    firstStrings !== null && firstStrings.length >= nCand && firstStrings.length <= nCand + 1;
  const oneLine =
    firstStrings !== null && firstStrings.length > 2 ? true : !perLinePossible && oneLinePossible;

  if (oneLine) {
    const strings = firstStrings!;
    if (strings.length < nCand) {
      throw new BltParseError(
        firstName.line,
        `the names line holds ${strings.length} quoted name${strings.length === 1 ? '' : 's'} but the header declares ${nCand} candidates`,
      );
    }
    if (strings.length > nCand + 1) {
      throw new BltParseError(
        firstName.line,
        `the names line holds ${strings.length} quoted strings; expected the ${nCand} candidate names the header declares, optionally followed by the title`,
      );
    }
    for (let k = 0; k < nCand; k++) {
      names.push(strings[k]!);
      parties.push(null);
    }
    rest = nameLines.slice(1);
    if (strings.length === nCand + 1) title = strings[nCand]!;
    else {
      const titleLine = rest.shift();
      if (!titleLine)
        throw new BltParseError(
          lastLine,
          `the file ended after the ${nCand} candidate names; expected the title`,
        );
      title = titleOf(titleLine);
    }
  } else {
    if (nameLines.length < nCand + 1) {
      const found = nameLines.length;
      throw new BltParseError(
        lastLine,
        found < nCand
          ? `the file ended after ${found} candidate name line${found === 1 ? '' : 's'}; expected ${nCand} candidate names (as the header declares) and the title`
          : `the file ended after ${nCand} name lines; expected the title after the ${nCand} candidate names (are there fewer names than the header's ${nCand}?)`,
      );
    }
    for (let k = 0; k < nCand; k++) {
      const nl = nameLines[k]!;
      if (nl.strings === null) {
        names.push(nl.text);
        parties.push(null);
      } else {
        if (nl.strings.length > 2) {
          throw new BltParseError(
            nl.line,
            `expected one candidate per line (a quoted name, optionally followed by a quoted party), found ${nl.strings.length} quoted strings`,
          );
        }
        names.push(nl.strings[0]!);
        parties.push(nl.strings[1] ?? null);
      }
    }
    title = titleOf(nameLines[nCand]!);
    rest = nameLines.slice(nCand + 1);
  }

  if (rest.length > 0) {
    const quotedNames = nameLines.slice(0, nCand).every((nl) => nl.strings !== null);
    const firstExtra = rest[0]!;
    // Real files append free text (a description, the expected result) after the title; but when every
    // extra line is a quoted string, the likelier reading is that the header under-counts the candidates.
    if (!quotedNames || rest.every((nl) => nl.strings !== null)) {
      throw new BltParseError(
        firstExtra.line,
        `unexpected ${showToken(firstExtra.text)} after the title; expected the ${nCand} candidate names the header declares and one title line`,
      );
    }
    warnings.push(
      `${rest.length} line${rest.length === 1 ? '' : 's'} of free text after the title (from line ${firstExtra.line}) ignored`,
    );
  }

  if (sawIds) warnings.push('ballot ids in parentheses were read and dropped');
  if (duplicateBallots > 0)
    warnings.push(`${duplicateBallots} ballot(s) rank the same candidate more than once`);
  if (blankBallots > 0) warnings.push(`${blankBallots} ballot(s) carry no preference`);
  if (ballots.length === 0) warnings.push('the file holds no ballots');
  if (parties.some((p) => p !== null))
    warnings.push('candidate lines carry a second quoted string (party), kept apart from the names');
  const seenNames = new Set<string>();
  for (const n of names) {
    if (n === '') warnings.push('a candidate has an empty name');
    else if (seenNames.has(n)) warnings.push(`two candidates share the name ${showToken(n)}`);
    seenNames.add(n);
  }
  if (seats > nCand - withdrawn.size) {
    warnings.push(`${seats} seats but only ${nCand - withdrawn.size} candidates who are not withdrawn`);
  }

  const profile: BallotProfile = {
    title: title ?? '',
    seats,
    candidates: names,
    withdrawn: [...withdrawn].sort((a, b) => a - b),
    ballots,
  };
  const result: BltReadResult = { ok: true, profile, warnings };
  if (parties.some((p) => p !== null)) result.parties = parties;
  if (tieOrder) result.tieOrder = tieOrder;
  return result;
}

/** Set by `fastBallot`: whether the ballot it returned ranks a candidate twice (saves a result object per line). */
let fastDuplicate = false;

const isSpace = (ch: number) =>
  ch === 0x20 || ch === 0x09 || ch === 0x0b || ch === 0x0c || ch === 0xa0 || ch === 0xfeff;
const isDigit = (ch: number) => ch >= 0x30 && ch <= 0x39;

/**
 * A plain ballot line `weight c c=c … 0` (digits, `=`, spaces and tabs only, every candidate in range)
 * read without allocating tokens; null for anything else, which the general path then reads or rejects.
 * `stamp`/`mark` detect a candidate ranked twice without a per-line Set.
 */
function fastBallot(
  line: string,
  from: number,
  to: number,
  nCand: number,
  stamp: Int32Array,
  mark: number,
  singles: number[][],
): RankedBallot | null {
  const n = to;
  let i = from;
  while (i < n && isSpace(line.charCodeAt(i))) i++;
  // weight
  let weight = 0;
  const weightStart = i;
  while (i < n && isDigit(line.charCodeAt(i))) weight = weight * 10 + (line.charCodeAt(i++) - 0x30);
  const weightDigits = i - weightStart;
  if (weightDigits === 0 || weightDigits > 15 || weight === 0 || i >= n || !isSpace(line.charCodeAt(i)))
    return null;
  const ranks: number[][] = [];
  fastDuplicate = false;
  let group: number[] | null = null;
  for (;;) {
    while (i < n && isSpace(line.charCodeAt(i))) i++;
    if (i >= n) return null; // no terminating 0: the general path reports it
    let value = 0;
    const start = i;
    while (i < n && isDigit(line.charCodeAt(i))) value = value * 10 + (line.charCodeAt(i++) - 0x30);
    const digits = i - start;
    if (digits === 0 || digits > 9) return null;
    const next = i < n ? line.charCodeAt(i) : -1;
    if (value === 0) {
      if (group !== null || (next !== -1 && !isSpace(next))) return null;
      while (i < n && isSpace(line.charCodeAt(i))) i++;
      if (i < n) return null; // text after the 0 (or a comment): the general path decides
      return { weight, ranks };
    }
    if (value > nCand) return null;
    const c = value - 1;
    if (stamp[c] === mark) fastDuplicate = true;
    stamp[c] = mark;
    if (next === 0x3d /* = */) {
      if (group === null) group = [c];
      else group.push(c);
      i++;
      if (i >= n || !isDigit(line.charCodeAt(i))) return null;
      continue;
    }
    if (next !== -1 && !isSpace(next)) return null;
    if (group === null) ranks.push(singles[c]!);
    else {
      group.push(c);
      ranks.push(group);
      group = null;
    }
  }
}
