import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type SpeakerSide, speakersQueue, type WaitingRequest } from './speakers-queue.ts';

const at = (second: number) => `2026-12-01T10:00:${String(second).padStart(2, '0')}.000000Z`;
/** `p1` a point of order at second 1; `+2` pro at 2, `-3` contra at 3, `n4` no side at 4. */
function request(code: string): WaitingRequest {
  const second = Number(code.slice(1));
  const mark = code[0];
  return {
    id: code,
    kind: mark === 'p' ? 'point-of-order' : 'speak',
    side: mark === '+' ? 'pro' : mark === '-' ? 'contra' : null,
    requestedAt: at(second),
  };
}

const cases: Array<[string, string[], boolean, SpeakerSide | null, string[]]> = [
  ['request order', ['n3', 'n1', 'n2'], false, null, ['n1', 'n2', 'n3']],
  [
    'points of order jump the queue',
    ['n1', '+2', 'p5', '-3', 'p4'],
    false,
    null,
    ['p4', 'p5', 'n1', '+2', '-3'],
  ],
  ['no alternation keeps sides in request order', ['+1', '+2', '-3'], false, 'pro', ['+1', '+2', '-3']],
  [
    'alternates starting after the last side heard',
    ['+1', '+2', '-3', '-4'],
    true,
    'pro',
    ['-3', '+1', '-4', '+2'],
  ],
  ['alternates from the first request when nobody spoke', ['+1', '+2', '-3'], true, null, ['+1', '-3', '+2']],
  ['one side only: everyone in order', ['+1', '+2', '+3'], true, 'pro', ['+1', '+2', '+3']],
  ['no side never waits', ['+1', 'n2', '-3'], true, 'pro', ['n2', '-3', '+1']],
  ['points of order stay first when alternating', ['+1', 'p3', '-2'], true, null, ['p3', '+1', '-2']],
  ['empty', [], true, null, []],
];

describe('speakersQueue', () => {
  it.each(cases)('%s', (_name, codes, alternatesSides, lastSide, expected) => {
    const order = speakersQueue(codes.map(request), { alternatesSides, lastSide });
    expect(order.map((r) => r.id)).toEqual(expected);
  });

  it('breaks a tie of instants by id, so every reader sees one order', () => {
    const a = { id: 'a', kind: 'speak' as const, side: null, requestedAt: at(1) };
    const b = { ...a, id: 'b' };
    expect(speakersQueue([b, a], { alternatesSides: false, lastSide: null }).map((r) => r.id)).toEqual([
      'a',
      'b',
    ]);
  });

  const requests = fc.uniqueArray(
    fc.record({
      id: fc.uuid(),
      kind: fc.constantFrom('speak' as const, 'point-of-order' as const),
      side: fc.constantFrom('pro' as const, 'contra' as const, null),
      requestedAt: fc.integer({ min: 0, max: 59 }).map(at),
    }),
    { selector: (r) => r.id, maxLength: 40 },
  );
  const rules = fc.record({
    alternatesSides: fc.boolean(),
    lastSide: fc.constantFrom('pro' as const, 'contra' as const, null),
  });

  it('lists every waiting request exactly once, and never a point of order behind a plain request', () => {
    fc.assert(
      fc.property(requests, rules, (waiting, rule) => {
        const fixed = waiting.map((r) => (r.kind === 'point-of-order' ? { ...r, side: null } : r));
        const order = speakersQueue(fixed, rule);
        expect(order.map((r) => r.id).sort()).toEqual(fixed.map((r) => r.id).sort());
        const firstTurn = order.findIndex((r) => r.kind === 'speak');
        const lastPoint = order.findLastIndex((r) => r.kind === 'point-of-order');
        expect(firstTurn < 0 || lastPoint < firstTurn).toBe(true);
      }),
    );
  });

  it('when alternating, repeats a side only when no request for the other side or no side waits', () => {
    fc.assert(
      fc.property(requests, rules, (waiting, rule) => {
        const turns = waiting.filter((r) => r.kind === 'speak');
        const order = speakersQueue(turns, { ...rule, alternatesSides: true });
        let previous = rule.lastSide;
        for (const [i, r] of order.entries()) {
          if (r.side !== null && r.side === previous) {
            expect(order.slice(i + 1).every((later) => later.side === previous)).toBe(true);
          }
          if (r.side !== null) previous = r.side;
        }
      }),
    );
  });
});
