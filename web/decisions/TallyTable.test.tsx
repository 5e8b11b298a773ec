import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { englishTallyText } from '../../core/decisions/counting/explain-tally.ts';
import { handTally } from '../../core/decisions/counting/fixtures/hand-tally.ts';
import { TallyTable } from './TallyTable.tsx';

describe('TallyTable', () => {
  const html = renderToStaticMarkup(<TallyTable tally={handTally} t={englishTallyText} title="Ward 7" />);

  it('renders a captioned table with scoped headers', () => {
    expect(html).toMatch(
      /<table class="tally-table"><caption>Ward 7 — Scottish STV \(SSI 2007\/42\): 2 seat\(s\), round by round/,
    );
    expect(html).toContain(
      '<th scope="colgroup" colSpan="2">Stage 2<br/><span class="tally-stage-action">Surplus of Ann ADAMS</span></th>',
    );
    expect(html).toContain('<th scope="row">Bob &quot;Bobby&quot; BROWN</th>');
    expect((html.match(/scope="row"/g) ?? []).length).toBe(4 + 4); // candidates, exhausted, lost, check, quota
    expect(html).toContain('<th scope="col">Transfer</th><th scope="col">Total</th>');
  });

  it('shows every candidate at every stage, transfers, exhausted, quota and results', () => {
    expect(html).toContain(
      '<tr data-status="excluded"><th scope="row">Di DEAN</th><td>15.00000</td><td></td><td>15.00000</td><td>-15.00000</td><td>0.00000</td><td>Excluded at stage 3</td></tr>',
    );
    expect(html).toContain(
      '<th scope="row">Non-transferable</th><td>0.00000</td><td>+0.50000</td><td>0.50000</td>',
    );
    expect(html).toContain('<th scope="row">Quota</th><td>34.00000</td>');
    expect(html).toContain('Di DEAN is excluded with the lowest total');
    expect(html).toContain('<li>Ann ADAMS</li><li>Bob &quot;Bobby&quot; BROWN</li>');
  });

  it('takes every word from the t prop', () => {
    const keys = new Set<string>();
    renderToStaticMarkup(
      <TallyTable
        tally={handTally}
        t={(key) => {
          keys.add(key);
          return `[${key}]`;
        }}
      />,
    );
    expect(keys).toEqual(
      new Set([
        'tally.caption',
        'tally.method.stv-scottish',
        'tally.valid',
        'tally.quota',
        'tally.seed',
        'tally.candidate',
        'tally.stage',
        'tally.action.first-preferences',
        'tally.action.surplus',
        'tally.action.exclusion',
        'tally.result',
        'tally.transfer',
        'tally.total',
        'tally.status.elected',
        'tally.status.continuing',
        'tally.status.excluded',
        'tally.exhausted',
        'tally.lost',
        'tally.sum',
        'tally.notes',
        'tally.tieBreaks',
        'tally.tieBreak',
        'tally.elected',
      ]),
    );
  });
});

describe('TallyTable with Meek keep values', () => {
  it('adds a captioned keep-values table', () => {
    const meek = {
      ...handTally,
      method: 'stv-meek' as const,
      rounds: handTally.rounds.map((r) => ({ ...r, keepValues: ['0.5', '1', '1', '1'] })),
    };
    const html = renderToStaticMarkup(<TallyTable tally={meek} t={englishTallyText} />);
    expect(html).toContain('<caption>Keep values</caption>');
    expect(html).toContain('<th scope="row">Ann ADAMS</th><td>0.5</td><td>0.5</td><td>0.5</td>');
  });
});
