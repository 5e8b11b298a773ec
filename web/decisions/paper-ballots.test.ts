import { describe, expect, it } from 'vitest';
import type { CouncilMember } from '../app/api-types.ts';
import {
  blamedPaper,
  blamedVoter,
  countFrom,
  emptyPaperValues,
  marksPerPaper,
  type PaperValues,
  paperBallotsBody,
  papersFromCounts,
  searchMembers,
  setPaperRank,
} from './paper-ballots.ts';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const C = '33333333-3333-4333-8333-333333333333';
const yesNo = { method: 'yes-no' as const, maxMarks: 1, options: [] };
const irv = {
  method: 'irv' as const,
  maxMarks: 3,
  options: [
    { label: 'Ana', personId: null },
    { label: 'Beto', personId: null },
    { label: 'Carla', personId: null },
  ],
};
const values = (changes: Partial<PaperValues> = {}): PaperValues => ({
  ...emptyPaperValues(),
  tellerOne: 'Rosa Díaz',
  tellerTwo: 'Juan Pérez',
  voterIds: [A, B, C],
  ...changes,
});

describe('paper ballots of a yes-no poll', () => {
  it('expands the three counts into that many papers', () => {
    const checked = paperBallotsBody(yesNo, values({ counts: { yes: '2', no: '', abstain: '1' } }));
    expect(checked).toEqual({
      ok: true,
      body: {
        tellers: ['Rosa Díaz', 'Juan Pérez'],
        voterIds: [A, B, C],
        ballots: [{ choice: 'yes' }, { choice: 'yes' }, { choice: 'abstain' }],
      },
    });
  });

  it('refuses counts that do not add up to the voters, or are not whole numbers', () => {
    expect(paperBallotsBody(yesNo, values({ counts: { yes: '2', no: '', abstain: '' } }))).toEqual({
      ok: false,
      problems: { counts: 'decisions.paper.countMismatch' },
    });
    expect(paperBallotsBody(yesNo, values({ counts: { yes: '1,5', no: '', abstain: '' } }))).toEqual({
      ok: false,
      problems: { counts: 'decisions.paper.countNumber' },
    });
    expect(countFrom('')).toBe(0);
    expect(countFrom(' 12 ')).toBe(12);
    expect(countFrom('-1')).toBeNull();
    expect(papersFromCounts({ yes: 0, no: 1, abstain: 0 })).toEqual([{ choice: 'no' }]);
  });

  it('needs two different tellers and at least one voter', () => {
    expect(paperBallotsBody(yesNo, values({ tellerOne: ' ', tellerTwo: 'rosa', voterIds: [] }))).toEqual({
      ok: false,
      problems: { tellerOne: 'decisions.paper.tellerRequired', voterIds: 'decisions.paper.votersRequired' },
    });
    expect(
      paperBallotsBody(yesNo, values({ tellerTwo: 'rosa díaz', counts: { yes: '3', no: '', abstain: '' } })),
    ).toEqual({ ok: false, problems: { tellerTwo: 'decisions.paper.tellersSame' } });
  });
});

describe('paper ballots of an election', () => {
  it('turns each paper’s rank selects into a ranking, a paper with nothing chosen into a blank one', () => {
    const checked = paperBallotsBody(
      irv,
      values({
        papers: [
          [2, 0, null],
          [null, null, null],
          [1, null, null],
        ],
      }),
    );
    expect(checked.ok && checked.body.ballots).toEqual([
      { ranking: [2, 0] },
      { ranking: [] },
      { ranking: [1] },
    ]);
  });

  it('blames a paper with a gap, and a pile that does not match the voters', () => {
    const checked = paperBallotsBody(irv, values({ voterIds: [A, B], papers: [[null, 1, null]] }));
    expect(checked).toEqual({
      ok: false,
      problems: { 'papers.0': 'decisions.vote.rankGap', ballots: 'decisions.paper.papersMismatch' },
    });
  });

  it('moves an option to the rank chosen, and has one select per mark allowed', () => {
    expect(setPaperRank([0, 1, null], 2, 0)).toEqual([null, 1, 0]);
    expect(marksPerPaper(irv)).toBe(3);
    expect(marksPerPaper({ maxMarks: 5, options: irv.options.slice(0, 2) })).toBe(2);
  });
});

describe('picking the voters and reading the server’s refusals', () => {
  const member = (personId: string, fullName: string, status: CouncilMember['status'] = 'active') =>
    ({ personId, fullName, status }) as CouncilMember;
  const members = [member(A, 'José Núñez'), member(B, 'Ana Gómez'), member(C, 'Josefa Ruiz', 'left')];

  it('finds active members by every word typed, without accents, in name order', () => {
    expect(searchMembers(members, 'jose').map((m) => m.fullName)).toEqual(['José Núñez']);
    expect(searchMembers(members, 'nunez JOSÉ').map((m) => m.fullName)).toEqual(['José Núñez']);
    expect(searchMembers(members, '').map((m) => m.fullName)).toEqual(['Ana Gómez', 'José Núñez']);
  });

  it('finds the voter and the paper a field names', () => {
    expect(blamedVoter('voterIds.1', [A, B])).toBe(B);
    expect(blamedVoter('body/voterIds/0', [A, B])).toBe(A);
    expect(blamedVoter('tellers', [A])).toBeNull();
    expect(blamedPaper('ballots.2.ranking.0')).toBe(2);
    expect(blamedPaper('ballots')).toBeNull();
  });
});
