// SQL of the electorate of a referendum: the base councils under a federated council (reads councils and
// memberships, federation's and members' tables, as facts).
import { sql } from 'kysely';
import { type CouncilRow, subtreeEnd } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';

/** The voter's base council under `federation` (the first by path when they belong to several). */
export async function baseCouncilOfVoter(
  db: Db,
  federation: Pick<CouncilRow, 'path'>,
  personId: string,
): Promise<string | undefined> {
  const { rows } = await sql<{ id: string }>`
    select c.id from memberships m join councils c on c.id = m.council_id
     where m.person_id = ${personId} and m.status = 'active' and c.dissolved_at is null
       and c.path >= ${federation.path} and c.path < ${subtreeEnd(federation.path)}
     order by c.path limit 1`.execute(db);
  return rows[0]?.id;
}

export interface CouncilNameRow {
  id: string;
  name: string;
  path: string;
  parent_id: string | null;
  direct_members: number;
}

/** Every live council in the subtree, for the per-council results rolled up the tree. */
export async function councilsUnder(db: Db, federation: Pick<CouncilRow, 'path'>): Promise<CouncilNameRow[]> {
  return (
    await sql<CouncilNameRow>`
      select id, name, path, parent_id, direct_members from councils
       where path >= ${federation.path} and path < ${subtreeEnd(federation.path)} and dissolved_at is null
       order by path`.execute(db)
  ).rows;
}
