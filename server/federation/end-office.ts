// Ends an office holding (resignation or removal by those who may assign offices); the record stays.
import { can } from '../../core/federation/index.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { endOffice, lockCouncil } from './councils.store.ts';
import { federationError } from './federation-errors.ts';
import { loadViewerFacts } from './viewer-facts.ts';

export async function endOfficeHolding(db: Db, viewer: Viewer | null, councilId: string, officeId: string) {
  return db.transaction().execute(async (tx) => {
    const council = await lockCouncil(tx, councilId);
    if (!council) throw federationError('council-not-found');
    if (!can('assign-office', await loadViewerFacts(tx, viewer, council)))
      throw federationError('not-permitted');
    const at = new Date();
    const ended = await endOffice(tx, officeId, councilId, at);
    if (!ended) throw federationError('office-not-held');
    await appendLedgerEntry(
      tx,
      {
        chainId: councilId,
        kind: 'office.ended',
        actorPersonId: viewer?.personId ?? null,
        payload: { officeId, councilId, office: ended.office, personId: ended.person_id },
      },
      at,
    );
  });
}
