import { describe, expect, it } from 'vitest';
import {
  type ACTION_DECISION_KINDS,
  afterDecision,
  afterRejection,
  COLLECTIVE_ACTION_STATUSES,
  type CollectiveActionStatus,
  decisionApplies,
  takesPledges,
  takesStatusReports,
} from './action-status.ts';

// Rows: decision kinds; columns: proposed, called, suspended, lifted, rejected.
const applies: Array<[(typeof ACTION_DECISION_KINDS)[number], boolean[], CollectiveActionStatus, string]> = [
  ['call', [true, false, false, false, false], 'called', 'called'],
  ['suspend', [false, true, false, false, false], 'suspended', 'suspended'],
  ['resume', [false, false, true, false, false], 'called', 'resumed'],
  ['lift', [false, true, true, false, false], 'lifted', 'lifted'],
];

describe('the life of a call to action', () => {
  for (const [kind, row, to, notice] of applies)
    it(`${kind} applies from ${row.map((b) => (b ? 'Y' : '.')).join('')} and leads to ${to}`, () => {
      expect(COLLECTIVE_ACTION_STATUSES.map((s) => decisionApplies(kind, s))).toEqual(row);
      expect(afterDecision(kind)).toMatchObject({ to, notice });
    });

  it('ends a call voted down as rejected, and leaves the status alone when a later decision is voted down', () => {
    expect(afterRejection('call', 'proposed')).toBe('rejected');
    expect(afterRejection('lift', 'called')).toBe('called');
    expect(afterRejection('resume', 'suspended')).toBe('suspended');
  });

  it('takes pledges only while called, and status reports while called or suspended', () => {
    expect(COLLECTIVE_ACTION_STATUSES.filter(takesPledges)).toEqual(['called']);
    expect(COLLECTIVE_ACTION_STATUSES.filter(takesStatusReports)).toEqual(['called', 'suspended']);
  });
});
