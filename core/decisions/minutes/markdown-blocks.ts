// The small Markdown dialect of minutes, read into blocks that the web page and the PDF both render:
// headings (#–####), paragraphs, bullet and numbered lists, pipe tables and fenced code. Inline, only
// **bold** and backslash escapes. Anything else is plain text — never HTML: the web renders the blocks
// as React text nodes, so a secretary's edit cannot inject markup.

export type InlineSpan = { text: string; bold: boolean };

export type MarkdownBlock =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; spans: InlineSpan[] }
  | { kind: 'paragraph'; lines: InlineSpan[][] }
  | { kind: 'list'; ordered: boolean; items: InlineSpan[][] }
  | { kind: 'table'; header: InlineSpan[][]; align: Array<'left' | 'right'>; rows: InlineSpan[][][] }
  | { kind: 'code'; lines: string[] };

/** The characters escaped in names and titles written into minutes. */
const SPECIAL = /[\\`*_[\]<>|#]/g;

/** Text safe to place inline in a Markdown line (a table cell included): specials escaped, one line. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(SPECIAL, (c) => `\\${c}`);
}

/** Inline text into spans: `**` toggles bold, `\x` is a literal x. */
export function parseInline(text: string): InlineSpan[] {
  const spans: InlineSpan[] = [];
  let bold = false;
  let current = '';
  const flush = () => {
    if (current !== '') spans.push({ text: current, bold });
    current = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) {
      current += text[i + 1];
      i++;
    } else if (c === '*' && text[i + 1] === '*') {
      flush();
      bold = !bold;
      i++;
    } else {
      current += c;
    }
  }
  flush();
  return spans;
}

/** A table row's cells: split on pipes that are not escaped, outer pipes dropped. */
export function splitTableRow(line: string): string[] {
  let body = line.trim();
  if (body.startsWith('|')) body = body.slice(1);
  if (body.endsWith('|') && !body.endsWith('\\|')) body = body.slice(0, -1);
  const cells: string[] = [];
  let current = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\\' && i + 1 < body.length) {
      current += c + body[i + 1];
      i++;
    } else if (c === '|') {
      cells.push(current.trim());
      current = '';
    } else current += c;
  }
  cells.push(current.trim());
  return cells;
}

const HEADING = /^(#{1,4})\s+(.*)$/;
const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;
const TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const isTableLine = (line: string) => line.trim().startsWith('|');

export function parseMarkdownBlocks(markdown: string): MarkdownBlock[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: MarkdownBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === '' || /^<!--.*-->$/.test(line.trim())) {
      i++;
      continue;
    }
    if (line.trim().startsWith('```')) {
      const code: string[] = [];
      i++;
      while (i < lines.length && !lines[i]!.trim().startsWith('```')) code.push(lines[i++]!);
      i++;
      blocks.push({ kind: 'code', lines: code });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const level = heading[1]!.length as 1 | 2 | 3 | 4;
      blocks.push({ kind: 'heading', level, spans: parseInline(heading[2]!.trim()) });
      i++;
      continue;
    }
    if (isTableLine(line) && i + 1 < lines.length && TABLE_RULE.test(lines[i + 1]!)) {
      const header = splitTableRow(line).map(parseInline);
      const align = splitTableRow(lines[i + 1]!).map(
        (c) => (c.endsWith(':') ? 'right' : 'left') as 'left' | 'right',
      );
      const rows: InlineSpan[][][] = [];
      i += 2;
      while (i < lines.length && isTableLine(lines[i]!))
        rows.push(splitTableRow(lines[i++]!).map(parseInline));
      blocks.push({ kind: 'table', header, align, rows });
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = NUMBERED.exec(line);
    if (bullet || numbered) {
      const ordered = !bullet;
      const pattern = ordered ? NUMBERED : BULLET;
      const items: InlineSpan[][] = [];
      while (i < lines.length) {
        const item = pattern.exec(lines[i]!);
        if (item) items.push(parseInline(item[1]!.trim()));
        else if (/^\s{2,}\S/.test(lines[i]!) && items.length > 0)
          items[items.length - 1]!.push({ text: ` ${lines[i]!.trim()}`, bold: false });
        else break;
        i++;
      }
      blocks.push({ kind: 'list', ordered, items });
      continue;
    }
    // The first line always belongs to the paragraph (a lone `|…` line without a rule is text).
    const paragraph: InlineSpan[][] = [parseInline(line.trim())];
    i++;
    while (
      i < lines.length &&
      lines[i]!.trim() !== '' &&
      !HEADING.test(lines[i]!) &&
      !BULLET.test(lines[i]!) &&
      !NUMBERED.test(lines[i]!) &&
      !isTableLine(lines[i]!) &&
      !lines[i]!.trim().startsWith('```')
    )
      paragraph.push(parseInline(lines[i++]!.trim()));
    blocks.push({ kind: 'paragraph', lines: paragraph });
  }
  return blocks;
}

/** The plain text of spans (for measuring and for text renderings). */
export const spansText = (spans: readonly InlineSpan[]) => spans.map((s) => s.text).join('');
