// Who leaves the count when no one has a majority. In RCTab's order: undeclared write-ins first, then
// (when the rules allow it) a batch of the lowest candidates who together cannot overtake the next
// one up, else the single lowest, its ties settled by earlier rounds or by lot.
import type { Lot } from './drawing-lots.ts';
import type { TieBreak } from './tally.ts';

export type TieBreakPolicy = 'lot' | 'backwards' | 'forwards';

export interface ExclusionInput {
  continuing: readonly number[];
  /** totalsByStage[s - 1][c] = candidate c's total after stage s; the last entry is the current stage. */
  totalsByStage: readonly (readonly number[])[];
  writeIns: ReadonlySet<number>;
  batchElimination: boolean;
  tieBreak: TieBreakPolicy;
  lot: Lot;
  names: readonly string[];
}

export interface Exclusion {
  excluded: number[];
  tieBreak?: TieBreak;
  note: string;
}

function listNames(names: readonly string[], candidates: readonly number[]): string {
  return candidates.map((c) => names[c]).join(', ');
}

/**
 * The largest group of lowest candidates whose combined total is below the next candidate's total
 * (RCTab `doBatchElimination`): even with all their votes, none of them could overtake that candidate.
 * Candidates on equal totals enter the group together.
 */
function batchOf(continuing: readonly number[], totals: readonly number[]): number[] {
  const byTotal = new Map<number, number[]>();
  for (const c of continuing) {
    const t = totals[c]!;
    const group = byTotal.get(t);
    if (group) group.push(c);
    else byTotal.set(t, [c]);
  }
  const ascending = [...byTotal.entries()].sort((a, b) => a[0] - b[0]);
  let running = 0;
  const seen: number[] = [];
  let batch: number[] = [];
  for (const [total, group] of ascending) {
    if (running < total) batch = [...seen];
    seen.push(...group);
    running += total * group.length;
  }
  return batch.sort((a, b) => a - b);
}

/** Narrows a tie for lowest by the totals of earlier stages, newest first ('backwards') or oldest first. */
function narrowByStages(
  tied: number[],
  totalsByStage: readonly (readonly number[])[],
  direction: 'backwards' | 'forwards',
): { remaining: number[]; decidingStage?: number } {
  const earlier = totalsByStage.length - 1;
  let remaining = tied;
  let decidingStage: number | undefined;
  for (let k = 0; k < earlier && remaining.length > 1; k++) {
    const index = direction === 'backwards' ? earlier - 1 - k : k;
    const totals = totalsByStage[index]!;
    const least = Math.min(...remaining.map((c) => totals[c]!));
    const lowest = remaining.filter((c) => totals[c] === least);
    if (lowest.length < remaining.length) {
      remaining = lowest;
      decidingStage ??= index + 1;
    }
  }
  return decidingStage === undefined ? { remaining } : { remaining, decidingStage };
}

export function chooseExclusion(input: ExclusionInput, stage: number): Exclusion {
  const { continuing, totalsByStage, names } = input;
  const totals = totalsByStage[totalsByStage.length - 1]!;

  const writeIns = continuing.filter((c) => input.writeIns.has(c) && totals[c]! > 0);
  if (writeIns.length > 0) {
    return {
      excluded: writeIns,
      note: `${listNames(names, writeIns)} (undeclared write-ins) are excluded first, as the rules require, whatever their total.`,
    };
  }

  if (input.batchElimination) {
    const batch = batchOf(continuing, totals);
    if (batch.length > 1) {
      const combined = batch.reduce((sum, c) => sum + totals[c]!, 0);
      const above = continuing.filter((c) => !batch.includes(c)).map((c) => totals[c]!);
      return {
        excluded: batch,
        note:
          `${listNames(names, batch)} are excluded together: their combined ${combined} votes are fewer than ` +
          `the next candidate's ${Math.min(...above)}, so none of them can win.`,
      };
    }
  }

  const least = Math.min(...continuing.map((c) => totals[c]!));
  const tied = continuing.filter((c) => totals[c] === least).sort((a, b) => a - b);
  if (tied.length === 1) {
    return { excluded: tied, note: `${names[tied[0]!]} has the fewest votes (${least}) and is excluded.` };
  }

  let remaining = tied;
  let decidingStage: number | undefined;
  if (input.tieBreak !== 'lot') {
    ({ remaining, decidingStage } = narrowByStages(tied, totalsByStage, input.tieBreak));
  }
  if (remaining.length === 1) {
    const loser = remaining[0]!;
    return {
      excluded: [loser],
      tieBreak: {
        stage,
        tied,
        chosen: loser,
        by: input.tieBreak,
        ...(decidingStage ? { decidingStage } : {}),
      },
      note:
        `${listNames(names, tied)} are tied for fewest with ${least}; ${names[loser]} had fewer votes at ` +
        `stage ${decidingStage} and is excluded.`,
    };
  }
  const loser = input.lot.order(remaining)[0]!;
  return {
    excluded: [loser],
    tieBreak: { stage, tied, chosen: loser, by: 'lot', seed: input.lot.seed },
    note:
      `${listNames(names, tied)} are tied for fewest with ${least}` +
      `${input.tieBreak === 'lot' ? '' : `; earlier stages leave ${listNames(names, remaining)} level`}; ${names[loser]} is excluded by lot (seed "${input.lot.seed}").`,
  };
}
