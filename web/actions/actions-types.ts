// Shapes of the calls-to-action API (server/actions/collective-actions.schema.ts), as the web app reads
// them. Instants are ISO text.
import type {
  ActionDecisionKind,
  ActionNoticeKind,
  CollectiveActionKind,
  CollectiveActionStatus,
  CouncilActionStatus,
} from '../../core/actions/action-status.ts';

export type {
  ActionDecisionKind,
  ActionNoticeKind,
  CollectiveActionKind,
  CollectiveActionStatus,
  CouncilActionStatus,
};

export interface CollectiveAction {
  id: string;
  councilId: string;
  kind: CollectiveActionKind;
  title: string;
  description: string | null;
  startsAt: string;
  endsAt: string | null;
  liftingConditions: string | null;
  status: CollectiveActionStatus;
  scopeCouncils: number;
  proposedAt: string;
  calledAt: string | null;
  liftedAt: string | null;
}

export interface ActionDecision {
  id: string;
  actionId: string;
  kind: ActionDecisionKind;
  reason: string | null;
  status: 'proposed' | 'in-vote' | 'adopted' | 'rejected';
  proposedAt: string;
  pollId: string | null;
  decidedAt: string | null;
  decisionSummary: string | null;
}

export interface ActionTotals {
  councils: number;
  participating: number;
  partial: number;
  notParticipating: number;
  notReported: number;
  activePledges: number;
  pendingPledges: number;
  participants: number;
}

export interface Pledge {
  id: string;
  councilId: string;
  /** "If at least N of my council do"; null: unconditional. */
  threshold: number | null;
  status: 'pending' | 'active' | 'withdrawn';
  pledgedAt: string;
  resolvedAt: string | null;
}

/** A person who may coordinate a call of the body: an active member of a council at or under it. */
export interface CoordinatorCandidate {
  personId: string;
  fullName: string;
  councilId: string;
  councilName: string;
}

export interface ActionDetail extends CollectiveAction {
  coordinators: { personId: string; fullName: string }[];
  decisions: ActionDecision[];
  totals: ActionTotals;
  myPledge: Pledge | null;
}

export interface PledgeOutcome {
  pledge: Pledge;
  activeInCouncil: number;
  pendingInCouncil: number;
  activated: number;
}

export interface RollUpChild extends ActionTotals {
  councilId: string;
  name: string;
  kind: string;
}

export interface RollUp {
  actionId: string;
  node: { councilId: string; name: string };
  totals: ActionTotals;
  children: RollUpChild[];
  own: {
    status: CouncilActionStatus | null;
    participants: number | null;
    incidents: string | null;
    reportedAt: string | null;
  } | null;
}

export interface ActionNotice {
  id: string;
  actionId: string;
  actionTitle: string;
  actionKind: CollectiveActionKind;
  kind: ActionNoticeKind;
  text: string;
  at: string;
}
