// Rights over a council's roster: the council, what the signed-in person may do there (through the
// permissions table, core/rosters/permissions.ts, and federation's viewer facts) and whether they lead
// the shift in question.
import { mayRoster, type RosterAction, type RosterViewerFacts } from '../../core/rosters/permissions.ts';
import { type CouncilRow, findCouncil, loadViewerFacts } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import type { Viewer } from '../platform/sessions.ts';
import { rostersError } from './rosters-errors.ts';

const WRITES: readonly RosterAction[] = [
  'define-shift',
  'define-distribution-shift',
  'keep-templates',
  'set-roster-settings',
  'sign-up',
  'mark-attendance',
  'record-incident',
  'record-training',
];
const SHAPING: readonly RosterAction[] = [
  'define-shift',
  'define-distribution-shift',
  'keep-templates',
  'set-roster-settings',
];

export async function rosterFacts(
  db: Db,
  viewer: Viewer | null,
  council: CouncilRow,
  leadPersonId: string | null = null,
): Promise<RosterViewerFacts> {
  return {
    ...(await loadViewerFacts(db, viewer, council)),
    leadsShift: viewer !== null && leadPersonId !== null && leadPersonId === viewer.personId,
  };
}

/**
 * The council and the facts, refusing when `action` is not allowed (a sign-up by a non-member — another
 * council's shift — is `not-a-member`), for a write when the council was dissolved, and for shaping the
 * roster when the council is federated. `leadPersonId` is the lead of the shift in question.
 */
export async function authorizeRoster(
  db: Db,
  viewer: Viewer | null,
  councilId: string,
  action: RosterAction,
  options: { field?: string; leadPersonId?: string | null } = {},
): Promise<{ council: CouncilRow; facts: RosterViewerFacts }> {
  const council = await findCouncil(db, councilId);
  if (!council) throw rostersError('council-not-found', options.field);
  const facts = await rosterFacts(db, viewer, council, options.leadPersonId ?? null);
  if (!mayRoster(action, facts))
    throw rostersError(action === 'sign-up' ? 'not-a-member' : 'not-permitted', options.field);
  if (WRITES.includes(action) && council.dissolved_at !== null)
    throw rostersError('council-dissolved', options.field);
  if (SHAPING.includes(action) && council.kind === 'federation')
    throw rostersError('not-a-base-council', options.field);
  return { council, facts };
}
