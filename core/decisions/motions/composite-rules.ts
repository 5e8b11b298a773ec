// Which motions an officer of a body may merge into one composite: two or more, all before that body,
// all still open to merging (submitted or admitted), each forwarded by a child council (so it has a
// lineage to report back to), none a composite already, and from at least two different councils —
// a composite brings together what several councils asked for. Each origin keeps its support.
import type { Result } from '../polls/poll-rules.ts';
import type { MotionStatus } from './motion-states.ts';
import { nextMotionStatus } from './motion-states.ts';

export interface CompositeCandidate {
  id: string;
  councilId: string;
  status: MotionStatus;
  submittedByCouncil: string | null;
  isComposite: boolean;
}

export const MIN_COMPOSITE_ORIGINS = 2;

export function checkComposite(
  bodyCouncilId: string,
  requestedIds: readonly string[],
  found: readonly CompositeCandidate[],
): Result<readonly CompositeCandidate[]> {
  const bad = (field: string): Result<readonly CompositeCandidate[]> => ({
    ok: false,
    error: 'composite-invalid',
    field,
  });
  if (requestedIds.length < MIN_COMPOSITE_ORIGINS) return bad('motionIds');
  if (new Set(requestedIds).size !== requestedIds.length) return bad('motionIds');
  const byId = new Map(found.map((m) => [m.id, m]));
  for (const [i, id] of requestedIds.entries()) {
    const m = byId.get(id);
    if (!m || m.councilId !== bodyCouncilId) return bad(`motionIds.${i}`);
    if (m.isComposite || m.submittedByCouncil === null) return bad(`motionIds.${i}`);
    if (!nextMotionStatus(m.status, 'merge').ok)
      return { ok: false, error: 'motion-transition-not-allowed', field: `motionIds.${i}` };
  }
  const councils = new Set(requestedIds.map((id) => byId.get(id)?.submittedByCouncil));
  if (councils.size < 2) return bad('motionIds');
  return { ok: true, value: requestedIds.map((id) => byId.get(id)).filter((m) => m !== undefined) };
}

/** A composite's support: the sum of its origins' supporters when they were merged. */
export const compositeSupport = (origins: ReadonlyArray<{ supportersCount: number }>) =>
  origins.reduce((sum, o) => sum + o.supportersCount, 0);
