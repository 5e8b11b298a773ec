// An officer records that a member of the council has a training (a shift may require it). Once per
// member and training, ignoring case (unique index; a concurrent twin gets training-recorded).
import { activeMembersAmong } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { authorizeRoster } from './roster-access.ts';
import { isUniqueViolation, rostersError } from './rosters-errors.ts';
import { hasTraining, insertTraining, type TrainingRow } from './trainings.store.ts';

export async function recordTraining(
  db: Db,
  viewer: Viewer,
  councilId: string,
  input: { personId: string; training: string },
): Promise<TrainingRow> {
  try {
    return await db.transaction().execute(async (tx) => {
      const { council } = await authorizeRoster(tx, viewer, councilId, 'record-training');
      if (!(await activeMembersAmong(tx, council.id, [input.personId])).has(input.personId))
        throw rostersError('person-not-member');
      if (await hasTraining(tx, council.id, input.personId, input.training))
        throw rostersError('training-recorded');
      const row = await insertTraining(tx, council.id, input.personId, input.training, viewer.personId);
      await appendLedgerEntry(tx, {
        chainId: council.id,
        kind: 'roster.training-recorded',
        actorPersonId: viewer.personId,
        payload: { trainingId: row.id, personId: input.personId, training: input.training },
      });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw rostersError('training-recorded');
    throw error;
  }
}
