// A price cap is adopted by a vote of its council: a yes-no poll whose subject is the cap
// (server/decisions/poll-subjects.ts). Opening locks the cap and moves it from proposed to in-vote;
// closing adopts it — superseding the council's cap in force for the item and currency — or rejects it,
// in the poll's closing transaction. If a body above lowered its cap while the vote ran and this cap is
// now above it, the cap is not adopted whatever the vote, and the decision says why.
// Locks: the cap's row FOR UPDATE at opening and at closing; at adoption, an advisory lock on the
// council, item and currency (decidePriceCap), so two votes closing at once leave one cap in force.
// Window left open: a body above adopting a lower cap in the very instant a vote below closes may not be
// seen by that closing's re-check. Nothing is lost by it — the cap in force is the lowest of the
// lineage (capInForce), so the higher cap below never applies while the lower one above is valid.
import { formatCents } from '../../core/prices/caps.ts';
import { registerPollSubject } from '../decisions/index.ts';
import { findCouncil } from '../federation/index.ts';
import { AppError } from '../platform/http-errors.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import { findItem } from '../supply/index.ts';
import { lineageSeqs } from './price-access.ts';
import { decidePriceCap, findPriceCap, setCapInVote } from './price-caps.store.ts';
import { pricesError } from './prices-errors.ts';
import { assertWithinCapsAbove } from './propose-price-cap.ts';

export const PRICE_CAP_SUBJECT = 'price-cap';

let registered = false;

export function registerPriceCapSubject(): void {
  if (registered) return;
  registered = true;
  registerPollSubject(PRICE_CAP_SUBJECT, {
    async opening(tx, { councilId, subjectId }) {
      const cap = await findPriceCap(tx, subjectId, true);
      if (!cap || cap.council_id !== councilId) throw pricesError('cap-not-found', 'subject.id');
      if (cap.status !== 'proposed') throw pricesError('cap-not-proposed', 'subject.id');
      const item = await findItem(tx, cap.item_id);
      return { title: capTitle(item?.name, item?.base_unit, cap.cap_cents, cap.currency) };
    },
    async opened(tx, { subjectId, pollId }) {
      await setCapInVote(tx, subjectId, pollId);
    },
    async decided(tx, d) {
      const cap = await findPriceCap(tx, d.subjectId, true);
      if (!cap) return;
      let adopted = d.outcome === 'adopted';
      let summary = d.summary;
      const council = await findCouncil(tx, cap.council_id);
      if (adopted && council) {
        try {
          await assertWithinCapsAbove(tx, lineageSeqs(council).slice(0, -1), {
            itemId: cap.item_id,
            currency: cap.currency,
            capCents: cap.cap_cents,
            validFrom: cap.valid_from,
            validTo: cap.valid_to,
          });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          adopted = false;
          summary = `${d.summary} — not adopted: ${error.message}`;
        }
      }
      await decidePriceCap(tx, cap.id, { adopted, pollId: d.pollId, at: d.at, summary });
      await appendLedgerEntry(tx, {
        chainId: cap.council_id,
        kind: adopted ? 'price-cap.adopted' : 'price-cap.rejected',
        actorPersonId: null,
        payload: { capId: cap.id, itemId: cap.item_id, currency: cap.currency, pollId: d.pollId, summary },
      });
    },
  });
}

/** "Rice: at most 7.50 BOB per kg", the poll's default title. */
export const capTitle = (
  itemName: string | undefined,
  baseUnit: string | undefined,
  capCents: bigint,
  currency: string,
) => `${itemName ?? 'Item'}: at most ${formatCents(capCents)} ${currency} per ${baseUnit ?? 'unit'}`;
