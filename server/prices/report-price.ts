// An active member of a base council reports a price seen at a seller: the quantity in one of the item's
// units is normalised to milli base units (a 50 kg sack = 50,000), the price to hundredths, and the
// price per base unit kept exactly enough to show (base_price_cents). The cap in force is found with one
// indexed query (capInForce: the lowest adopted cap of the council or any body above, valid on the day
// observed) and compared exactly (priceCents × 1000 > capCents × quantityMilli); a report above it makes
// a violation in the same transaction, so a report and its violation commit together or not at all.
// No lock is needed: each report inserts its own rows (a violation's report_id is unique), so concurrent
// reports of the same seller each get theirs; the ledger head's lock orders the entries.
// The ledger entry names the reporter as actor only; sellers are public business names.
import { basePriceText, isAboveCap, sellerKey, toCents } from '../../core/prices/caps.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { findItem, milliOf } from '../supply/index.ts';
import { authorizePrices, lineageSeqs } from './price-access.ts';
import { capInForce, today } from './price-caps.store.ts';
import { insertPriceReport, insertViolation } from './price-reports.store.ts';
import { pricesError } from './prices-errors.ts';

export interface ReportPriceInput {
  seller: string;
  market: string | null;
  itemId: string;
  /** Decimal text in `unit` (default: the item's base unit). */
  quantity: string;
  unit?: string | undefined;
  /** Decimal text in the currency's units: "12.50". */
  price: string;
  currency: string;
  observedOn: string;
  note: string | null;
}

export interface ReportedPrice {
  reportId: string;
  violationId: string | null;
  capId: string | null;
}

/** Reports may be dated one day past the database's date: a member east of UTC lives a day ahead. */
const GRACE_DAYS = 1;

export async function reportPrice(
  db: Db,
  viewer: Viewer,
  councilId: string,
  input: ReportPriceInput,
): Promise<ReportedPrice> {
  return db.transaction().execute(async (tx) => {
    const council = await authorizePrices(tx, viewer, councilId, 'report-price');
    const item = await findItem(tx, input.itemId);
    if (!item) throw pricesError('item-not-found');
    const quantityMilli = milliOf(item, input.quantity, input.unit, { field: 'quantity' });
    const price = toCents(input.price);
    if (!price.ok) throw pricesError(price.error, 'price');
    const latest = new Date(Date.parse(`${await today(tx)}T00:00:00Z`) + GRACE_DAYS * 86_400_000);
    if (input.observedOn > latest.toISOString().slice(0, 10)) throw pricesError('observed-in-future');
    const cap = await capInForce(tx, lineageSeqs(council), item.id, input.currency, input.observedOn);
    const reportId = await insertPriceReport(tx, {
      councilId: council.id,
      reportedBy: viewer.personId,
      seller: input.seller,
      sellerKey: sellerKey(input.seller),
      market: input.market,
      itemId: item.id,
      quantityMilli,
      unit: input.unit ?? item.base_unit,
      priceCents: price.cents,
      currency: input.currency,
      basePriceCents: basePriceText(price.cents, quantityMilli),
      observedOn: input.observedOn,
      note: input.note,
    });
    const isViolation = cap !== undefined && isAboveCap(price.cents, quantityMilli, cap.cap_cents);
    const violationId = isViolation
      ? await insertViolation(tx, { reportId, capId: cap.id, councilId: council.id })
      : null;
    await appendLedgerEntry(tx, {
      chainId: council.id,
      kind: 'price-report.recorded',
      actorPersonId: viewer.personId,
      payload: {
        reportId,
        itemId: item.id,
        seller: input.seller,
        priceCents: price.cents.toString(),
        quantityMilli: quantityMilli.toString(),
        currency: input.currency,
        observedOn: input.observedOn,
        ...(violationId ? { violationId, capId: cap?.id } : {}),
      },
    });
    return { reportId, violationId, capId: cap?.id ?? null };
  });
}
