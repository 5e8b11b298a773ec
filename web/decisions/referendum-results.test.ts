import { describe, expect, it } from 'vitest';
import type { ReferendumCouncilResult } from '../app/api-types.ts';
import { rowsWithDepth, turnoutPercent, yesNoShares } from './referendum-results.ts';

const council = (councilId: string, parentId: string | null, name = councilId): ReferendumCouncilResult => ({
  councilId,
  name,
  parentId,
  entitledMillis: 10_000,
  ballots: 5,
  result: {
    method: 'yes-no',
    ballots: 5,
    totals: { yes: 3000, no: 2000, abstain: 0 },
    baseMillis: 5000,
    base: 'voting',
    outcome: 'adopted',
  },
  outcome: 'adopted',
});

describe('referendum results by council', () => {
  it('computes each council’s depth from its parent, keeping the tree order', () => {
    const rows = rowsWithDepth([
      council('fed', 'above', 'Federación'),
      council('north', 'fed', 'Norte'),
      council('north-a', 'north'),
      council('south', 'fed'),
    ]);
    expect(rows.map((row) => [row.council.councilId, row.depth, row.parentName])).toEqual([
      ['fed', 0, null],
      ['north', 1, 'Federación'],
      ['north-a', 2, 'Norte'],
      ['south', 1, 'Federación'],
    ]);
  });

  it('gives a child listed before its parent the right depth', () => {
    const rows = rowsWithDepth([council('leaf', 'mid'), council('mid', 'top'), council('top', null)]);
    expect(rows.map((row) => row.depth)).toEqual([2, 1, 0]);
  });

  it('turns totals in millis into votes and shares of the votes cast', () => {
    expect(yesNoShares({ yes: 2000, no: 1000, abstain: 500 })).toEqual({
      votes: { yes: 2, no: 1, abstain: 0.5 },
      percent: { yes: 57.1, no: 28.6, abstain: 14.3 },
    });
    expect(yesNoShares({ yes: 0, no: 0, abstain: 0 }).percent).toEqual({ yes: 0, no: 0, abstain: 0 });
  });

  it('gives turnout as ballots of the members entitled', () => {
    expect(turnoutPercent(5, 10_000)).toBe(50);
    expect(turnoutPercent(1, 3000)).toBe(33.3);
    expect(turnoutPercent(0, 0)).toBeNull();
  });
});
