// What a stock act puts in its council's ledger: the event as written, amounts as decimal text of
// milli-units (bigint does not go through JSON).
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { AppendedStockEvent } from './append-stock-event.ts';

export async function enterStockEvent(
  tx: Db,
  councilId: string,
  actorPersonId: string,
  kind: string,
  event: AppendedStockEvent & { depotId: string; itemId: string },
  extra: Record<string, unknown> = {},
): Promise<void> {
  await appendLedgerEntry(
    tx,
    {
      chainId: councilId,
      kind,
      actorPersonId,
      payload: {
        eventId: event.id,
        depotId: event.depotId,
        itemId: event.itemId,
        deltaMilli: event.deltaMilli.toString(),
        occurredAt: event.occurredAt,
        balanceMilli: event.balanceMilli.toString(),
        ...extra,
      },
    },
    new Date(event.recordedAt),
  );
}
