import { describe, expect, it } from 'vitest';
import {
  amendmentInput,
  amendmentPreview,
  checkAmendmentForm,
  checkMotion,
  diffRows,
  motionBody,
  motionsByStatus,
  replacementLines,
} from './motion-forms.ts';

const base = { version: 3, text: 'uno\ndos\ntres\ncuatro' };
const values = (over: Partial<Parameters<typeof checkAmendmentForm>[0]>) => ({
  isInsertion: false,
  lineFrom: '2',
  lineTo: '2',
  replacement: 'DOS',
  ...over,
});

describe('motion form', () => {
  it('asks for a title and a text, and sends them trimmed with the chosen sitting', () => {
    expect(checkMotion({ title: ' ', text: '', assemblyId: '' })).toEqual({
      title: 'decisions.motions.form.titleRequired',
      text: 'decisions.motions.form.textRequired',
    });
    expect(motionBody({ title: ' Gas ', text: 'a\nb \n', assemblyId: '' })).toEqual({
      title: 'Gas',
      text: 'a\nb',
      assemblyId: null,
      agendaPosition: null,
    });
  });
});

describe('amendment form', () => {
  it.each([
    [
      'a first line past the text',
      values({ lineFrom: '5', lineTo: '5' }),
      {
        lineFrom: 'decisions.motions.amend.lineFromInvalid',
        lineTo: 'decisions.motions.amend.lineToInvalid',
      },
    ],
    [
      'a last line before the first',
      values({ lineFrom: '3', lineTo: '2' }),
      { lineTo: 'decisions.motions.amend.lineToInvalid' },
    ],
    ['no number', values({ lineFrom: 'x' }), { lineFrom: 'decisions.motions.amend.lineFromInvalid' }],
    [
      'the same lines again',
      values({ replacement: 'dos' }),
      { replacementLines: 'decisions.motions.amend.changesNothing' },
    ],
    [
      'every line deleted',
      values({ lineFrom: '1', lineTo: '4', replacement: '' }),
      { replacementLines: 'decisions.motions.amend.deletesAll' },
    ],
    [
      'an empty insertion',
      values({ isInsertion: true, replacement: '' }),
      { replacementLines: 'decisions.motions.amend.insertNothing' },
    ],
    ['a replaced line', values({}), {}],
    ['an insertion at the end', values({ isInsertion: true, lineFrom: '5', replacement: 'cinco' }), {}],
  ])('%s', (_name, form, problems) => {
    expect(checkAmendmentForm(form, base)).toEqual(problems);
  });

  it('sends an insertion as lineTo = lineFrom - 1, without a trailing empty line', () => {
    expect(amendmentInput(values({ isInsertion: true, lineFrom: '2', replacement: 'a\nb\n' }), 3)).toEqual({
      baseVersion: 3,
      lineFrom: 2,
      lineTo: 1,
      replacementLines: ['a', 'b'],
    });
    expect(replacementLines('')).toEqual([]);
  });

  it('previews the diff the server will show', () => {
    expect(amendmentPreview(values({}), base)).toEqual([
      { kind: 'kept', oldLine: 1, newLine: 1, lines: ['uno'] },
      { kind: 'removed', oldLine: 2, newLine: 2, lines: ['dos'] },
      { kind: 'added', oldLine: 3, newLine: 2, lines: ['DOS'] },
      { kind: 'kept', oldLine: 3, newLine: 3, lines: ['tres', 'cuatro'] },
    ]);
    expect(amendmentPreview(values({ replacement: 'dos' }), base)).toBeNull();
  });
});

describe('diff rows', () => {
  it('numbers each line and cuts long unchanged runs to the context around a change', () => {
    const kept = Array.from({ length: 10 }, (_, k) => `l${k + 1}`);
    const rows = diffRows([
      { kind: 'kept', oldLine: 1, newLine: 1, lines: kept },
      { kind: 'removed', oldLine: 11, newLine: 11, lines: ['old'] },
      { kind: 'added', oldLine: 12, newLine: 11, lines: ['new'] },
    ]);
    expect(rows).toEqual([
      null,
      { kind: 'kept', oldLine: 9, newLine: 9, text: 'l9' },
      { kind: 'kept', oldLine: 10, newLine: 10, text: 'l10' },
      { kind: 'removed', oldLine: 11, newLine: null, text: 'old' },
      { kind: 'added', oldLine: null, newLine: 11, text: 'new' },
    ]);
  });
});

describe('motions by status', () => {
  it('puts open business first, newest first within a status, and leaves out empty groups', () => {
    const m = (id: string, status: 'adopted' | 'admitted', at: string) => ({ id, status, submittedAt: at });
    const groups = motionsByStatus([
      m('a', 'adopted', '2026-01-01T00:00:00Z'),
      m('b', 'admitted', '2026-01-01T00:00:00Z'),
      m('c', 'admitted', '2026-02-01T00:00:00Z'),
    ]);
    expect(groups.map((g) => [g.status, g.motions.map((x) => x.id)])).toEqual([
      ['admitted', ['c', 'b']],
      ['adopted', ['a']],
    ]);
  });
});
