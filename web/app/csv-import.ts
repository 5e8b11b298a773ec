// What an import of a CSV file (councils or members) answered: the server checks every row first and
// imports nothing when any row is rejected; it then answers 422 with the per-row report inside the
// error body. These read that report back out of the error.
import { ApiError } from './api-client.ts';
import type { ImportReport, ImportRow } from './api-types.ts';

export const CSV_CONTENT_TYPE = 'text/csv';

function isImportRow(value: unknown): value is ImportRow {
  if (typeof value !== 'object' || value === null) return false;
  const row = value as Record<string, unknown>;
  return typeof row.line === 'number' && (row.status === 'accepted' || row.status === 'rejected');
}

/** The per-row report of an import the server rejected, or null when the failure is of another kind. */
export function rejectedImport(error: unknown): ImportReport | null {
  if (!(error instanceof ApiError) || error.code !== 'import-rejected') return null;
  const body = error.body as Record<string, unknown> | null;
  const rows = Array.isArray(body?.rows) ? body.rows.filter(isImportRow) : [];
  const rejected = rows.filter((row) => row.status === 'rejected');
  if (rejected.length === 0) return null;
  return {
    imported: 0,
    rejected: typeof body?.rejected === 'number' ? body.rejected : rejected.length,
    rows,
  };
}

/** The rejected lines of a report, in file order. */
export function rejectedRows(report: ImportReport): ImportRow[] {
  return report.rows.filter((row) => row.status === 'rejected').sort((a, b) => a.line - b.line);
}

/** CSV errors that name a column (unknown or missing) rather than a line. */
export function isColumnError(error: unknown): error is ApiError {
  return (
    error instanceof ApiError &&
    (error.code === 'csv-unknown-column' || error.code === 'csv-missing-column') &&
    error.field !== null
  );
}
