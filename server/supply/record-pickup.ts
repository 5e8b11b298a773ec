// A household collects its allocation: an officer of the council ticks it on the round's list, naming
// the volunteer who handed it out (a member of the council; by default the officer). The pick-up writes
// a distribution event of the allocated quantity at the round's depot, under the stock ledger's lock,
// so the shelf never goes negative (if other issues emptied it since the round opened, the pick-up is
// refused with stock-would-go-negative and nothing is written).
// Locks: the round FOR SHARE (closing takes FOR UPDATE), the household's line FOR UPDATE — a second
// tick of the same household waits and is refused as already picked up.
import { activeMembersAmong } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import type { Viewer } from '../platform/sessions.ts';
import { appendStockEvent } from './append-stock-event.ts';
import { authorizeCouncil } from './depot-access.ts';
import { findRound, lockEntitlement, markPickedUp } from './distribution-rounds.store.ts';
import { enterStockEvent } from './stock-ledger-entry.ts';
import { supplyError } from './supply-errors.ts';

export async function recordPickup(
  db: Db,
  viewer: Viewer,
  roundId: string,
  input: { householdId: string; volunteerId?: string | undefined },
): Promise<{ stockEventId: string; allocatedMilli: string; pickedUpAt: string }> {
  return db.transaction().execute(async (tx) => {
    const round = await findRound(tx, roundId, 'share');
    if (!round) throw supplyError('round-not-found', 'id');
    await authorizeCouncil(tx, viewer, round.council_id, 'record-pickup', 'id');
    if (round.status !== 'open') throw supplyError('round-closed', 'id');
    const volunteer = input.volunteerId ?? viewer.personId;
    if (
      input.volunteerId &&
      !(await activeMembersAmong(tx, round.council_id, [input.volunteerId])).has(input.volunteerId)
    )
      throw supplyError('volunteer-not-member', 'volunteerId');
    const line = await lockEntitlement(tx, round.id, input.householdId);
    if (!line) throw supplyError('household-not-in-round', 'householdId');
    if (line.picked_up_at) throw supplyError('already-picked-up', 'householdId');
    const allocated = BigInt(line.allocated_milli);
    if (allocated === 0n) throw supplyError('nothing-allocated', 'householdId');
    const event = await appendStockEvent(tx, {
      depotId: round.depot_id,
      itemId: round.item_id,
      kind: 'distribution',
      deltaMilli: -allocated,
      occurredAt: null,
      source: null,
      reason: null,
      countedMilli: null,
      reversesEventId: null,
      transferId: null,
      recordedBy: viewer.personId,
      note: `${round.title}`,
    });
    await markPickedUp(tx, round.id, input.householdId, volunteer, event.id, event.occurredAt);
    await enterStockEvent(
      tx,
      round.council_id,
      viewer.personId,
      'distribution-round.picked-up',
      { ...event, depotId: round.depot_id, itemId: round.item_id },
      { roundId: round.id, householdId: input.householdId, handedOutBy: volunteer },
    );
    return { stockEventId: event.id, allocatedMilli: allocated.toString(), pickedUpAt: event.occurredAt };
  });
}
