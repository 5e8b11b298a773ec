// Moves a council (with its whole subtree) under another federated council, or to the top. Both the
// council and the new parent are locked, in id order so two crossing moves cannot deadlock; the check
// against moving into one's own subtree reads paths under those locks.
import { type CouncilKind, can, checkMove } from '../../core/federation/index.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { type CouncilRow, lockCouncil, moveSubtree } from './councils.store.ts';
import { federationError } from './federation-errors.ts';
import { loadViewerFacts } from './viewer-facts.ts';

export async function moveCouncil(db: Db, viewer: Viewer | null, councilId: string, parentId: string | null) {
  return db.transaction().execute(async (tx) => {
    const ids = [councilId, ...(parentId ? [parentId] : [])].sort();
    const locked = new Map<string, CouncilRow>();
    for (const id of ids) {
      const row = await lockCouncil(tx, id);
      if (row) locked.set(id, row);
    }
    const council = locked.get(councilId);
    if (!council) throw federationError('council-not-found');
    const parent = parentId ? locked.get(parentId) : null;
    if (parentId && !parent) throw federationError('council-not-found', 'parentId');
    const facts = await loadViewerFacts(tx, viewer, council);
    const parentFacts = parent ? await loadViewerFacts(tx, viewer, parent) : null;
    // Whoever moves a council must lead above it now, and may only attach it where they may create councils.
    if (
      !can('move', facts) ||
      (parentFacts && !can('create-child', parentFacts)) ||
      (!parent && !viewer?.isAdmin)
    ) {
      throw federationError('not-permitted');
    }
    const check = checkMove(
      { path: council.path, dissolved: council.dissolved_at !== null },
      parent
        ? { kind: parent.kind as CouncilKind, dissolved: parent.dissolved_at !== null, path: parent.path }
        : null,
    );
    if (!check.ok) throw federationError(check.error);
    await moveSubtree(tx, council, parent ?? null);
    await appendLedgerEntry(tx, {
      chainId: council.id,
      kind: 'council.moved',
      actorPersonId: viewer?.personId ?? null,
      payload: { councilId: council.id, fromParentId: council.parent_id, toParentId: parent?.id ?? null },
    });
  });
}
