// Shapes of the JSON API under /api/v1 as the web app reads them. The server may add fields; the app
// relies only on these. Timestamps are ISO strings, ids uuid strings.

export type CouncilKind =
  | 'factory'
  | 'mine'
  | 'office'
  | 'village'
  | 'neighbourhood'
  | 'union'
  | 'federation';
export type FederationLevel = 'local' | 'regional' | 'national';
export type OfficeName = 'secretary' | 'chair' | 'treasurer' | 'distribution';
export type MembershipStatus = 'active' | 'suspended' | 'left';
export type ApplicationStatus = 'pending' | 'contacted' | 'accepted' | 'declined';

export interface SessionPerson {
  id: string;
  fullName: string;
  isAdmin: boolean;
}

export interface Session {
  person: SessionPerson | null;
  csrfToken: string;
  setupNeeded: boolean;
}

export interface AuthResult {
  person: SessionPerson;
  csrfToken: string;
}

export interface PasswordToken {
  purpose: 'invitation' | 'reset';
  fullName: string;
  login: string;
}

export interface TreeNode {
  id: string;
  name: string;
  kind: CouncilKind;
  level: FederationLevel | null;
  territory: string;
  sector: string | null;
  parentId: string | null;
  depth: number;
  childCount: number;
  /** Rolled up over the whole subtree. */
  councils: number;
  /** Active memberships of the base councils in the subtree. */
  members: number;
}

export interface CouncilSearchHit {
  id: string;
  name: string;
  kind: CouncilKind;
  level: FederationLevel | null;
  territory: string;
  sector: string | null;
  parentName: string | null;
}

export interface CouncilRef {
  id: string;
  name: string;
}

export interface CouncilViewer {
  isMember: boolean;
  isOfficer: boolean;
  canDecideApplications: boolean;
  canSeeLedger: boolean;
  /** May create councils beneath this one and import them (a live federation). */
  canManage: boolean;
  /** Sees the member list with contact details (an officer of this council). */
  canSeeMembers: boolean;
  canAssignOffices: boolean;
  canMoveOrDissolve: boolean;
  canApportion: boolean;
}

export interface Council {
  id: string;
  name: string;
  kind: CouncilKind;
  level: FederationLevel | null;
  territory: string;
  sector: string | null;
  answerDays: number;
  dissolvedAt: string | null;
  parent: CouncilRef | null;
  ancestors: CouncilRef[];
  children: {
    id: string;
    name: string;
    kind: CouncilKind;
    level: FederationLevel | null;
    councils: number;
    members: number;
  }[];
  offices: { id: string; office: OfficeName; person: { id: string; fullName: string } }[];
  councils: number;
  members: number;
  directMembers: number;
  viewer: CouncilViewer;
}

export interface JoinApplicationReceipt {
  reference: string;
  dueAt: string;
  councilName: string;
}

export interface MyCouncil {
  id: string;
  name: string;
  kind: CouncilKind;
  territory: string;
  membershipStatus: MembershipStatus | null;
  offices: OfficeName[];
}

export interface JoinApplication {
  id: string;
  reference: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  homePlace: string | null;
  workPlace: string | null;
  message: string | null;
  status: ApplicationStatus;
  dueAt: string;
  isOverdue: boolean;
  createdAt: string;
  declineReason: string | null;
}

export interface Acceptance {
  membershipId: string;
  personId: string;
  invitationUrl: string;
}

export interface LedgerEntry {
  seq: number;
  kind: string;
  actor: { id: string; fullName: string } | null;
  recordedAt: string;
  payload: unknown;
  hash: string;
  prevHash: string | null;
}

export interface LedgerPage {
  entries: LedgerEntry[];
  verified: boolean;
}

export interface CouncilMember {
  membershipId: string;
  personId: string;
  fullName: string;
  status: MembershipStatus;
  joinedAt: string;
  email: string | null;
  phone: string | null;
  homePlace: string | null;
  workPlace: string | null;
}

export interface PasswordResetLink {
  /** A site path, "/set-password?token=…". */
  url: string;
}

/** What POST /councils takes. `level` only for federations: local, regional, national or another name. */
export interface NewCouncil {
  name: string;
  kind: CouncilKind;
  territory: string;
  sector?: string;
  level?: string;
  parentId?: string;
  answerDays?: number;
}

export interface CreatedCouncil {
  id: string;
  name: string;
  kind: CouncilKind;
}

/** One line of an import's report; line 1 is the CSV header. */
export interface ImportRow {
  line: number;
  status: 'accepted' | 'rejected';
  field?: string;
  reason?: string;
}

export interface ImportReport {
  imported: number;
  rejected: number;
  rows: ImportRow[];
  /** Members imports only: people of the file who were members already. */
  alreadyMembers?: number;
}

export type ApportionmentMethod = 'fixed' | 'dhondt' | 'sainte-lague' | 'hamilton';

/** A federated council's rule for sharing its seats: `totalSeats` by membership, `seatsPerChild` fixed. */
export interface ApportionmentRule {
  method: ApportionmentMethod;
  totalSeats: number | null;
  seatsPerChild: number | null;
  minimumPerChild: number;
  setAt: string;
}

/** What PUT /councils/:id/apportionment-rule takes: only the fields of the chosen method. */
export type ApportionmentRuleInput =
  | { method: 'fixed'; seatsPerChild: number; minimumPerChild?: number }
  | { method: 'dhondt' | 'sainte-lague' | 'hamilton'; totalSeats: number; minimumPerChild?: number };

/** One child council's line of a table. Quotient and remainder are exact decimals with 6 places. */
export interface ApportionmentLine {
  councilId: string;
  name: string;
  members: number;
  seats: number;
  quotient: string | null;
  /** Hamilton only. */
  remainder: string | null;
  minimumApplied: boolean;
}

/** A tie for the last seats, decided by lot from the table's seed. */
export interface ApportionmentTie {
  councilIds: string[];
  chosen: string[];
  by: 'lot';
  seed: string;
}

export interface Apportionment {
  id: string;
  seq: number;
  method: ApportionmentMethod;
  totalSeats: number;
  seatsPerChild: number | null;
  minimumPerChild: number;
  seed: string;
  effectiveAt: string;
  computedAt: string;
  previousId: string | null;
  rows: ApportionmentLine[];
  ties: ApportionmentTie[];
}

export interface ApportionmentPage {
  councilId: string;
  rule: ApportionmentRule | null;
  /** The latest table, each line with the seats the child held in the table before (null: none). */
  current:
    | (Omit<Apportionment, 'rows'> & { rows: (ApportionmentLine & { previousSeats: number | null })[] })
    | null;
  previous: { id: string; seq: number; effectiveAt: string; totalSeats: number } | null;
}

export interface ApportionmentHistory {
  entries: Apportionment[];
}

export type MandateStatus = 'active' | 'recalled' | 'resigned' | 'expired';

export interface PersonRef {
  id: string;
  fullName: string;
}

/** Who sits in a council at an instant (GET /councils/:id/roll?at=). Weights in thousandths of a vote. */
export interface Roll {
  councilId: string;
  at: string;
  seats: {
    mandateId: string;
    holder: PersonRef;
    weightMillis: number;
    sendingCouncil: CouncilRef;
    termStartsAt: string;
    termEndsAt: string;
    dependsOnMandateId: string | null;
  }[];
  totalWeightMillis: number;
}

export interface Mandate {
  id: string;
  seatCouncilId: string;
  sendingCouncilId: string;
  holderPersonId: string;
  weightMillis: number;
  termStartsAt: string;
  termEndsAt: string;
  status: MandateStatus;
  endedAt: string | null;
  endReason: string | null;
  dependsOnMandateId: string | null;
  electionResultId: string;
  replacesMandateId: string | null;
}

/** GET /mandates/:id: the mandate, its trace down to the base council and its seat's history. */
export interface MandateDetail extends Mandate {
  trace: {
    mandateId: string;
    seatCouncil: CouncilRef;
    sendingCouncil: CouncilRef & { kind: string };
    holder: PersonRef;
    status: MandateStatus;
    endedAt: string | null;
  }[];
  /** Newest first. */
  history: (Mandate & { holderName: string })[];
  /** What the signed-in person may do with this mandate now. */
  viewer: { mayRecall: boolean; mayResign: boolean; mayPetition: boolean };
}

export interface MyMandate extends Mandate {
  seatCouncil: CouncilRef;
  sendingCouncil: CouncilRef;
}

export interface CountedCandidate {
  personId: string;
  votes: number;
}

/** What POST /councils/:id/election-results takes: a paper count signed by two tellers. */
export interface ElectionResultInput {
  source: 'paper-count';
  sheetReference: string;
  tellers: [string, string];
  winners: CountedCandidate[];
  substitutes: CountedCandidate[];
  termEndsAt: string;
}

export interface ElectionResult {
  electionResultId: string;
  seatCouncilId: string;
  termStartsAt: string;
  mandates: {
    mandateId: string;
    personId: string;
    weightMillis: number;
    dependsOnMandateId: string | null;
  }[];
  supersededMandateIds: string[];
}

export interface RecallPetition {
  id: string;
  mandateId: string;
  sendingCouncilId: string;
  reason: string;
  openedAt: string;
  membersAtOpening: number;
  thresholdPercent: number;
  signaturesNeeded: number;
  signatureCount: number;
  /** 'vote-due': the threshold was reached and the recall vote is open; then the vote's outcome. */
  status: 'open' | 'vote-due' | 'recalled' | 'retained';
  thresholdReachedAt: string | null;
  viewerHasSigned: boolean;
}

// Decisions: assemblies (sittings) and polls. Weights are in thousandths of a vote (1000 = 1 vote).

export type AssemblyStatus = 'convened' | 'in-session' | 'closed' | 'cancelled';
export type QuorumRule = { kind: 'more-than-half' } | { kind: 'percent'; percent: number };
export type PollKind = 'motion' | 'election' | 'recall' | 'referendum';
export type PollMethod =
  | 'yes-no'
  | 'plurality'
  | 'approval'
  | 'irv'
  | 'stv-scottish'
  | 'stv-meek'
  | 'stv-wigm'
  | 'schulze';
export type Majority = 'simple' | 'absolute' | 'two-thirds';
export type MajorityBase = 'voting' | 'present' | 'entitled';
export type Secrecy = 'open' | 'roll-call' | 'secret';
export type PollStatus = 'open' | 'closed' | 'cancelled';
export type PollOutcome = 'adopted' | 'rejected' | 'elected' | 'no-valid-ballots';
export type YesNoChoice = 'yes' | 'no' | 'abstain';

/** What POST /councils/:id/assemblies takes. */
export interface AssemblyInput {
  title: string;
  startsAt: string;
  isExtraordinary: boolean;
  place: string | null;
  onlineUrl: string | null;
  quorum: QuorumRule;
  agenda: { title: string; notes: string | null }[];
}

export interface AssemblySummary {
  id: string;
  councilId: string;
  title: string;
  startsAt: string;
  isExtraordinary: boolean;
  place: string | null;
  onlineUrl: string | null;
  status: AssemblyStatus;
}

export interface Quorum {
  presentMillis: number;
  entitledMillis: number;
  neededMillis: number;
  isQuorate: boolean;
}

/** GET /assemblies/:id: the sitting, its quorum now, who is present, its polls, the viewer's rights. */
export interface Assembly extends AssemblySummary {
  councilName: string;
  councilKind: string;
  convenedAt: string;
  openedAt: string | null;
  closedAt: string | null;
  quorumRule: QuorumRule;
  agenda: { id: string; position: number; title: string; notes: string | null }[];
  quorum: Quorum;
  present: { personId: string; name: string; mandateId: string | null; weightMillis: number }[];
  polls: {
    id: string;
    title: string;
    kind: PollKind;
    status: PollStatus;
    outcome: PollOutcome | null;
    secrecy: Secrecy;
  }[];
  viewer: {
    mayChair: boolean;
    isPresent: boolean;
    /** Delegate bodies: the viewer's mandates on this council's roll. */
    mandates: { mandateId: string; weightMillis: number }[];
    isMember: boolean;
  };
}

export type SpeakerKind = 'speak' | 'point-of-order';
export type SpeakerSide = 'pro' | 'contra';

export interface Speaker {
  requestId: string;
  personId: string;
  name: string;
  mandateId: string | null;
  kind: SpeakerKind;
  side: SpeakerSide | null;
  agendaItemId: string | null;
}

/** GET /assemblies/:id/speakers: the queue in the order of the floor, who speaks and since when. */
export interface SpeakersList {
  assemblyId: string;
  /** The server's clock when read: the countdown runs from it. */
  now: string;
  timeLimitSeconds: number;
  alternatesSides: boolean;
  current: (Speaker & { startedAt: string; timeLimitSeconds: number }) | null;
  queue: (Speaker & { requestedAt: string })[];
  mine: {
    requestId: string;
    kind: SpeakerKind;
    side: SpeakerSide | null;
    status: 'waiting' | 'speaking';
    position: number | null;
  } | null;
  viewer: { mayModerate: boolean };
}

/** What POST /councils/:id/polls takes. */
export interface PollInput {
  kind: 'motion' | 'election' | 'referendum';
  assemblyId: string | null;
  title: string;
  body: string | null;
  method: PollMethod;
  options: { label: string; personId: string | null }[];
  seats: number;
  maxMarks: number;
  allowSplit: boolean;
  majority: Majority;
  majorityBase: MajorityBase;
  secrecy: Secrecy;
  closesAt: string | null;
  /** A yes-no vote on a motion before the council, or on one of its amendments. */
  motionId?: string | null;
  amendmentId?: string | null;
}

/** A closed poll's result (core/decisions/polls/poll-tally.ts PollResult); `tally` is the engine's Tally. */
export type PollResult =
  | {
      method: 'yes-no';
      ballots: number;
      totals: Record<YesNoChoice, number>;
      baseMillis: number;
      base: MajorityBase;
      outcome: 'adopted' | 'rejected';
    }
  | {
      method: Exclude<PollMethod, 'yes-no'>;
      ballots: number;
      blank: number;
      tally: unknown;
      elected: number[];
      outcome: 'elected' | 'no-valid-ballots';
    };

export interface Poll {
  id: string;
  councilId: string;
  assemblyId: string | null;
  kind: PollKind;
  title: string;
  body: string | null;
  method: PollMethod;
  options: { label: string; personId: string | null }[];
  seats: number;
  maxMarks: number;
  allowSplit: boolean;
  majority: Majority;
  majorityBase: MajorityBase;
  secrecy: Secrecy;
  electorate: 'members' | 'mandates' | 'members-below';
  recallPetitionId: string | null;
  subjectMandateId: string | null;
  status: PollStatus;
  openedAt: string;
  closesAt: string | null;
  closedAt: string | null;
  entitledMillis: number;
  presentAtOpenMillis: number | null;
  presentAtCloseMillis: number | null;
  seed: string;
  ballotsCast: number;
  result: PollResult | null;
  outcome: PollOutcome | null;
  /** A vote on a motion, or on one of its amendments (both set). */
  motionId: string | null;
  amendmentId: string | null;
  viewer: {
    hasVoted: boolean;
    /** Mandates on this body's roll the viewer may still vote with (delegate bodies). */
    votableMandates: { mandateId: string; weightMillis: number }[];
    mayVote: boolean;
    mayClose: boolean;
  };
}

/** What POST /polls/:id/ballots takes: one of the three shapes, plus the mandate for delegates. */
export type BallotInput = { mandateId?: string } & (
  | { choice: YesNoChoice }
  | { split: Record<YesNoChoice, number> }
  | { ranking: number[] }
);

export interface BallotReceipt {
  pollId: string;
  receiptCode: string;
  weightMillis: number;
}

/** GET /polls/:id/ballots, once closed: every ballot in receipt-code order, and what a recount needs. */
export interface PublishedBallots {
  pollId: string;
  method: PollMethod;
  options: string[];
  seats: number;
  seed: string;
  ballots: {
    receiptCode: string;
    contents: { marks: Record<YesNoChoice, number> } | { ranking: number[] };
    weightMillis: number;
    baseCouncilId: string | null;
    /** Roll-call polls only. */
    voterName: string | null;
  }[];
}

export interface PollSeal {
  recorded: { voters: number; votersDigest: string; ballots: number; ballotsDigest: string } | null;
  current: { voters: number; votersDigest: string; ballots: number; ballotsDigest: string };
  matches: boolean;
}

/** GET /assemblies/:id/minutes: the sitting's minutes (null until generated) and whether the viewer writes them. */
export interface AssemblyMinutes {
  assemblyId: string;
  assemblyTitle: string;
  assemblyStatus: AssemblyStatus;
  councilId: string;
  councilName: string;
  mayWrite: boolean;
  minutes: {
    status: 'draft' | 'approved';
    language: 'es' | 'en';
    markdown: string;
    generatedMarkdown: string;
    isEdited: boolean;
    generatedAt: string;
    editedAt: string | null;
    approvedAt: string | null;
    approvedByPollId: string | null;
    documentDigest: string | null;
    pendingApprovalPollId: string | null;
  } | null;
}

// Motions (server/decisions/motions.schema.ts): submitted to a council, admitted to its agenda, amended
// line by line, put to the vote, forwarded up the federation or merged into a composite.

export type MotionStatus =
  | 'submitted'
  | 'admitted'
  | 'debated'
  | 'voted'
  | 'adopted'
  | 'rejected'
  | 'withdrawn'
  | 'referred';
export type AmendmentStatus = 'submitted' | 'adopted' | 'rejected' | 'withdrawn';
export type InstructionPosition = 'for' | 'against' | 'abstain' | 'free' | 'split';

/** What POST /councils/:id/motions takes. */
export interface MotionInput {
  title: string;
  text: string;
  assemblyId: string | null;
  agendaPosition: number | null;
}

/** What POST /motions/:id/amendments takes: lines lineFrom..lineTo (1-based) of a version replaced. */
export interface AmendmentInput {
  baseVersion: number;
  lineFrom: number;
  /** lineFrom - 1 inserts before lineFrom. */
  lineTo: number;
  replacementLines: string[];
}

export interface MotionSummary {
  id: string;
  councilId: string;
  title: string;
  status: MotionStatus;
  isComposite: boolean;
  submittedByCouncilId: string | null;
  currentVersion: number;
  submittedAt: string;
  decidedAt: string | null;
  /** The body above's decision on the motion this one was forwarded as. */
  parentOutcome: 'adopted' | 'rejected' | null;
  /** The sitting whose agenda has the motion, and its place there. */
  assemblyId: string | null;
  agendaPosition: number | null;
}

export interface LinkedMotion {
  motionId: string;
  councilId: string;
  councilName: string;
  title: string;
  status: MotionStatus;
}

export interface DiffHunkView {
  kind: 'kept' | 'removed' | 'added';
  oldLine: number;
  newLine: number;
  lines: string[];
}

export interface Amendment extends AmendmentInput {
  id: string;
  motionId: string;
  proposedBy: string;
  proposedAt: string;
  status: AmendmentStatus;
  pollId: string | null;
  decidedAt: string | null;
  /** The base version against the base version amended. */
  diff: DiffHunkView[];
}

/** GET /motions/:id. */
export interface Motion extends MotionSummary {
  assemblyId: string | null;
  agendaPosition: number | null;
  text: string;
  submittedBy: string | null;
  statusChangedAt: string;
  outcomePollId: string | null;
  parentDecidedAt: string | null;
  supportersCount: number;
  versions: { version: number; text: string; madeByAmendmentId: string | null; madeAt: string }[];
  amendments: Amendment[];
  lineage: { origin: LinkedMotion | null; forwardedAs: LinkedMotion | null; mergedInto: LinkedMotion | null };
  compositeOrigins: (LinkedMotion & {
    originCouncilId: string;
    originCouncilName: string;
    supportersCount: number;
  })[];
  instructions: {
    councilId: string;
    councilName: string;
    position: InstructionPosition;
    decidedAt: string;
  }[];
  viewer: { isSupporter: boolean; isSubmitter: boolean; mayManage: boolean };
}

// Petitions for a sitting (server/decisions/assembly-petitions.routes.ts): members call a sitting; it
// is convened when the signatures reach the council's share of its members, fixed at opening.

export interface AssemblyPetitionInput {
  title: string;
  reason: string;
  startsAt: string;
  place: string | null;
  onlineUrl: string | null;
  agenda: { title: string; notes: string | null }[];
}

export interface AssemblyPetition extends AssemblyPetitionInput {
  id: string;
  councilId: string;
  openedAt: string;
  membersAtOpening: number;
  sharePercent: number;
  signaturesNeeded: number;
  signatureCount: number;
  status: 'open' | 'convened';
  /** The sitting the petition convened (status 'convened'). */
  assemblyId: string | null;
  viewerHasSigned: boolean;
}

/** GET /councils/:id/assembly-petitions: the council's current share (percent) and its petitions. */
export interface AssemblyPetitionList {
  sharePercent: number;
  petitions: AssemblyPetition[];
}

/** GET /polls/:id/results-by-council: a closed referendum counted per council, in tree order. */
export interface ReferendumCouncilResult {
  councilId: string;
  name: string;
  parentId: string | null;
  entitledMillis: number;
  ballots: number;
  result: PollResult;
  outcome: PollOutcome;
}

export interface ReferendumResultsByCouncil {
  pollId: string;
  councils: ReferendumCouncilResult[];
}

/** POST /polls/:id/paper-ballots: two tellers, who handed in a paper, what the papers said (same count). */
export interface PaperBallotsInput {
  tellers: [string, string];
  voterIds: string[];
  ballots: ({ choice: YesNoChoice } | { ranking: number[] })[];
}

export interface PaperBallotsReceipt {
  receiptCodes: string[];
}
