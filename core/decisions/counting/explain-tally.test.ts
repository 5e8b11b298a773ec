import { describe, expect, it } from 'vitest';
import {
  englishTallyText,
  explainTallyJson,
  explainTallyText,
  subtract,
  sumDecimals,
  TALLY_TEXT,
  tallyTableModel,
} from './explain-tally.ts';
import { handTally } from './fixtures/hand-tally.ts';
import type { Tally } from './tally.ts';

describe('explain-tally', () => {
  it('prints one column per stage with transfers, totals, exhausted, quota and notes', () => {
    const text = explainTallyText(handTally, { title: 'Ward 7' });
    expect(text).toMatchInlineSnapshot(`
      "Ward 7 — Scottish STV (SSI 2007/42)
      Seats: 2 · Valid poll: 100.00000 · Quota: 34.00000 · Seed for drawing lots: ward-7

      Candidate         | Stage 1           | Stage 2              |           | Stage 3              |           | Result
                        | First preferences | Surplus of Ann ADAMS |           | Exclusion of Di DEAN |           |
                        | Total             | Transfer             | Total     | Transfer             | Total     |
      ------------------+-------------------+----------------------+-----------+----------------------+-----------+--------------------
      Ann ADAMS         |          40.00000 |             -6.00000 |  34.00000 |                      |  34.00000 | Elected at stage 1
      Bob "Bobby" BROWN |          25.00000 |             +4.00000 |  29.00000 |             +5.00000 |  34.00000 | Elected at stage 3
      Cy COLE           |          20.00000 |             +1.50000 |  21.50000 |             +9.00000 |  30.50000 | Not elected
      Di DEAN           |          15.00000 |                      |  15.00000 |            -15.00000 |   0.00000 | Excluded at stage 3
      ------------------+-------------------+----------------------+-----------+----------------------+-----------+--------------------
      Non-transferable  |           0.00000 |             +0.50000 |   0.50000 |             +1.00000 |   1.50000 |
      Lost to rounding  |           0.00000 |                      |   0.00000 |                      |   0.00000 |
      Total (check)     |         100.00000 |                      | 100.00000 |                      | 100.00000 |
      Quota             |          34.00000 |                      |  34.00000 |                      |  34.00000 |

      Notes:
        Stage 1 — First preferences
          - Ann ADAMS is elected: 40.00000 reaches the quota of 34.00000 (rule 46).
        Stage 2 — Surplus of Ann ADAMS
          - The surplus of Ann ADAMS, 6.00000, is transferred at 0.15000 a paper (rule 48).
        Stage 3 — Exclusion of Di DEAN
          - Di DEAN is excluded with the lowest total, 15.00000 (rule 50).
          - Bob "Bobby" BROWN is elected: 34.00000 reaches the quota of 34.00000 (rule 46).

      Ties:
        Stage 3: Cy COLE, Di DEAN tied; Di DEAN chosen by earlier-stage (stage 1)

      Elected, in order of election:
        1. Ann ADAMS
        2. Bob "Bobby" BROWN
      "
    `);
  });

  it('builds a model whose check row equals the valid poll at every stage', () => {
    const m = tallyTableModel(handTally);
    expect(m.sums).toEqual(['100.00000', '100.00000', '100.00000']);
    expect(m.candidates.map((r) => [r.status, r.stage])).toEqual([
      ['elected', 1],
      ['elected', 3],
      ['continuing', undefined],
      ['excluded', 3],
    ]);
    expect(m.exhausted.map((c) => c.transfer)).toEqual([undefined, '0.50000', '1.00000']);
  });

  it('gives a JSON object keyed by names from the file', () => {
    const json = explainTallyJson(handTally);
    expect(json.method).toBe('stv-scottish');
    expect(json.elected).toEqual(['Ann ADAMS', 'Bob "Bobby" BROWN']);
    expect(json.quota).toBe('34.00000');
    expect(json.rounds).toHaveLength(3);
    expect(json.rounds[2]).toMatchObject({
      stage: 3,
      action: 'exclusion',
      subjects: ['Di DEAN'],
      excluded: ['Di DEAN'],
      elected: ['Bob "Bobby" BROWN'],
      exhausted: '1.50000',
    });
    expect(json.rounds[1]!.candidates[1]).toEqual({
      name: 'Bob "Bobby" BROWN',
      total: '29.00000',
      transfer: '4.00000',
      status: 'continuing',
    });
    expect(json.tieBreaks[0]).toEqual({
      stage: 3,
      tied: ['Cy COLE', 'Di DEAN'],
      chosen: 'Di DEAN',
      by: 'earlier-stage',
      decidingStage: 1,
    });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('prints a single-count method with its ranking', () => {
    const tally: Tally = {
      method: 'schulze',
      seats: 1,
      candidates: ['A', 'B', 'C'],
      elected: [1],
      valid: '9',
      ranking: [[1], [0, 2]],
      tieBreaks: [],
      rounds: [
        {
          stage: 1,
          action: 'count',
          subjects: [],
          totals: ['3', '5', '1'],
          exhausted: '0',
          elected: [1],
          excluded: [],
          statuses: ['continuing', 'elected', 'continuing'],
          notes: ['B beats every other candidate.'],
        },
      ],
    };
    const text = explainTallyText(tally);
    expect(text).toContain('Schulze method');
    expect(text).toContain('  2. A = C');
    expect(text).toContain('  1. B');
    expect(explainTallyJson(tally).ranking).toEqual([['B'], ['A', 'C']]);
    expect(explainTallyJson(tally).quota).toBeUndefined();
  });

  it('prints Meek keep values per stage', () => {
    const meek: Tally = {
      ...handTally,
      method: 'stv-meek',
      rounds: handTally.rounds.map((r, k) => ({
        ...r,
        keepValues: ['1.000000000', '1.000000000', '1.000000000', '1.000000000'].map((v, c) =>
          c === 0 && k > 0 ? '0.850000000' : v,
        ),
      })),
    };
    const text = explainTallyText(meek);
    expect(text).toContain('Keep values:');
    expect(text).toMatch(/Ann ADAMS\s+\| 1\.000000000 \| 0\.850000000 \| 0\.850000000/);
    expect(tallyTableModel(meek).keepValues?.[0]).toEqual(['1.000000000', '0.850000000', '0.850000000']);
    expect(explainTallyJson(meek).rounds[1]!.candidates[0]!.keepValue).toBe('0.850000000');
    expect(tallyTableModel(handTally).keepValues).toBeUndefined();
  });

  it('does exact decimal arithmetic', () => {
    expect(sumDecimals(['0.1', '0.2', '-0.3'])).toBe('0.0');
    expect(sumDecimals(['1.00001', '2'])).toBe('3.00001');
    expect(subtract('1', '1.5')).toBe('-0.5');
    expect(subtract('0.00000', '0.50000')).toBe('-0.50000');
  });

  it('has English text for every key and substitutes variables', () => {
    expect(englishTallyText('tally.stage', { stage: 4 })).toBe('Stage 4');
    expect(englishTallyText('no.such.key')).toBe('no.such.key');
    for (const value of Object.values(TALLY_TEXT)) expect(value.length).toBeGreaterThan(0);
  });
});
