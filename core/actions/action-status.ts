// The life of a call to action: proposed → called by the calling body's vote (or rejected); while called
// it may be suspended and resumed, and it is lifted (from called or suspended) — each a decision of the
// same body's vote. Pledges are taken only while called; councils report their status while it is called
// or suspended (a suspended action may still have pickets to stand down).

export const COLLECTIVE_ACTION_KINDS = ['strike', 'blockade', 'march', 'assembly'] as const;
export type CollectiveActionKind = (typeof COLLECTIVE_ACTION_KINDS)[number];

export const COLLECTIVE_ACTION_STATUSES = ['proposed', 'called', 'suspended', 'lifted', 'rejected'] as const;
export type CollectiveActionStatus = (typeof COLLECTIVE_ACTION_STATUSES)[number];

export const ACTION_DECISION_KINDS = ['call', 'suspend', 'resume', 'lift'] as const;
export type ActionDecisionKind = (typeof ACTION_DECISION_KINDS)[number];
/** The decisions proposed after the call (the call is proposed with the action itself). */
export const LATER_DECISION_KINDS = ['suspend', 'resume', 'lift'] as const;

export const COUNCIL_ACTION_STATUSES = ['participating', 'not-participating', 'partial'] as const;
export type CouncilActionStatus = (typeof COUNCIL_ACTION_STATUSES)[number];

export const NOTICE_KINDS = ['called', 'suspended', 'resumed', 'lifted'] as const;
export type ActionNoticeKind = (typeof NOTICE_KINDS)[number];

const TRANSITIONS: Record<
  ActionDecisionKind,
  { from: readonly CollectiveActionStatus[]; to: CollectiveActionStatus; notice: ActionNoticeKind }
> = {
  call: { from: ['proposed'], to: 'called', notice: 'called' },
  suspend: { from: ['called'], to: 'suspended', notice: 'suspended' },
  resume: { from: ['suspended'], to: 'called', notice: 'resumed' },
  lift: { from: ['called', 'suspended'], to: 'lifted', notice: 'lifted' },
};

/** Whether a decision of `kind` may be proposed (and adopted) while the action is `status`. */
export const decisionApplies = (kind: ActionDecisionKind, status: CollectiveActionStatus): boolean =>
  TRANSITIONS[kind].from.includes(status);

/** The status an adopted decision leads to, and the notice everyone in scope is given. */
export const afterDecision = (kind: ActionDecisionKind) => TRANSITIONS[kind];

/** A call that its body voted down ends rejected; a later decision voted down changes nothing. */
export const afterRejection = (
  kind: ActionDecisionKind,
  status: CollectiveActionStatus,
): CollectiveActionStatus => (kind === 'call' && status === 'proposed' ? 'rejected' : status);

export const takesPledges = (status: CollectiveActionStatus) => status === 'called';
export const takesStatusReports = (status: CollectiveActionStatus) =>
  status === 'called' || status === 'suspended';
