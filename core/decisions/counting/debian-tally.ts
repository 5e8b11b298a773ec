// Reader for the tally sheets Debian's vote system (devotee) publishes: a header naming the options
// (`Option 1---->: Name` or `Option 1:   Name`), then one `V: <marks> <hash>` line per voter, where the
// k-th mark is the rank given to option k (`1` = first) and `-` leaves it unranked; equal digits are
// equal ranks. Older sheets are Latin-1, newer ones UTF-8. A malformed sheet yields
// `{ ok: false, error: { line, message } }` naming the line and what was expected; it never throws.
import type { BallotProfile, RankedBallot } from './tally.ts';

export type DebianTallyResult =
  | { ok: true; profile: BallotProfile; warnings: string[] }
  | { ok: false; error: { line: number; message: string } };

const OPTION_LINE = /\bOption\s+(\d+)\s*-*>?\s*:\s*(.*?)\s*$/;
const VOTE_LINE = /^\s*V:\s*(\S+)(?:\s+(\S+))?\s*$/;

function decode(input: Uint8Array | string, warnings: string[]): string {
  if (typeof input === 'string') return input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const bytes = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? input.subarray(3) : input;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    warnings.push('the sheet is not valid UTF-8; read as Latin-1');
    return new TextDecoder('latin1').decode(bytes);
  }
}

function fail(line: number, message: string): DebianTallyResult {
  return { ok: false, error: { line, message } };
}

/** Read a Debian tally sheet from bytes or text. Never throws. */
export function readDebianTally(input: Uint8Array | string): DebianTallyResult {
  const warnings: string[] = [];
  const lines = decode(input, warnings).split(/\r\n|\r|\n/);
  const options = new Map<number, string>();
  const byMarks = new Map<string, RankedBallot>();
  let optionCount = 0;

  for (let index = 0; index < lines.length; index++) {
    const text = lines[index]!;
    const line = index + 1;
    const vote = VOTE_LINE.exec(text);
    if (vote) {
      if (optionCount === 0) {
        if (options.size === 0)
          return fail(line, 'expected the "Option N: name" lines before the first vote');
        optionCount = options.size;
        for (let k = 1; k <= optionCount; k++) {
          if (!options.has(k))
            return fail(line, `options must be numbered 1…${optionCount}; option ${k} is missing`);
        }
      }
      const marks = vote[1]!;
      if (marks.length !== optionCount) {
        return fail(line, `expected ${optionCount} marks (one per option), found "${marks}"`);
      }
      if (!/^[1-9-]+$/.test(marks)) {
        return fail(line, `expected ranks 1–9 or "-" for each option, found "${marks}"`);
      }
      const seen = byMarks.get(marks);
      if (seen) seen.weight++;
      else byMarks.set(marks, { weight: 1, ranks: ranksOf(marks) });
      continue;
    }
    const option = OPTION_LINE.exec(text);
    if (option) {
      if (optionCount > 0) return fail(line, 'an option line after the votes began');
      const k = Number(option[1]);
      const name = option[2]!;
      if (name === '') return fail(line, `option ${k} has no name`);
      if (options.has(k)) return fail(line, `option ${k} is named twice`);
      options.set(k, name);
      continue;
    }
    if (/^\s*V:/.test(text)) return fail(line, 'expected "V: <marks> <hash>"');
    // Anything else is the sheet's explanatory header or a blank line.
  }
  if (options.size === 0) return fail(lines.length, 'no "Option N: name" lines: not a Debian tally sheet');
  if (byMarks.size === 0) warnings.push('the sheet holds no votes');
  const count = optionCount || options.size;
  const candidates = Array.from({ length: count }, (_, k) => options.get(k + 1) ?? `Option ${k + 1}`);
  return {
    ok: true,
    profile: {
      title: 'Debian tally sheet',
      seats: 1,
      candidates,
      withdrawn: [],
      ballots: [...byMarks.values()],
    },
    warnings,
  };
}

/** `3-12` → option 3 first, option 4 second, option 1 third; option 2 unranked. */
function ranksOf(marks: string): number[][] {
  const byRank = new Map<number, number[]>();
  for (let k = 0; k < marks.length; k++) {
    const mark = marks[k]!;
    if (mark === '-') continue;
    const rank = Number(mark);
    const group = byRank.get(rank);
    if (group) group.push(k);
    else byRank.set(rank, [k]);
  }
  // Gaps in the digits (a voter who wrote 1 and 3) only order the options; they are not blank ranks.
  return [...byRank.entries()].sort((a, b) => a[0] - b[0]).map(([, group]) => group);
}
