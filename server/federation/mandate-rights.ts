// The rights primitive every act of a delegate calls (ballots, speaking slots, quorum weight — issue 5)
// inside the act's own transaction, before it writes: "a mandate that is recalled, expired or resigned
// confers no right from that instant; a right used before the instant stands, after it is refused"
// (DESIGN §3, invariant 3).
//
// Why FOR SHARE makes it hold. The act takes FOR SHARE on the mandate row and keeps it to its commit.
// Ending a mandate takes FOR UPDATE on the same row and reads its instant from the database clock only
// after that lock is granted (cascade-mandate-end.ts). So:
//  - an act that got its share lock first holds it to its commit; the end waits, and its instant is later
//    than that commit: the right was used before the instant, and stands;
//  - an act that asks after the end took its lock waits for the end to commit, then (READ COMMITTED
//    re-reads a locked row's newest version) sees ended_at set and is refused;
//  - an act that starts after the end committed sees ended_at set and is refused.
// Many acts share the lock at once, so using rights never serialises delegates against each other.
// The check reads the clock after the lock too, so a term that ran out while the act waited is refused.
import type { Db } from '../platform/database.ts';
import { federationError } from './federation-errors.ts';
import { databaseInstant, type InstantIso, lockMandate, type MandateRow } from './mandates.store.ts';

export interface MandateRight {
  mandate: MandateRow;
  /** The instant the right was checked (database clock, after the lock): the act is dated from it. */
  checkedAt: InstantIso;
}

/**
 * Refuses unless `personId` holds `mandateId` and it is active now: `mandate-not-found` (404),
 * `mandate-not-held` (403), `mandate-ended` (409). Call it inside the act's transaction `tx`.
 */
export async function assertMandateRight(tx: Db, mandateId: string, personId: string): Promise<MandateRight> {
  const mandate = await lockMandate(tx, mandateId, 'share');
  if (!mandate) throw federationError('mandate-not-found');
  if (mandate.holder_person_id !== personId) throw federationError('mandate-not-held');
  const checkedAt = await databaseInstant(tx);
  // Same ISO format on both sides, so text order is time order.
  if (mandate.ended_at !== null || checkedAt >= mandate.term_ends_at || checkedAt < mandate.term_starts_at) {
    throw federationError('mandate-ended');
  }
  return { mandate, checkedAt };
}
