// A sending council's officer records the result of its election for its seats in the council above —
// today from a paper count (a tally sheet signed by two tellers; elections held as polls arrive with
// issue 5). The winners receive mandates from this instant to the end of the term, the next in order
// become ranked substitutes, and the council's earlier mandates there end at the same instant
// (status 'expired', reason 'superseded'), with what depended on them — except for a delegate elected
// again, whose seats above move onto the new mandate.
//
// Weight: one seat, one vote (1000) — the only rule a parent body can choose so far; the apportionment
// row this result uses already carries what 'represented-members' needs (core mandateWeightMillis).
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
  latestApportionment,
} from './apportionments.store.ts';
import { endMandatesWithCascade, retryOnDeadlock } from './cascade-mandate-end.ts';
import { findCouncil, lockCouncil } from './councils.store.ts';
import { federationError } from './federation-errors.ts';
import {
  activeMembersAmong,
  databaseInstant,
  type InstantIso,
  insertElectionResult,
  insertMandate,
  insertSubstitutes,
  lockActiveMandatesOfSender,
  repointDependents,
  shareLockSeatsInSender,
} from './mandates.store.ts';
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
      if (sender.dissolved_at) throw federationError('council-dissolved');
      const parent = sender.parent_id ? await findCouncil(tx, sender.parent_id) : undefined;
      if (!parent) throw federationError('no-parent-council');
      if (parent.dissolved_at) throw federationError('council-dissolved');

      const apportionment = await apportionmentInEffect(tx, parent.id, new Date());
      const line = apportionment?.rows.find((r) => r.councilId === sender.id);
      const shape = checkElectionResult(line?.seats ?? null, input.winners, input.substitutes);
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
      const reElected = current.filter((m) => winnerIds.has(m.holder_person_id));
      const superseded = await endMandatesWithCascade(tx, current, {
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
        tally: [
          ...input.winners.map((c) => ({ ...c, elected: true })),
          ...input.substitutes.map((c) => ({ ...c, elected: false })),
        ],
        recordedAt: at,
        recordedBy: viewer?.personId ?? null,
      });
      const weightMillis = mandateWeightMillis('one-seat-one-vote', {
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

      await appendLedgerEntry(
        tx,
        {
          chainId: sender.id,
          kind: 'election-result.recorded',
          actorPersonId: viewer?.personId ?? null,
          payload: {
            electionResultId,
            sendingCouncilId: sender.id,
            seatCouncilId: parent.id,
            apportionmentId: apportionment.id,
            seats: line.seats,
            source: 'paper-count',
            sheetReference: input.sheetReference,
            tellers: [...input.tellers],
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
    }),
  );
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
