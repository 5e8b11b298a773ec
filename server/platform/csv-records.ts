// CSV files at the edge: parsed with csv-parse, header checked against the columns a file kind allows,
// errors reported as a 400 naming the line. Nothing is written by this step.
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { AppError } from './http-errors.ts';

export const MAX_CSV_ROWS = 50_000;

export function readCsvRecords(
  text: string,
  columns: { required: readonly string[]; allowed: readonly string[] },
): Array<Record<string, string>> {
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: false,
      trim: false,
    }) as string[][];
  } catch (error) {
    const e = error as { lines?: number; message: string };
    throw new AppError(
      'invalid',
      'csv-malformed',
      `CSV could not be read${e.lines ? ` at line ${e.lines}` : ''}: ${e.message}`,
      'file',
    );
  }
  const [header, ...rows] = records;
  if (!header)
    throw new AppError('invalid', 'csv-empty', 'the CSV file is empty: a header line is expected', 'file');
  const names = header.map((h) => h.trim().toLowerCase());
  const unknown = names.filter((n) => !columns.allowed.includes(n));
  if (unknown.length > 0) {
    throw new AppError(
      'invalid',
      'csv-unknown-column',
      `unknown column(s) ${unknown.join(', ')}; allowed: ${columns.allowed.join(', ')}`,
      unknown[0],
    );
  }
  const missing = columns.required.filter((c) => !names.includes(c));
  if (missing.length > 0) {
    throw new AppError(
      'invalid',
      'csv-missing-column',
      `missing column(s) ${missing.join(', ')}`,
      missing[0],
    );
  }
  if (rows.length > MAX_CSV_ROWS) {
    throw new AppError(
      'payload-too-large',
      'csv-too-many-rows',
      `at most ${MAX_CSV_ROWS} rows per import`,
      'file',
    );
  }
  return rows.map((row) => Object.fromEntries(names.map((n, i) => [n, row[i] ?? ''])));
}

export const importRowVerdict = z.object({
  line: z.int(),
  status: z.enum(['accepted', 'rejected']),
  field: z.string().optional(),
  reason: z.string().optional(),
});

export const importError = z.object({ code: z.string(), message: z.string(), field: z.string().optional() });

/** A rejected import answers with the shared error shape plus the per-row report. */
export function importRejected(
  rejected: number,
  rows: Array<{ line: number; status: string; field?: string; reason?: string }>,
) {
  const first = rows.find((r) => r.status === 'rejected');
  return {
    code: 'import-rejected',
    message: `${rejected} row(s) rejected, nothing imported; first: line ${first?.line}${first?.field ? ` (${first.field})` : ''}: ${first?.reason ?? ''}`,
    ...(first?.field ? { field: first.field } : {}),
  };
}
