// The only file of the supply context that runs SQL on households and instance_secrets.
import { sql } from 'kysely';
import type { PeopleByBand, PriorityFlag } from '../../core/supply/ration-rule.ts';
import { type Db, isoUs } from '../platform/database.ts';

export interface HouseholdRow {
  id: string;
  council_id: string;
  head_name: string;
  address: string;
  phone: string | null;
  infants: number;
  children: number;
  adults: number;
  elders: number;
  flags: PriorityFlag[];
  has_identity: boolean;
  status: 'active' | 'withdrawn';
  registered_at: string;
  updated_at: string;
  withdrawn_at: string | null;
  withdrawal_reason: string | null;
}

export interface HouseholdFields {
  headName: string;
  address: string;
  phone: string | null;
  people: PeopleByBand;
  flags: PriorityFlag[];
}

const columns = sql`h.id, h.council_id, h.head_name, h.address, h.phone, h.infants, h.children, h.adults,
  h.elders, h.flags, h.identity_hash is not null as has_identity, h.status,
  ${isoUs(sql`h.registered_at`)} as registered_at, ${isoUs(sql`h.updated_at`)} as updated_at,
  ${isoUs(sql`h.withdrawn_at`)} as withdrawn_at, h.withdrawal_reason`;

export async function identitySecret(db: Db, name: string): Promise<Buffer | undefined> {
  const { rows } = await sql<{
    value: Uint8Array;
  }>`select value from instance_secrets where name = ${name}`.execute(db);
  return rows[0] ? Buffer.from(rows[0].value) : undefined;
}

export async function insertIdentitySecret(db: Db, name: string, value: Buffer): Promise<void> {
  await sql`insert into instance_secrets (name, value) values (${name}, ${value}) on conflict (name) do nothing`.execute(
    db,
  );
}

export async function insertHousehold(
  tx: Db,
  councilId: string,
  f: HouseholdFields,
  identityHash: Buffer | null,
  by: string,
): Promise<HouseholdRow> {
  const { rows } = await sql<HouseholdRow>`
    insert into households as h (council_id, head_name, address, phone, infants, children, adults, elders, flags,
                                 identity_hash, registered_by)
    values (${councilId}, ${f.headName}, ${f.address}, ${f.phone}, ${f.people.infant}, ${f.people.child},
            ${f.people.adult}, ${f.people.elder}, ${f.flags}::text[], ${identityHash}, ${by})
    returning ${columns}`.execute(tx);
  return rows[0]!;
}

export async function findHousehold(db: Db, id: string, lock = false): Promise<HouseholdRow | undefined> {
  const { rows } = await sql<HouseholdRow>`
    select ${columns} from households h where h.id = ${id} ${lock ? sql`for update` : sql``}`.execute(db);
  return rows[0];
}

export async function updateHousehold(
  tx: Db,
  id: string,
  f: HouseholdFields,
  identityHash: Buffer | null | undefined,
): Promise<HouseholdRow> {
  const { rows } = await sql<HouseholdRow>`
    update households h set head_name = ${f.headName}, address = ${f.address}, phone = ${f.phone},
           infants = ${f.people.infant}, children = ${f.people.child}, adults = ${f.people.adult},
           elders = ${f.people.elder}, flags = ${f.flags}::text[],
           identity_hash = ${identityHash === undefined ? sql`h.identity_hash` : sql`${identityHash}`},
           updated_at = now()
     where h.id = ${id} returning ${columns}`.execute(tx);
  return rows[0]!;
}

export async function withdrawHousehold(tx: Db, id: string, reason: string): Promise<HouseholdRow> {
  const { rows } = await sql<HouseholdRow>`
    update households h set status = 'withdrawn', withdrawn_at = now(), withdrawal_reason = ${reason},
           updated_at = now()
     where h.id = ${id} returning ${columns}`.execute(tx);
  return rows[0]!;
}

/** Another active household of this council with the same document (the unique index's twin). */
export async function sameIdentityHere(
  db: Db,
  councilId: string,
  identityHash: Buffer,
  except: string | null,
): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from households
     where council_id = ${councilId} and identity_hash = ${identityHash} and status = 'active'
       and (${except}::uuid is null or id <> ${except}::uuid)`.execute(db);
  return (rows[0]?.n ?? 0) > 0;
}

export interface DuplicateElsewhere {
  householdId: string;
  councilId: string;
  councilName: string;
}

/** Active households of other councils with the same document hash, for the given households. */
export async function duplicatesElsewhere(
  db: Db,
  householdIds: string[],
): Promise<Map<string, { councilId: string; councilName: string }[]>> {
  if (householdIds.length === 0) return new Map();
  const { rows } = await sql<DuplicateElsewhere>`
    select h.id as "householdId", c.id as "councilId", c.name as "councilName"
      from households h
      join households o on o.identity_hash = h.identity_hash and o.council_id <> h.council_id and o.status = 'active'
      join councils c on c.id = o.council_id
     where h.id = any(${householdIds}::uuid[]) and h.identity_hash is not null
     order by c.name`.execute(db);
  const out = new Map<string, { councilId: string; councilName: string }[]>();
  for (const r of rows) {
    const list = out.get(r.householdId) ?? [];
    if (!list.some((d) => d.councilId === r.councilId))
      list.push({ councilId: r.councilId, councilName: r.councilName });
    out.set(r.householdId, list);
  }
  return out;
}

export interface HouseholdQuery {
  status: 'active' | 'withdrawn' | 'all';
  search: string | null;
  limit: number;
  offset: number;
}

export async function listHouseholds(
  db: Db,
  councilId: string,
  q: HouseholdQuery,
): Promise<{ households: HouseholdRow[]; total: number }> {
  const status = q.status === 'all' ? sql`true` : sql`h.status = ${q.status}`;
  const pattern = q.search ? `%${q.search.replace(/[\\%_]/g, '\\$&')}%` : null;
  const search = pattern ? sql`(h.head_name ilike ${pattern} or h.address ilike ${pattern})` : sql`true`;
  const { rows } = await sql<HouseholdRow & { total: number }>`
    select ${columns}, count(*) over ()::int as total from households h
     where h.council_id = ${councilId} and ${status} and ${search}
     order by lower(h.head_name), h.id limit ${q.limit} offset ${q.offset}`.execute(db);
  return { households: rows, total: rows[0]?.total ?? 0 };
}

/** The council's active households with what a distribution round needs (no names or addresses). */
export async function activeHouseholdsForRound(
  db: Db,
  councilId: string,
): Promise<Array<{ id: string; people: PeopleByBand; flags: PriorityFlag[] }>> {
  const { rows } = await sql<{
    id: string;
    infants: number;
    children: number;
    adults: number;
    elders: number;
    flags: PriorityFlag[];
  }>`
    select id, infants, children, adults, elders, flags from households
     where council_id = ${councilId} and status = 'active' order by id`.execute(db);
  return rows.map((r) => ({
    id: r.id,
    people: { infant: r.infants, child: r.children, adult: r.adults, elder: r.elders },
    flags: r.flags,
  }));
}
