// The only file of the federation context that runs SQL on councils and offices.
// Subtrees are ranges of the materialised path (collate "C"): descendants of a council whose path is
// '/1/7/' are the paths p with '/1/7/' <= p < '/1/70' — one range scan of councils_path, which also
// carries direct_members so rolled-up counts are index-only.
import { sql } from 'kysely';
import type { Office } from '../../core/federation/index.ts';
import type { Db } from '../platform/database.ts';

export interface CouncilRow {
  id: string;
  seq: string | number;
  name: string;
  kind: string;
  level: string | null;
  territory: string;
  sector: string | null;
  parent_id: string | null;
  path: string;
  depth: number;
  answer_days: number;
  direct_members: number;
  created_at: Date;
  dissolved_at: Date | null;
}

export interface RolledUpRow extends CouncilRow {
  councils: number;
  members: number;
  child_count: number;
}

/** Councils and members of the subtree of the row aliased `n` (a lateral subquery). */
const subtreeTotalsOfN = sql`(
  select count(*)::int as councils, coalesce(sum(d.direct_members), 0)::int as members
    from councils d
   where d.path >= n.path and d.path < left(n.path, -1) || '0' and d.dissolved_at is null)`;

/** Upper bound of a subtree range (see the file comment). */
export const subtreeEnd = (path: string) => `${path.slice(0, -1)}0`;

export async function findCouncil(db: Db, id: string): Promise<CouncilRow | undefined> {
  return (await sql<CouncilRow>`select * from councils where id = ${id}`.execute(db)).rows[0];
}

/** Row lock: serialises acts on one council (membership counts, moves, dissolution). */
export async function lockCouncil(tx: Db, id: string): Promise<CouncilRow | undefined> {
  return (await sql<CouncilRow>`select * from councils where id = ${id} for update`.execute(tx)).rows[0];
}

export interface NewCouncil {
  name: string;
  kind: string;
  level: string | null;
  territory: string;
  sector: string | null;
  answerDays: number;
}

export async function insertCouncil(tx: Db, c: NewCouncil, parent: CouncilRow | null): Promise<CouncilRow> {
  const inserted = (
    await sql<CouncilRow>`
      insert into councils (name, kind, level, territory, sector, parent_id, path, depth, answer_days)
      values (${c.name}, ${c.kind}, ${c.level}, ${c.territory}, ${c.sector}, ${parent?.id ?? null}, '', ${parent ? parent.depth + 1 : 0}, ${c.answerDays})
      returning *`.execute(tx)
  ).rows[0]!;
  const path = `${parent?.path ?? '/'}${inserted.seq}/`;
  await sql`update councils set path = ${path} where id = ${inserted.id}`.execute(tx);
  return { ...inserted, path };
}

/** Re-roots a subtree: every descendant's path and depth follow the moved council. */
export async function moveSubtree(tx: Db, council: CouncilRow, newParent: CouncilRow | null): Promise<void> {
  const newPath = `${newParent?.path ?? '/'}${council.seq}/`;
  const depthShift = (newParent ? newParent.depth + 1 : 0) - council.depth;
  await sql`update councils
               set path = ${newPath} || substr(path, ${council.path.length + 1}),
                   depth = depth + ${depthShift}
             where path >= ${council.path} and path < ${subtreeEnd(council.path)}`.execute(tx);
  await sql`update councils set parent_id = ${newParent?.id ?? null} where id = ${council.id}`.execute(tx);
}

export async function countLiveChildren(db: Db, id: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from councils where parent_id = ${id} and dissolved_at is null`.execute(db);
  return rows[0]?.n ?? 0;
}

export async function markDissolved(tx: Db, id: string, reason: string, at: Date): Promise<void> {
  await sql`update councils set dissolved_at = ${at}, dissolution_reason = ${reason} where id = ${id}`.execute(
    tx,
  );
}

/** Councils and active memberships of a whole subtree (live councils only). */
export async function rollUp(db: Db, path: string): Promise<{ councils: number; members: number }> {
  const { rows } = await sql<{ councils: number; members: number }>`
    select count(*)::int as councils, coalesce(sum(direct_members), 0)::int as members
      from councils where path >= ${path} and path < ${subtreeEnd(path)} and dissolved_at is null`.execute(
    db,
  );
  return rows[0] ?? { councils: 0, members: 0 };
}

/** The tree from `root` (or from every top-level council) down `depth` levels, each node rolled up. */
export async function treeWithRollUps(
  db: Db,
  root: CouncilRow | null,
  depth: number,
): Promise<RolledUpRow[]> {
  const lower = root?.path ?? '/';
  const upper = root ? subtreeEnd(root.path) : '0';
  const maxDepth = (root?.depth ?? 0) + depth;
  const { rows } = await sql<RolledUpRow>`
    select n.*, r.councils, r.members,
           (select count(*)::int from councils k where k.parent_id = n.id and k.dissolved_at is null) as child_count
      from councils n
      cross join lateral ${subtreeTotalsOfN} r
     where n.path >= ${lower} and n.path < ${upper} and n.depth <= ${maxDepth} and n.dissolved_at is null
     order by n.depth, n.name
     limit 2000`.execute(db);
  return rows;
}

export async function childrenWithRollUps(db: Db, id: string): Promise<RolledUpRow[]> {
  const { rows } = await sql<RolledUpRow>`
    select n.*, r.councils, r.members, 0 as child_count
      from councils n
      cross join lateral ${subtreeTotalsOfN} r
     where n.parent_id = ${id} and n.dissolved_at is null
     order by n.name`.execute(db);
  return rows;
}

export async function ancestorsOf(db: Db, council: CouncilRow): Promise<Array<{ id: string; name: string }>> {
  const seqs = council.path.split('/').filter(Boolean).slice(0, -1).map(Number);
  if (seqs.length === 0) return [];
  const { rows } = await sql<{ id: string; name: string; depth: number }>`
    select id, name, depth from councils where seq = any(${seqs}::bigint[]) order by depth`.execute(db);
  return rows.map(({ id, name }) => ({ id, name }));
}

/** Search by name or territory among live councils; `text` is matched literally (LIKE wildcards escaped). */
export async function searchCouncils(
  db: Db,
  text: string,
  limit: number,
  baseOnly: boolean,
): Promise<Array<CouncilRow & { parent_name: string | null }>> {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  const { rows } = await sql<CouncilRow & { parent_name: string | null }>`
    select c.*, p.name as parent_name
      from councils c left join councils p on p.id = c.parent_id
     where c.dissolved_at is null
       and (lower(c.name) like ${pattern} or lower(c.territory) like ${pattern})
       and (${baseOnly}::boolean = false or c.kind <> 'federation')
     order by (lower(c.name) like ${`${pattern.slice(1)}`}) desc, c.name
     limit ${limit}`.execute(db);
  return rows;
}

export interface OfficeRow {
  id: string;
  council_id: string;
  office: Office;
  person_id: string;
  full_name: string;
  started_at: Date;
}

export async function activeOffices(db: Db, councilId: string): Promise<OfficeRow[]> {
  const { rows } = await sql<OfficeRow>`
    select o.id, o.council_id, o.office, o.person_id, p.full_name, o.started_at
      from offices o join persons p on p.id = o.person_id
     where o.council_id = ${councilId} and o.ended_at is null
     order by array_position(array['chair','secretary','treasurer','distribution'], o.office), p.full_name`.execute(
    db,
  );
  return rows;
}

export async function insertOffice(
  tx: Db,
  councilId: string,
  office: Office,
  personId: string,
): Promise<string> {
  const { rows } = await sql<{ id: string }>`
    insert into offices (council_id, office, person_id) values (${councilId}, ${office}, ${personId})
    on conflict do nothing returning id`.execute(tx);
  return rows[0]?.id ?? '';
}

export async function endOffice(
  tx: Db,
  officeId: string,
  councilId: string,
  at: Date,
): Promise<OfficeRow | undefined> {
  const { rows } = await sql<OfficeRow>`
    update offices set ended_at = ${at} where id = ${officeId} and council_id = ${councilId} and ended_at is null
    returning id, council_id, office, person_id, '' as full_name, started_at`.execute(tx);
  return rows[0];
}

/** True when the person is an active member of the council, or (federated councils) of one under it. */
export async function isMemberWithin(db: Db, council: CouncilRow, personId: string): Promise<boolean> {
  const { rows } = await sql<{ ok: boolean }>`
    select exists(
      select 1 from memberships m join councils c on c.id = m.council_id
       where m.person_id = ${personId} and m.status = 'active'
         and c.path >= ${council.path} and c.path < ${subtreeEnd(council.path)}) as ok`.execute(db);
  return rows[0]?.ok === true;
}
