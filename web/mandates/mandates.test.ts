import { describe, expect, it } from 'vitest';
import {
  checkElectionForm,
  dateInYears,
  type ElectionFormValues,
  electionBody,
  instantFromLocal,
  localFromInstant,
  petitionProgress,
  seatsOfSender,
} from './mandates.ts';

const NOW = new Date('2026-11-29T12:00:00Z');
const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

const valid = (): ElectionFormValues => ({
  sheetReference: 'Acta 7/2026',
  tellerOne: 'Ana',
  tellerTwo: 'Luis',
  winners: [{ personId: A, votes: '40' }],
  substitutes: [{ personId: B, votes: '25' }],
  termEndsAt: '2028-11-29',
});

describe('the election result form', () => {
  it('accepts a paper count with one winner, one substitute and two tellers', () => {
    expect(checkElectionForm(valid(), 1, NOW)).toEqual({});
  });

  it('asks for the sheet reference and both tellers, and two different ones', () => {
    const values = { ...valid(), sheetReference: ' ', tellerOne: '' };
    expect(checkElectionForm(values, 1, NOW)).toMatchObject({
      sheetReference: 'election.sheetRequired',
      tellerOne: 'election.tellerRequired',
    });
    expect(checkElectionForm({ ...valid(), tellerTwo: 'ANA ' }, 1, NOW).tellerTwo).toBe(
      'election.tellersDiffer',
    );
  });

  it('refuses more winners than the seats apportioned, and none at all', () => {
    const two = { ...valid(), winners: [...valid().winners, { personId: B, votes: '30' }], substitutes: [] };
    expect(checkElectionForm(two, 1, NOW).winners).toBe('election.tooManyWinners');
    expect(checkElectionForm({ ...valid(), winners: [] }, 1, NOW).winners).toBe('election.winnerRequired');
  });

  it('refuses a person listed twice and a substitute with more votes than a winner', () => {
    expect(
      checkElectionForm({ ...valid(), substitutes: [{ personId: A, votes: '1' }] }, 1, NOW).substitutes,
    ).toBe('election.duplicate');
    expect(
      checkElectionForm({ ...valid(), substitutes: [{ personId: B, votes: '41' }] }, 1, NOW).substitutes,
    ).toBe('election.substitutesOrder');
  });

  it('refuses votes that are not whole numbers and a term that has ended', () => {
    expect(checkElectionForm({ ...valid(), winners: [{ personId: A, votes: '4.5' }] }, 1, NOW).winners).toBe(
      'election.votesInvalid',
    );
    expect(checkElectionForm({ ...valid(), termEndsAt: '2026-01-01' }, 1, NOW).termEndsAt).toBe(
      'election.termInvalid',
    );
  });

  it('sends the paper count with blank rows left out and the term to the end of the day', () => {
    const body = electionBody({
      ...valid(),
      substitutes: [...valid().substitutes, { personId: '', votes: '' }],
    });
    expect(body).toMatchObject({
      source: 'paper-count',
      tellers: ['Ana', 'Luis'],
      winners: [{ personId: A, votes: 40 }],
      substitutes: [{ personId: B, votes: 25 }],
    });
    expect(new Date(body.termEndsAt).getTime()).toBe(new Date('2028-11-29T23:59:59').getTime());
  });
});

describe('instants of the roll picker', () => {
  it('reads a local date and time as an instant and back', () => {
    const iso = instantFromLocal('2026-11-29T10:30');
    expect(iso).not.toBeNull();
    expect(localFromInstant(iso ?? '')).toBe('2026-11-29T10:30');
    expect(instantFromLocal('29/11/2026')).toBeNull();
  });

  it('gives the date a number of years ahead', () => {
    expect(dateInYears(2, new Date(2026, 10, 29))).toBe('2028-11-29');
  });
});

describe('roll and petition figures', () => {
  it('keeps only the seats a sending council holds', () => {
    const seat = (sender: string) => ({
      mandateId: sender,
      holder: { id: sender, fullName: sender },
      weightMillis: 1000,
      sendingCouncil: { id: sender, name: sender },
      termStartsAt: '',
      termEndsAt: '',
      dependsOnMandateId: null,
    });
    const roll = { councilId: 'x', at: '', seats: [seat(A), seat(B)], totalWeightMillis: 2000 };
    expect(seatsOfSender(roll, A).map((s) => s.mandateId)).toEqual([A]);
  });

  it('measures signatures against those needed, never past 100', () => {
    expect(petitionProgress(3, 12)).toBe(25);
    expect(petitionProgress(20, 12)).toBe(100);
  });
});
