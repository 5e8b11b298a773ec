// The step that recall, resignation and a superseding election share: end some mandates at ONE instant,
// with every mandate that depends on them (transitively, up the federation), the offices their holders
// took by virtue of those seats, and seat the first eligible substitute in each seat left empty.
//
// Locks, in this order (ADR 0004): the caller has locked the root mandates FOR UPDATE; here the
// dependents are locked FOR UPDATE nearest level first; only then is the instant read from the database
// clock. Every use of a right takes FOR SHARE on its mandate (mandate-rights.ts), so the instant is later
// than the commit of every use that got its lock first, and every use that comes after waits for this
// transaction and then sees the mandate ended. Substitutes' rows are locked next, then (federated
// senders) the substitutes' own seats FOR SHARE; the caller appends its ledger entry last.
import type { Db } from '../platform/database.ts';
import { findCouncil } from './councils.store.ts';
import { federationError } from './federation-errors.ts';
import {
  activeMembersAmong,
  databaseInstant,
  endMandates,
  endOfficesHeldByVirtueOf,
  type InstantIso,
  insertMandate,
  lockDependentsOf,
  lockUnusedSubstitutes,
  type MandateRow,
  markSubstituteUsed,
  shareLockSeatsInSender,
  sitsFor,
} from './mandates.store.ts';
import { announceRollChanges } from './roll-events.ts';

export interface EndedMandate {
  mandateId: string;
  seatCouncilId: string;
  sendingCouncilId: string;
  holderPersonId: string;
  /** 'act' for the mandate the act named, 'cascade' for one that depended on it. */
  cause: 'act' | 'cascade';
}

export interface SeatedSubstitute {
  mandateId: string;
  replacesMandateId: string;
  personId: string;
  rank: number;
  seatCouncilId: string;
  sendingCouncilId: string;
}

export interface CascadeOutcome {
  endedAt: InstantIso;
  ended: EndedMandate[];
  seated: SeatedSubstitute[];
  /** Seats left empty: no unused eligible substitute (a by-election is the sending council's business). */
  unfilled: Array<{ mandateId: string; seatCouncilId: string; sendingCouncilId: string }>;
  officesEnded: Array<{ officeId: string; councilId: string; office: string; personId: string }>;
}

export interface CascadeOptions {
  status: 'recalled' | 'resigned' | 'expired';
  reason: string;
  /** A recall or resignation leaves the seat to a substitute; a superseded mandate's seat goes to the new winners. */
  seatSubstitutesForRoots: boolean;
  /**
   * Roots whose holder was elected again: what depends on them is not ended (the caller re-points it to
   * the holder's new mandate), so re-electing a delegate does not unseat them in the bodies above.
   */
  keepDependentsOf?: ReadonlySet<string>;
}

/** ISO instants of one format compare as text. */
const before = (a: InstantIso, b: InstantIso) => a < b;

export async function endMandatesWithCascade(
  tx: Db,
  lockedRoots: readonly MandateRow[],
  options: CascadeOptions,
): Promise<CascadeOutcome> {
  const dependents = await lockDependentsOf(
    tx,
    lockedRoots.map((r) => r.id).filter((id) => !options.keepDependentsOf?.has(id)),
  );
  const at = await databaseInstant(tx);
  // A root whose term already ran out confers nothing; an act cannot end it a second time.
  const roots = lockedRoots.filter((r) => r.ended_at === null && before(at, r.term_ends_at));
  const endedRoots = await endMandates(
    tx,
    roots.map((r) => r.id),
    at,
    options.status,
    options.reason,
  );
  const endedDependents = await endMandates(
    tx,
    dependents.map((d) => d.id),
    at,
    options.status,
    'cascade',
  );
  const ended: EndedMandate[] = [
    ...roots.filter((r) => endedRoots.includes(r.id)).map((r) => endedOf(r, 'act')),
    ...dependents.filter((d) => endedDependents.includes(d.id)).map((d) => endedOf(d, 'cascade')),
  ];
  const offices = await endOfficesHeldByVirtueOf(
    tx,
    ended.map((e) => e.mandateId),
    at,
  );

  // Lower seats first: a substitute seated below may be the one eligible for a seat above.
  const toFill = [
    ...(options.seatSubstitutesForRoots ? roots.filter((r) => endedRoots.includes(r.id)) : []),
    ...dependents.filter((d) => endedDependents.includes(d.id)),
  ].filter((m) => before(at, m.term_ends_at));
  const seated: SeatedSubstitute[] = [];
  const unfilled: CascadeOutcome['unfilled'] = [];
  for (const mandate of toFill) {
    const substitute = await seatSubstitute(tx, mandate, at);
    if (substitute) seated.push(substitute);
    else
      unfilled.push({
        mandateId: mandate.id,
        seatCouncilId: mandate.seat_council_id,
        sendingCouncilId: mandate.sending_council_id,
      });
  }
  await announceRollChanges(tx, [
    ...ended.map((e) => e.seatCouncilId),
    ...seated.map((x) => x.seatCouncilId),
  ]);
  return {
    endedAt: at,
    ended,
    seated,
    unfilled,
    officesEnded: offices.map((o) => ({
      officeId: o.id,
      councilId: o.council_id,
      office: o.office,
      personId: o.person_id,
    })),
  };
}

function endedOf(m: MandateRow, cause: EndedMandate['cause']): EndedMandate {
  return {
    mandateId: m.id,
    seatCouncilId: m.seat_council_id,
    sendingCouncilId: m.sending_council_id,
    holderPersonId: m.holder_person_id,
    cause,
  };
}

/**
 * The first unused substitute of the election that issued `ended` who is still eligible (an active member
 * of a base sending council, or seated in a federated one) and does not already sit for that council,
 * takes the seat from `at` to the end of the term, with the same weight. Ineligible ones stay unused.
 */
async function seatSubstitute(tx: Db, ended: MandateRow, at: InstantIso): Promise<SeatedSubstitute | null> {
  const sender = await findCouncil(tx, ended.sending_council_id);
  if (!sender) throw federationError('council-not-found');
  const candidates = await lockUnusedSubstitutes(tx, ended.election_result_id);
  const personIds = candidates.map((c) => c.person_id);
  const isBase = sender.kind !== 'federation';
  const members = isBase ? await activeMembersAmong(tx, sender.id, personIds) : new Set<string>();
  const seats = isBase
    ? new Map<string, string>()
    : await shareLockSeatsInSender(tx, sender.id, personIds, at);
  for (const candidate of candidates) {
    const eligible = isBase ? members.has(candidate.person_id) : seats.has(candidate.person_id);
    if (!eligible) continue;
    if (await sitsFor(tx, ended.seat_council_id, sender.id, candidate.person_id)) continue;
    const mandateId = await insertMandate(tx, {
      seatCouncilId: ended.seat_council_id,
      sendingCouncilId: sender.id,
      holderPersonId: candidate.person_id,
      weightMillis: ended.weight_millis,
      termStartsAt: at,
      termEndsAt: ended.term_ends_at,
      dependsOnMandateId: isBase ? null : (seats.get(candidate.person_id) ?? null),
      electionResultId: ended.election_result_id,
      replacesMandateId: ended.id,
    });
    await markSubstituteUsed(tx, candidate.id, mandateId, at);
    return {
      mandateId,
      replacesMandateId: ended.id,
      personId: candidate.person_id,
      rank: candidate.rank,
      seatCouncilId: ended.seat_council_id,
      sendingCouncilId: sender.id,
    };
  }
  return null;
}

/**
 * Runs `work` (one whole transaction) again when PostgreSQL broke a deadlock by aborting it (40P01):
 * two acts on crossing chains of mandates (a recall below seating a substitute whose own seat another
 * recall holds) can wait on each other; the survivor commits, the victim retries on fresh rows.
 */
export async function retryOnDeadlock<T>(work: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code !== '40P01' || attempt >= attempts) throw error;
    }
  }
}
