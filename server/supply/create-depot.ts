// A council's secretary or chair opens a depot or a distribution point of the council. Names are
// unique within the council ignoring case (unique index; a concurrent twin gets depot-name-taken).
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { authorizeCouncil } from './depot-access.ts';
import { type DepotRow, depotNameTaken, insertDepot } from './depots.store.ts';
import { isUniqueViolation, supplyError } from './supply-errors.ts';

export interface CreateDepotInput {
  name: string;
  kind: 'depot' | 'distribution-point';
  place?: string | null | undefined;
  location?: { latitude: number; longitude: number } | null | undefined;
}

export async function createDepot(
  db: Db,
  viewer: Viewer,
  councilId: string,
  input: CreateDepotInput,
): Promise<DepotRow> {
  try {
    return await db.transaction().execute(async (tx) => {
      const { council } = await authorizeCouncil(tx, viewer, councilId, 'create-depot');
      if (await depotNameTaken(tx, council.id, input.name)) throw supplyError('depot-name-taken');
      const depot = await insertDepot(
        tx,
        {
          councilId: council.id,
          name: input.name,
          kind: input.kind,
          place: input.place ?? null,
          location: input.location ?? null,
        },
        viewer.personId,
      );
      await appendLedgerEntry(tx, {
        chainId: council.id,
        kind: 'depot.created',
        actorPersonId: viewer.personId,
        payload: {
          depotId: depot.id,
          name: depot.name,
          kind: depot.kind,
          place: depot.place,
          location: input.location ?? null,
        },
      });
      return depot;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw supplyError('depot-name-taken');
    throw error;
  }
}
