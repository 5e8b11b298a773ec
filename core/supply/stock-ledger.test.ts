import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDelta, formatMilli, toMilli } from './stock-ledger.ts';

describe('toMilli', () => {
  const cases: Array<[string, bigint, bigint, boolean, ReturnType<typeof toMilli>]> = [
    ['12.5', 1000n, 1n, false, { ok: true, milli: 12_500n }],
    ['0.001', 1000n, 1n, false, { ok: true, milli: 1n }],
    ['2', 50_000n, 1n, false, { ok: true, milli: 100_000n }],
    ['0.5', 50_000n, 1n, false, { ok: true, milli: 25_000n }],
    ['3', 1000n, 1000n, false, { ok: true, milli: 3000n }],
    ['1.5', 1000n, 1000n, false, { ok: false, error: 'quantity-off-step' }],
    ['0', 1000n, 1n, false, { ok: false, error: 'quantity-not-positive' }],
    ['0', 1000n, 1n, true, { ok: true, milli: 0n }],
    ['-1', 1000n, 1n, false, { ok: false, error: 'quantity-off-step' }],
    ['1e3', 1000n, 1n, false, { ok: false, error: 'quantity-off-step' }],
    ['0.001', 1n, 1n, false, { ok: false, error: 'quantity-off-step' }],
    ['999999999999999', 1000n, 1n, false, { ok: false, error: 'quantity-too-large' }],
  ];
  for (const [text, perUnit, step, allowZero, expected] of cases) {
    it(`${text} × ${perUnit} (step ${step}${allowZero ? ', zero allowed' : ''})`, () => {
      expect(toMilli(text, perUnit, step, allowZero)).toEqual(expected);
    });
  }
});

describe('formatMilli', () => {
  it('writes base units with the decimals needed', () => {
    expect([12_500n, 3000n, 1n, 0n, -3000n, -1250n].map(formatMilli)).toEqual([
      '12.5',
      '3',
      '0.001',
      '0',
      '-3',
      '-1.25',
    ]);
  });
});

/** Brute force: insert the event at position `at` of the ordered deltas and check every running sum. */
function bruteForce(deltas: bigint[], at: number, delta: bigint): boolean {
  const all = [...deltas.slice(0, at), delta, ...deltas.slice(at)];
  let running = 0n;
  for (const d of all) {
    running += d;
    if (running < 0n) return false;
  }
  return true;
}

function laterFacts(deltas: bigint[], at: number) {
  const balanceMilli = deltas.reduce((s, d) => s + d, 0n);
  let laterSumMilli = 0n;
  let lowestLaterPrefixMilli = 0n;
  for (const d of deltas.slice(at)) {
    laterSumMilli += d;
    if (laterSumMilli < lowestLaterPrefixMilli) lowestLaterPrefixMilli = laterSumMilli;
  }
  return { balanceMilli, laterSumMilli, lowestLaterPrefixMilli };
}

describe('checkDelta', () => {
  it('refuses a back-dated issue that a later issue would push below zero', () => {
    // +10 at t1, −8 at t3; an issue of 5 at t2 leaves 5 and then −3.
    expect(checkDelta(-5n, laterFacts([10n, -8n], 1))).toEqual({
      ok: false,
      error: 'stock-would-go-negative',
      shortMilli: 3n,
    });
    expect(checkDelta(-2n, laterFacts([10n, -8n], 1))).toEqual({ ok: true, balanceAtMilli: 10n });
  });

  it('checks only the balance for a current-time event', () => {
    expect(checkDelta(-2n, laterFacts([10n, -8n], 2)).ok).toBe(true);
    expect(checkDelta(-3n, laterFacts([10n, -8n], 2)).ok).toBe(false);
  });

  it('agrees with checking every running balance (valid histories, any position, any delta)', () => {
    const history = fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 30 }).map((xs) => {
      // Make the history valid: clamp each step so the running balance never dips below zero.
      let running = 0;
      return xs.map((x) => {
        const d = running + x < 0 ? -running : x;
        running += d;
        return BigInt(d);
      });
    });
    fc.assert(
      fc.property(history, fc.nat(), fc.integer({ min: -100, max: 100 }), (deltas, pos, delta) => {
        const at = pos % (deltas.length + 1);
        expect(checkDelta(BigInt(delta), laterFacts(deltas, at)).ok).toBe(
          bruteForce(deltas, at, BigInt(delta)),
        );
      }),
    );
  });
});
