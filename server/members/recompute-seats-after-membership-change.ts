// Seats in the federations above follow membership (issue 4: apportionment "recomputed when memberships
// change"). Runs after the membership transaction has committed — never inside it, so no council lock
// is held across levels — and records a new table only where some seats actually moved. A failure
// here does not undo the membership: it is reported, and the next change or an officer's recompute
// catches up.
import { recomputeApportionmentsAbove } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';

export async function recomputeSeatsAfterMembershipChange(db: Db, councilId: string): Promise<void> {
  try {
    await recomputeApportionmentsAbove(db, councilId);
  } catch (error) {
    process.stderr.write(
      `cabildo: seats above council ${councilId} not recomputed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  }
}
