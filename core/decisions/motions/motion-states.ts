// The life of a motion, as one table: which act moves it from which status to which. A motion is
// submitted, admitted to the agenda by an officer, debated (its amendments go to the vote), voted on,
// and ends adopted or rejected — or leaves the agenda withdrawn (by its submitter or an officer) or
// referred (to a committee or another body, or merged into a composite). The last four are final.
import type { Result } from '../polls/poll-rules.ts';

export const MOTION_STATUSES = [
  'submitted',
  'admitted',
  'debated',
  'voted',
  'adopted',
  'rejected',
  'withdrawn',
  'referred',
] as const;
export type MotionStatus = (typeof MOTION_STATUSES)[number];

export const MOTION_ACTS = [
  'admit',
  // An amendment's poll opens: the motion is under debate.
  'debate',
  // The motion's own poll opens.
  'open-vote',
  'adopt',
  'reject',
  'withdraw',
  'refer',
  // An officer of the body merges it into a composite.
  'merge',
  // A member supports it, or proposes an amendment (no change of status, but only while it is open).
  'support',
  'amend',
] as const;
export type MotionAct = (typeof MOTION_ACTS)[number];

/** From each status, the acts allowed and the status they lead to (absent: refused). */
export const MOTION_TRANSITIONS: Record<MotionStatus, Partial<Record<MotionAct, MotionStatus>>> = {
  submitted: {
    admit: 'admitted',
    withdraw: 'withdrawn',
    refer: 'referred',
    merge: 'referred',
    support: 'submitted',
    amend: 'submitted',
  },
  admitted: {
    debate: 'debated',
    'open-vote': 'voted',
    withdraw: 'withdrawn',
    refer: 'referred',
    merge: 'referred',
    support: 'admitted',
    amend: 'admitted',
  },
  debated: {
    debate: 'debated',
    'open-vote': 'voted',
    withdraw: 'withdrawn',
    refer: 'referred',
    support: 'debated',
    amend: 'debated',
  },
  // Once the vote is open, only its result moves the motion.
  voted: { adopt: 'adopted', reject: 'rejected' },
  adopted: {},
  rejected: {},
  withdrawn: {},
  referred: {},
};

export const isFinalMotionStatus = (status: MotionStatus) =>
  Object.keys(MOTION_TRANSITIONS[status]).length === 0;

/** The status after `act`, or `motion-transition-not-allowed`. */
export function nextMotionStatus(status: MotionStatus, act: MotionAct): Result<MotionStatus> {
  const next = MOTION_TRANSITIONS[status][act];
  return next
    ? { ok: true, value: next }
    : { ok: false, error: 'motion-transition-not-allowed', field: 'status' };
}
