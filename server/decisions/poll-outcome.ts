// What a closed poll's result decides, applied in the closing transaction (close-poll.ts), so the
// decision and its effects commit together or not at all:
// - a recall vote: adopted → the mandate is recalled at this instant, with its cascade (ADR 0004), and
//   the petition ends 'recalled'; rejected → the petition ends 'retained' and the mandate stands.
//   Locks: the petition's row, then the mandate and its dependents FOR UPDATE (recallMandateByVote).
// - an election of delegates: its winners receive mandates in the body above and the other candidates
//   become ranked substitutes, as a paper count would (recordElectionResultOfPoll, with its locks). If
//   the result cannot be recorded (a winner left the council, the council has no seats any more), the
//   poll still closes with its count, the election result is not recorded, and the ledger says why —
//   a savepoint undoes the partial work.
import { sql } from 'kysely';
import type { PollResult, Tally } from '../../core/decisions/index.ts';
import {
  decideRecallPetition,
  recallMandateByVote,
  recordElectionResultOfPoll,
} from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import { AppError } from '../platform/http-errors.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import { applyMinutesApproval } from './approve-minutes-by-poll.ts';
import { pollSubjectKind } from './poll-subjects.ts';
import type { PollRow } from './polls.store.ts';
import { recordMotionOutcome } from './record-motion-outcome.ts';

export async function applyPollOutcome(tx: Db, poll: PollRow, result: PollResult, at: string): Promise<void> {
  if (poll.kind === 'recall' && poll.recall_petition_id && poll.subject_mandate_id) {
    const recalled = result.outcome === 'adopted';
    await decideRecallPetition(tx, poll.recall_petition_id, recalled ? 'recalled' : 'retained', at);
    if (recalled) {
      await recallMandateByVote(tx, poll.subject_mandate_id, {
        pollId: poll.id,
        decisionReference: `recall vote ${poll.id}`,
        minuteText: `${poll.title}: ${figuresOf(result)}`,
      });
    }
  }
  if (poll.kind === 'election' && poll.seat_council_id && poll.term_ends_at && result.method !== 'yes-no') {
    await recordDelegates(tx, poll, result, at);
  }
  // A vote on a motion or an amendment: its status or next version, and the decision back to its origins.
  if (poll.motion_id) await recordMotionOutcome(tx, poll, result, at);
  // A vote on approving minutes (approve-minutes-by-poll.ts): adopted → the minutes are approved.
  if (poll.kind === 'motion') await applyMinutesApproval(tx, poll, result.outcome, at);
  // A subject another context decides by vote (poll-subjects.ts): it applies the outcome here.
  if (poll.subject_kind && poll.subject_id)
    await pollSubjectKind(poll.subject_kind).decided(tx, {
      pollId: poll.id,
      councilId: poll.council_id,
      subjectId: poll.subject_id,
      outcome: result.outcome,
      at,
      summary: `${poll.title}: ${figuresOf(result)}`,
    });
}

const figuresOf = (result: PollResult) =>
  result.method === 'yes-no'
    ? `yes ${result.totals.yes / 1000}, no ${result.totals.no / 1000}, abstain ${result.totals.abstain / 1000}`
    : '';

async function recordDelegates(
  tx: Db,
  poll: PollRow,
  result: Extract<PollResult, { tally: Tally | null }>,
  at: string,
): Promise<void> {
  const firstTotals = result.tally?.rounds[0]?.totals ?? [];
  const candidate = (option: number) => ({
    personId: poll.options[option]?.personId ?? '',
    votes: Math.floor(Number(firstTotals[option] ?? 0)),
  });
  const others = candidateOrder(result.tally, poll.options.length).filter((o) => !result.elected.includes(o));
  await sql`savepoint delegates_of_poll`.execute(tx);
  try {
    await recordElectionResultOfPoll(
      tx,
      poll.council_id,
      {
        pollId: poll.id,
        title: poll.title,
        termEndsAt: poll.term_ends_at ?? '',
        vacanciesOnly: poll.fills_vacancies,
      },
      { winners: result.elected.map(candidate), others: others.map(candidate) },
    );
    await sql`release savepoint delegates_of_poll`.execute(tx);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    await sql`rollback to savepoint delegates_of_poll`.execute(tx);
    await appendLedgerEntry(
      tx,
      {
        chainId: poll.council_id,
        kind: 'election-result.not-recorded',
        actorPersonId: null,
        payload: { pollId: poll.id, code: error.code, message: error.message, field: error.field ?? null },
      },
      new Date(at),
    );
  }
}

/**
 * The candidates from strongest to weakest: by the method's ranking when it gives one (plurality,
 * approval, Schulze); otherwise (STV, IRV) those still standing at the end by their last totals, then the
 * excluded, the later excluded first; ties in option order.
 */
function candidateOrder(tally: Tally | null, options: number): number[] {
  const all = Array.from({ length: options }, (_, i) => i);
  if (!tally) return all;
  if (tally.ranking) return tally.ranking.flat();
  const excludedAt = new Map<number, number>();
  for (const round of tally.rounds) for (const c of round.excluded) excludedAt.set(c, round.stage);
  const last = tally.rounds.at(-1)?.totals ?? [];
  const standing = (c: number) => excludedAt.get(c) ?? Number.POSITIVE_INFINITY;
  return all.sort(
    (a, b) => standing(b) - standing(a) || Number(last[b] ?? 0) - Number(last[a] ?? 0) || a - b,
  );
}
