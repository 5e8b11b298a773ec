// CSV export (RFC 4180): a header row and one row per record, CRLF line ends, every cell quoted when it
// holds a comma, quote or line break. A cell a spreadsheet would run as a formula (=, +, -, @, tab or
// CR first) gets a leading apostrophe: seller names and notes are typed by members.
export type CsvCell = string | number | bigint | null;

const cell = (value: CsvCell): string => {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export function csvTable(header: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>): string {
  return [header, ...rows].map((r) => `${r.map(cell).join(',')}\r\n`).join('');
}
