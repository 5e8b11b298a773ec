// Who may submit, support and amend a motion in a council: an active member of a base council, or a
// delegate on a federated council's roll — checked at the instant of the act, as voting is. A delegate's
// right goes through assertMandateRight (FOR SHARE on the mandate, ADR 0004), so a motion supported
// before a recall stands and one after it is refused.
import type { CouncilRow } from '../federation/index.ts';
import { assertMandateRight, loadViewerFacts } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import type { Viewer } from '../platform/sessions.ts';
import { activeMandatesOf } from './assemblies.store.ts';
import { electorateOf } from './assembly-quorum.ts';
import { decisionError } from './decisions-errors.ts';

/** Refuses `not-entitled` unless the viewer has a voice in the council; answers the mandate they use. */
export async function assertMotionVoice(tx: Db, viewer: Viewer, council: CouncilRow): Promise<string | null> {
  if (electorateOf(council) === 'members') {
    if (!(await loadViewerFacts(tx, viewer, council)).isMember) throw decisionError('not-entitled');
    return null;
  }
  const [mandate] = await activeMandatesOf(tx, council.id, viewer.personId);
  if (!mandate) throw decisionError('not-entitled');
  await assertMandateRight(tx, mandate.mandateId, viewer.personId);
  return mandate.mandateId;
}
