// Dissolves a council: it stays in the record (history kept, ledger intact) but leaves the live tree
// and takes no new acts. Councils under it must be moved or dissolved first.
import { can } from '../../core/federation/index.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { countLiveChildren, lockCouncil, markDissolved } from './councils.store.ts';
import { federationError } from './federation-errors.ts';
import { loadViewerFacts } from './viewer-facts.ts';

export async function dissolveCouncil(db: Db, viewer: Viewer | null, councilId: string, reason: string) {
  return db.transaction().execute(async (tx) => {
    const council = await lockCouncil(tx, councilId);
    if (!council) throw federationError('council-not-found');
    if (!can('dissolve', await loadViewerFacts(tx, viewer, council))) throw federationError('not-permitted');
    if (council.dissolved_at) throw federationError('council-dissolved');
    if ((await countLiveChildren(tx, councilId)) > 0) throw federationError('has-active-children');
    const at = new Date();
    await markDissolved(tx, councilId, reason, at);
    await appendLedgerEntry(
      tx,
      {
        chainId: councilId,
        kind: 'council.dissolved',
        actorPersonId: viewer?.personId ?? null,
        payload: { councilId, reason },
      },
      at,
    );
  });
}
