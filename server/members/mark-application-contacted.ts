// An officer records that the applicant was contacted; the application stays open.
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { openDecision } from './decide-join-application.ts';
import { type ApplicationRow, markContacted } from './join-applications.store.ts';

export async function markApplicationContacted(
  db: Db,
  viewer: Viewer,
  applicationId: string,
): Promise<ApplicationRow> {
  return db.transaction().execute(async (tx) => {
    const { application, council } = await openDecision(tx, viewer, applicationId, 'contacted');
    const at = new Date();
    const updated = await markContacted(tx, application.id, at);
    await appendLedgerEntry(
      tx,
      {
        chainId: council.id,
        kind: 'join-application.contacted',
        actorPersonId: viewer.personId,
        payload: { applicationId: application.id, reference: application.reference },
      },
      at,
    );
    return updated;
  });
}
