// A leading officer of a council proposes a price cap for one item: the most a seller may charge per
// base unit of the item, in one currency, from one day to another (or open-ended), in the council's
// territory and every council under it. It is put to the vote of the council (price-cap-subject.ts).
// It is checked now against the caps in force of every body above for the same item and currency whose
// validity overlaps — a council may set a lower cap, never a higher one — and checked again when the
// vote closes, because a body above may lower its cap while the vote runs.
import { capAboveParent, formatCents, toCents } from '../../core/prices/caps.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { findItem } from '../supply/index.ts';
import { authorizePrices, lineageSeqs } from './price-access.ts';
import { capsAbove, insertPriceCap, type PriceCapRow } from './price-caps.store.ts';
import { pricesError } from './prices-errors.ts';

export interface ProposePriceCapInput {
  itemId: string;
  /** Per base unit of the item, in the currency's units: "7.50". */
  cap: string;
  currency: string;
  validFrom: string;
  validTo: string | null;
  note: string | null;
}

export async function proposePriceCap(
  db: Db,
  viewer: Viewer,
  councilId: string,
  input: ProposePriceCapInput,
): Promise<PriceCapRow> {
  return db.transaction().execute(async (tx) => {
    const council = await authorizePrices(tx, viewer, councilId, 'propose-price-cap');
    const item = await findItem(tx, input.itemId);
    if (!item) throw pricesError('item-not-found');
    const cents = toCents(input.cap);
    if (!cents.ok) throw pricesError(cents.error, 'cap');
    if (input.validTo !== null && input.validTo < input.validFrom) throw pricesError('valid-to-before-from');
    const proposal = {
      councilId: council.id,
      itemId: item.id,
      currency: input.currency,
      capCents: cents.cents,
      validFrom: input.validFrom,
      validTo: input.validTo,
    };
    await assertWithinCapsAbove(tx, lineageSeqs(council).slice(0, -1), proposal);
    const row = await insertPriceCap(tx, { ...proposal, note: input.note, proposedBy: viewer.personId });
    await appendLedgerEntry(tx, {
      chainId: council.id,
      kind: 'price-cap.proposed',
      actorPersonId: viewer.personId,
      payload: {
        capId: row.id,
        itemId: item.id,
        currency: row.currency,
        capCents: row.cap_cents.toString(),
        validFrom: row.valid_from,
        validTo: row.valid_to,
      },
    });
    return row;
  });
}

/** Refuses a cap above a cap in force of a body above (`ancestorSeqs`) while both are valid. */
export async function assertWithinCapsAbove(
  db: Db,
  ancestorSeqs: readonly number[],
  cap: { itemId: string; currency: string; capCents: bigint; validFrom: string; validTo: string | null },
): Promise<void> {
  const above = await capsAbove(db, ancestorSeqs, cap.itemId, cap.currency);
  const exceeded = capAboveParent(
    cap,
    above.map((a) => ({
      councilName: a.council_name,
      capCents: a.cap_cents,
      validFrom: a.valid_from,
      validTo: a.valid_to,
    })),
  );
  if (exceeded)
    throw pricesError(
      'cap-above-parent',
      'cap',
      `${exceeded.councilName} caps this item at ${formatCents(exceeded.capCents)} ${cap.currency}`,
    );
}
