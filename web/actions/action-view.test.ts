import { describe, expect, it } from 'vitest';
import {
  actionStatusTone,
  instantFromLocal,
  laterDecisions,
  mapNodes,
  NODE_SHAPES,
  NODE_STATES,
  nodeState,
  pendingDecision,
  pledgeRefusal,
  pledgeState,
  scopeIds,
} from './action-view.ts';
import type { ActionDecision, ActionTotals, Pledge, RollUpChild } from './actions-types.ts';

const totals = (over: Partial<ActionTotals>): ActionTotals => ({
  councils: 1,
  participating: 0,
  partial: 0,
  notParticipating: 0,
  notReported: 1,
  activePledges: 0,
  pendingPledges: 0,
  participants: 0,
  ...over,
});

const child = (name: string, kind: string, over: Partial<ActionTotals> = {}): RollUpChild => ({
  councilId: `id-${name}`,
  name,
  kind,
  ...totals(over),
});

const pledge = (over: Partial<Pledge>): Pledge => ({
  id: 'p',
  councilId: 'c',
  threshold: null,
  status: 'active',
  pledgedAt: '2026-11-29T10:00:00Z',
  resolvedAt: null,
  ...over,
});

describe('node states on the map', () => {
  it('reads a base council by its report and an unreported one as such', () => {
    expect(nodeState(totals({}))).toBe('not-reported');
    expect(nodeState(totals({ participating: 1, notReported: 0 }))).toBe('participating');
    expect(nodeState(totals({ partial: 1, notReported: 0 }))).toBe('partial');
    expect(nodeState(totals({ notParticipating: 1, notReported: 0 }))).toBe('not-participating');
  });

  it('calls a body mixed when its councils stand differently, and uniform when they agree', () => {
    expect(nodeState(totals({ councils: 3, participating: 1, notReported: 2 }))).toBe('mixed');
    expect(nodeState(totals({ councils: 2, participating: 2, notReported: 0 }))).toBe('participating');
    expect(nodeState(totals({ councils: 0, notReported: 0 }))).toBe('not-reported');
  });

  it('gives every state its own shape, so colour is never the only sign', () => {
    const shapes = NODE_STATES.map((state) => NODE_SHAPES[state]);
    expect(new Set(shapes).size).toBe(NODE_STATES.length);
  });

  it('lists bodies first, then councils by name', () => {
    const nodes = mapNodes([
      child('Vinto', 'mine'),
      child('Federación Minera', 'federation', { councils: 4, notReported: 4 }),
      child('Ferroviarios', 'union', { participating: 1, notReported: 0 }),
    ]);
    expect(nodes.map((n) => n.name)).toEqual(['Federación Minera', 'Ferroviarios', 'Vinto']);
    expect(nodes[0]?.isBody).toBe(true);
    expect(nodes[1]?.state).toBe('participating');
  });
});

describe('status tones and pledge words', () => {
  it('tones each status of an action differently', () => {
    expect(actionStatusTone('called')).toBe('accent');
    expect(actionStatusTone('lifted')).toBe('success');
    expect(actionStatusTone('rejected')).toBe('danger');
  });

  it('refuses pledges unless the action is called, saying why', () => {
    expect(pledgeRefusal('called')).toBeNull();
    expect(pledgeRefusal('proposed')).toBe('notCalled');
    expect(pledgeRefusal('lifted')).toBe('lifted');
    expect(pledgeRefusal('suspended')).toBe('suspended');
    expect(pledgeRefusal('rejected')).toBe('rejected');
  });

  it('states a pledge as none, pending with its threshold, or active', () => {
    expect(pledgeState(null)).toEqual({ key: 'none', threshold: null });
    expect(pledgeState(pledge({ status: 'withdrawn' })).key).toBe('none');
    expect(pledgeState(pledge({ status: 'pending', threshold: 5 }))).toEqual({
      key: 'pending',
      threshold: 5,
    });
    expect(pledgeState(pledge({})).key).toBe('active');
    expect(pledgeState(pledge({ threshold: 2 })).key).toBe('activeConditional');
  });
});

describe('decisions and the form', () => {
  const decision = (status: ActionDecision['status']): ActionDecision => ({
    id: status,
    actionId: 'a',
    kind: 'lift',
    reason: null,
    status,
    proposedAt: '2026-11-29T10:00:00Z',
    pollId: null,
    decidedAt: null,
    decisionSummary: null,
  });

  it('finds the decision awaiting its vote, not the decided ones', () => {
    expect(pendingDecision([decision('adopted'), decision('in-vote')])?.id).toBe('in-vote');
    expect(pendingDecision([decision('adopted'), decision('rejected')])).toBeNull();
  });

  it('offers suspend and lift while called, resume and lift while suspended, nothing once lifted', () => {
    expect(laterDecisions('called')).toEqual(['suspend', 'lift']);
    expect(laterDecisions('suspended')).toEqual(['resume', 'lift']);
    expect(laterDecisions('lifted')).toEqual([]);
  });

  it('turns the local date and time into an instant, and an empty field into null', () => {
    expect(instantFromLocal('')).toBeNull();
    expect(instantFromLocal('nonsense')).toBeNull();
    expect(instantFromLocal('2026-12-01T06:00')).toBe(new Date('2026-12-01T06:00').toISOString());
  });

  it('sends the whole body as scope when every child is chosen', () => {
    expect(scopeIds(['a', 'b'], new Set(['a', 'b']))).toBeNull();
    expect(scopeIds(['a', 'b'], new Set(['b']))).toEqual(['b']);
  });
});
