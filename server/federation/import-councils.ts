// Imports councils from CSV under one parent (or at the top, for the administrator): all rows are
// validated first; if any is rejected nothing is written and the report says why; otherwise every
// council is created in one transaction, parents before children, each with its ledger entry.
import {
  COUNCIL_CSV_COLUMNS,
  type CouncilImportRow,
  type CouncilKind,
  can,
  planCouncilImport,
  type RowVerdict,
} from '../../core/federation/index.ts';
import { readCsvRecords } from '../platform/csv-records.ts';
import type { Db } from '../platform/database.ts';
import type { Viewer } from '../platform/sessions.ts';
import { addCouncil } from './add-council.ts';
import { type CouncilRow, lockCouncil } from './councils.store.ts';
import { federationError } from './federation-errors.ts';
import { loadViewerFacts } from './viewer-facts.ts';

export interface ImportReport {
  imported: number;
  rejected: number;
  rows: RowVerdict[];
  /** Ids of the created councils by their CSV key (empty when nothing was imported). */
  ids: Record<string, string>;
}

/** `viewer` null means the operator at the command line, who acts with the administrator's rights. */
export async function importCouncils(
  db: Db,
  viewer: Viewer | null,
  csv: string,
  parentId: string | null,
): Promise<ImportReport> {
  const plan = planCouncilImport(
    readCsvRecords(csv, { required: ['key', 'name', 'kind', 'territory'], allowed: COUNCIL_CSV_COLUMNS }),
  );
  const rejected = plan.report.filter((r) => r.status === 'rejected').length;
  if (!plan.ok) return { imported: 0, rejected, rows: plan.report, ids: {} };
  return db.transaction().execute((tx) => importCouncilRows(tx, viewer, plan.rows, parentId));
}

/** Writes validated rows inside the caller's transaction (also used to seed the demo federation). */
export async function importCouncilRows(
  tx: Db,
  viewer: Viewer | null,
  rows: CouncilImportRow[],
  parentId: string | null,
): Promise<ImportReport> {
  {
    let root: CouncilRow | null = null;
    if (parentId) {
      root = (await lockCouncil(tx, parentId)) ?? null;
      if (!root) throw federationError('council-not-found', 'parentId');
      if (root.dissolved_at) throw federationError('council-dissolved', 'parentId');
      if (root.kind !== 'federation') throw federationError('parent-not-federation');
      if (viewer && !can('create-child', await loadViewerFacts(tx, viewer, root)))
        throw federationError('not-permitted');
    } else if (viewer && !viewer.isAdmin) {
      throw federationError('not-permitted');
    }
    const created = new Map<string, CouncilRow>();
    for (const row of rows) {
      const parent = row.parentKey ? created.get(row.parentKey)! : root;
      const council = await addCouncil(
        tx,
        viewer,
        {
          name: row.name,
          kind: row.kind satisfies CouncilKind,
          level: row.level,
          territory: row.territory,
          sector: row.sector,
          answerDays: row.answerDays,
        },
        parent,
        { importKey: row.key },
      );
      created.set(row.key, council);
    }
    return {
      imported: created.size,
      rejected: 0,
      rows: rows.map((_, i) => ({ line: i + 2, status: 'accepted' as const })),
      ids: Object.fromEntries([...created].map(([k, c]) => [k, c.id])),
    };
  }
}
