// The weighted inclusive Gregory count that Scottish STV (SSI 2007/42 Sch.1 rules 45–52) and WIGM
// share: all papers of an elected candidate move on at value × surplus ÷ total, truncated to the
// rule's places; largest surplus first; an excluded candidate's papers move in one stage at their
// current values. Paper values live in a table of distinct scaled bigints and papers in a
// preference tree, so a stage costs one visit per tree node in the moving piles.

import { createLot, DEFAULT_SEED } from './drawing-lots.ts';
import { fromInteger, multiplyDivide, toDecimalString } from './fixed-point.ts';
import { buildPreferenceTree, type PreferenceTree } from './preference-tree.ts';
import { breakByEarlierStages, chooseAmongTied, type TiePolicy } from './stv-tie-break.ts';
import type { BallotProfile, CandidateStatus, Tally, TallyRound, TieBreak } from './tally.ts';

export interface GregoryRule {
  method: 'stv-scottish' | 'stv-wigm';
  /** Places kept in paper values and totals; transfer values are truncated to them. */
  decimals: number;
  /** The quota, scaled, from the valid poll. */
  quota(validPapers: number, seats: number, decimals: number): bigint;
  /** Ties first go to the most recent earlier stage where the tied differed (Scottish r.49(2), r.51(2)). */
  tiesByEarlierStage: boolean;
  tiePolicy: TiePolicy;
  /** How a note cites the rule: e.g. " (rule 50)" for Scottish, "" for WIGM. */
  cite(
    rule: 'quota' | 'surplus' | 'exclusion' | 'remaining' | 'tie-surplus' | 'tie-exclusion' | 'lot',
  ): string;
}

export interface StvOptions {
  seats?: number;
  seed?: string;
  /** Overrides the rule's policy for ties not settled by earlier stages. */
  tiePolicy?: TiePolicy;
}

/** Papers that reach each candidate (last slot: exhausted) at one value, in one transfer. */
type Arrivals = Map<number, Float64Array>;

export function countGregoryStv(profile: BallotProfile, options: StvOptions, rule: GregoryRule): Tally {
  const seats = options.seats ?? profile.seats;
  if (!Number.isInteger(seats) || seats < 1)
    throw new RangeError(`seats must be a positive integer, got ${seats}`);
  const seed = options.seed ?? DEFAULT_SEED;
  const lot = createLot(seed);
  const tiePolicy = options.tiePolicy ?? rule.tiePolicy;
  const names = profile.candidates;
  const n = names.length;
  const d = rule.decimals;
  const tree: PreferenceTree = buildPreferenceTree(profile);
  const format = (v: bigint) => toDecimalString(v, d);

  const status: CandidateStatus[] = names.map(() => 'continuing');
  for (const c of profile.withdrawn) if (c >= 0 && c < n) status[c] = 'withdrawn';
  const totals: bigint[] = names.map(() => 0n);
  const piles: number[][] = names.map(() => []);
  const values: bigint[] = [fromInteger(1, d)];
  const valueIndex = new Map<bigint, number>([[values[0] ?? 0n, 0]]);
  const nodeValue = new Int32Array(tree.nodeCount);
  const quota = rule.quota(tree.validPapers, seats, d);
  const elected: number[] = [];
  const pending: number[] = [];
  const history: bigint[][] = [];
  const rounds: TallyRound[] = [];
  const tieBreaks: TieBreak[] = [];
  let exhausted = 0n;
  let lost = 0n;

  const indexOfValue = (v: bigint): number => {
    let i = valueIndex.get(v);
    if (i === undefined) {
      i = values.length;
      values.push(v);
      valueIndex.set(v, i);
    }
    return i;
  };

  /** Move every paper at `nodes` to its next continuing preference, at the value `revalue` gives. */
  const movePapers = (
    nodes: readonly number[],
    revalue: (valueIdx: number) => number,
  ): { gains: bigint[]; toExhausted: bigint } => {
    const arrivals: Arrivals = new Map();
    const stack: number[] = [];
    for (const node of nodes) {
      const v = revalue(nodeValue[node] ?? 0);
      let bucket = arrivals.get(v);
      if (bucket === undefined) {
        bucket = new Float64Array(n + 1);
        arrivals.set(v, bucket);
      }
      bucket[n] = (bucket[n] ?? 0) + (tree.ending[node] ?? 0);
      for (let child = tree.firstChild[node] ?? -1; child !== -1; child = tree.nextSibling[child] ?? -1)
        stack.push(child);
      while (stack.length > 0) {
        const x = stack.pop() ?? 0;
        const c = tree.candidate[x] ?? 0;
        if (status[c] === 'continuing') {
          piles[c]?.push(x);
          nodeValue[x] = v;
          bucket[c] = (bucket[c] ?? 0) + (tree.passing[x] ?? 0);
        } else {
          bucket[n] = (bucket[n] ?? 0) + (tree.ending[x] ?? 0);
          for (let child = tree.firstChild[x] ?? -1; child !== -1; child = tree.nextSibling[child] ?? -1)
            stack.push(child);
        }
      }
    }
    const gains: bigint[] = names.map(() => 0n);
    let toExhausted = 0n;
    for (const [v, bucket] of arrivals) {
      const value = values[v] ?? 0n;
      for (let c = 0; c < n; c += 1) {
        const papers = bucket[c] ?? 0;
        if (papers !== 0) gains[c] = (gains[c] ?? 0n) + BigInt(papers) * value;
      }
      const gone = bucket[n] ?? 0;
      if (gone !== 0) toExhausted += BigInt(gone) * value;
    }
    return { gains, toExhausted };
  };

  const continuing = () => status.flatMap((s, c) => (s === 'continuing' ? [c] : []));

  const breakTie = (tied: number[], stage: number, want: 'highest' | 'lowest'): number => {
    if (tied.length === 1) return tied[0] ?? -1;
    let remaining = tied;
    if (rule.tiesByEarlierStage) {
      const earlier = breakByEarlierStages(tied, history, history.length - 1, want);
      if (earlier.remaining.length === 1 && earlier.decidingStage !== undefined) {
        const chosen = earlier.remaining[0] ?? -1;
        tieBreaks.push({
          stage,
          tied: [...tied].sort((a, b) => a - b),
          chosen,
          by: 'earlier-stage',
          decidingStage: earlier.decidingStage,
        });
        return chosen;
      }
      remaining = earlier.remaining;
    }
    const broken = chooseAmongTied(remaining, stage, tiePolicy, lot);
    tieBreaks.push({ ...broken, tied: [...tied].sort((a, b) => a - b) });
    return broken.chosen;
  };

  const tieNote = (stage: number, what: string): string[] => {
    const last = tieBreaks[tieBreaks.length - 1];
    if (last === undefined || last.stage !== stage) return [];
    const who = last.tied.map((c) => names[c]).join(', ');
    if (last.by === 'earlier-stage')
      return [
        `${who} were tied for ${what}; settled by the totals at stage ${last.decidingStage}${rule.cite(what === 'exclusion' ? 'tie-exclusion' : 'tie-surplus')}.`,
      ];
    if (last.by === 'lot')
      return [
        `${who} were tied for ${what} at every stage; settled by lot with seed "${last.seed}"${rule.cite('lot')}.`,
      ];
    return [`${who} were tied for ${what}; settled by ballot-file order.`];
  };

  /** Elect everyone at or over the quota after a stage, highest first; their surpluses wait their turn. */
  const electByQuota = (notes: string[]): number[] => {
    const reached = continuing().filter((c) => (totals[c] ?? 0n) >= quota);
    reached.sort((a, b) =>
      (totals[b] ?? 0n) > (totals[a] ?? 0n) ? 1 : (totals[b] ?? 0n) < (totals[a] ?? 0n) ? -1 : a - b,
    );
    for (const c of reached) {
      if (elected.length >= seats) break;
      status[c] = 'elected';
      elected.push(c);
      if ((totals[c] ?? 0n) > quota) pending.push(c);
      notes.push(
        `${names[c]} is elected: ${format(totals[c] ?? 0n)} reaches the quota of ${format(quota)}${rule.cite('quota')}.`,
      );
    }
    return reached.filter((c) => status[c] === 'elected');
  };

  const record = (
    action: TallyRound['action'],
    subjects: number[],
    newlyElected: number[],
    excluded: number[],
    notes: string[],
  ) => {
    const stage = rounds.length + 1;
    const previous = history[history.length - 1];
    history.push([...totals]);
    const round: TallyRound = {
      stage,
      action,
      subjects,
      totals: totals.map(format),
      exhausted: format(exhausted),
      lost: format(lost),
      elected: newlyElected,
      excluded,
      statuses: [...status],
      notes,
      quota: format(quota),
    };
    if (previous !== undefined) round.transfers = totals.map((t, c) => format(t - (previous[c] ?? 0n)));
    rounds.push(round);
  };

  const isComplete = () => elected.length >= seats || continuing().length <= seats - elected.length;

  // Stage 1: first preferences (rule 45).
  for (const root of tree.roots) {
    const c = tree.candidate[root] ?? 0;
    piles[c]?.push(root);
    totals[c] = (totals[c] ?? 0n) + BigInt(tree.passing[root] ?? 0) * (values[0] ?? 0n);
  }
  {
    const notes: string[] = [];
    if (tree.unusablePapers > 0)
      notes.push(`${tree.unusablePapers} papers have no usable first preference and are not counted.`);
    if (tree.cutAtEqualRanking > 0)
      notes.push(
        `${tree.cutAtEqualRanking} papers rank candidates equally after the first preference; they stop transferring there.`,
      );
    const newly = electByQuota(notes);
    record('first-preferences', [], newly, [], notes);
  }

  while (!isComplete()) {
    const stage = rounds.length + 1;
    const notes: string[] = [];
    if (pending.length > 0) {
      const largest = pending.reduce((m, c) => ((totals[c] ?? 0n) > m ? (totals[c] ?? 0n) : m), 0n);
      const tied = pending.filter((c) => totals[c] === largest);
      const from = breakTie(tied, stage, 'highest');
      notes.push(...tieNote(stage, 'the largest surplus'));
      pending.splice(pending.indexOf(from), 1);
      const total = totals[from] ?? 0n;
      const surplus = total - quota;
      const cache = new Map<number, number>();
      const revalue = (v: number): number => {
        let next = cache.get(v);
        if (next === undefined) {
          next = indexOfValue(multiplyDivide(values[v] ?? 0n, surplus, total, 'down'));
          cache.set(v, next);
        }
        return next;
      };
      const pile = piles[from] ?? [];
      piles[from] = [];
      const { gains, toExhausted } = movePapers(pile, revalue);
      let moved = toExhausted;
      for (let c = 0; c < n; c += 1) {
        totals[c] = (totals[c] ?? 0n) + (gains[c] ?? 0n);
        moved += gains[c] ?? 0n;
      }
      totals[from] = quota;
      exhausted += toExhausted;
      lost += surplus - moved;
      notes.unshift(
        `Surplus of ${names[from]} (${format(surplus)}) transferred: every paper at its value × ${format(surplus)} ÷ ${format(total)}, truncated to ${d} places${rule.cite('surplus')}; ${format(surplus - moved)} lost to truncation.`,
      );
      const newly = electByQuota(notes);
      record('surplus', [from], newly, [], notes);
      continue;
    }
    const hopeful = continuing();
    const lowest = hopeful.reduce(
      (m, c) => ((totals[c] ?? 0n) < m ? (totals[c] ?? 0n) : m),
      totals[hopeful[0] ?? 0] ?? 0n,
    );
    const tied = hopeful.filter((c) => totals[c] === lowest);
    const out = breakTie(tied, stage, 'lowest');
    notes.push(
      `${names[out]} is excluded with the lowest total, ${format(lowest)}${rule.cite('exclusion')}; their papers move at their current values.`,
    );
    notes.push(...tieNote(stage, 'exclusion'));
    status[out] = 'excluded';
    const pile = piles[out] ?? [];
    piles[out] = [];
    const { gains, toExhausted } = movePapers(pile, (v) => v);
    for (let c = 0; c < n; c += 1) totals[c] = (totals[c] ?? 0n) + (gains[c] ?? 0n);
    totals[out] = 0n;
    exhausted += toExhausted;
    const newly = electByQuota(notes);
    record('exclusion', [out], newly, [out], notes);
  }

  // Rule 52: when the continuing candidates are no more than the vacancies left, they are elected
  // without further transfers; they are recorded on the last stage, whose totals stand.
  const last = rounds[rounds.length - 1];
  if (elected.length < seats && last !== undefined) {
    const remaining = continuing().sort((a, b) =>
      (totals[b] ?? 0n) > (totals[a] ?? 0n) ? 1 : (totals[b] ?? 0n) < (totals[a] ?? 0n) ? -1 : a - b,
    );
    for (const c of remaining) {
      status[c] = 'elected';
      elected.push(c);
      last.elected.push(c);
      last.notes.push(
        `${names[c]} is elected: the continuing candidates are no more than the vacancies left${rule.cite('remaining')}.`,
      );
    }
    last.statuses = [...status];
  }

  return {
    method: rule.method,
    seats,
    candidates: [...names],
    elected,
    rounds,
    valid: format(fromInteger(tree.validPapers, d)),
    quota: format(quota),
    tieBreaks,
    seed,
  };
}
