import { describe, expect, it } from 'vitest';
import {
  checkElectionResult,
  checkHolder,
  checkTerm,
  type MandateTimes,
  mandateStatusAt,
  mandateWeightMillis,
} from './mandates.ts';

const t = (iso: string) => new Date(`2026-01-01T${iso}Z`);
const term = { termStartsAt: t('10:00:00'), termEndsAt: t('12:00:00') };

describe('status of a mandate at an instant', () => {
  const cases: Array<[string, MandateTimes, string, string]> = [
    ['before its term', { ...term, status: 'active', endedAt: null }, '09:59:59.999', 'pending'],
    ['at the start of its term', { ...term, status: 'active', endedAt: null }, '10:00:00', 'active'],
    ['just before the term ends', { ...term, status: 'active', endedAt: null }, '11:59:59.999', 'active'],
    [
      'at the end of its term, with no act',
      { ...term, status: 'active', endedAt: null },
      '12:00:00',
      'expired',
    ],
    [
      'just before a recall',
      { ...term, status: 'recalled', endedAt: t('11:00:00') },
      '10:59:59.999',
      'active',
    ],
    [
      'at the recall instant',
      { ...term, status: 'recalled', endedAt: t('11:00:00') },
      '11:00:00',
      'recalled',
    ],
    ['after a resignation', { ...term, status: 'resigned', endedAt: t('11:00:00') }, '11:30:00', 'resigned'],
    ['after being superseded', { ...term, status: 'expired', endedAt: t('10:30:00') }, '10:30:00', 'expired'],
    [
      'after its term even if recalled later',
      { ...term, status: 'recalled', endedAt: t('13:00:00') },
      '12:30:00',
      'expired',
    ],
  ];
  it.each(cases)('%s', (_, mandate, at, expected) => {
    expect(mandateStatusAt(mandate, t(at))).toBe(expected);
  });
});

describe('weight of a mandate', () => {
  it('is one vote per seat under one-seat-one-vote, whatever the members', () => {
    expect(
      mandateWeightMillis('one-seat-one-vote', {
        childMembers: 9000,
        childSeats: 1,
        totalMembers: 10000,
        totalSeats: 10,
      }),
    ).toBe(1000);
  });
  const cases: Array<[string, [number, number, number, number], number]> = [
    ['an average seat weighs one vote', [500, 1, 5000, 10], 1000],
    ['a seat standing for twice the average weighs two', [2000, 2, 5000, 10], 2000],
    ['a small council with a minimum seat weighs less', [120, 1, 6000, 10], 200],
    ['floors thirds exactly', [1000, 3, 1000, 1], 333],
    ['never falls to zero', [1, 1, 10_000_000, 1], 1],
    ['stays exact for a national federation of millions', [3_000_000, 1, 9_000_000, 300], 100000],
  ];
  it.each(cases)(
    'represented members: %s',
    (_, [childMembers, childSeats, totalMembers, totalSeats], expected) => {
      expect(
        mandateWeightMillis('represented-members', { childMembers, childSeats, totalMembers, totalSeats }),
      ).toBe(expected);
    },
  );
});

describe('who may hold a mandate', () => {
  it('a base council sends an active member, with no mandate below', () => {
    expect(checkHolder({ sendingIsBase: true, isActiveMember: true, mandateInSenderId: null })).toEqual({
      ok: true,
      dependsOnMandateId: null,
    });
  });
  it('refuses a base council sending a person who is not an active member', () => {
    expect(checkHolder({ sendingIsBase: true, isActiveMember: false, mandateInSenderId: 'm1' })).toEqual({
      ok: false,
      error: 'holder-not-eligible',
    });
  });
  it('a federated council sends a delegate who sits in it, and the new mandate depends on that seat', () => {
    expect(checkHolder({ sendingIsBase: false, isActiveMember: false, mandateInSenderId: 'm1' })).toEqual({
      ok: true,
      dependsOnMandateId: 'm1',
    });
  });
  it('refuses a federated council sending a person with no seat in it, even a member below', () => {
    expect(checkHolder({ sendingIsBase: false, isActiveMember: true, mandateInSenderId: null }).ok).toBe(
      false,
    );
  });
});

describe('an election result against the apportioned seats', () => {
  const c = (personId: string, votes: number) => ({ personId, votes });
  const cases: Array<[string, number | null, ReturnType<typeof c>[], ReturnType<typeof c>[], unknown]> = [
    [
      'fills the seats with ranked substitutes',
      2,
      [c('a', 30), c('b', 20)],
      [c('c', 10), c('d', 5)],
      { ok: true },
    ],
    ['may leave a seat empty', 3, [c('a', 30)], [], { ok: true }],
    [
      'refuses when there is no apportionment',
      null,
      [c('a', 1)],
      [],
      { ok: false, error: 'no-seats-apportioned', field: 'winners' },
    ],
    [
      'refuses when the council has no seat',
      0,
      [c('a', 1)],
      [],
      { ok: false, error: 'no-seats-apportioned', field: 'winners' },
    ],
    [
      'refuses more winners than seats',
      1,
      [c('a', 3), c('b', 2)],
      [],
      { ok: false, error: 'too-many-winners', field: 'winners' },
    ],
    [
      'refuses a person twice',
      2,
      [c('a', 3)],
      [c('a', 2)],
      { ok: false, error: 'duplicate-candidate', field: 'substitutes' },
    ],
    [
      'refuses winners out of vote order',
      2,
      [c('a', 3), c('b', 4)],
      [],
      { ok: false, error: 'order-contradicts-count', field: 'winners' },
    ],
    [
      'refuses a substitute with more votes than a winner',
      1,
      [c('a', 3)],
      [c('b', 4)],
      { ok: false, error: 'order-contradicts-count', field: 'substitutes' },
    ],
    [
      'accepts a tie between the last winner and the first substitute',
      1,
      [c('a', 3)],
      [c('b', 3)],
      { ok: true },
    ],
  ];
  it.each(cases)('%s', (_, seats, winners, substitutes, expected) => {
    expect(checkElectionResult(seats, winners, substitutes)).toEqual(expected);
  });
});

describe('term of a mandate', () => {
  it('must end after it starts and within ten years', () => {
    expect(checkTerm(t('10:00:00'), t('10:00:00'))).toBe(false);
    expect(checkTerm(t('10:00:00'), t('10:00:01'))).toBe(true);
    expect(checkTerm(new Date('2026-01-01'), new Date('2036-01-01'))).toBe(true);
    expect(checkTerm(new Date('2026-01-01'), new Date('2037-01-01'))).toBe(false);
  });
});
