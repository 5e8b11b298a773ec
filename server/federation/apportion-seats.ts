// Recomputes a federated council's apportionment from its rule and the members its live child councils
// have now (a child that is itself a federation counts the active memberships of its whole subtree), and
// records the table as the new head of the council's history, pointing to the one it replaces.
//
// Lock: the federated council's row, taken first and held to commit. It serialises recomputes and rule
// changes of one council, so the head read here is still the head when the new record is inserted — the
// history stays one chain however many recompute at once (the table's constraints refuse a fork anyway).
// Children's counts are read as committed at that moment; a membership that commits later is the next
// recompute's business. No child row is locked, so this never waits on membership changes below.
//
// Refused when nothing changed: the seed is a digest of every input (council, rule, children and their
// members), so an equal seed means the same table; recording it again would only add noise to the
// history. Because the seed depends on nothing else — not the date, not who asks — a tie for the last
// seat cannot be re-drawn by recomputing.
import {
  apportionSeats,
  can,
  type FederationErrorCode,
  MAX_TOTAL_SEATS,
} from '../../core/federation/index.ts';
import type { Db } from '../platform/database.ts';
import { AppError } from '../platform/http-errors.ts';
import { appendLedgerEntry, digestPayload } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import {
  type ApportionmentLine,
  type ApportionmentRecordRow,
  councilsWithRules,
  findRule,
  insertApportionment,
  latestApportionment,
} from './apportionments.store.ts';
import {
  ancestorsOf,
  type CouncilRow,
  childrenWithRollUps,
  findCouncil,
  lockCouncil,
} from './councils.store.ts';
import { federationError } from './federation-errors.ts';
import { loadViewerFacts } from './viewer-facts.ts';

/** On demand, by whoever may apportion seats; `effectiveAt` defaults to now and may not be earlier. */
export async function apportionCouncilSeats(
  db: Db,
  viewer: Viewer | null,
  councilId: string,
  input: { effectiveAt?: Date | undefined } = {},
): Promise<ApportionmentRecordRow> {
  return db.transaction().execute(async (tx) => {
    const council = await lockCouncil(tx, councilId);
    if (!council) throw federationError('council-not-found');
    if (!can('apportion-seats', await loadViewerFacts(tx, viewer, council)))
      throw federationError('not-permitted');
    return recordApportionment(tx, council, viewer?.personId ?? null, input.effectiveAt);
  });
}

/** Outcomes of a recompute the system ran; a code says why no new table was recorded. */
export type RecomputeOutcome =
  | { councilId: string; recorded: true; apportionmentId: string }
  | { councilId: string; recorded: false; reason: FederationErrorCode };

/**
 * For the membership use cases: after a change of members in `councilId` has committed, recomputes the
 * table of every federated council above it that has chosen a rule, nearest first, each in its own
 * transaction (so no lock is held across levels and none is taken while a child's row is locked). The
 * actor is the system (null); a level whose table did not change, or whose rule no longer fits, is
 * reported and skipped.
 */
export async function recomputeApportionmentsAbove(db: Db, councilId: string): Promise<RecomputeOutcome[]> {
  const council = await findCouncil(db, councilId);
  if (!council) throw federationError('council-not-found');
  const ancestors = (await ancestorsOf(db, council)).map((a) => a.id).reverse();
  const withRules = new Set(await councilsWithRules(db, ancestors));
  const outcomes: RecomputeOutcome[] = [];
  for (const id of ancestors.filter((a) => withRules.has(a))) {
    try {
      const record = await db.transaction().execute(async (tx) => {
        const federation = await lockCouncil(tx, id);
        if (!federation) throw federationError('council-not-found');
        return recordApportionment(tx, federation, null, undefined, { onlyWhenSeatsChange: true });
      });
      outcomes.push({ councilId: id, recorded: true, apportionmentId: record.id });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      outcomes.push({ councilId: id, recorded: false, reason: error.code as FederationErrorCode });
    }
  }
  return outcomes;
}

/** The work of one recompute; the caller holds `council`'s row lock and has checked rights. */
async function recordApportionment(
  tx: Db,
  council: CouncilRow,
  actorPersonId: string | null,
  requestedEffectiveAt: Date | undefined,
  options: { onlyWhenSeatsChange?: boolean } = {},
): Promise<ApportionmentRecordRow> {
  if (council.dissolved_at) throw federationError('council-dissolved');
  if (council.kind !== 'federation') throw federationError('not-a-federation');
  const rule = await findRule(tx, council.id);
  if (!rule) throw federationError('no-apportionment-rule');
  const computedAt = new Date();
  const effectiveAt = requestedEffectiveAt ?? computedAt;
  if (effectiveAt < computedAt) throw federationError('effective-at-in-past');

  const children = await childrenWithRollUps(tx, council.id);
  const inputs = {
    councilId: council.id,
    method: rule.method,
    totalSeats: rule.total_seats,
    seatsPerChild: rule.seats_per_child,
    minimumPerChild: rule.minimum_per_child,
    // By id, so the digest does not depend on names or listing order.
    children: children
      .map((c) => ({ councilId: c.id, members: c.members }))
      .sort((a, b) => (a.councilId < b.councilId ? -1 : a.councilId > b.councilId ? 1 : 0)),
  };
  const seed = digestPayload(inputs);
  const previous = await latestApportionment(tx, council.id);
  if (previous?.seed === seed) throw federationError('apportionment-unchanged');

  const result = apportionSeats({
    method: rule.method,
    totalSeats: rule.total_seats ?? 0,
    ...(rule.seats_per_child !== null ? { seatsPerChild: rule.seats_per_child } : {}),
    minimumPerChild: rule.minimum_per_child,
    children: children.map((c) => ({ councilId: c.id, members: c.members })),
    seed,
  });
  if (!result.ok) throw federationError(result.error);
  // 'fixed' totals seats per child × children, which the rule alone does not bound.
  if (result.totalSeats > MAX_TOTAL_SEATS) throw federationError('total-seats-invalid', 'seatsPerChild');

  // After every membership change the members move but the seats mostly do not: the system records a
  // new table only when some child's seats (or the set of children) changed; an officer can always
  // record the current figures on demand.
  if (options.onlyWhenSeatsChange && previous && sameSeats(previous.rows, result.rows)) {
    throw federationError('apportionment-unchanged');
  }

  const rows: ApportionmentLine[] = result.rows.map((row, i) => ({
    councilId: row.councilId,
    name: children[i]!.name,
    members: row.members,
    seats: row.seats,
    quotient: row.quotient ?? null,
    remainder: row.remainder ?? null,
    minimumApplied: row.minimumApplied,
  }));
  const record = await insertApportionment(
    tx,
    {
      councilId: council.id,
      method: rule.method,
      totalSeats: result.totalSeats,
      seatsPerChild: rule.seats_per_child,
      minimumPerChild: rule.minimum_per_child,
      seed,
      effectiveAt,
      computedAt,
      rows,
      ties: result.ties,
      actorPersonId,
    },
    previous,
  );
  await appendLedgerEntry(
    tx,
    {
      chainId: council.id,
      kind: 'seats.apportioned',
      actorPersonId,
      payload: {
        apportionmentId: record.id,
        councilId: council.id,
        seq: record.seq,
        previousId: record.previous_id,
        method: rule.method,
        totalSeats: result.totalSeats,
        seatsPerChild: rule.seats_per_child,
        minimumPerChild: rule.minimum_per_child,
        seed,
        effectiveAt: effectiveAt.toISOString(),
        rows,
        ties: result.ties,
      },
    },
    computedAt,
  );
  return record;
}

function sameSeats(before: ApportionmentLine[], after: Array<{ councilId: string; seats: number }>): boolean {
  if (before.length !== after.length) return false;
  const seats = new Map(before.map((r) => [r.councilId, r.seats]));
  return after.every((r) => seats.get(r.councilId) === r.seats);
}
