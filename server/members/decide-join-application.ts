// Shared first step of the three decisions on a join application: lock the application, then its
// council, check the officer's right and that the application is still open. Both row locks are
// taken inside the caller's transaction; the lock order (application, then council) is the same in
// every decision, so concurrent decisions cannot deadlock.
import { can } from '../../core/federation/index.ts';
import { type ApplicationDecision, canTransition } from '../../core/members/index.ts';
import { type CouncilRow, loadViewerFacts, lockCouncil } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import type { Viewer } from '../platform/sessions.ts';
import { type ApplicationRow, lockApplication } from './join-applications.store.ts';
import { membersError } from './members-errors.ts';

export async function openDecision(
  tx: Db,
  viewer: Viewer,
  applicationId: string,
  decision: ApplicationDecision,
): Promise<{ application: ApplicationRow; council: CouncilRow }> {
  const application = await lockApplication(tx, applicationId);
  if (!application) throw membersError('application-not-found');
  const council = await lockCouncil(tx, application.council_id);
  if (!council) throw membersError('application-not-found');
  const facts = await loadViewerFacts(tx, viewer, council);
  const allowed =
    decision === 'contacted' ? can('read-applications', facts) : can('decide-applications', facts);
  if (!allowed) {
    // An outsider learns nothing about the application, not even that it exists.
    throw facts.officesHere.length > 0
      ? membersError('not-an-officer')
      : membersError('application-not-found');
  }
  if (!canTransition(application.status, decision)) throw membersError('application-decided');
  return { application, council };
}
