// A base council's distribution officer registers a household: who heads it, where it lives, how many
// people by age band, and its priority flags. The identity document, if given, is kept only as a keyed
// hash (household-identity.ts): the same document twice in this council is refused (a unique index
// decides between concurrent twins); in another council it is registered and reported as a possible
// duplicate, naming the other council and nothing else. The ledger records that a household was
// registered, never who or where (the ledger is read by every member).
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { authorizeCouncil } from './depot-access.ts';
import { identityHashOf } from './household-identity.ts';
import {
  duplicatesElsewhere,
  type HouseholdFields,
  type HouseholdRow,
  insertHousehold,
  sameIdentityHere,
} from './households.store.ts';
import { isUniqueViolation, supplyError } from './supply-errors.ts';

export interface HouseholdRegistration {
  household: HouseholdRow;
  possibleDuplicates: { councilId: string; councilName: string }[];
}

export async function registerHousehold(
  db: Db,
  viewer: Viewer,
  councilId: string,
  input: HouseholdFields & { identityDocument: string | null },
): Promise<HouseholdRegistration> {
  try {
    return await db.transaction().execute(async (tx) => {
      const { council } = await authorizeCouncil(tx, viewer, councilId, 'keep-households');
      if (council.kind === 'federation') throw supplyError('not-a-base-council');
      // Inside the transaction: a refused request does not even create the instance's secret.
      const identityHash = input.identityDocument ? await identityHashOf(tx, input.identityDocument) : null;
      if (identityHash && (await sameIdentityHere(tx, council.id, identityHash, null)))
        throw supplyError('household-already-registered', 'identityDocument');
      const household = await insertHousehold(tx, council.id, input, identityHash, viewer.personId);
      await appendLedgerEntry(tx, {
        chainId: council.id,
        kind: 'household.registered',
        actorPersonId: viewer.personId,
        payload: { householdId: household.id },
      });
      const duplicates = await duplicatesElsewhere(tx, [household.id]);
      return { household, possibleDuplicates: duplicates.get(household.id) ?? [] };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw supplyError('household-already-registered', 'identityDocument');
    throw error;
  }
}
