// Reader for a plain CSV of rankings: a header row, then one paper (or, with a weight column, a group
// of identical papers) per row. Rank columns are named `rank1`…`rankN` (also `rank 1`, `rank_1`,
// `choice 1`, or `1st choice …` as cast-vote-record exports write them); each cell holds one
// candidate's name, and an empty cell is a rank left blank. An optional `weight` (or `count`) column
// gives the number of papers. Candidates are numbered in order of first appearance. Tokens that
// exports write instead of a name (`undervote`, `overvote`, `UWI`) are understood when the caller
// names them. A malformed file yields `{ ok: false, error: { line, message } }`; it never throws.
import { parse } from 'csv-parse/sync';
import type { BallotProfile, RankedBallot } from './tally.ts';

export interface CsvRankingsOptions {
  title?: string;
  /** Seats the election fills (the CSV does not say); default 1. */
  seats?: number;
  /** Cell texts, compared without case, that mean a rank left blank. */
  skipTokens?: readonly string[];
  /** Cell texts that mean an overvote whose names were not recorded. */
  overvoteTokens?: readonly string[];
  /** Cell texts that mean an undeclared write-in; they become one candidate, `writeInName`. */
  writeInTokens?: readonly string[];
  writeInName?: string;
}

export type CsvRankingsResult =
  | { ok: true; profile: BallotProfile; warnings: string[] }
  | { ok: false; error: { line: number; message: string } };

const RANK_HEADERS = [/^rank[\s_-]*(\d+)$/i, /^choice[\s_-]*(\d+)$/i, /^(\d+)(?:st|nd|rd|th)\s+choice\b/i];
const WEIGHT_HEADERS = new Set(['weight', 'count']);

class CsvRankingsError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

function decode(input: Uint8Array | string, warnings: string[]): string {
  if (typeof input === 'string') return input;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    warnings.push('the file is not valid UTF-8; read as Latin-1');
    return new TextDecoder('latin1').decode(input);
  }
}

function rankNumber(header: string): number | null {
  for (const pattern of RANK_HEADERS) {
    const match = pattern.exec(header);
    if (match) return Number(match[1]);
  }
  return null;
}

interface Layout {
  weightColumn: number | null;
  /** Column index of rank 1, rank 2, … */
  rankColumns: number[];
}

function readHeader(header: string[], warnings: string[]): Layout {
  let weightColumn: number | null = null;
  const byRank = new Map<number, number>();
  header.forEach((raw, column) => {
    const name = raw.trim();
    if (WEIGHT_HEADERS.has(name.toLowerCase())) {
      if (weightColumn !== null)
        throw new CsvRankingsError(1, `two weight columns: "${header[weightColumn]}" and "${name}"`);
      weightColumn = column;
      return;
    }
    const rank = rankNumber(name);
    if (rank === null) {
      warnings.push(`column "${name}" is neither a rank nor the weight; ignored`);
      return;
    }
    if (byRank.has(rank)) throw new CsvRankingsError(1, `rank ${rank} has two columns`);
    byRank.set(rank, column);
  });
  if (byRank.size === 0) {
    throw new CsvRankingsError(
      1,
      'expected a header row with rank columns (rank1, rank2, …) and an optional weight column',
    );
  }
  const rankColumns: number[] = [];
  for (let rank = 1; rank <= byRank.size; rank++) {
    const column = byRank.get(rank);
    if (column === undefined)
      throw new CsvRankingsError(1, `rank columns must run 1…${byRank.size}; rank ${rank} is missing`);
    rankColumns.push(column);
  }
  return { weightColumn, rankColumns };
}

function tokenSet(tokens: readonly string[] | undefined): Set<string> {
  return new Set((tokens ?? []).map((t) => t.toLowerCase()));
}

function parseRows(text: string): { record: string[]; line: number }[] {
  try {
    const rows = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    return rows.map((row) => ({ record: row.record, line: row.info.lines }));
  } catch (error) {
    const line =
      typeof (error as { lines?: unknown }).lines === 'number' ? (error as { lines: number }).lines : 0;
    throw new CsvRankingsError(
      line,
      `not a well-formed CSV file: ${error instanceof Error ? error.message : error}`,
    );
  }
}

function build(text: string, options: CsvRankingsOptions, warnings: string[]): BallotProfile {
  const rows = parseRows(text);
  const [header, ...body] = rows;
  if (!header) throw new CsvRankingsError(1, 'the file is empty: expected a header row');
  const layout = readHeader(header.record, warnings);
  const skip = tokenSet(options.skipTokens);
  const overvote = tokenSet(options.overvoteTokens);
  const writeIn = tokenSet(options.writeInTokens);
  const candidates: string[] = [];
  const index = new Map<string, number>();
  const candidateOf = (name: string) => {
    let c = index.get(name);
    if (c === undefined) {
      c = candidates.length;
      candidates.push(name);
      index.set(name, c);
    }
    return c;
  };
  const writeInName = options.writeInName ?? 'Undeclared Write-ins';

  const ballots: RankedBallot[] = [];
  for (const { record, line } of body) {
    if (record.every((cell) => cell.trim() === '')) continue;
    let weight = 1;
    if (layout.weightColumn !== null) {
      const cell = (record[layout.weightColumn] ?? '').trim();
      if (!/^\d+$/.test(cell) || !Number.isSafeInteger(Number(cell))) {
        throw new CsvRankingsError(
          line,
          `expected a whole number of papers in the weight column, found "${cell}"`,
        );
      }
      weight = Number(cell);
      if (weight === 0) continue;
    }
    const ranks: number[][] = [];
    const overvotedRanks: number[] = [];
    layout.rankColumns.forEach((column, r) => {
      const cell = (record[column] ?? '').trim();
      const token = cell.toLowerCase();
      if (cell === '' || skip.has(token)) ranks.push([]);
      else if (overvote.has(token)) {
        ranks.push([]);
        overvotedRanks.push(r);
      } else ranks.push([candidateOf(writeIn.has(token) ? writeInName : cell)]);
    });
    while (
      ranks.length > 0 &&
      ranks[ranks.length - 1]!.length === 0 &&
      !overvotedRanks.includes(ranks.length - 1)
    ) {
      ranks.pop();
    }
    ballots.push(overvotedRanks.length > 0 ? { weight, ranks, overvotedRanks } : { weight, ranks });
  }

  const writeInIndex = index.get(writeInName);
  return {
    title: options.title ?? '',
    seats: options.seats ?? 1,
    candidates,
    withdrawn: [],
    ballots,
    ...(writeIn.size > 0 && writeInIndex !== undefined ? { undeclaredWriteIns: [writeInIndex] } : {}),
  };
}

/** Read a CSV of rankings from bytes or text. Never throws. */
export function readCsvRankings(
  input: Uint8Array | string,
  options: CsvRankingsOptions = {},
): CsvRankingsResult {
  const warnings: string[] = [];
  try {
    const profile = build(decode(input, warnings), options, warnings);
    return { ok: true, profile, warnings };
  } catch (error) {
    if (error instanceof CsvRankingsError)
      return { ok: false, error: { line: error.line, message: error.message } };
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { line: 0, message: `internal error while reading the CSV: ${message}` } };
  }
}
