// SQL of a referendum's councils: every live council under a federated council, for its results per
// council (reads federation's councils table as facts; the ballot itself finds the voter's base council
// in polls.store.ts castMemberBallot).
import { sql } from 'kysely';
import { type CouncilRow, subtreeEnd } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';

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
