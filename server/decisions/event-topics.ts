// The live topics of the decisions context: `assembly:<id>` (quorum, polls opened and closed, ballot
// counts, the sitting's status, speakers) and `poll:<id>` (ballot counts, closing). Followed by whoever
// may read the sitting or the poll; the events carry ids and counts, never ballot contents.
import { mayDecide } from '../../core/decisions/index.ts';
import { findCouncil, loadViewerFacts } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import { registerTopicKind, topicAuthorizer } from '../platform/realtime.ts';
import type { Viewer } from '../platform/sessions.ts';
import { findAssembly } from './assemblies.store.ts';
import { findPoll } from './polls.store.ts';

async function mayRead(
  db: Db,
  viewer: Viewer | null,
  councilId: string | undefined,
  action: 'read-assembly' | 'read-poll',
) {
  const council = councilId ? await findCouncil(db, councilId) : undefined;
  return council !== undefined && mayDecide(action, await loadViewerFacts(db, viewer, council));
}

/** Registers the kinds once per process (the registry is process-wide; every app shares it). */
export function registerDecisionTopics(): void {
  if (!topicAuthorizer('assembly'))
    registerTopicKind('assembly', async (viewer, id, db) =>
      mayRead(db, viewer, (await findAssembly(db, id))?.council_id, 'read-assembly'),
    );
  if (!topicAuthorizer('poll'))
    registerTopicKind('poll', async (viewer, id, db) =>
      mayRead(db, viewer, (await findPoll(db, id))?.council_id, 'read-poll'),
    );
}
