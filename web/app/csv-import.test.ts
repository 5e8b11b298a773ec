import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client.ts';
import { isColumnError, rejectedImport, rejectedRows } from './csv-import.ts';

const rejectedBody = {
  error: { code: 'import-rejected', message: '2 row(s) rejected', field: 'kind' },
  imported: 0,
  rejected: 2,
  rows: [
    { line: 4, status: 'rejected', field: 'territory', reason: 'a territory is required' },
    { line: 2, status: 'accepted' },
    { line: 3, status: 'rejected', field: 'kind', reason: 'kind must be one of …' },
    { line: 'x', status: 'rejected' },
  ],
};

describe('the report of a rejected import', () => {
  it('is read from the error body of an import-rejected answer', () => {
    const error = new ApiError(422, 'import-rejected', '2 row(s) rejected', 'kind', rejectedBody);
    const report = rejectedImport(error);
    expect(report?.rejected).toBe(2);
    expect(report?.imported).toBe(0);
    expect(report?.rows).toHaveLength(3);
  });

  it('lists only the rejected lines, in file order', () => {
    const report = rejectedImport(new ApiError(422, 'import-rejected', '', null, rejectedBody));
    expect(report && rejectedRows(report).map((row) => [row.line, row.field])).toEqual([
      [3, 'kind'],
      [4, 'territory'],
    ]);
  });

  it('is absent for other failures, and for a rejection without rows', () => {
    expect(rejectedImport(new ApiError(403, 'not-permitted', 'no', null, {}))).toBeNull();
    expect(rejectedImport(new ApiError(422, 'import-rejected', '', null, { rows: [] }))).toBeNull();
    expect(rejectedImport(new Error('boom'))).toBeNull();
  });
});

describe('CSV errors about a column', () => {
  it('are told apart from errors about a line or the whole file', () => {
    expect(isColumnError(new ApiError(400, 'csv-unknown-column', 'unknown', 'colour'))).toBe(true);
    expect(isColumnError(new ApiError(400, 'csv-missing-column', 'missing', 'name'))).toBe(true);
    expect(isColumnError(new ApiError(400, 'csv-malformed', 'bad quote', 'file'))).toBe(false);
    expect(isColumnError(new ApiError(400, 'csv-unknown-column', 'unknown'))).toBe(false);
  });
});
