// A council's secretary or chair sets the share of members whose signatures convene a sitting (its
// statute's figure). Petitions already open keep the number fixed when they opened.
import { mayDecide } from '../../core/decisions/index.ts';
import { databaseInstant, federationError, findCouncil, loadViewerFacts } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { setPetitionSharePercent } from './assembly-petitions.store.ts';
import { decisionError } from './decisions-errors.ts';

export async function setPetitionShare(
  db: Db,
  viewer: Viewer,
  councilId: string,
  percent: number,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const council = await findCouncil(tx, councilId);
    if (!council) throw federationError('council-not-found');
    if (!mayDecide('convene-assembly', await loadViewerFacts(tx, viewer, council)))
      throw decisionError('not-permitted');
    const at = await databaseInstant(tx);
    await setPetitionSharePercent(tx, council.id, percent, at, viewer.personId);
    await appendLedgerEntry(
      tx,
      {
        chainId: council.id,
        kind: 'assembly-petition.share-set',
        actorPersonId: viewer.personId,
        payload: { sharePercent: percent },
      },
      new Date(at),
    );
  });
}
