// The life of a demand on a council's list, as a table of allowed status changes.
// - 'proposed' → 'raised' | 'rejected' happens only by the council's vote (server/actions/demand-subject.ts):
//   adoption raises the demand and gives it its number; a vote that does not adopt rejects it. Neither
//   side of that vote is an officer's status change, so neither appears in the table.
// - Once raised, the council's officers record what the addressee does with it. The table allows what
//   happens in negotiations: talks open (in-negotiation), part is conceded (partly-met), all of it
//   (met), or it is refused; a partial concession or a refusal can go back to talks, and a refusal can be
//   raised again as it stands. 'met' is final: a demand met and later broken is a new demand.
export const DEMAND_STATUSES = [
  'proposed',
  'raised',
  'in-negotiation',
  'partly-met',
  'met',
  'refused',
  'rejected',
] as const;
export type DemandStatus = (typeof DEMAND_STATUSES)[number];

/** The statuses of a demand on the list (numbered, adopted by the vote): the ones officers move between. */
export const LISTED_STATUSES = ['raised', 'in-negotiation', 'partly-met', 'met', 'refused'] as const;
export type ListedStatus = (typeof LISTED_STATUSES)[number];

export const DEMAND_TRANSITIONS: Record<ListedStatus, readonly ListedStatus[]> = {
  raised: ['in-negotiation', 'partly-met', 'met', 'refused'],
  'in-negotiation': ['partly-met', 'met', 'refused'],
  'partly-met': ['in-negotiation', 'met', 'refused'],
  refused: ['raised', 'in-negotiation'],
  met: [],
};

export const isListed = (status: DemandStatus): status is ListedStatus =>
  (LISTED_STATUSES as readonly string[]).includes(status);

export type DemandTransitionError =
  /** The demand is proposed or was rejected by the vote: it is not on the list, its status is the vote's. */
  | 'demand-not-listed'
  /** The table does not allow this change (met is final; the same status again is no change). */
  | 'demand-transition-refused';

export function demandTransition(
  from: DemandStatus,
  to: DemandStatus,
): { ok: true } | { ok: false; error: DemandTransitionError } {
  if (!isListed(from)) return { ok: false, error: 'demand-not-listed' };
  if (!isListed(to) || !DEMAND_TRANSITIONS[from].includes(to))
    return { ok: false, error: 'demand-transition-refused' };
  return { ok: true };
}

export type DemandProgress = Record<ListedStatus, number> & { total: number };

/** How far a list has got: how many of its demands are in each listed status, and how many in all. */
export function demandProgress(statuses: readonly DemandStatus[]): DemandProgress {
  const progress: DemandProgress = {
    raised: 0,
    'in-negotiation': 0,
    'partly-met': 0,
    met: 0,
    refused: 0,
    total: 0,
  };
  for (const s of statuses) {
    if (!isListed(s)) continue;
    progress[s] += 1;
    progress.total += 1;
  }
  return progress;
}
