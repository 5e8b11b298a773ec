// Pure shaping of calls to action for the pages: the badge tone of an action's status, the state of a
// node on the map (in words, a shape and a class — never colour alone), the map's nodes, the pledge
// panel's state and refusals, the decision awaiting its vote, and the form's instants.
import { decisionApplies, LATER_DECISION_KINDS, takesPledges } from '../../core/actions/action-status.ts';
import type {
  ActionDecision,
  ActionTotals,
  CollectiveActionStatus,
  CouncilActionStatus,
  Pledge,
  RollUpChild,
} from './actions-types.ts';

type Tone = 'neutral' | 'accent' | 'warning' | 'success' | 'danger';

const STATUS_TONES: Record<CollectiveActionStatus, Tone> = {
  proposed: 'neutral',
  called: 'accent',
  suspended: 'warning',
  lifted: 'success',
  rejected: 'danger',
};

export const actionStatusTone = (status: CollectiveActionStatus): Tone => STATUS_TONES[status];

/** A node on the map: a base council's report, or how the councils under a body stand. */
export type NodeState = CouncilActionStatus | 'not-reported' | 'mixed';

export const NODE_STATES: readonly NodeState[] = [
  'participating',
  'partial',
  'mixed',
  'not-participating',
  'not-reported',
];

/** The shape drawn beside the words (aria-hidden): the state reads without colour. */
export const NODE_SHAPES: Record<NodeState, string> = {
  participating: '●',
  partial: '◐',
  mixed: '◑',
  'not-participating': '✕',
  'not-reported': '○',
};

export function nodeState(totals: ActionTotals): NodeState {
  const { councils } = totals;
  if (councils === 0 || totals.notReported === councils) return 'not-reported';
  if (totals.participating === councils) return 'participating';
  if (totals.notParticipating === councils) return 'not-participating';
  if (totals.partial === councils) return 'partial';
  return 'mixed';
}

export interface MapNode {
  id: string;
  name: string;
  state: NodeState;
  /** A body with councils under it: opens to its children. */
  isBody: boolean;
  totals: ActionTotals;
}

/** The children of a node for the map: bodies first, then by name. */
export function mapNodes(children: readonly RollUpChild[]): MapNode[] {
  return children
    .map((child) => ({
      id: child.councilId,
      name: child.name,
      state: nodeState(child),
      isBody: child.kind === 'federation',
      totals: child,
    }))
    .sort((a, b) => Number(b.isBody) - Number(a.isBody) || a.name.localeCompare(b.name));
}

/** Why a member may not pledge now (a locale key under actions.pledge.refused), or null. */
export function pledgeRefusal(status: CollectiveActionStatus): string | null {
  if (takesPledges(status)) return null;
  if (status === 'lifted') return 'lifted';
  if (status === 'suspended') return 'suspended';
  if (status === 'rejected') return 'rejected';
  return 'notCalled';
}

/** The pledge's state in words: a locale key under actions.pledge.state and its values. */
export function pledgeState(pledge: Pledge | null): { key: string; threshold: number | null } {
  if (!pledge || pledge.status === 'withdrawn') return { key: 'none', threshold: null };
  if (pledge.status === 'pending') return { key: 'pending', threshold: pledge.threshold };
  return { key: pledge.threshold === null ? 'active' : 'activeConditional', threshold: pledge.threshold };
}

/** The decision proposed or in its vote (the server allows one at a time), if any. */
export const pendingDecision = (decisions: readonly ActionDecision[]): ActionDecision | null =>
  decisions.find((d) => d.status === 'proposed' || d.status === 'in-vote') ?? null;

/** The later decisions (suspend, resume, lift) that apply to an action in `status`. */
export const laterDecisions = (status: CollectiveActionStatus) =>
  LATER_DECISION_KINDS.filter((kind) => decisionApplies(kind, status));

/** A `datetime-local` value (the reader's clock) as an instant with its offset; '' stays null. */
export function instantFromLocal(value: string): string | null {
  if (!value) return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

/** The scope sent: null (the whole body) when every child is chosen or none is listed. */
export function scopeIds(children: readonly string[], chosen: ReadonlySet<string>): string[] | null {
  const picked = children.filter((id) => chosen.has(id));
  return picked.length === children.length ? null : picked;
}
