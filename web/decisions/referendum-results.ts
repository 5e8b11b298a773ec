// The pure part of a referendum's results per council: each council's depth in the tree (from its
// parent), and a yes-no count as votes, shares and turnout. Weights are in thousandths of a vote.
import type { ReferendumCouncilResult, YesNoChoice } from '../app/api-types.ts';
import { ONE_VOTE_MILLIS } from './ballot-form.ts';

export const YES_NO_CHOICES: readonly YesNoChoice[] = ['yes', 'no', 'abstain'];

export interface CouncilRow {
  council: ReferendumCouncilResult;
  /** 0 for the council that held the referendum, 1 for the councils right under it… */
  depth: number;
  /** The name of the council above in this table, null for the top one. */
  parentName: string | null;
}

/**
 * The rows in the server's (tree) order with their depth. A council whose parent is not in the list is
 * a top one; a parent listed after its child still gives the right depth.
 */
export function rowsWithDepth(councils: readonly ReferendumCouncilResult[]): CouncilRow[] {
  const byId = new Map(councils.map((council) => [council.councilId, council]));
  const depths = new Map<string, number>();
  const depthOf = (council: ReferendumCouncilResult, seen: Set<string>): number => {
    const known = depths.get(council.councilId);
    if (known !== undefined) return known;
    const parent = council.parentId ? byId.get(council.parentId) : undefined;
    // A cycle cannot come from the server; if one did, stop it at the top.
    const depth =
      parent && !seen.has(parent.councilId) ? depthOf(parent, seen.add(council.councilId)) + 1 : 0;
    depths.set(council.councilId, depth);
    return depth;
  };
  return councils.map((council) => ({
    council,
    depth: depthOf(council, new Set()),
    parentName: (council.parentId && byId.get(council.parentId)?.name) || null,
  }));
}

export interface YesNoShares {
  /** Votes per choice (weights / 1000). */
  votes: Record<YesNoChoice, number>;
  /** Share of the votes cast per choice, 0 to 100, one decimal; 0 when nobody voted. */
  percent: Record<YesNoChoice, number>;
}

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

export function yesNoShares(totals: Record<YesNoChoice, number>): YesNoShares {
  const cast = totals.yes + totals.no + totals.abstain;
  const share = (millis: number) => (cast > 0 ? oneDecimal((millis * 100) / cast) : 0);
  return {
    votes: {
      yes: totals.yes / ONE_VOTE_MILLIS,
      no: totals.no / ONE_VOTE_MILLIS,
      abstain: totals.abstain / ONE_VOTE_MILLIS,
    },
    percent: { yes: share(totals.yes), no: share(totals.no), abstain: share(totals.abstain) },
  };
}

/** Ballots as a percent (one decimal) of the members entitled; null when nobody was entitled. */
export function turnoutPercent(ballots: number, entitledMillis: number): number | null {
  if (entitledMillis <= 0) return null;
  return oneDecimal((ballots * ONE_VOTE_MILLIS * 100) / entitledMillis);
}
