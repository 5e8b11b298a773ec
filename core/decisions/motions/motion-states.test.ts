import { describe, expect, it } from 'vitest';
import {
  isFinalMotionStatus,
  MOTION_ACTS,
  MOTION_STATUSES,
  type MotionAct,
  type MotionStatus,
  nextMotionStatus,
} from './motion-states.ts';

// The whole matrix: for every status, every act, the status it leads to or '-' when refused.
const expected: Record<MotionStatus, Record<MotionAct, MotionStatus | '-'>> = {
  submitted: {
    admit: 'admitted',
    debate: '-',
    'open-vote': '-',
    adopt: '-',
    reject: '-',
    withdraw: 'withdrawn',
    refer: 'referred',
    merge: 'referred',
    support: 'submitted',
    amend: 'submitted',
  },
  admitted: {
    admit: '-',
    debate: 'debated',
    'open-vote': 'voted',
    adopt: '-',
    reject: '-',
    withdraw: 'withdrawn',
    refer: 'referred',
    merge: 'referred',
    support: 'admitted',
    amend: 'admitted',
  },
  debated: {
    admit: '-',
    debate: 'debated',
    'open-vote': 'voted',
    adopt: '-',
    reject: '-',
    withdraw: 'withdrawn',
    refer: 'referred',
    merge: '-',
    support: 'debated',
    amend: 'debated',
  },
  voted: {
    admit: '-',
    debate: '-',
    'open-vote': '-',
    adopt: 'adopted',
    reject: 'rejected',
    withdraw: '-',
    refer: '-',
    merge: '-',
    support: '-',
    amend: '-',
  },
  adopted: Object.fromEntries(MOTION_ACTS.map((a) => [a, '-'])) as Record<MotionAct, '-'>,
  rejected: Object.fromEntries(MOTION_ACTS.map((a) => [a, '-'])) as Record<MotionAct, '-'>,
  withdrawn: Object.fromEntries(MOTION_ACTS.map((a) => [a, '-'])) as Record<MotionAct, '-'>,
  referred: Object.fromEntries(MOTION_ACTS.map((a) => [a, '-'])) as Record<MotionAct, '-'>,
};

describe('motion states', () => {
  it.each(MOTION_STATUSES)('from %s, allows exactly the acts of the matrix', (status) => {
    const actual = Object.fromEntries(
      MOTION_ACTS.map((act) => {
        const next = nextMotionStatus(status, act);
        return [act, next.ok ? next.value : '-'];
      }),
    );
    expect(actual).toEqual(expected[status]);
  });

  it('refuses with motion-transition-not-allowed', () => {
    expect(nextMotionStatus('adopted', 'withdraw')).toEqual({
      ok: false,
      error: 'motion-transition-not-allowed',
      field: 'status',
    });
  });

  it('treats adopted, rejected, withdrawn and referred as final, and nothing else', () => {
    expect(MOTION_STATUSES.filter(isFinalMotionStatus)).toEqual([
      'adopted',
      'rejected',
      'withdrawn',
      'referred',
    ]);
  });
});
