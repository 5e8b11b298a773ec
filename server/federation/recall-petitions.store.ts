// The only file of the federation context that runs SQL on recall_settings, recall_petitions and
// recall_signatures. A petition's signature_count and status change only under its row lock.
import { sql } from 'kysely';
import { DEFAULT_RECALL_THRESHOLD_PERCENT } from '../../core/federation/index.ts';
import type { Db } from '../platform/database.ts';

export interface PetitionRow {
  id: string;
  mandate_id: string;
  sending_council_id: string;
  reason: string;
  opened_by: string;
  opened_at: Date;
  members_at_opening: number;
  threshold_percent: number;
  signatures_needed: number;
  signature_count: number;
  status: 'open' | 'vote-due' | 'recalled' | 'retained';
  threshold_reached_at: Date | null;
}

/** The council's threshold, in percent of its members; 20 unless the council set another. */
export async function recallThresholdPercent(db: Db, councilId: string): Promise<number> {
  const { rows } = await sql<{ threshold_percent: number }>`
    select threshold_percent from recall_settings where council_id = ${councilId}`.execute(db);
  return rows[0]?.threshold_percent ?? DEFAULT_RECALL_THRESHOLD_PERCENT;
}

export async function upsertRecallThreshold(
  tx: Db,
  councilId: string,
  percent: number,
  by: string | null,
  at: Date,
): Promise<void> {
  await sql`
    insert into recall_settings (council_id, threshold_percent, set_at, set_by)
    values (${councilId}, ${percent}, ${at}, ${by})
    on conflict (council_id) do update
       set threshold_percent = excluded.threshold_percent, set_at = excluded.set_at, set_by = excluded.set_by`.execute(
    tx,
  );
}

export interface NewPetition {
  mandateId: string;
  sendingCouncilId: string;
  reason: string;
  openedBy: string;
  openedAt: Date;
  membersAtOpening: number;
  thresholdPercent: number;
  signaturesNeeded: number;
}

/** Undefined when a petition against the mandate is already open or vote-due (the partial unique index). */
export async function insertPetition(tx: Db, p: NewPetition): Promise<PetitionRow | undefined> {
  const { rows } = await sql<PetitionRow>`
    insert into recall_petitions (mandate_id, sending_council_id, reason, opened_by, opened_at, members_at_opening,
                                  threshold_percent, signatures_needed, status)
    values (${p.mandateId}, ${p.sendingCouncilId}, ${p.reason}, ${p.openedBy}, ${p.openedAt}, ${p.membersAtOpening},
            ${p.thresholdPercent}, ${p.signaturesNeeded}, 'open')
    on conflict (mandate_id) where status in ('open', 'vote-due') do nothing
    returning *`.execute(tx);
  return rows[0];
}

export async function findPetition(db: Db, id: string): Promise<PetitionRow | undefined> {
  return (await sql<PetitionRow>`select * from recall_petitions where id = ${id}`.execute(db)).rows[0];
}

/** Row lock: serialises the signatures of one petition, so exactly one of them crosses the threshold. */
export async function lockPetition(tx: Db, id: string): Promise<PetitionRow | undefined> {
  return (await sql<PetitionRow>`select * from recall_petitions where id = ${id} for update`.execute(tx))
    .rows[0];
}

export async function petitionsOfMandate(db: Db, mandateId: string): Promise<PetitionRow[]> {
  const { rows } = await sql<PetitionRow>`
    select * from recall_petitions where mandate_id = ${mandateId} order by opened_at desc limit 50`.execute(
    db,
  );
  return rows;
}

/** False when the person had already signed. */
export async function insertSignature(
  tx: Db,
  petitionId: string,
  personId: string,
  at: Date,
): Promise<boolean> {
  const { rows } = await sql<{ person_id: string }>`
    insert into recall_signatures (petition_id, person_id, signed_at) values (${petitionId}, ${personId}, ${at})
    on conflict do nothing returning person_id`.execute(tx);
  return rows.length === 1;
}

export async function hasSigned(db: Db, petitionId: string, personId: string): Promise<boolean> {
  const { rows } = await sql<{ ok: boolean }>`
    select exists(select 1 from recall_signatures where petition_id = ${petitionId} and person_id = ${personId}) as ok`.execute(
    db,
  );
  return rows[0]?.ok === true;
}

/** Counts one more signature; the caller holds the petition's row lock and says whether it crossed. */
export async function countSignature(
  tx: Db,
  petitionId: string,
  crossed: boolean,
  at: Date,
): Promise<PetitionRow> {
  return (
    await sql<PetitionRow>`
      update recall_petitions
         set signature_count = signature_count + 1,
             status = case when ${crossed}::boolean then 'vote-due' else status end,
             threshold_reached_at = case when ${crossed}::boolean then ${at}::timestamptz else threshold_reached_at end
       where id = ${petitionId} returning *`.execute(tx)
  ).rows[0]!;
}

/** The petition ends in its vote's outcome (decisions' close-poll.ts, in the vote's closing transaction). */
export async function decideRecallPetition(
  tx: Db,
  petitionId: string,
  status: 'recalled' | 'retained',
  at: string,
): Promise<void> {
  await sql`update recall_petitions set status = ${status}, decided_at = ${at}::timestamptz
             where id = ${petitionId} and status = 'vote-due'`.execute(tx);
}
