import { describe, expect, it } from 'vitest';
import { countIrv, type IrvOptions } from './irv.ts';
import type { BallotProfile, RankedBallot } from './tally.ts';

// Candidates are named by letter; a paper is written 'A>B', '=' joins an equal ranking, '_' is a rank
// left blank, '!' is an overvote whose names were not recorded.
function profileOf(names: string, lines: [number, string][], writeIns: string[] = []): BallotProfile {
  const candidates = names.split('');
  const ballots: RankedBallot[] = lines.map(([weight, text]) => {
    const overvotedRanks: number[] = [];
    const ranks = text.split('>').map((group, r) => {
      if (group === '_') return [];
      if (group === '!') {
        overvotedRanks.push(r);
        return [];
      }
      return group.split('=').map((name) => candidates.indexOf(name));
    });
    return overvotedRanks.length > 0 ? { weight, ranks, overvotedRanks } : { weight, ranks };
  });
  return {
    title: 'test',
    seats: 1,
    candidates,
    withdrawn: [],
    ballots,
    undeclaredWriteIns: writeIns.map((w) => candidates.indexOf(w)),
  };
}

function winnerOf(profile: BallotProfile, options: IrvOptions = {}): string {
  const tally = countIrv(profile, options);
  return tally.elected.map((c) => profile.candidates[c]).join();
}

describe('countIrv', () => {
  it('moves the papers of the weakest candidate on until someone has a majority', () => {
    const profile = profileOf('ABC', [
      [5, 'A'],
      [4, 'B>C'],
      [3, 'C>B'],
    ]);
    const tally = countIrv(profile);
    expect(tally.elected).toEqual([1]);
    expect(tally.rounds.map((r) => r.totals)).toEqual([
      ['5', '4', '3'],
      ['5', '7', '0'],
    ]);
    expect(tally.rounds[1]).toMatchObject({
      action: 'exclusion',
      subjects: [2],
      transfers: ['0', '3', '-3'],
      quota: '7',
    });
    expect(tally.rounds[1]!.elected).toEqual([1]);
    expect(tally.quota).toBe('7');
  });

  it('sets blank papers aside and never counts them in the majority', () => {
    const profile = profileOf('AB', [
      [3, 'A'],
      [2, 'B'],
      [4, '_'],
    ]);
    const tally = countIrv(profile);
    expect(tally.valid).toBe('5');
    expect(tally.rejected).toEqual({ blank: '4', overvote: '0' });
    expect(tally.rounds[0]!.quota).toBe('3');
  });

  const overvoted = profileOf('ABC', [
    [3, '!>C'],
    [4, 'A'],
    [2, 'C'],
    [3, 'B'],
  ]);

  it('takes a paper out of the count at an overvote under the exhaust rule', () => {
    const tally = countIrv(overvoted, { overvote: 'exhaust' });
    expect(tally.rounds[0]!.totals).toEqual(['4', '3', '2']);
    expect(tally.rounds[0]!.inactive).toMatchObject({ overvote: '3' });
    expect(tally.rounds[0]!.exhausted).toBe('3');
    expect(winnerOf(overvoted, { overvote: 'exhaust' })).toBe('A');
  });

  it('passes over an overvote to the next rank under the skip rule', () => {
    const tally = countIrv(overvoted, { overvote: 'skip' });
    expect(tally.rounds[0]!.totals).toEqual(['4', '3', '5']);
    expect(winnerOf(overvoted, { overvote: 'skip' })).toBe('C');
  });

  it('treats an equal ranking of two candidates as an overvote', () => {
    const profile = profileOf('ABC', [
      [3, 'A=B>C'],
      [4, 'A'],
      [2, 'C'],
      [3, 'B'],
    ]);
    expect(countIrv(profile).rounds[0]!.inactive).toMatchObject({ overvote: '3' });
    expect(winnerOf(profile, { overvote: 'skip' })).toBe('C');
  });

  const skipping = profileOf('ABC', [
    [3, '_>_>B'],
    [4, 'A'],
    [2, 'B'],
    [3, 'C>B'],
  ]);

  it('takes a paper out when it leaves more ranks blank in a row than the limit allows', () => {
    const tally = countIrv(skipping, { skippedRankLimit: 1 });
    expect(tally.rounds[0]!.inactive).toMatchObject({ skippedRanks: '3' });
    expect(winnerOf(skipping, { skippedRankLimit: 1 })).toBe('A');
  });

  it('reads past any number of blank ranks without a limit', () => {
    expect(countIrv(skipping).rounds[0]!.totals).toEqual(['4', '5', '3']);
    expect(winnerOf(skipping, { skippedRankLimit: null })).toBe('B');
    expect(winnerOf(skipping, { skippedRankLimit: 2 })).toBe('B');
  });

  const repeating = profileOf('ABC', [
    [5, 'A'],
    [4, 'B'],
    [3, 'C>C>B'],
  ]);

  it('passes over a candidate ranked again under the skip rule', () => {
    expect(winnerOf(repeating, { duplicates: 'skip' })).toBe('B');
  });

  it('takes a paper out at a candidate ranked again under the exhaust rule', () => {
    const tally = countIrv(repeating, { duplicates: 'exhaust' });
    expect(tally.rounds[1]!.inactive).toMatchObject({ duplicate: '3' });
    expect(winnerOf(repeating, { duplicates: 'exhaust' })).toBe('A');
  });

  const batch = profileOf('ABCD', [
    [9, 'A'],
    [7, 'B'],
    [2, 'C>B'],
    [1, 'D>B'],
  ]);

  it('excludes together the lowest candidates who cannot overtake the next one up', () => {
    const tally = countIrv(batch, { batchElimination: true });
    expect(tally.rounds).toHaveLength(2);
    expect(tally.rounds[1]!.excluded).toEqual([2, 3]);
    expect(tally.rounds[1]!.totals).toEqual(['9', '10', '0', '0']);
    expect(tally.elected).toEqual([1]);
  });

  it('excludes one candidate a round without batch elimination', () => {
    const tally = countIrv(batch);
    expect(tally.rounds.map((r) => r.excluded)).toEqual([[], [3], [2]]);
    expect(tally.elected).toEqual([1]);
  });

  // Stage 1: B 5 < C 6; stage 2: B 7 > C 6; stage 3: B 7 = C 7.
  const tiedLast = profileOf('ABCDE', [
    [12, 'A'],
    [5, 'B'],
    [6, 'C'],
    [1, 'D>C'],
    [2, 'D'],
    [2, 'E>B'],
  ]);

  it('breaks a tie for fewest by the most recent stage where the tied candidates differed', () => {
    const tally = countIrv(tiedLast, { tieBreak: 'backwards' });
    expect(tally.rounds[2]!.totals.slice(1, 3)).toEqual(['7', '7']);
    expect(tally.rounds[3]!.excluded).toEqual([2]);
    expect(tally.tieBreaks).toEqual([
      { stage: 4, tied: [1, 2], chosen: 2, by: 'backwards', decidingStage: 2 },
    ]);
  });

  it('breaks a tie for fewest by the first stage where they differed under the forwards rule', () => {
    const tally = countIrv(tiedLast, { tieBreak: 'forwards' });
    expect(tally.rounds[3]!.excluded).toEqual([1]);
    expect(tally.tieBreaks).toEqual([
      { stage: 4, tied: [1, 2], chosen: 1, by: 'forwards', decidingStage: 1 },
    ]);
  });

  it('draws lots for a tie under the lot rule, the same way for the same seed', () => {
    const first = countIrv(tiedLast, { tieBreak: 'lot', seed: 'council-7' });
    const again = countIrv(tiedLast, { tieBreak: 'lot', seed: 'council-7' });
    expect(first.tieBreaks[0]).toMatchObject({ stage: 4, tied: [1, 2], by: 'lot', seed: 'council-7' });
    expect([1, 2]).toContain(first.tieBreaks[0]!.chosen);
    expect(again).toEqual(first);
    const losers = new Set(
      ['1', '2', '3', '4', '5', '6', '7', '8'].map(
        (seed) => countIrv(tiedLast, { tieBreak: 'lot', seed }).tieBreaks[0]!.chosen,
      ),
    );
    expect(losers).toEqual(new Set([1, 2]));
  });

  it('keeps excluding until two remain when asked, even after a majority', () => {
    const profile = profileOf('ABC', [
      [6, 'A'],
      [3, 'B'],
      [2, 'C'],
    ]);
    expect(countIrv(profile).rounds).toHaveLength(1);
    const tally = countIrv(profile, { continueUntilTwo: true });
    expect(tally.rounds).toHaveLength(2);
    expect(tally.elected).toEqual([0]);
  });

  it('excludes undeclared write-ins first, whatever their total', () => {
    const profile = profileOf(
      'ABCW',
      [
        [6, 'A'],
        [5, 'B'],
        [2, 'C>B'],
        [4, 'W>A'],
      ],
      ['W'],
    );
    const tally = countIrv(profile, { batchElimination: true });
    expect(tally.rounds[1]!.excluded).toEqual([3]);
    expect(tally.rounds[1]!.totals).toEqual(['10', '5', '2', '0']);
    expect(tally.elected).toEqual([0]);
  });

  it('passes over withdrawn candidates', () => {
    const profile = {
      ...profileOf('ABC', [
        [3, 'C>B'],
        [2, 'A'],
      ]),
      withdrawn: [2],
    };
    const tally = countIrv(profile);
    expect(tally.rounds[0]!.totals).toEqual(['2', '3', '0']);
    expect(tally.rounds[0]!.statuses[2]).toBe('withdrawn');
    expect(tally.elected).toEqual([1]);
  });

  it('refuses more than one seat', () => {
    expect(() => countIrv(profileOf('AB', [[1, 'A']]), { seats: 2 as 1 })).toThrow(RangeError);
  });
});
