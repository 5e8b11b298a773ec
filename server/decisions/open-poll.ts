// A council's officer opens a poll: on a motion (yes/no/abstain with its majority), an election (any
// method of the counting engine; optionally of the council's delegates to the body above), or — in a
// federated council — a referendum of every member of every base council under it. Inside a sitting,
// a binding poll opens only with quorum; outside one, it runs until its closing time or until closed.
// Who votes is fixed by the body: its active members, or the mandates on its roll (with their weights).
//
// Locks: for a poll in a sitting, the assembly row FOR UPDATE (check-in/out take it too, so the weight
// counted is the weight present at this instant) and FOR SHARE on the present delegates' mandates (a
// recall waits for this commit); the instant is read after them. The ledger head last.
import { randomBytes } from 'node:crypto';
import { checkPollRules, mayDecide, type PollRules, type Secrecy } from '../../core/decisions/index.ts';
import {
  type CouncilRow,
  databaseInstant,
  federationError,
  findCouncil,
  loadViewerFacts,
} from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import { publishEvent } from '../platform/realtime.ts';
import type { Viewer } from '../platform/sessions.ts';
import { entitledMillis, lockAssembly, shareLockPresentMandates } from './assemblies.store.ts';
import { assemblyQuorum, electorateOf } from './assembly-quorum.ts';
import { decisionError } from './decisions-errors.ts';
import { bindPollToMotion } from './motion-poll-subject.ts';
import { pollSubjectKind } from './poll-subjects.ts';
import { hasOpenPollOn, insertPoll, type NewPoll, type PollOption } from './polls.store.ts';

export interface PollInput {
  kind: 'motion' | 'election' | 'referendum';
  assemblyId: string | null;
  title: string;
  body: string | null;
  method: PollRules['method'];
  options: PollOption[];
  seats: number;
  maxMarks: number;
  allowSplit: boolean;
  majority: PollRules['majority'];
  majorityBase: PollRules['majorityBase'];
  secrecy: Secrecy;
  closesAt: string | null;
  /**
   * An election of the council's delegates to its parent body: the end of their term. Every option
   * names a person; at closing the winners receive mandates and the rest become ranked substitutes.
   */
  delegatesTermEndsAt?: string | null | undefined;
  /** With delegatesTermEndsAt: a by-election, filling only the seats left empty. */
  fillsVacancies?: boolean | undefined;
  /** A vote on a motion before this body, or on one of its amendments (motion-poll-subject.ts). */
  motionId?: string | null | undefined;
  amendmentId?: string | null | undefined;
  /** A subject another context decides by this vote (poll-subjects.ts): a yes-no motion poll. */
  subject?: { kind: string; id: string } | null | undefined;
}

export async function openPoll(db: Db, viewer: Viewer, councilId: string, input: PollInput): Promise<string> {
  return db.transaction().execute(async (tx) => {
    const council = await findCouncil(tx, councilId);
    if (!council) throw federationError('council-not-found');
    if (council.dissolved_at) throw federationError('council-dissolved');
    if (!mayDecide('open-poll', await loadViewerFacts(tx, viewer, council)))
      throw decisionError('not-permitted');
    if (input.kind === 'referendum' && council.kind !== 'federation')
      throw decisionError('poll-shape-invalid', 'kind');
    if (input.kind === 'referendum' && input.assemblyId)
      throw decisionError('poll-shape-invalid', 'assemblyId');
    const rules = checkPollRules({ ...input, options: input.options.map((o) => o.label) });
    if (!rules.ok) throw decisionError(rules.error, rules.field);
    const { delegatesTermEndsAt, fillsVacancies, motionId, amendmentId, subject: decides, ...poll } = input;
    const subject = await bindPollToMotion(tx, council, input, () => databaseInstant(tx));
    const other = decides ? await openOnSubject(tx, council.id, input, decides) : null;
    const electsDelegates = delegatesTermEndsAt !== undefined && delegatesTermEndsAt !== null;
    if (fillsVacancies && !electsDelegates) throw decisionError('poll-shape-invalid', 'fillsVacancies');
    if (electsDelegates) {
      if (input.kind !== 'election') throw decisionError('poll-shape-invalid', 'delegatesTermEndsAt');
      if (!council.parent_id) throw federationError('no-parent-council');
      const unnamed = input.options.findIndex((o) => o.personId === null);
      if (unnamed >= 0) throw decisionError('poll-shape-invalid', `options.${unnamed}.personId`);
      if (new Set(input.options.map((o) => o.personId)).size !== input.options.length)
        throw decisionError('poll-shape-invalid', 'options');
    }
    const pollId = await insertOpenedPoll(tx, council, viewer.personId, {
      ...poll,
      motionId: subject?.motionId ?? null,
      amendmentId: subject?.amendmentId ?? null,
      subjectKind: decides?.kind ?? null,
      subjectId: decides?.id ?? null,
      maxMarks: rules.value.maxMarks,
      electorate: input.kind === 'referendum' ? 'members-below' : electorateOf(council),
      recallPetitionId: null,
      subjectMandateId: null,
      seatCouncilId: electsDelegates ? council.parent_id : null,
      termEndsAt: electsDelegates ? delegatesTermEndsAt : null,
      fillsVacancies: electsDelegates && fillsVacancies === true,
    });
    await subject?.opened(tx, pollId);
    if (decides) await other?.opened?.(tx, { councilId: council.id, subjectId: decides.id, pollId });
    return pollId;
  });
}

/** A vote that decides another context's subject: a yes-no motion, not also on a motion of this body. */
async function openOnSubject(
  tx: Db,
  councilId: string,
  input: PollInput,
  decides: { kind: string; id: string },
) {
  const kind = pollSubjectKind(decides.kind);
  if (input.kind !== 'motion') throw decisionError('poll-shape-invalid', 'kind');
  if (input.method !== 'yes-no') throw decisionError('poll-shape-invalid', 'method');
  if (input.motionId || input.amendmentId) throw decisionError('poll-shape-invalid', 'subject');
  if (await hasOpenPollOn(tx, decides.kind, decides.id)) throw decisionError('subject-in-vote', 'subject');
  await kind.opening(tx, { councilId, subjectId: decides.id });
  return kind;
}

type OpenedPoll = Omit<
  NewPoll,
  'councilId' | 'openedAt' | 'openedBy' | 'entitledMillis' | 'presentAtOpenMillis' | 'seed'
>;

/** Checks the sitting's quorum, inserts the poll and records it; shared with the recall vote. */
export async function insertOpenedPoll(
  tx: Db,
  council: CouncilRow,
  openedBy: string | null,
  poll: OpenedPoll,
): Promise<string> {
  let presentAtOpenMillis: number | null = null;
  if (poll.assemblyId) {
    const assembly = await lockAssembly(tx, poll.assemblyId);
    if (!assembly || assembly.council_id !== council.id)
      throw decisionError('assembly-not-found', 'assemblyId');
    if (assembly.status !== 'in-session') throw decisionError('assembly-not-in-session', 'assemblyId');
    await shareLockPresentMandates(tx, assembly.id);
    const quorum = await assemblyQuorum(tx, assembly, council, await databaseInstant(tx));
    if (!quorum.isQuorate) throw decisionError('quorum-not-met');
    presentAtOpenMillis = quorum.presentMillis;
  }
  const at = await databaseInstant(tx);
  if (poll.closesAt !== null && Date.parse(poll.closesAt) <= Date.parse(at))
    throw decisionError('poll-shape-invalid', 'closesAt');
  const entitled = await entitledMillis(tx, council, poll.electorate, at);
  if (entitled === 0) throw decisionError('not-entitled');
  const seed = randomBytes(16).toString('hex');
  const id = await insertPoll(tx, {
    ...poll,
    councilId: council.id,
    openedAt: at,
    openedBy,
    entitledMillis: entitled,
    presentAtOpenMillis,
    seed,
  });
  await appendLedgerEntry(
    tx,
    {
      chainId: council.id,
      kind: 'poll.opened',
      actorPersonId: openedBy,
      payload: {
        pollId: id,
        ...poll,
        options: poll.options.map((o) => ({ ...o })),
        entitledMillis: entitled,
        presentAtOpenMillis,
        seed,
      },
    },
    new Date(at),
  );
  if (poll.assemblyId)
    await publishEvent(tx, `assembly:${poll.assemblyId}`, { type: 'poll-opened', data: { pollId: id } });
  return id;
}
