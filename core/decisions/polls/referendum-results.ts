// A referendum's results per council, rolled up the tree: every base council's ballots are counted on
// their own, and every federated council's result is the count of all ballots of the councils under it
// — recounted, not summed, so ranked methods roll up correctly too. Each council's majority base
// 'entitled' is its own subtree's members. The same tallyPoll as the overall result, so the figures
// agree: the root's result equals the poll's.

import type { PollRules } from './poll-rules.ts';
import { type CountedBallot, type PollResult, tallyPoll } from './poll-tally.ts';

export interface ReferendumCouncil {
  id: string;
  parentId: string | null;
  /** Active members of this council itself (base councils); 0 for federated ones. */
  directMembers: number;
}

export interface ReferendumBallot extends CountedBallot {
  baseCouncilId: string;
}

export interface CouncilResult {
  councilId: string;
  entitledMillis: number;
  result: PollResult;
}

/** Results for `rootId` and every council under it, parents before children, in `councils` order. */
export function referendumResults(
  rules: PollRules,
  rootId: string,
  councils: readonly ReferendumCouncil[],
  ballots: readonly ReferendumBallot[],
  facts: { seed: string; title: string },
): CouncilResult[] {
  const children = new Map<string, string[]>();
  for (const c of councils) {
    if (c.parentId === null || c.id === rootId) continue;
    children.set(c.parentId, [...(children.get(c.parentId) ?? []), c.id]);
  }
  const byBase = new Map<string, CountedBallot[]>();
  for (const b of ballots) byBase.set(b.baseCouncilId, [...(byBase.get(b.baseCouncilId) ?? []), b]);
  const members = new Map(councils.map((c) => [c.id, c.directMembers]));

  // Depth-first from the root: each council's ballots and members are its own plus its subtree's.
  const out: CouncilResult[] = [];
  const visit = (id: string): { ballots: CountedBallot[]; members: number } => {
    const slot = out.length;
    out.push(undefined as unknown as CouncilResult);
    const own = { ballots: [...(byBase.get(id) ?? [])], members: members.get(id) ?? 0 };
    for (const child of children.get(id) ?? []) {
      const sub = visit(child);
      own.ballots.push(...sub.ballots);
      own.members += sub.members;
    }
    const entitledMillis = own.members * 1000;
    out[slot] = {
      councilId: id,
      entitledMillis,
      result: tallyPoll(rules, own.ballots, { presentMillis: null, entitledMillis, ...facts }),
    };
    return own;
  };
  visit(rootId);
  return out;
}
