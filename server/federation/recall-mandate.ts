// The sending council recalls its delegate: an officer (secretary or chair) of the council that issued
// the mandate records its assembly's decision, with the decision's reference and the minute's text. At
// one instant, in this one transaction, the mandate ends, with every mandate above that depends on it,
// the offices held by virtue of those seats, and the first eligible substitutes take the seats.
// Officers of any other council — including the seat council and those above — are refused: a delegate
// answers to the council that sent them. A second recall of the same mandate gets `mandate-ended`.
// (A recall petition leads to a recall vote instead: open-/sign-recall-petition.ts; the vote, issue 5.)
//
// Locks: the mandate FOR UPDATE first (a concurrent recall of it waits here and then finds it ended),
// then as in cascade-mandate-end.ts; the sending council's ledger head last.
import { can } from '../../core/federation/index.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { type CascadeOutcome, endMandatesWithCascade, retryOnDeadlock } from './cascade-mandate-end.ts';
import { findCouncil } from './councils.store.ts';
import { federationError } from './federation-errors.ts';
import { lockMandate, type MandateRow } from './mandates.store.ts';
import { loadViewerFacts } from './viewer-facts.ts';

export interface RecallDecision {
  /** How the council refers to its decision, e.g. "Asamblea 14/2026, punto 3". */
  decisionReference: string;
  minuteText: string;
}

export async function recallMandate(
  db: Db,
  viewer: Viewer | null,
  mandateId: string,
  decision: RecallDecision,
): Promise<CascadeOutcome> {
  return retryOnDeadlock(() =>
    db.transaction().execute(async (tx) => {
      const mandate = await lockMandate(tx, mandateId, 'update');
      if (!mandate) throw federationError('mandate-not-found');
      const sender = await findCouncil(tx, mandate.sending_council_id);
      if (!sender) throw federationError('council-not-found');
      if (!can('recall-mandate', await loadViewerFacts(tx, viewer, sender)))
        throw federationError('not-permitted');
      return endByRecall(tx, mandate, decision, viewer?.personId ?? null);
    }),
  );
}

/**
 * The recall decided by the sending council's recall vote (decisions' close-poll.ts), inside the vote's
 * closing transaction `tx`: the vote is the authority, so no office is asked for. Same locks and cascade.
 */
export async function recallMandateByVote(
  tx: Db,
  mandateId: string,
  decision: RecallDecision & { pollId: string },
): Promise<CascadeOutcome> {
  const mandate = await lockMandate(tx, mandateId, 'update');
  if (!mandate) throw federationError('mandate-not-found');
  return endByRecall(tx, mandate, decision, null);
}

async function endByRecall(
  tx: Db,
  mandate: MandateRow,
  decision: RecallDecision & { pollId?: string },
  actorPersonId: string | null,
): Promise<CascadeOutcome> {
  if (mandate.ended_at !== null) throw federationError('mandate-ended');
  const outcome = await endMandatesWithCascade(tx, [mandate], {
    status: 'recalled',
    reason: decision.decisionReference,
    seatSubstitutesForRoots: true,
  });
  // The term ran out before this instant: nothing left to recall.
  if (!outcome.ended.some((e) => e.cause === 'act')) throw federationError('mandate-ended');
  await appendLedgerEntry(
    tx,
    {
      chainId: mandate.sending_council_id,
      kind: 'mandate.recalled',
      actorPersonId,
      payload: {
        mandateId: mandate.id,
        seatCouncilId: mandate.seat_council_id,
        holderPersonId: mandate.holder_person_id,
        decisionReference: decision.decisionReference,
        minuteText: decision.minuteText,
        ...(decision.pollId ? { pollId: decision.pollId } : {}),
        ...ledgerLines(outcome),
      },
    },
    new Date(outcome.endedAt),
  );
  return outcome;
}

/** What one end-of-mandate entry lists: every mandate ended, offices ended, substitutes seated. */
export function ledgerLines(outcome: CascadeOutcome) {
  return {
    endedAt: outcome.endedAt,
    ended: outcome.ended,
    officesEnded: outcome.officesEnded,
    substitutesSeated: outcome.seated,
    seatsLeftEmpty: outcome.unfilled,
  };
}
