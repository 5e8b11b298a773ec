// The minutes as a PDF, drawn with pdfkit from the same blocks the web page renders
// (core parseMarkdownBlocks): headings, paragraphs with bold runs, lists, tables as aligned rows of a
// fixed-width font scaled to the page, code as it is. Only the PDF standard fonts are used (Helvetica,
// Courier: WinAnsi), so no font file is read; a character outside WinAnsi prints as "?".
import PDFDocument from 'pdfkit';
import {
  type InlineSpan,
  type MarkdownBlock,
  parseMarkdownBlocks,
  spansText,
} from '../../core/decisions/index.ts';

export interface MinutesPdfHeader {
  councilName: string;
  /** "Aprobada el … — sha256 …" once approved; null for a draft. */
  approvalLine: string | null;
  draftLine: string | null;
}

// WinAnsi's characters in 0x80–0x9f (the rest of it is Latin-1).
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Text the standard fonts can draw: Latin-1 and WinAnsi's extras; anything else becomes "?". */
export function winAnsiText(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (ch === '\t') out += '    ';
    else if ((cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff) || WIN_ANSI_EXTRA.has(ch)) out += ch;
    else if (cp === 0x2212) out += '-';
    else if (cp >= 0x300 && cp <= 0x36f) continue;
    else out += '?';
  }
  return out;
}

const HEADING_SIZE = { 1: 18, 2: 14, 3: 12, 4: 11 } as const;
const BODY_SIZE = 10;

export function renderMinutesPdf(markdown: string, header: MinutesPdfHeader, title: string): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    bufferPages: true,
    info: { Title: winAnsiText(title), Subject: winAnsiText(header.councilName), Creator: 'Cabildo' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;

  doc.font('Helvetica-Bold').fontSize(9).fillColor('#444').text(winAnsiText(header.councilName), { width });
  const status = header.approvalLine ?? header.draftLine;
  if (status) doc.font('Helvetica').fontSize(8).text(winAnsiText(status), { width });
  doc.fillColor('black').moveDown(1);

  for (const block of parseMarkdownBlocks(markdown)) drawBlock(doc, block, width);

  // Page numbers, once every page exists.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.height - doc.page.margins.bottom + 16;
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor('#666')
      .text(`${i + 1} / ${range.count}`, doc.page.margins.left, bottom, {
        width,
        align: 'right',
        lineBreak: false,
      });
  }
  doc.end();
  return done;
}

function drawSpans(
  doc: PDFKit.PDFDocument,
  spans: readonly InlineSpan[],
  size: number,
  options: PDFKit.Mixins.TextOptions,
) {
  const parts = spans.length > 0 ? spans : [{ text: '', bold: false }];
  parts.forEach((span, i) => {
    doc
      .font(span.bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(size)
      .text(winAnsiText(span.text), { ...options, continued: i < parts.length - 1 });
  });
}

function drawBlock(doc: PDFKit.PDFDocument, block: MarkdownBlock, width: number): void {
  const left = doc.page.margins.left;
  switch (block.kind) {
    case 'heading':
      doc.moveDown(block.level <= 2 ? 0.6 : 0.3);
      doc
        .font('Helvetica-Bold')
        .fontSize(HEADING_SIZE[block.level])
        .text(winAnsiText(spansText(block.spans)), left, undefined, { width });
      doc.moveDown(0.3);
      return;
    case 'paragraph':
      for (const line of block.lines) drawSpans(doc, line, BODY_SIZE, { width });
      doc.moveDown(0.5);
      return;
    case 'list':
      block.items.forEach((item, i) => {
        const marker = block.ordered ? `${i + 1}.` : '•';
        const y = doc.y;
        doc.font('Helvetica').fontSize(BODY_SIZE).text(marker, left, y, { width: 18, lineBreak: false });
        doc.text('', left + 20, y);
        drawSpans(doc, item, BODY_SIZE, { width: width - 20 });
        doc.x = left;
      });
      doc.moveDown(0.5);
      return;
    case 'table':
      drawTable(doc, block, width);
      return;
    case 'code':
      doc
        .font('Courier')
        .fontSize(8)
        .text(winAnsiText(block.lines.join('\n')), left, undefined, { width });
      doc.moveDown(0.5);
      return;
  }
}

/** A table as rows of Courier text, columns padded to their widest cell, the font shrunk to fit. */
function drawTable(
  doc: PDFKit.PDFDocument,
  block: Extract<MarkdownBlock, { kind: 'table' }>,
  width: number,
): void {
  const rows = [block.header, ...block.rows].map((r) => r.map((cell) => winAnsiText(spansText(cell))));
  const columns = Math.max(...rows.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, c) =>
    Math.max(1, ...rows.map((r) => (r[c] ?? '').length)),
  );
  const lineChars = widths.reduce((a, b) => a + b, 0) + 3 * (columns - 1);
  // Courier's advance is 0.6 em: the size at which the widest row fits the text width.
  const size = Math.max(4, Math.min(9, width / (lineChars * 0.6)));
  const render = (r: string[]) =>
    widths
      .map((w, c) => {
        const text = r[c] ?? '';
        return block.align[c] === 'right' ? text.padStart(w) : text.padEnd(w);
      })
      .join(' | ')
      .trimEnd();
  doc
    .font('Courier-Bold')
    .fontSize(size)
    .text(render(rows[0] ?? []), doc.page.margins.left, undefined, { width, lineBreak: false });
  doc.font('Courier').text(widths.map((w) => '-'.repeat(w)).join('-+-'), { width, lineBreak: false });
  for (const r of rows.slice(1)) doc.text(render(r), { width, lineBreak: false });
  doc.moveDown(0.6);
}
