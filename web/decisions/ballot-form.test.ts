import { describe, expect, it } from 'vitest';
import type { PublishedBallots } from '../app/api-types.ts';
import {
  ballotBody,
  ballotShape,
  checkSplit,
  findReceipt,
  millisFromVotes,
  optionsFreeAt,
  rankingFromRanks,
  setRank,
  toggleMark,
} from './ballot-form.ts';

const yesNo = { method: 'yes-no' as const, maxMarks: 1, options: [], allowSplit: false };
const options = ['Ana', 'Bruno', 'Carmen', 'Darío'].map((label) => ({ label, personId: null }));
const ranked = { method: 'stv-scottish' as const, maxMarks: 3, options, allowSplit: false };
const approval = { method: 'approval' as const, maxMarks: 2, options, allowSplit: false };
const MANDATE = { mandateId: '00000000-0000-4000-8000-00000000000a', weightMillis: 2500 };

describe('votes typed as millis', () => {
  it.each([
    ['1', 1000],
    ['2,5', 2500],
    ['2.5', 2500],
    ['0,125', 125],
    [' 3 ', 3000],
    ['', 0],
  ])('reads %j as %i millis', (typed, millis) => {
    expect(millisFromVotes(typed)).toBe(millis);
  });

  it.each(['-1', 'uno', '1,2345', '1e3', '1,2,3'])('refuses %j', (typed) => {
    expect(millisFromVotes(typed)).toBeNull();
  });
});

describe('a split ballot', () => {
  it('accepts parts adding up to the weight', () => {
    expect(checkSplit({ yes: '1,5', no: '1', abstain: '' }, 2500)).toEqual({
      ok: true,
      split: { yes: 1500, no: 1000, abstain: 0 },
    });
  });

  it('refuses parts that do not add up, or are not numbers', () => {
    expect(checkSplit({ yes: '1', no: '1', abstain: '' }, 2500)).toEqual({
      ok: false,
      problem: 'decisions.vote.splitSum',
    });
    expect(checkSplit({ yes: 'x', no: '1', abstain: '' }, 2500)).toMatchObject({
      problem: 'decisions.vote.splitNumber',
    });
  });
});

describe('a ranking from one select per rank', () => {
  it('keeps the chosen options in rank order, ignoring empty ranks at the end', () => {
    expect(rankingFromRanks([2, 0, null])).toEqual({ ok: true, ranking: [2, 0] });
    expect(rankingFromRanks([null, null])).toEqual({ ok: true, ranking: [] });
  });

  it('refuses a gap before a chosen rank and an option at two ranks', () => {
    expect(rankingFromRanks([1, null, 2])).toEqual({ ok: false, problem: 'decisions.vote.rankGap' });
    expect(rankingFromRanks([1, 1])).toEqual({ ok: false, problem: 'decisions.vote.rankTwice' });
  });

  it('offers at each rank only the options no other rank holds', () => {
    expect(optionsFreeAt([2, 0, null], 2, 4)).toEqual([1, 3]);
    expect(optionsFreeAt([2, 0, null], 0, 4)).toEqual([1, 2, 3]);
  });

  it('moves an option chosen again to its new rank', () => {
    expect(setRank([2, 0, null], 2, 2)).toEqual([null, 0, 2]);
    expect(setRank([2, 0, null], 0, null)).toEqual([null, 0, null]);
  });
});

describe('approval marks', () => {
  it('toggles marks, never beyond the most allowed', () => {
    expect(toggleMark([], 2, 2)).toEqual([2]);
    expect(toggleMark([2], 0, 2)).toEqual([0, 2]);
    expect(toggleMark([0, 2], 3, 2)).toEqual([0, 2]);
    expect(toggleMark([0, 2], 0, 2)).toEqual([2]);
  });
});

describe('the ballot body', () => {
  it('tells the shape of each method', () => {
    expect(ballotShape({ method: 'yes-no' })).toBe('yes-no');
    expect(ballotShape({ method: 'plurality' })).toBe('single');
    expect(ballotShape({ method: 'approval' })).toBe('marks');
    expect(ballotShape({ method: 'schulze' })).toBe('ranks');
  });

  it('sends a member’s choice as it is, and a delegate’s with the mandate', () => {
    expect(ballotBody(yesNo, { kind: 'choice', choice: 'yes' }, null, false)).toEqual({
      ok: true,
      body: { choice: 'yes' },
    });
    expect(ballotBody(yesNo, { kind: 'choice', choice: 'no' }, MANDATE, true)).toEqual({
      ok: true,
      body: { choice: 'no', mandateId: MANDATE.mandateId },
    });
  });

  it('asks for a choice, and for the mandate when the voter is a delegate', () => {
    expect(ballotBody(yesNo, { kind: 'choice', choice: null }, null, false)).toMatchObject({
      ok: false,
      field: 'choice',
    });
    expect(ballotBody(yesNo, { kind: 'choice', choice: 'yes' }, null, true)).toMatchObject({
      ok: false,
      field: 'mandate',
    });
  });

  it('sends a split in millis of the mandate’s weight, only where splitting is allowed', () => {
    const draft = { kind: 'split' as const, yes: '2', no: '0,5', abstain: '0' };
    expect(ballotBody({ ...yesNo, allowSplit: true }, draft, MANDATE, true)).toEqual({
      ok: true,
      body: { split: { yes: 2000, no: 500, abstain: 0 }, mandateId: MANDATE.mandateId },
    });
    expect(ballotBody(yesNo, draft, MANDATE, true)).toMatchObject({ ok: false, field: 'split' });
  });

  it('sends approval marks as a sorted ranking, within the most allowed', () => {
    expect(ballotBody(approval, { kind: 'marks', marked: [3, 1] }, null, false)).toEqual({
      ok: true,
      body: { ranking: [1, 3] },
    });
    expect(ballotBody(approval, { kind: 'marks', marked: [0, 1, 2] }, null, false)).toMatchObject({
      problem: 'decisions.vote.tooMany',
    });
  });

  it('sends the ranks in order and asks for at least a first preference', () => {
    expect(ballotBody(ranked, { kind: 'ranks', ranks: [3, 1, null] }, null, false)).toEqual({
      ok: true,
      body: { ranking: [3, 1] },
    });
    expect(ballotBody(ranked, { kind: 'ranks', ranks: [null, null, null] }, null, false)).toMatchObject({
      problem: 'decisions.vote.rankFirst',
    });
  });
});

describe('finding a receipt in the published list', () => {
  const ballots: PublishedBallots['ballots'] = ['0ABC-DEF1-2345', '7QRS-TVWX-YZ01'].map((receiptCode) => ({
    receiptCode,
    contents: { marks: { yes: 1000, no: 0, abstain: 0 } },
    weightMillis: 1000,
    baseCouncilId: null,
    voterName: null,
  }));

  it('finds a code typed in lower case, without dashes, with O for 0 and l for 1', () => {
    expect(findReceipt(ballots, '7qrs tvwx yz01')).toBe(1);
    expect(findReceipt(ballots, 'oabcdefl2345')).toBe(0);
  });

  it('answers -1 for a code not in the list or not a code', () => {
    expect(findReceipt(ballots, '7QRS-TVWX-YZ02')).toBe(-1);
    expect(findReceipt(ballots, 'hola')).toBe(-1);
  });
});
