// What a poll is, as far as the rules are concerned: its method, options, secrecy and majority, and the
// error codes of the decisions context. Storage and HTTP shapes follow these types.
import type { CountingMethod } from '../counting/index.ts';

export const POLL_KINDS = ['motion', 'election', 'recall', 'referendum'] as const;
export type PollKind = (typeof POLL_KINDS)[number];

/** 'yes-no' polls have the three fixed choices; the others are the counting engine's methods. */
export const POLL_METHODS = [
  'yes-no',
  'plurality',
  'approval',
  'irv',
  'stv-scottish',
  'stv-meek',
  'stv-wigm',
  'schulze',
] as const satisfies readonly ('yes-no' | CountingMethod)[];
export type PollMethod = (typeof POLL_METHODS)[number];

export const SECRECIES = ['open', 'roll-call', 'secret'] as const;
/** open: counts public, names kept for the record; roll-call: each name and choice published; secret: unlinkable. */
export type Secrecy = (typeof SECRECIES)[number];

export const MAJORITIES = ['simple', 'absolute', 'two-thirds'] as const;
export type Majority = (typeof MAJORITIES)[number];
export const MAJORITY_BASES = ['voting', 'present', 'entitled'] as const;
/**
 * What a majority is a share of. voting: yes + no (abstentions are recorded, not counted as votes);
 * present: the weight present in the room when the poll closes (asynchronous polls: every ballot cast,
 * abstentions included); entitled: the whole electorate's weight.
 */
export type MajorityBase = (typeof MAJORITY_BASES)[number];

export const ELECTORATES = ['members', 'mandates', 'members-below'] as const;
/**
 * members: the active members of a base council, one vote each; mandates: the delegates on a federated
 * council's roll, each with their mandate's weight; members-below: every active member of every base
 * council under a federated council (referendums).
 */
export type Electorate = (typeof ELECTORATES)[number];

export const YES_NO_CHOICES = ['yes', 'no', 'abstain'] as const;
export type YesNoChoice = (typeof YES_NO_CHOICES)[number];

export interface PollRules {
  method: PollMethod;
  /** Choices of an election (labels); empty for yes-no polls. */
  options: readonly string[];
  seats: number;
  /** The most options one ballot may mark (approval) or rank (ranked methods); 1 for plurality. */
  maxMarks: number;
  /** Whether a weighted voter may divide their weight among yes, no and abstain. */
  allowSplit: boolean;
  majority: Majority;
  majorityBase: MajorityBase;
}

/** The share of members whose signatures convene a sitting, unless the council sets its own. */
export const DEFAULT_ASSEMBLY_PETITION_PERCENT = 10;

/** The notice an ordinary assembly is convened with, in hours. */
export const ORDINARY_NOTICE_HOURS = 48;

/** One weight unit: a member's vote is 1000; a mandate carries its own weight_millis. */
export const ONE_VOTE_MILLIS = 1000;

/** Error codes of the decisions context, each with when it happens. */
export const DECISION_ERRORS = {
  'assembly-not-found': 'the assembly id does not exist',
  'assembly-not-in-session': 'the assembly is not in session (not yet opened, or closed)',
  'assembly-closed': 'the assembly was closed or cancelled; it takes no new acts',
  'notice-too-short':
    'an ordinary assembly is convened at least two days before it starts (an extraordinary one at any notice)',
  'polls-still-open': 'the assembly has open polls: close them before closing the sitting',
  'starts-in-past': 'an assembly is convened for a time that has not passed',
  'not-entitled': 'the person has no vote in this body (not an active member, or no seat on its roll)',
  'already-checked-in': 'the person is already checked in to this assembly',
  'not-checked-in': 'the person is not checked in to this assembly',
  'quorum-not-met': 'the weight present is below the quorum: the assembly cannot take a binding vote',
  'assembly-petition-not-found': 'the petition for a sitting does not exist',
  'already-signed-petition': 'this person has already signed this petition for a sitting',
  'not-a-petitioner':
    "only the council's members (a federated council's seated delegates) call a sitting by petition",
  'petition-convened': 'the petition already reached its signatures and its sitting was convened',
  'poll-not-found': 'the poll id does not exist',
  'poll-closed': 'the poll is closed or cancelled: no ballot is taken and it cannot close again',
  'already-voted': 'this voter (or this mandate) has already cast a ballot in the poll',
  'wrong-option': 'the ballot marks an option the poll does not have',
  'too-many-marks': 'the ballot marks more options than the poll allows',
  'duplicate-mark': 'the ballot marks or ranks the same option twice',
  'split-not-allowed': 'this poll takes one choice per ballot: the weight cannot be divided',
  'split-does-not-add-up': "the parts of a split ballot must add up to the mandate's weight exactly",
  'wrong-ballot-kind': 'the ballot does not fit the poll method (a choice for yes-no, a ranking otherwise)',
  'mandate-required': 'a delegate votes in a federated council with a mandate id',
  'mandate-not-for-this-body': "the mandate is a seat in another council, not in this poll's body",
  'poll-shape-invalid': 'the poll settings do not fit together (see the field)',
  'poll-subject-unknown': 'the poll names a kind of subject no context decides by vote',
  'subject-in-vote': 'a vote on this subject is already open',
  'not-permitted': 'the signed-in person has no office or right that allows this act',
  'not-published': 'the ballots of a poll are published only after it closes',
  'recall-vote-exists': 'a recall vote is already open or held for this petition',
  'petition-not-vote-due': 'the recall petition has not reached its signature threshold',
  'assembly-not-closed': 'the minutes of a sitting are written once the sitting is closed',
  'minutes-not-found': 'the sitting has no minutes yet: generate them first',
  'minutes-approved': 'approved minutes are final: they cannot be edited, regenerated or voted on again',
  'minutes-approval-pending': 'a vote on approving these minutes is open: the text is frozen until it closes',
  'not-a-later-sitting': 'minutes are approved by a later sitting of the same council',
  'speaker-request-not-found': 'the request to speak does not exist',
  'already-waiting-to-speak': 'the person already has a request waiting in this sitting’s speakers list',
  'speaker-request-not-waiting': 'the request has already had the floor, or was withdrawn or refused',
  'speakers-changed':
    'the floor changed since the chair looked (someone else pressed next or ended the speech): look again',
  'no-speaker-waiting': 'nobody is speaking and nobody with the right to speak is waiting',
  'agenda-item-not-in-assembly': 'the agenda item is not one of this sitting’s',
  'speaking-time-invalid': 'a speaking-time limit is a whole number of seconds from 10 to 3600',
  'motion-not-found': 'the motion id does not exist',
  'motion-transition-not-allowed': "the motion's status does not allow this act (core/decisions/motions)",
  'already-supporting': 'this person already supports the motion',
  'motion-not-adopted': 'only a motion the council adopted can be forwarded to the body above',
  'motion-already-forwarded': 'the motion was already forwarded to the body above',
  'motion-in-vote': 'a poll on this motion or on one of its amendments is open',
  'composite-invalid': 'a composite merges two or more submitted motions forwarded from different councils',
  'amendment-not-found': 'the amendment id does not exist',
  'amendment-base-invalid':
    "the amendment's base version does not exist, or its lines are outside that version",
  'amendment-changes-nothing': 'the replacement lines are the lines they replace',
  'amendment-stale': 'the text changed where the amendment applies since its base version: propose it again',
  'amendment-not-pending': 'the amendment was decided or withdrawn, or its vote is open',
  'instruction-council-invalid': "the council does not send delegates to the motion's body",
  'split-not-instructed':
    "the sending council's instruction binds the whole weight to one position: no split",
} as const;
export type DecisionErrorCode = keyof typeof DECISION_ERRORS;

export type Result<T> = { ok: true; value: T } | { ok: false; error: DecisionErrorCode; field?: string };

/** Checks the settings of a new poll: seats, marks and options must fit the method. */
export function checkPollRules(rules: PollRules): Result<PollRules> {
  const bad = (field: string): Result<PollRules> => ({ ok: false, error: 'poll-shape-invalid', field });
  if (rules.method === 'yes-no') {
    if (rules.options.length !== 0) return bad('options');
    if (rules.seats !== 1) return bad('seats');
    return { ok: true, value: { ...rules, maxMarks: 1 } };
  }
  if (rules.allowSplit) return bad('allowSplit');
  const n = rules.options.length;
  if (n < 2) return bad('options');
  if (new Set(rules.options.map((o) => o.trim().toLowerCase())).size !== n) return bad('options');
  // At least one more option than seats: filling every seat with every candidate is no election.
  if (!Number.isInteger(rules.seats) || rules.seats < 1 || rules.seats >= n) return bad('seats');
  if (rules.method === 'irv' && rules.seats !== 1) return bad('seats');
  const maxMarks = rules.method === 'plurality' ? 1 : rules.maxMarks;
  if (!Number.isInteger(maxMarks) || maxMarks < 1 || maxMarks > n) return bad('maxMarks');
  return { ok: true, value: { ...rules, maxMarks } };
}
