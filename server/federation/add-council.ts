// The one place a council comes into being: its row and its first ledger entry, in the caller's
// transaction (used by create-council and import-councils, which check rights and rules first).
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { type CouncilRow, insertCouncil, type NewCouncil } from './councils.store.ts';

export async function addCouncil(
  tx: Db,
  viewer: Viewer | null,
  input: NewCouncil,
  parent: CouncilRow | null,
  extra: Record<string, unknown> = {},
): Promise<CouncilRow> {
  const council = await insertCouncil(tx, input, parent);
  await appendLedgerEntry(tx, {
    chainId: council.id,
    kind: 'council.created',
    actorPersonId: viewer?.personId ?? null,
    payload: {
      councilId: council.id,
      name: council.name,
      kind: council.kind,
      level: council.level,
      territory: council.territory,
      sector: council.sector,
      parentId: parent?.id ?? null,
      answerDays: council.answer_days,
      ...extra,
    },
  });
  return council;
}
