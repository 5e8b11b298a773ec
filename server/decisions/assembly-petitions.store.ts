// The only file that runs SQL on assembly_petitions, their signatures and the council's share setting.
import { sql } from 'kysely';
import { DEFAULT_ASSEMBLY_PETITION_PERCENT } from '../../core/decisions/index.ts';
import { type Db, isoUs } from '../platform/database.ts';

export interface AssemblyPetitionRow {
  id: string;
  council_id: string;
  title: string;
  reason: string;
  starts_at: string;
  place: string | null;
  online_url: string | null;
  agenda: Array<{ title: string; notes: string | null }>;
  opened_by: string;
  opened_at: string;
  members_at_opening: number;
  share_percent: number;
  signatures_needed: number;
  signature_count: number;
  status: 'open' | 'convened';
  assembly_id: string | null;
}

const columns = sql`p.id, p.council_id, p.title, p.reason, ${isoUs(sql`p.starts_at`)} as starts_at, p.place,
  p.online_url, p.agenda, p.opened_by, ${isoUs(sql`p.opened_at`)} as opened_at, p.members_at_opening,
  p.share_percent, p.signatures_needed, p.signature_count, p.status, p.assembly_id`;

export async function petitionSharePercent(db: Db, councilId: string): Promise<number> {
  const { rows } = await sql<{ share_percent: number }>`
    select share_percent from assembly_petition_settings where council_id = ${councilId}`.execute(db);
  return rows[0]?.share_percent ?? DEFAULT_ASSEMBLY_PETITION_PERCENT;
}

export async function setPetitionSharePercent(
  tx: Db,
  councilId: string,
  percent: number,
  at: string,
  by: string,
): Promise<void> {
  await sql`insert into assembly_petition_settings (council_id, share_percent, set_at, set_by)
            values (${councilId}, ${percent}, ${at}::timestamptz, ${by})
            on conflict (council_id) do update set share_percent = excluded.share_percent,
              set_at = excluded.set_at, set_by = excluded.set_by`.execute(tx);
}

export async function insertAssemblyPetition(
  tx: Db,
  p: Omit<AssemblyPetitionRow, 'id' | 'signature_count' | 'status' | 'assembly_id'>,
): Promise<string> {
  const { rows } = await sql<{ id: string }>`
    insert into assembly_petitions (council_id, title, reason, starts_at, place, online_url, agenda, opened_by,
                                    opened_at, members_at_opening, share_percent, signatures_needed, status)
    values (${p.council_id}, ${p.title}, ${p.reason}, ${p.starts_at}::timestamptz, ${p.place}, ${p.online_url},
            ${JSON.stringify(p.agenda)}::jsonb, ${p.opened_by}, ${p.opened_at}::timestamptz, ${p.members_at_opening},
            ${p.share_percent}, ${p.signatures_needed}, 'open')
    returning id`.execute(tx);
  return rows[0]!.id;
}

export async function findAssemblyPetition(db: Db, id: string): Promise<AssemblyPetitionRow | undefined> {
  return (
    await sql<AssemblyPetitionRow>`select ${columns} from assembly_petitions p where p.id = ${id}`.execute(db)
  ).rows[0];
}

/** Row lock on the petition: signers take turns, so the count is exact and one signature crosses. */
export async function lockAssemblyPetition(tx: Db, id: string): Promise<AssemblyPetitionRow | undefined> {
  return (
    await sql<AssemblyPetitionRow>`select ${columns} from assembly_petitions p where p.id = ${id} for update`.execute(
      tx,
    )
  ).rows[0];
}

export async function assemblyPetitionsOf(db: Db, councilId: string): Promise<AssemblyPetitionRow[]> {
  return (
    await sql<AssemblyPetitionRow>`select ${columns} from assembly_petitions p where p.council_id = ${councilId}
                                    order by p.opened_at desc limit 100`.execute(db)
  ).rows;
}

export async function insertPetitionSignature(
  tx: Db,
  petitionId: string,
  personId: string,
  at: string,
): Promise<boolean> {
  const { rows } = await sql<{ person_id: string }>`
    insert into assembly_petition_signatures (petition_id, person_id, signed_at)
    values (${petitionId}, ${personId}, ${at}::timestamptz) on conflict do nothing returning person_id`.execute(
    tx,
  );
  return rows.length === 1;
}

export async function hasSignedPetition(db: Db, petitionId: string, personId: string): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from assembly_petition_signatures
     where petition_id = ${petitionId} and person_id = ${personId}`.execute(db);
  return (rows[0]?.n ?? 0) > 0;
}

export async function countPetitionSignature(
  tx: Db,
  petitionId: string,
  assemblyId: string | null,
): Promise<AssemblyPetitionRow> {
  await sql`update assembly_petitions set signature_count = signature_count + 1,
              status = case when ${assemblyId}::uuid is null then status else 'convened' end,
              assembly_id = coalesce(${assemblyId}::uuid, assembly_id)
            where id = ${petitionId}`.execute(tx);
  return (await findAssemblyPetition(tx, petitionId))!;
}
