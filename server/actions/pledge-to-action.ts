// A member of a base council in the scope pledges to take part in a called action — unconditionally, or
// "if at least N of my council do, me included". A second pledge by the same person replaces the first
// (its threshold; a withdrawn pledge is pledged again): one row per person per action (unique index),
// and the request can be retried safely.
//
// Pledges arrive in bursts (a national call, a million members), so they go to the database in groups,
// one queue per database and action (ADR 0010, after ADR 0007 for ballots): a group is one transaction
// of a dozen set-based statements, whatever the number of its pledges and councils. Each pledge keeps
// its own answer — a refusal refuses that pledge only — and its own ledger entry; a group holds each
// person once (a repeat waits for the next group). Within a council, the group's pledges are taken one
// step at a time in the order they arrived, each resolving the council from scratch
// (core/actions/pledge-steps.ts), so conditional pledges resolve in the step that crosses their
// threshold, never before, exactly as separate acts would.
//
// Locks, in this order:
//  1. the councils' counter rows in action_councils FOR UPDATE, in the order of their ids: a council's
//     pledges are serialised (with withdrawals, which take the same row), and each resolution reads and
//     writes a stable set; two groups with councils in common wait for each other, never in a circle;
//  2. the councils' ledger heads, in the order of their ids (appendLedgerEntries);
//  3. last, the action row FOR SHARE, checking again that it is called: a suspension or lifting takes it
//     FOR NO KEY UPDATE at its vote's closing, so a group either commits before the change or sees it
//     and is refused whole (rolled back). Last, because the closing holds the calling body's ledger
//     head when it takes the action. (The status is also read without a lock at the start.)
// Ledger: one entry per pledge in the pledger's council chain, naming the pledge and the pledges it
// activated or put back by id, with no actor — ledger readers see actors' names, and who pledged is for
// the council's officers.
import {
  type LivePledge,
  mayAct,
  runPledgeSteps,
  type StepOutcome,
  takesPledges,
} from '../../core/actions/index.ts';
import { retryOnDeadlock } from '../federation/index.ts';
import { keyedBatchQueues, runDistinct } from '../platform/batch-queue.ts';
import type { Db } from '../platform/database.ts';
import type { AppError } from '../platform/http-errors.ts';
import { appendLedgerEntries, type LedgerAct } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { actionsError } from './actions-errors.ts';
import { findCollectiveAction } from './collective-actions.store.ts';
import {
  lockActionCouncils,
  type PledgerFacts,
  pledgerFacts,
  pledgesOfCouncilsOrPersons,
  scopeMembershipsOf,
  upsertPledges,
  writeCouncilCounters,
  writeResolvedPledges,
} from './pledge-group.store.ts';
import type { PledgeRow } from './pledges.store.ts';

export interface PledgeOutcome {
  pledge: PledgeRow;
  activeInCouncil: number;
  pendingInCouncil: number;
  /** Conditional pledges of the council (the pledger's own included) that this act made active. */
  activated: number;
}

interface PledgeCall {
  personId: string;
  isAdmin: boolean;
  councilId: string | null;
  threshold: number | null;
}

type PledgeAnswer = { outcome: PledgeOutcome } | { refused: AppError };

const MAX_GROUP = 256;
const GROUPS_IN_FLIGHT = 2;

let groupsSent = 0;
let pledgesSent = 0;

/** Groups sent and pledges they carried, since the process started (tests and the benchmark). */
export const pledgeGroupStats = () => ({ groups: groupsSent, pledges: pledgesSent });

const pushPledge = keyedBatchQueues<Db, PledgeCall, PledgeAnswer>({
  run: (db, actionId, calls) =>
    runDistinct(
      calls,
      (c) => c.personId,
      (group) => retryOnDeadlock(() => pledgeGroup(db, actionId, group)),
    ),
  maxBatch: MAX_GROUP,
  maxInFlight: GROUPS_IN_FLIGHT,
});

export async function pledgeToAction(
  db: Db,
  viewer: Viewer,
  actionId: string,
  input: { councilId: string | null; threshold: number | null },
): Promise<PledgeOutcome> {
  const answer = await pushPledge(db, actionId, {
    personId: viewer.personId,
    isAdmin: viewer.isAdmin,
    councilId: input.councilId,
    threshold: input.threshold,
  });
  if ('refused' in answer) throw answer.refused;
  return answer.outcome;
}

/** One transaction for a group of distinct persons' pledges to one action (see the file comment). */
function pledgeGroup(db: Db, actionId: string, calls: PledgeCall[]): Promise<PledgeAnswer[]> {
  groupsSent++;
  pledgesSent += calls.length;
  return db.transaction().execute(async (tx) => {
    const action = await findCollectiveAction(tx, actionId);
    if (!action) throw actionsError('action-not-found');
    if (!takesPledges(action.status))
      throw actionsError('action-not-called', undefined, `the action is ${action.status}`);
    const answers: (PledgeAnswer | undefined)[] = new Array(calls.length);
    const councilOf = await pledgeCouncils(tx, actionId, calls, answers);
    const asked = calls.flatMap((c, i) => {
      const councilId = councilOf[i];
      return councilId ? [{ i, personId: c.personId, councilId }] : [];
    });
    const facts = asked.length > 0 ? await pledgerFacts(tx, asked) : [];
    asked.forEach(({ i }, k) => {
      const refusal = pledgeRefusal(calls[i]!, facts[k]!);
      if (refusal) answers[i] = { refused: refusal };
    });
    const open = () =>
      calls.flatMap((c, i) => (answers[i] ? [] : [{ i, call: c, councilId: councilOf[i]! }]));
    const counters = await lockActionCouncils(tx, actionId, [...new Set(open().map((o) => o.councilId))]);
    for (const o of open())
      if (!counters.has(o.councilId)) answers[o.i] = { refused: actionsError('council-not-in-scope') };

    const current = await pledgesOfCouncilsOrPersons(
      tx,
      actionId,
      [...counters.keys()],
      open().map((o) => o.call.personId),
    );
    const byPerson = new Map(current.map((p) => [p.person_id, p]));
    const writes: { i: number; call: PledgeCall; councilId: string; isLive: boolean }[] = [];
    for (const o of open()) {
      const before = byPerson.get(o.call.personId);
      const isLive = before !== undefined && before.status !== 'withdrawn';
      if (isLive && before.council_id !== o.councilId) answers[o.i] = { refused: pledgedElsewhere() };
      else if (isLive && before.threshold === o.call.threshold)
        continue; // answered below, in its turn
      else writes.push({ ...o, isLive });
    }
    const upserted =
      writes.length > 0
        ? await upsertPledges(
            tx,
            actionId,
            writes.map((w) => ({
              personId: w.call.personId,
              councilId: w.councilId,
              threshold: w.call.threshold,
            })),
          )
        : [];
    const rowOf = new Map(upserted.map((r) => [r.person_id, r]));
    const steps = writes.filter((w) => {
      if (rowOf.has(w.call.personId)) return true;
      answers[w.i] = { refused: pledgedElsewhere() };
      return false;
    });

    // Each council's steps in the order the pledges arrived, over its live pledges before the group.
    const outcomeOf = new Map<number, StepOutcome>();
    const finals: Parameters<typeof writeResolvedPledges>[1][number][] = [];
    const lastOf = new Map<string, StepOutcome>();
    for (const councilId of new Set(steps.map((s) => s.councilId))) {
      const mine = steps.filter((s) => s.councilId === councilId);
      const live = current
        .filter((p) => p.council_id === councilId && p.status !== 'withdrawn')
        .map(livePledge);
      const run = runPledgeSteps(
        live,
        mine.map((s) => ({ id: rowOf.get(s.call.personId)!.id, threshold: s.call.threshold })),
      );
      for (const [k, s] of mine.entries()) outcomeOf.set(s.i, run.outcomes[k]!);
      lastOf.set(councilId, run.outcomes.at(-1)!);
      finals.push(...run.final.values());
    }
    const written = finals.length > 0 ? await writeResolvedPledges(tx, finals) : [];
    const rowById = new Map([...upserted, ...written].map((r) => [r.id, r]));
    await writeCouncilCounters(
      tx,
      actionId,
      [...lastOf].map(([councilId, o]) => ({ councilId, active: o.count, pending: o.pending })),
    );
    const acts: LedgerAct[] = steps.map((s) => {
      const row = rowOf.get(s.call.personId)!;
      const o = outcomeOf.get(s.i)!;
      return {
        chainId: s.councilId,
        kind: s.isLive ? 'collective-action.pledge-changed' : 'collective-action.pledged',
        actorPersonId: null,
        payload: {
          actionId,
          pledgeId: row.id,
          threshold: s.call.threshold,
          activeInCouncil: o.count,
          activatedPledgeIds: o.activated,
          deactivatedPledgeIds: o.deactivated,
        },
      };
    });
    await appendLedgerEntries(tx, acts);
    if (steps.length > 0) await assertStillCalled(tx, actionId);

    // Answers in the order of arrival; a pledge that changed nothing reports its council as it stood then.
    const standing = new Map(
      [...counters].map(([id, c]) => [id, { count: c.active_pledges, pending: c.pending_pledges }]),
    );
    return calls.map((call, i): PledgeAnswer => {
      const given = answers[i];
      if (given) return given;
      const councilId = councilOf[i]!;
      const o = outcomeOf.get(i);
      if (o) {
        standing.set(councilId, o);
        const pledge = rowById.get(rowOf.get(call.personId)!.id)!;
        return {
          outcome: {
            pledge,
            activeInCouncil: o.count,
            pendingInCouncil: o.pending,
            activated: o.activated.length,
          },
        };
      }
      const now = standing.get(councilId)!;
      return {
        outcome: {
          pledge: byPerson.get(call.personId)!,
          activeInCouncil: now.count,
          pendingInCouncil: now.pending,
          activated: 0,
        },
      };
    });
  });
}

/** The last lock of a pledge act (see the file comment): refuses if a change of status got in first. */
async function assertStillCalled(tx: Db, actionId: string): Promise<void> {
  const action = await findCollectiveAction(tx, actionId, 'share');
  if (!action || !takesPledges(action.status))
    throw actionsError('action-not-called', undefined, `the action is ${action?.status}`);
}

/** The council each pledge is made in: the one named, or the person's only council in scope. */
async function pledgeCouncils(
  tx: Db,
  actionId: string,
  calls: readonly PledgeCall[],
  answers: (PledgeAnswer | undefined)[],
): Promise<(string | null)[]> {
  const unnamed = calls.filter((c) => c.councilId === null).map((c) => c.personId);
  const scope = unnamed.length > 0 ? await scopeMembershipsOf(tx, actionId, unnamed) : new Map();
  return calls.map((c, i) => {
    if (c.councilId !== null) return c.councilId;
    const councils: string[] = scope.get(c.personId) ?? [];
    if (councils.length === 1) return councils[0]!;
    answers[i] = {
      refused: actionsError(councils.length === 0 ? 'not-a-member' : 'pledge-council-ambiguous'),
    };
    return null;
  });
}

/**
 * Refusals in the order a single pledge meets them. The pledge rule of the permissions table reads
 * membership only (a core test pins that), so the group loads that one fact for each pledger.
 */
function pledgeRefusal(call: PledgeCall, facts: PledgerFacts): AppError | null {
  if (!facts.councilFound) return actionsError('council-not-found', 'councilId');
  const viewerFacts = {
    isAdmin: call.isAdmin,
    isMember: facts.isMember,
    isMemberBelow: false,
    officesHere: [],
    officesAbove: [],
  };
  if (!mayAct('pledge', viewerFacts)) return actionsError('not-a-member', 'councilId');
  if (facts.councilDissolved) return actionsError('council-dissolved', 'councilId');
  return null;
}

const pledgedElsewhere = () =>
  actionsError('council-not-in-scope', 'councilId', 'the person pledged in another council: withdraw first');

const livePledge = (p: PledgeRow): LivePledge => ({
  id: p.id,
  threshold: p.threshold,
  status: p.status === 'active' ? 'active' : 'pending',
  resolvedCount: p.resolved_count,
});
