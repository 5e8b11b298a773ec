// A distribution officer corrects a household (size, flags, address, document). Rounds already held keep their own copy of what they used, so a correction
// never changes a past allocation (invariant 6). Lock: the household row FOR UPDATE. The ledger records
// which fields changed, never their values.
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { authorizeCouncil } from './depot-access.ts';
import { identityHashOf } from './household-identity.ts';
import {
  findHousehold,
  type HouseholdFields,
  type HouseholdRow,
  sameIdentityHere,
  updateHousehold,
} from './households.store.ts';
import { isUniqueViolation, supplyError } from './supply-errors.ts';

export type HouseholdChanges = Partial<HouseholdFields> & { identityDocument?: string | null | undefined };

/** The household FOR UPDATE, if the viewer keeps this council's households and it is still active. */
export async function lockHouseholdForChange(tx: Db, viewer: Viewer, id: string): Promise<HouseholdRow> {
  const household = await findHousehold(tx, id, true);
  if (!household) throw supplyError('household-not-found', 'id');
  await authorizeCouncil(tx, viewer, household.council_id, 'keep-households', 'id');
  if (household.status === 'withdrawn') throw supplyError('household-withdrawn', 'id');
  return household;
}

export async function changeHousehold(
  db: Db,
  viewer: Viewer,
  id: string,
  changes: HouseholdChanges,
): Promise<HouseholdRow> {
  const { identityDocument, ...fields } = changes;
  try {
    return await db.transaction().execute(async (tx) => {
      const before = await lockHouseholdForChange(tx, viewer, id);
      const identityHash =
        identityDocument === undefined
          ? undefined
          : identityDocument
            ? await identityHashOf(tx, identityDocument)
            : null;
      if (identityHash && (await sameIdentityHere(tx, before.council_id, identityHash, before.id)))
        throw supplyError('household-already-registered', 'identityDocument');
      const next: HouseholdFields = {
        headName: fields.headName ?? before.head_name,
        address: fields.address ?? before.address,
        phone: fields.phone === undefined ? before.phone : fields.phone,
        people: fields.people ?? {
          infant: before.infants,
          child: before.children,
          adult: before.adults,
          elder: before.elders,
        },
        flags: fields.flags ?? before.flags,
      };
      const after = await updateHousehold(tx, id, next, identityHash);
      await appendLedgerEntry(tx, {
        chainId: before.council_id,
        kind: 'household.changed',
        actorPersonId: viewer.personId,
        payload: { householdId: id, fields: Object.keys(changes).sort() },
      });
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw supplyError('household-already-registered', 'identityDocument');
    throw error;
  }
}
