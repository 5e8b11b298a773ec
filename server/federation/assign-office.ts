// Offices (secretary, chair, treasurer, distribution) are held by members: of the council itself, or for a federated
// council, of a council under it. Several people may hold the same office (two secretaries sharing
// the queue); the same person cannot hold it twice at once.
import { can, type Office } from '../../core/federation/index.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { insertOffice, isMemberWithin, lockCouncil } from './councils.store.ts';
import { federationError } from './federation-errors.ts';
import { loadViewerFacts } from './viewer-facts.ts';

export async function assignOffice(
  db: Db,
  viewer: Viewer | null,
  councilId: string,
  personId: string,
  office: Office,
) {
  return db.transaction().execute(async (tx) => {
    const council = await lockCouncil(tx, councilId);
    if (!council) throw federationError('council-not-found');
    if (!can('assign-office', await loadViewerFacts(tx, viewer, council)))
      throw federationError('not-permitted');
    if (council.dissolved_at) throw federationError('council-dissolved');
    if (!(await isMemberWithin(tx, council, personId))) throw federationError('not-a-member');
    const officeId = await insertOffice(tx, councilId, office, personId);
    if (!officeId) throw federationError('office-already-held');
    await appendLedgerEntry(tx, {
      chainId: councilId,
      kind: 'office.assigned',
      actorPersonId: viewer?.personId ?? null,
      payload: { officeId, councilId, office, personId },
    });
    return { id: officeId };
  });
}
