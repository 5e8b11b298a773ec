// Imports a council's existing members from CSV (a union's or a junta's roll, not retyped): all rows
// are validated first; one rejected row rejects the import and nothing is written. Otherwise, in one
// transaction, under the council's row lock: persons (or the existing person with the same login),
// accounts without a password (a secretary hands out links later), active memberships, and one ledger
// entry for the whole import.
import { sql } from 'kysely';
import { can } from '../../core/federation/index.ts';
import {
  MEMBER_CSV_COLUMNS,
  type MemberImportRow,
  type MemberRowVerdict,
  planMemberImport,
} from '../../core/members/index.ts';
import { federationError, loadViewerFacts, lockCouncil } from '../federation/index.ts';
import { readCsvRecords } from '../platform/csv-records.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { recomputeSeatsAfterMembershipChange } from './recompute-seats-after-membership-change.ts';

export interface MemberImportReport {
  imported: number;
  alreadyMembers: number;
  rejected: number;
  rows: MemberRowVerdict[];
}

export async function importMembersCsv(db: Db, viewer: Viewer | null, councilId: string, csv: string) {
  const plan = planMemberImport(
    readCsvRecords(csv, { required: ['full_name'], allowed: MEMBER_CSV_COLUMNS }),
  );
  if (!plan.ok) {
    return {
      imported: 0,
      alreadyMembers: 0,
      rejected: plan.report.filter((r) => r.status === 'rejected').length,
      rows: plan.report,
    };
  }
  const result = await db.transaction().execute((tx) => importMemberRows(tx, viewer, councilId, plan.rows));
  await recomputeSeatsAfterMembershipChange(db, councilId);
  return { ...result, rejected: 0, rows: plan.report };
}

/** Writes validated rows inside the caller's transaction (also used to seed the demo federation). */
export async function importMemberRows(
  tx: Db,
  viewer: Viewer | null,
  councilId: string,
  rows: MemberImportRow[],
): Promise<{ imported: number; alreadyMembers: number; personIds: string[] }> {
  const council = await lockCouncil(tx, councilId);
  if (!council) throw federationError('council-not-found');
  if (council.dissolved_at) throw federationError('council-dissolved');
  if (council.kind === 'federation') throw federationError('parent-not-federation', 'councilId');
  if (viewer && !can('decide-applications', await loadViewerFacts(tx, viewer, council)))
    throw federationError('not-permitted');
  if (rows.length === 0) return { imported: 0, alreadyMembers: 0, personIds: [] };
  const logins = rows.map((r) => r.login);
  const existing = new Map(
    (
      await sql<{
        login: string;
        person_id: string;
      }>`select login, person_id from accounts where login = any(${logins}::text[])`.execute(tx)
    ).rows.map((r) => [r.login, r.person_id]),
  );
  const fresh = rows.filter((r) => !existing.has(r.login));
  // Set-based inserts: one statement per table whatever the file's size.
  const inserted = (
    await sql<{ id: string; ord: number }>`
      insert into persons (full_name)
      select full_name from unnest(${fresh.map((r) => r.fullName)}::text[]) with ordinality as t(full_name, ord) order by ord
      returning id`.execute(tx)
  ).rows;
  const freshIds = inserted.map((r) => r.id);
  if (fresh.length > 0) {
    await sql`insert into person_contacts (person_id, email, phone, home_place, work_place)
              select * from unnest(${freshIds}::uuid[], ${fresh.map((r) => r.email)}::text[], ${fresh.map((r) => r.phone)}::text[],
                                   ${fresh.map((r) => r.homePlace)}::text[], ${fresh.map((r) => r.workPlace)}::text[])`.execute(
      tx,
    );
    await sql`insert into accounts (person_id, login, login_kind)
              select * from unnest(${freshIds}::uuid[], ${fresh.map((r) => r.login)}::text[], ${fresh.map((r) => r.loginKind)}::text[])`.execute(
      tx,
    );
  }
  for (const [i, r] of fresh.entries()) existing.set(r.login, freshIds[i]!);
  const personIds = rows.map((r) => existing.get(r.login)!);
  await sql`
    insert into memberships (council_id, person_id, status)
    select ${councilId}, pid, 'active' from unnest(${personIds}::uuid[]) as t(pid)
    on conflict (council_id, person_id) do update set status = 'active', left_at = null`.execute(tx);
  // Recount under the council's row lock: exact whatever mix of new, returning and current members.
  const { rows: counted } = await sql<{ n: number }>`
    select count(*)::int as n from memberships where council_id = ${councilId} and status = 'active'`.execute(
    tx,
  );
  const activeNow = counted[0]?.n ?? 0;
  const added = activeNow - council.direct_members;
  await sql`update councils set direct_members = ${activeNow} where id = ${councilId}`.execute(tx);
  await appendLedgerEntry(tx, {
    chainId: councilId,
    kind: 'members.imported',
    actorPersonId: viewer?.personId ?? null,
    payload: { councilId, personIds, added },
  });
  return { imported: added, alreadyMembers: rows.length - added, personIds };
}
