// A sending council's officer records the result of its election for its seats in the council above
// from a paper count (a tally sheet signed by two tellers); an election held as a poll records its
// result when the poll closes (recordElectionResultOfPoll, in the poll's closing transaction). The winners receive mandates from this instant to the end of the term, the next in order
// become ranked substitutes, and the council's earlier mandates there end at the same instant
// (status 'expired', reason 'superseded'), with what depended on them — except for a delegate elected
// again, whose seats above move onto the new mandate.
//
// Weight: the seat council's weight rule as committed when this result reads it (the rule is written
// under the seat council's lock, not the sender's: one set meanwhile applies from the next result), by
// core mandateWeightMillis from the apportionment row this result uses — one seat, one vote gives 1000;
// 'represented-members' the members each of the sender's seats stands for against the average seat.
// Fixed at issue: substitutes inherit it, and a later change of rule waits for the next election.
//
// Locks, in order: the sending council's row (one election result of a council at a time); for a
// federated sending council, FOR SHARE on the seats the winners and substitutes hold in it (they cannot
// be recalled before the mandates that depend on them commit; a recall waits, then cascades to them);
// the council's current mandates in the seat council FOR UPDATE, then what depends on them
// (cascade-mandate-end.ts, where the instant is read); the ledger head last.
import {
  type CountedCandidate,
  can,
  checkElectionResult,
  checkHolder,
  checkTerm,
  mandateWeightMillis,
} from '../../core/federation/index.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import {
  type ApportionmentRecordRow,
  findApportionment,
  findRule,
  latestApportionment,
} from './apportionments.store.ts';
import { endMandatesWithCascade, retryOnDeadlock } from './cascade-mandate-end.ts';
import { type CouncilRow, findCouncil, lockCouncil } from './councils.store.ts';
import { federationError } from './federation-errors.ts';
import {
  activeMembersAmong,
  databaseInstant,
  heldSeatsOfSender,
  type InstantIso,
  insertElectionResult,
  insertMandate,
  insertSubstitutes,
  lockActiveMandatesOfSender,
  repointDependents,
  shareLockSeatsInSender,
} from './mandates.store.ts';
import { announceRollChanges } from './roll-events.ts';
import { loadViewerFacts } from './viewer-facts.ts';

export interface ElectionResultInput {
  sheetReference: string;
  tellers: readonly [string, string];
  /** In order of votes; at most the seats the council has above. */
  winners: readonly CountedCandidate[];
  /** Ranked: the first takes the first seat left empty. */
  substitutes: readonly CountedCandidate[];
  termEndsAt: string;
}

export interface RecordedElection {
  electionResultId: string;
  seatCouncilId: string;
  termStartsAt: InstantIso;
  mandates: Array<{
    mandateId: string;
    personId: string;
    weightMillis: number;
    dependsOnMandateId: string | null;
  }>;
  supersededMandateIds: string[];
}

export async function recordElectionResult(
  db: Db,
  viewer: Viewer | null,
  councilId: string,
  input: ElectionResultInput,
): Promise<RecordedElection> {
  return retryOnDeadlock(() =>
    db.transaction().execute(async (tx) => {
      const sender = await lockCouncil(tx, councilId);
      if (!sender) throw federationError('council-not-found');
      if (!can('record-election-result', await loadViewerFacts(tx, viewer, sender)))
        throw federationError('not-permitted');
      return recordIn(tx, sender, viewer?.personId ?? null, { ...input, pollId: null, vacanciesOnly: false });
    }),
  );
}

/**
 * The result of an election held as a poll of the sending council, recorded inside the poll's closing
 * transaction `tx`: the poll is the authority. Winners beyond the seats the council has now (its
 * apportionment may have changed since the poll opened) become the first substitutes, in order.
 */
export async function recordElectionResultOfPoll(
  tx: Db,
  councilId: string,
  poll: { pollId: string; title: string; termEndsAt: string; vacanciesOnly: boolean },
  ranked: { winners: readonly CountedCandidate[]; others: readonly CountedCandidate[] },
): Promise<RecordedElection> {
  const sender = await lockCouncil(tx, councilId);
  if (!sender) throw federationError('council-not-found');
  const parent = sender.parent_id ? await findCouncil(tx, sender.parent_id) : undefined;
  const apportionment = parent ? await apportionmentInEffect(tx, parent.id, new Date()) : undefined;
  const apportioned = apportionment?.rows.find((r) => r.councilId === sender.id)?.seats ?? 0;
  // A by-election has only the empty seats to give (re-checked under the locks in recordIn).
  const seats =
    poll.vacanciesOnly && parent
      ? Math.max(0, apportioned - (await heldSeatsOfSender(tx, parent.id, sender.id)))
      : apportioned;
  return recordIn(tx, sender, null, {
    sheetReference: poll.title.slice(0, 200),
    tellers: null,
    pollId: poll.pollId,
    vacanciesOnly: poll.vacanciesOnly,
    winners: ranked.winners.slice(0, seats),
    substitutes: [...ranked.winners.slice(seats), ...ranked.others],
    termEndsAt: poll.termEndsAt,
  });
}

type RecordInput = Omit<ElectionResultInput, 'tellers'> & {
  tellers: readonly [string, string] | null;
  pollId: string | null;
  /** A by-election: fill the council's empty seats, supersede nobody. */
  vacanciesOnly: boolean;
};

async function recordIn(
  tx: Db,
  sender: CouncilRow,
  actorPersonId: string | null,
  input: RecordInput,
): Promise<RecordedElection> {
  if (sender.dissolved_at) throw federationError('council-dissolved');
  const parent = sender.parent_id ? await findCouncil(tx, sender.parent_id) : undefined;
  if (!parent) throw federationError('no-parent-council');
  if (parent.dissolved_at) throw federationError('council-dissolved');

  const apportionment = await apportionmentInEffect(tx, parent.id, new Date());
  const line = apportionment?.rows.find((r) => r.councilId === sender.id);
  // A poll's order comes from its counting method (ranked methods need not follow first-preference
  // totals; the poll's tally records why), so only a paper count's order is checked against its votes.
  const total = input.winners.length + input.substitutes.length;
  const inOrder = (list: readonly CountedCandidate[], from: number) =>
    input.pollId ? list.map((c, i) => ({ ...c, votes: from - i })) : list;
  const shape = checkElectionResult(
    line?.seats ?? null,
    inOrder(input.winners, total),
    inOrder(input.substitutes, input.substitutes.length),
  );
  if (!shape.ok) throw federationError(shape.error, shape.field);
  if (!apportionment || !line) throw federationError('no-seats-apportioned');

  const everyone = [...input.winners, ...input.substitutes].map((c) => c.personId);
  const isBase = sender.kind !== 'federation';
  const members = isBase ? await activeMembersAmong(tx, sender.id, everyone) : new Set<string>();
  const seatsInSender = isBase
    ? new Map<string, string>()
    : await shareLockSeatsInSender(tx, sender.id, everyone, await databaseInstant(tx));
  const dependsOn = new Map<string, string | null>();
  for (const [field, list] of [
    ['winners', input.winners],
    ['substitutes', input.substitutes],
  ] as const) {
    for (const c of list) {
      const holder = checkHolder({
        sendingIsBase: isBase,
        isActiveMember: members.has(c.personId),
        mandateInSenderId: seatsInSender.get(c.personId) ?? null,
      });
      if (!holder.ok) throw federationError(holder.error, field);
      dependsOn.set(c.personId, holder.dependsOnMandateId);
    }
  }

  const current = await lockActiveMandatesOfSender(tx, parent.id, sender.id);
  const winnerIds = new Set(input.winners.map((w) => w.personId));
  if (input.vacanciesOnly) {
    // A by-election fills only the seats left empty; the sitting delegates keep theirs.
    if (input.winners.length > line.seats - current.length)
      throw federationError('too-many-winners', 'winners');
    if (current.some((m) => winnerIds.has(m.holder_person_id)))
      throw federationError('duplicate-candidate', 'winners');
  }
  const reElected = input.vacanciesOnly ? [] : current.filter((m) => winnerIds.has(m.holder_person_id));
  const superseded = await endMandatesWithCascade(tx, input.vacanciesOnly ? [] : current, {
    status: 'expired',
    reason: 'superseded',
    seatSubstitutesForRoots: false,
    keepDependentsOf: new Set(reElected.map((m) => m.id)),
  });
  const at = superseded.endedAt;
  if (!checkTerm(new Date(at), new Date(input.termEndsAt))) throw federationError('term-end-invalid');

  const electionResultId = await insertElectionResult(tx, {
    sendingCouncilId: sender.id,
    seatCouncilId: parent.id,
    apportionmentId: apportionment.id,
    seats: line.seats,
    sheetReference: input.sheetReference,
    tellers: input.tellers,
    pollId: input.pollId,
    tally: [
      ...input.winners.map((c) => ({ ...c, elected: true })),
      ...input.substitutes.map((c) => ({ ...c, elected: false })),
    ],
    recordedAt: at,
    recordedBy: actorPersonId,
  });
  const weightRule = (await findRule(tx, parent.id))?.weight_rule ?? 'one-seat-one-vote';
  const weightMillis = mandateWeightMillis(weightRule, {
    childMembers: line.members,
    childSeats: line.seats,
    totalMembers: apportionment.rows.reduce((sum, r) => sum + r.members, 0),
    totalSeats: apportionment.total_seats,
  });
  const mandates: RecordedElection['mandates'] = [];
  for (const winner of input.winners) {
    const dependsOnMandateId = dependsOn.get(winner.personId) ?? null;
    const mandateId = await insertMandate(tx, {
      seatCouncilId: parent.id,
      sendingCouncilId: sender.id,
      holderPersonId: winner.personId,
      weightMillis,
      termStartsAt: at,
      termEndsAt: input.termEndsAt,
      dependsOnMandateId,
      electionResultId,
      replacesMandateId: null,
    });
    mandates.push({ mandateId, personId: winner.personId, weightMillis, dependsOnMandateId });
  }
  await insertSubstitutes(
    tx,
    { id: electionResultId, seatCouncilId: parent.id, sendingCouncilId: sender.id },
    input.substitutes.map((c) => c.personId),
  );
  const carriedOver: Array<{ mandateId: string; from: string; to: string }> = [];
  for (const old of reElected) {
    const to = mandates.find((m) => m.personId === old.holder_person_id)!.mandateId;
    for (const id of await repointDependents(tx, old.id, to))
      carriedOver.push({ mandateId: id, from: old.id, to });
  }

  await announceRollChanges(tx, [parent.id]);
  await appendLedgerEntry(
    tx,
    {
      chainId: sender.id,
      kind: 'election-result.recorded',
      actorPersonId,
      payload: {
        electionResultId,
        sendingCouncilId: sender.id,
        seatCouncilId: parent.id,
        apportionmentId: apportionment.id,
        seats: line.seats,
        weightRule,
        source: input.pollId ? 'poll' : 'paper-count',
        sheetReference: input.sheetReference,
        tellers: input.tellers ? [...input.tellers] : null,
        pollId: input.pollId,
        winners: input.winners,
        substitutes: input.substitutes,
        termStartsAt: at,
        termEndsAt: input.termEndsAt,
        mandates,
        superseded: superseded.ended,
        carriedOver,
        substitutesSeated: superseded.seated,
        seatsLeftEmpty: superseded.unfilled,
        officesEnded: superseded.officesEnded,
      },
    },
    new Date(at),
  );
  return {
    electionResultId,
    seatCouncilId: parent.id,
    termStartsAt: at,
    mandates,
    supersededMandateIds: superseded.ended.filter((e) => e.cause === 'act').map((e) => e.mandateId),
  };
}

/** The parent's table in effect at `at`: its latest record, or the one before while that is still to come. */
async function apportionmentInEffect(
  tx: Db,
  seatCouncilId: string,
  at: Date,
): Promise<ApportionmentRecordRow | undefined> {
  let record = await latestApportionment(tx, seatCouncilId);
  while (record && new Date(record.effective_at) > at) {
    record = record.previous_id ? await findApportionment(tx, record.previous_id) : undefined;
  }
  return record;
}
