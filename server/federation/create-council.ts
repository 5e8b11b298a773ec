// Creates a base or federated council, at the top (administrator) or under a federated council (its
// leading officers, or those of a council above it). The parent row is locked so it cannot be
// dissolved or moved while the child is being attached.
import { type CouncilKind, can, checkNewCouncil } from '../../core/federation/index.ts';
import type { Db } from '../platform/database.ts';
import type { Viewer } from '../platform/sessions.ts';
import { addCouncil } from './add-council.ts';
import { type CouncilRow, lockCouncil } from './councils.store.ts';
import { federationError } from './federation-errors.ts';
import { loadViewerFacts } from './viewer-facts.ts';

export interface CreateCouncilInput {
  name: string;
  kind: CouncilKind;
  level?: string | null | undefined;
  territory: string;
  sector?: string | null | undefined;
  parentId?: string | null | undefined;
  answerDays?: number | undefined;
}

export async function createCouncil(
  db: Db,
  viewer: Viewer | null,
  input: CreateCouncilInput,
): Promise<CouncilRow> {
  return db.transaction().execute(async (tx) => {
    let parent: CouncilRow | null = null;
    if (input.parentId) {
      parent = (await lockCouncil(tx, input.parentId)) ?? null;
      if (!parent) throw federationError('council-not-found', 'parentId');
      if (!can('create-child', await loadViewerFacts(tx, viewer, parent)))
        throw federationError('not-permitted');
    } else if (!viewer?.isAdmin) {
      throw federationError('not-permitted');
    }
    const level = input.level ?? null;
    const check = checkNewCouncil(
      { kind: input.kind, level },
      parent
        ? { kind: parent.kind as CouncilKind, dissolved: parent.dissolved_at !== null, path: parent.path }
        : null,
    );
    if (!check.ok) throw federationError(check.error);
    return addCouncil(
      tx,
      viewer,
      {
        name: input.name,
        kind: input.kind,
        level,
        territory: input.territory,
        sector: input.sector ?? null,
        answerDays: input.answerDays ?? 7,
      },
      parent,
    );
  });
}
