// Declining closes the application with a reason the secretary gives (shown to the council's officers).
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { openDecision } from './decide-join-application.ts';
import { type ApplicationRow, markDecided } from './join-applications.store.ts';

export async function declineJoinApplication(
  db: Db,
  viewer: Viewer,
  applicationId: string,
  reason: string,
): Promise<ApplicationRow> {
  return db.transaction().execute(async (tx) => {
    const { application, council } = await openDecision(tx, viewer, applicationId, 'declined');
    const at = new Date();
    const updated = await markDecided(tx, application.id, {
      status: 'declined',
      by: viewer.personId,
      at,
      reason,
      personId: null,
    });
    await appendLedgerEntry(
      tx,
      {
        chainId: council.id,
        kind: 'join-application.declined',
        actorPersonId: viewer.personId,
        payload: { applicationId: application.id, reference: application.reference },
      },
      at,
    );
    return updated;
  });
}
