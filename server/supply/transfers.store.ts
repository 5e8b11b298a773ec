// The only file of transfers that runs SQL. A transfer's quantity is in transit (on neither shelf) from
// sending to receiving; the legs are stock events carrying its id (stock-events.store.ts).
import { sql } from 'kysely';
import { type Db, isoUs } from '../platform/database.ts';

export interface TransferRow {
  id: string;
  item_id: string;
  item_name: string;
  base_unit: string;
  from_depot_id: string;
  from_depot_name: string;
  from_council_id: string;
  to_depot_id: string;
  to_depot_name: string;
  to_council_id: string;
  quantity_milli: bigint;
  status: 'in-transit' | 'received';
  accepted_milli: bigint | null;
  rejected_milli: bigint | null;
  rejection_note: string | null;
  note: string | null;
  sent_at: string;
  sent_by: string;
  received_at: string | null;
  received_by: string | null;
}

type RawTransfer = Omit<TransferRow, 'quantity_milli' | 'accepted_milli' | 'rejected_milli'> & {
  quantity_milli: string;
  accepted_milli: string | null;
  rejected_milli: string | null;
};

const transferColumns = sql`
  t.id, t.item_id, i.name as item_name, i.base_unit, t.from_depot_id, fd.name as from_depot_name, t.from_council_id,
  t.to_depot_id, td.name as to_depot_name, t.to_council_id, t.quantity_milli::text as quantity_milli, t.status,
  t.accepted_milli::text as accepted_milli, t.rejected_milli::text as rejected_milli, t.rejection_note, t.note,
  ${isoUs(sql`t.sent_at`)} as sent_at, t.sent_by, ${isoUs(sql`t.received_at`)} as received_at, t.received_by`;
const transferFrom = sql`
  from transfers t join items i on i.id = t.item_id
  join depots fd on fd.id = t.from_depot_id join depots td on td.id = t.to_depot_id`;

const toTransfer = (r: RawTransfer): TransferRow => ({
  ...r,
  quantity_milli: BigInt(r.quantity_milli),
  accepted_milli: r.accepted_milli === null ? null : BigInt(r.accepted_milli),
  rejected_milli: r.rejected_milli === null ? null : BigInt(r.rejected_milli),
});

export async function findTransfer(db: Db, id: string): Promise<TransferRow | undefined> {
  const row = (
    await sql<RawTransfer>`select ${transferColumns} ${transferFrom} where t.id = ${id}`.execute(db)
  ).rows[0];
  return row ? toTransfer(row) : undefined;
}

/**
 * Row lock: serialises the receipt of one transfer (of two concurrent confirmations, the second waits
 * here and then finds it received). Taken before any balance row.
 */
export async function lockTransfer(tx: Db, id: string): Promise<TransferRow | undefined> {
  const row = (
    await sql<RawTransfer>`select ${transferColumns} ${transferFrom} where t.id = ${id} for update of t`.execute(
      tx,
    )
  ).rows[0];
  return row ? toTransfer(row) : undefined;
}

export interface NewTransfer {
  itemId: string;
  fromDepotId: string;
  fromCouncilId: string;
  toDepotId: string;
  toCouncilId: string;
  quantityMilli: bigint;
  note: string | null;
  sentAt: string;
  sentBy: string;
}

export async function insertTransfer(tx: Db, t: NewTransfer): Promise<string> {
  return (
    await sql<{ id: string }>`
      insert into transfers (item_id, from_depot_id, from_council_id, to_depot_id, to_council_id, quantity_milli,
                             status, note, sent_at, sent_by)
      values (${t.itemId}, ${t.fromDepotId}, ${t.fromCouncilId}, ${t.toDepotId}, ${t.toCouncilId},
              ${t.quantityMilli.toString()}::bigint, 'in-transit', ${t.note}, ${t.sentAt}::timestamptz, ${t.sentBy})
      returning id`.execute(tx)
  ).rows[0]!.id;
}

export async function markReceived(
  tx: Db,
  id: string,
  r: { acceptedMilli: bigint; rejectedMilli: bigint; rejectionNote: string | null; at: string; by: string },
): Promise<void> {
  await sql`update transfers
               set status = 'received', accepted_milli = ${r.acceptedMilli.toString()}::bigint,
                   rejected_milli = ${r.rejectedMilli.toString()}::bigint, rejection_note = ${r.rejectionNote},
                   received_at = ${r.at}::timestamptz, received_by = ${r.by}
             where id = ${id}`.execute(tx);
}

/** Transfers a council sent or is to receive, newest first. */
export async function councilTransfers(
  db: Db,
  councilId: string,
  status: 'in-transit' | 'received' | undefined,
  limit: number,
): Promise<TransferRow[]> {
  const { rows } = await sql<RawTransfer>`
    select ${transferColumns} ${transferFrom}
     where (t.from_council_id = ${councilId} or t.to_council_id = ${councilId})
       and (${status ?? null}::text is null or t.status = ${status ?? null})
     order by t.sent_at desc, t.id limit ${limit}`.execute(db);
  return rows.map(toTransfer);
}
