// Who may act on a sitting's minutes, and their digest. Shared by the minutes use cases and routes:
// the sitting, its council, and the check of one action of the permissions table.
import { createHash } from 'node:crypto';
import { type DecisionAction, mayDecide } from '../../core/decisions/index.ts';
import { type CouncilRow, findCouncil, loadViewerFacts } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import type { Viewer } from '../platform/sessions.ts';
import { type AssemblyRow, findAssembly } from './assemblies.store.ts';
import { decisionError } from './decisions-errors.ts';

/** sha256 (hex) of the minutes' text as UTF-8, exactly as stored. */
export const minutesDigest = (markdown: string) =>
  createHash('sha256').update(markdown, 'utf8').digest('hex');

export async function sittingFor(
  db: Db,
  viewer: Viewer | null,
  assemblyId: string,
  action: DecisionAction,
): Promise<{ assembly: AssemblyRow; council: CouncilRow }> {
  const assembly = await findAssembly(db, assemblyId);
  if (!assembly) throw decisionError('assembly-not-found');
  const council = await findCouncil(db, assembly.council_id);
  if (!council) throw decisionError('assembly-not-found');
  if (!mayDecide(action, await loadViewerFacts(db, viewer, council))) throw decisionError('not-permitted');
  return { assembly, council };
}
