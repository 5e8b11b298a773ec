// Live topic `council:<id>`: the council's roll changed (a mandate ended, a substitute was seated, an
// election issued mandates). Published inside the act's transaction, so a sitting's page that follows its
// council refetches the roll the moment the recall commits: a recalled delegate's vote button goes, the
// substitute's appears. Readable by whoever may read the council's ledger; carries no names.
import { can } from '../../core/federation/index.ts';
import type { Db } from '../platform/database.ts';
import { publishEvent, registerTopicKind, topicAuthorizer } from '../platform/realtime.ts';
import { findCouncil } from './councils.store.ts';
import { loadViewerFacts } from './viewer-facts.ts';

export async function announceRollChanges(tx: Db, seatCouncilIds: readonly string[]): Promise<void> {
  for (const id of new Set(seatCouncilIds)) await publishEvent(tx, `council:${id}`, { type: 'roll' });
}

/** Registers the `council` topic kind once per process. */
export function registerCouncilTopic(): void {
  if (topicAuthorizer('council')) return;
  registerTopicKind('council', async (viewer, id, db) => {
    const council = await findCouncil(db, id);
    return council !== undefined && can('read-ledger', await loadViewerFacts(db, viewer, council));
  });
}
