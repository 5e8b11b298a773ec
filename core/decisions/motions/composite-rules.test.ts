import { describe, expect, it } from 'vitest';
import { type CompositeCandidate, checkComposite, compositeSupport } from './composite-rules.ts';

const body = 'body';
const m = (id: string, over: Partial<CompositeCandidate> = {}): CompositeCandidate => ({
  id,
  councilId: body,
  status: 'submitted',
  submittedByCouncil: `council-${id}`,
  isComposite: false,
  ...over,
});

describe('composite rules', () => {
  it('merges two forwarded motions of different councils, in the order asked', () => {
    const r = checkComposite(body, ['b', 'a'], [m('a'), m('b', { status: 'admitted' })]);
    expect(r.ok && r.value.map((x) => x.id)).toEqual(['b', 'a']);
  });

  it.each([
    ['a single motion', ['a'], [m('a')], 'composite-invalid', 'motionIds'],
    ['the same motion twice', ['a', 'a'], [m('a')], 'composite-invalid', 'motionIds'],
    ['an unknown motion', ['a', 'x'], [m('a')], 'composite-invalid', 'motionIds.1'],
    [
      'a motion of another body',
      ['a', 'b'],
      [m('a'), m('b', { councilId: 'other' })],
      'composite-invalid',
      'motionIds.1',
    ],
    [
      'a member’s motion (not forwarded)',
      ['a', 'b'],
      [m('a', { submittedByCouncil: null }), m('b')],
      'composite-invalid',
      'motionIds.0',
    ],
    ['a composite', ['a', 'b'], [m('a'), m('b', { isComposite: true })], 'composite-invalid', 'motionIds.1'],
    [
      'motions all from one council',
      ['a', 'b'],
      [m('a', { submittedByCouncil: 'c' }), m('b', { submittedByCouncil: 'c' })],
      'composite-invalid',
      'motionIds',
    ],
    [
      'a motion already in its vote',
      ['a', 'b'],
      [m('a'), m('b', { status: 'voted' })],
      'motion-transition-not-allowed',
      'motionIds.1',
    ],
    [
      'a withdrawn motion',
      ['a', 'b'],
      [m('a', { status: 'withdrawn' }), m('b')],
      'motion-transition-not-allowed',
      'motionIds.0',
    ],
  ] as const)('refuses %s', (_label, ids, found, error, field) => {
    expect(checkComposite(body, ids, found)).toEqual({ ok: false, error, field });
  });

  it("adds up the origins' support", () => {
    expect(compositeSupport([{ supportersCount: 3 }, { supportersCount: 4 }])).toBe(7);
  });
});
