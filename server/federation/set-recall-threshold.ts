// A council's leading officer records the threshold its members adopted for recall petitions (percent of
// members, default 20). Petitions already open keep the number of signatures fixed when they opened.
// Lock: the council's row (one setting change at a time), then its ledger head.
import { can } from '../../core/federation/index.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { lockCouncil } from './councils.store.ts';
import { federationError } from './federation-errors.ts';
import { upsertRecallThreshold } from './recall-petitions.store.ts';
import { loadViewerFacts } from './viewer-facts.ts';

export async function setRecallThreshold(
  db: Db,
  viewer: Viewer,
  councilId: string,
  thresholdPercent: number,
) {
  return db.transaction().execute(async (tx) => {
    const council = await lockCouncil(tx, councilId);
    if (!council) throw federationError('council-not-found');
    if (!can('set-recall-threshold', await loadViewerFacts(tx, viewer, council)))
      throw federationError('not-permitted');
    if (council.dissolved_at) throw federationError('council-dissolved');
    const at = new Date();
    await upsertRecallThreshold(tx, council.id, thresholdPercent, viewer.personId, at);
    await appendLedgerEntry(
      tx,
      {
        chainId: council.id,
        kind: 'recall-threshold.set',
        actorPersonId: viewer.personId,
        payload: { councilId: council.id, thresholdPercent },
      },
      at,
    );
    return { thresholdPercent };
  });
}
