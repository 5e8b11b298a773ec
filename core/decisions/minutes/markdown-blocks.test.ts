import { describe, expect, it } from 'vitest';
import {
  escapeMarkdown,
  parseInline,
  parseMarkdownBlocks,
  spansText,
  splitTableRow,
} from './markdown-blocks.ts';

describe('parseMarkdownBlocks', () => {
  it('reads headings, paragraphs, lists, tables and code', () => {
    const blocks = parseMarkdownBlocks(
      [
        '# Acta',
        '',
        '**Consejo:** Norte  ',
        'segunda línea',
        '',
        '- uno',
        '- dos',
        '',
        '1. primero',
        '   nota',
        '',
        '| A | B |',
        '|---|---:|',
        '| x \\| y | 2 |',
        '',
        '```',
        'raw | text',
        '```',
      ].join('\n'),
    );
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'list', 'list', 'table', 'code']);
    const [heading, paragraph, bullets, numbered, table, code] = blocks;
    expect(heading).toEqual({ kind: 'heading', level: 1, spans: [{ text: 'Acta', bold: false }] });
    expect(paragraph?.kind === 'paragraph' && paragraph.lines[0]).toEqual([
      { text: 'Consejo:', bold: true },
      { text: ' Norte', bold: false },
    ]);
    expect(bullets?.kind === 'list' && bullets.items.map(spansText)).toEqual(['uno', 'dos']);
    expect(numbered?.kind === 'list' && numbered.ordered && numbered.items.map(spansText)).toEqual([
      'primero nota',
    ]);
    expect(table?.kind === 'table' && table.align).toEqual(['left', 'right']);
    expect(table?.kind === 'table' && table.rows[0]?.map(spansText)).toEqual(['x | y', '2']);
    expect(code).toEqual({ kind: 'code', lines: ['raw | text'] });
  });

  it('keeps HTML as text and never loops on a lone pipe line', () => {
    const blocks = parseMarkdownBlocks('| not a table\n<b>hi</b>');
    expect(blocks).toEqual([
      {
        kind: 'paragraph',
        lines: [[{ text: '| not a table', bold: false }], [{ text: '<b>hi</b>', bold: false }]],
      },
    ]);
  });

  it('round-trips escaped text through parseInline', () => {
    for (const raw of ['A|B', '**x**', 'a\\b', '<i>', '# h', '[l](u)']) {
      expect(spansText(parseInline(escapeMarkdown(raw)))).toBe(raw);
    }
  });

  it('splits table rows on unescaped pipes only', () => {
    expect(splitTableRow('| a \\| b | c |')).toEqual(['a \\| b', 'c']);
  });
});
