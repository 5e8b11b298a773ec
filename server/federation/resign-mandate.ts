// The holder resigns their mandate. It ends as a recall does — at one instant, with what depends on it,
// and the first eligible substitute seated — and the entry goes on the sending council's chain, whose
// members are owed the account. Only the holder may resign; a mandate already ended gets `mandate-ended`.
// Locks: as recall-mandate.ts.
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { type CascadeOutcome, endMandatesWithCascade, retryOnDeadlock } from './cascade-mandate-end.ts';
import { federationError } from './federation-errors.ts';
import { lockMandate } from './mandates.store.ts';
import { ledgerLines } from './recall-mandate.ts';

export async function resignMandate(
  db: Db,
  viewer: Viewer,
  mandateId: string,
  reason: string | null,
): Promise<CascadeOutcome> {
  return retryOnDeadlock(() =>
    db.transaction().execute(async (tx) => {
      const mandate = await lockMandate(tx, mandateId, 'update');
      if (!mandate) throw federationError('mandate-not-found');
      if (mandate.holder_person_id !== viewer.personId) throw federationError('mandate-not-held');
      if (mandate.ended_at !== null) throw federationError('mandate-ended');
      const outcome = await endMandatesWithCascade(tx, [mandate], {
        status: 'resigned',
        reason: reason ?? 'resigned',
        seatSubstitutesForRoots: true,
      });
      if (!outcome.ended.some((e) => e.cause === 'act')) throw federationError('mandate-ended');
      await appendLedgerEntry(
        tx,
        {
          chainId: mandate.sending_council_id,
          kind: 'mandate.resigned',
          actorPersonId: viewer.personId,
          payload: {
            mandateId,
            seatCouncilId: mandate.seat_council_id,
            holderPersonId: mandate.holder_person_id,
            reason,
            ...ledgerLines(outcome),
          },
        },
        new Date(outcome.endedAt),
      );
      return outcome;
    }),
  );
}
