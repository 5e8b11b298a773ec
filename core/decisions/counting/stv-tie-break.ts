// Tie-breaks shared by the STV counts: looking back at earlier stages, then lot (drawing-lots.ts) or
// ballot-file order.

import type { Lot } from './drawing-lots.ts';
import type { TieBreak } from './tally.ts';

/** 'lot' draws with the count's seed; 'order' takes the first tied candidate in ballot-file order (Droop's and stv-rs's default, used to compare with their reports). */
export type TiePolicy = 'lot' | 'order';

/**
 * Narrow `tied` by the most recent earlier stage at which they differed (SSI 2007/42 r.49(2),
 * r.51(2)(a)): at that stage keep only those with the highest ('highest') or lowest ('lowest')
 * total; if several still share it, go further back with them. `history[k]` are the totals after
 * stage k + 1; `before` is the number of stages that may be consulted.
 */
export function breakByEarlierStages(
  tied: readonly number[],
  history: readonly (readonly bigint[])[],
  before: number,
  want: 'highest' | 'lowest',
): { remaining: number[]; decidingStage?: number } {
  let remaining = [...tied];
  let decidingStage: number | undefined;
  for (let k = before - 1; k >= 0 && remaining.length > 1; k -= 1) {
    const totals = history[k];
    if (totals === undefined) continue;
    let best: bigint | undefined;
    for (const c of remaining) {
      const v = totals[c] ?? 0n;
      if (best === undefined || (want === 'highest' ? v > best : v < best)) best = v;
    }
    const kept = remaining.filter((c) => (totals[c] ?? 0n) === best);
    if (kept.length < remaining.length) {
      remaining = kept;
      decidingStage = k + 1;
    }
  }
  return decidingStage === undefined ? { remaining } : { remaining, decidingStage };
}

/** Choose one of `tied` (sorted ascending) by the policy, and say how. */
export function chooseAmongTied(
  tied: readonly number[],
  stage: number,
  policy: TiePolicy,
  lot: Lot,
  tieOrder?: readonly number[],
): TieBreak {
  const sorted = [...tied].sort((a, b) => a - b);
  if (policy === 'order') {
    const rank = (c: number) => {
      const at = tieOrder?.indexOf(c) ?? -1;
      return at < 0 ? Number.MAX_SAFE_INTEGER : at;
    };
    const first = [...sorted].sort((a, b) => rank(a) - rank(b) || a - b)[0] ?? -1;
    return { stage, tied: sorted, chosen: first, by: 'order' };
  }
  const chosen = lot.order(sorted)[0] ?? -1;
  return { stage, tied: sorted, chosen, by: 'lot', seed: lot.seed };
}
