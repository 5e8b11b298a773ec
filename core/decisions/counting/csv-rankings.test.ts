import { describe, expect, it } from 'vitest';
import { readCsvRankings } from './csv-rankings.ts';
import { readMinneapolisRankings } from './minneapolis-rankings.ts';

describe('readCsvRankings', () => {
  it('reads one paper per row, candidates in order of first appearance, blank cells as blank ranks', () => {
    const read = readCsvRankings('rank1,rank2,rank3\nBea,Al,\nAl,,Cy\n');
    expect(read).toEqual({
      ok: true,
      warnings: [],
      profile: {
        title: '',
        seats: 1,
        candidates: ['Bea', 'Al', 'Cy'],
        withdrawn: [],
        ballots: [
          { weight: 1, ranks: [[0], [1]] },
          { weight: 1, ranks: [[1], [], [2]] },
        ],
      },
    });
  });

  it('takes the number of papers from a weight column, in any position', () => {
    const read = readCsvRankings('Rank 2,weight,Rank 1\n"Smith, Jo",12,Al\n', {
      seats: 2,
      title: 'Delegates',
    });
    expect(read.ok && read.profile).toMatchObject({
      title: 'Delegates',
      seats: 2,
      candidates: ['Al', 'Smith, Jo'],
      ballots: [{ weight: 12, ranks: [[0], [1]] }],
    });
  });

  it.each([
    [
      'name,party\nA,B\n',
      1,
      'expected a header row with rank columns (rank1, rank2, …) and an optional weight column',
    ],
    ['rank1,rank3\nA,B\n', 1, 'rank columns must run 1…2; rank 2 is missing'],
    ['rank1,weight\nA,2\nB,x\n', 3, 'expected a whole number of papers in the weight column, found "x"'],
    ['rank1,weight,count\n', 1, 'two weight columns: "weight" and "count"'],
    ['rank1\n"A\n', 2, expect.stringContaining('not a well-formed CSV file')],
    ['', 1, 'the file is empty: expected a header row'],
  ])('names the line of a malformed file %j', (text, line, message) => {
    expect(readCsvRankings(text)).toEqual({ ok: false, error: { line, message } });
  });

  it('warns about columns it does not read', () => {
    const read = readCsvRankings('id,rank1\n7,A\n');
    expect(read.ok && read.warnings).toEqual(['column "id" is neither a rank nor the weight; ignored']);
  });
});

describe('readMinneapolisRankings', () => {
  it('understands the undervote, overvote and UWI tokens of the aggregated cast-vote records', () => {
    const read = readMinneapolisRankings(
      'count,1ST CHOICE MAYOR,2ND CHOICE MAYOR,3RD CHOICE MAYOR\n5,overvote,UWI,Al\n3,undervote,Al,undervote\n2,undervote,undervote,undervote\n',
    );
    expect(read.ok && read.profile).toEqual({
      title: '',
      seats: 1,
      candidates: ['Undeclared Write-ins', 'Al'],
      withdrawn: [],
      undeclaredWriteIns: [0],
      ballots: [
        { weight: 5, ranks: [[], [0], [1]], overvotedRanks: [0] },
        { weight: 3, ranks: [[], [1]] },
        { weight: 2, ranks: [] },
      ],
    });
  });
});
