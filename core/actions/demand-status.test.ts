import { describe, expect, it } from 'vitest';
import { DEMAND_STATUSES, type DemandStatus, demandProgress, demandTransition } from './demand-status.ts';

// Every (from, to) pair: allowed ones listed, everything else refused with its reason.
const ALLOWED: Array<[DemandStatus, DemandStatus]> = [
  ['raised', 'in-negotiation'],
  ['raised', 'partly-met'],
  ['raised', 'met'],
  ['raised', 'refused'],
  ['in-negotiation', 'partly-met'],
  ['in-negotiation', 'met'],
  ['in-negotiation', 'refused'],
  ['partly-met', 'in-negotiation'],
  ['partly-met', 'met'],
  ['partly-met', 'refused'],
  ['refused', 'raised'],
  ['refused', 'in-negotiation'],
];
const key = (from: string, to: string) => `${from}→${to}`;
const allowed = new Set(ALLOWED.map(([f, t]) => key(f, t)));

describe('demand status changes', () => {
  for (const from of DEMAND_STATUSES)
    for (const to of DEMAND_STATUSES) {
      const expected = allowed.has(key(from, to))
        ? { ok: true }
        : {
            ok: false,
            error:
              from === 'proposed' || from === 'rejected' ? 'demand-not-listed' : 'demand-transition-refused',
          };
      it(`${key(from, to)}: ${expected.ok ? 'allowed' : expected.error}`, () => {
        expect(demandTransition(from, to)).toEqual(expected);
      });
    }

  it('keeps met final and never lets an officer decide what only the vote decides', () => {
    for (const to of DEMAND_STATUSES) expect(demandTransition('met', to).ok).toBe(false);
    for (const from of DEMAND_STATUSES) {
      expect(demandTransition(from, 'proposed').ok).toBe(false);
      expect(demandTransition(from, 'rejected').ok).toBe(false);
    }
  });
});

describe('progress of a list', () => {
  it('counts listed demands per status and leaves proposals and rejected ones out', () => {
    expect(
      demandProgress(['raised', 'met', 'met', 'proposed', 'rejected', 'partly-met', 'in-negotiation']),
    ).toEqual({ raised: 1, 'in-negotiation': 1, 'partly-met': 1, met: 2, refused: 0, total: 5 });
    expect(demandProgress([])).toEqual({
      raised: 0,
      'in-negotiation': 0,
      'partly-met': 0,
      met: 0,
      refused: 0,
      total: 0,
    });
  });
});
