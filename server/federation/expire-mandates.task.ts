// Mandates whose term has run out: they left every roll at term_ends_at already (the roll reads
// active_until), but what depends on them — the seats their holders were elected to above — must end
// too, and the mandate's own status must say 'expired'. This task does both, one mandate per
// transaction, with the cascade's locks (ADR 0004): the dependents end at the instant the task reads,
// the expired mandate at its term's end. Between the term's end and the task's run (at most its
// interval) a dependent seat above still confers rights: the interval bounds that window.
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import { endMandatesWithCascade, retryOnDeadlock } from './cascade-mandate-end.ts';
import { lockMandate, markTermEnded, termEndedMandateIds } from './mandates.store.ts';
import { ledgerLines } from './recall-mandate.ts';

export async function expireMandates(db: Db): Promise<string[]> {
  const expired: string[] = [];
  for (const id of await termEndedMandateIds(db)) {
    const done = await retryOnDeadlock(() =>
      db.transaction().execute(async (tx) => {
        const mandate = await lockMandate(tx, id, 'update');
        if (!mandate || mandate.ended_at !== null) return false;
        const outcome = await endMandatesWithCascade(tx, [mandate], {
          status: 'expired',
          reason: 'term-ended',
          seatSubstitutesForRoots: false,
        });
        await markTermEnded(tx, mandate.id);
        await appendLedgerEntry(
          tx,
          {
            chainId: mandate.sending_council_id,
            kind: 'mandate.expired',
            actorPersonId: null,
            payload: {
              mandateId: mandate.id,
              seatCouncilId: mandate.seat_council_id,
              holderPersonId: mandate.holder_person_id,
              termEndsAt: mandate.term_ends_at,
              ...ledgerLines(outcome),
            },
          },
          new Date(outcome.endedAt),
        );
        return true;
      }),
    );
    if (done) expired.push(id);
  }
  return expired;
}
