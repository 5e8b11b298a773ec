// Loads what the permissions table needs to know about the signed-in person and one council, in one
// query: membership here or below, offices here and in the councils above.
import { sql } from 'kysely';
import { type CouncilViewerFacts, NOBODY, type Office } from '../../core/federation/index.ts';
import type { Db } from '../platform/database.ts';
import type { Viewer } from '../platform/sessions.ts';
import { type CouncilRow, subtreeEnd } from './councils.store.ts';

export async function loadViewerFacts(
  db: Db,
  viewer: Viewer | null,
  council: CouncilRow,
): Promise<CouncilViewerFacts> {
  if (!viewer) return NOBODY;
  const ancestorSeqs = council.path.split('/').filter(Boolean).slice(0, -1).map(Number);
  const { rows } = await sql<{
    is_member: boolean;
    is_member_below: boolean;
    offices_here: Office[] | null;
    offices_above: Office[] | null;
  }>`
    select
      exists(select 1 from memberships m where m.council_id = ${council.id} and m.person_id = ${viewer.personId}
                and m.status = 'active') as is_member,
      exists(select 1 from memberships m join councils c on c.id = m.council_id
              where m.person_id = ${viewer.personId} and m.status = 'active' and c.id <> ${council.id}
                and c.path >= ${council.path} and c.path < ${subtreeEnd(council.path)}) as is_member_below,
      (select array_agg(o.office) from offices o
        where o.council_id = ${council.id} and o.person_id = ${viewer.personId} and o.ended_at is null) as offices_here,
      (select array_agg(o.office) from offices o join councils c on c.id = o.council_id
        where o.person_id = ${viewer.personId} and o.ended_at is null
          and c.seq = any(${ancestorSeqs}::bigint[]) and c.dissolved_at is null) as offices_above`.execute(
    db,
  );
  const r = rows[0];
  return {
    isAdmin: viewer.isAdmin,
    isMember: r?.is_member === true,
    isMemberBelow: r?.is_member_below === true,
    officesHere: r?.offices_here ?? [],
    officesAbove: r?.offices_above ?? [],
  };
}
