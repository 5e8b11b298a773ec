// An officer opens a distribution round: the council's rule in force for the item, applied to the stock
// of one of its depots (all on hand, or a smaller amount the officer sets aside) and to its active
// households. Each household's entitlement, weight and priority class come from the rule
// (core/supply/ration-rule.ts); the stock is divided by allocateRound (priority classes in order,
// weighted max-min fair within the short one, whole steps). The round keeps everything it used — the
// rule's content and version, the stock, the step, the tie-break seed, each household as it was — so
// anyone can recompute it and get the same result (invariant 6, recompute-distribution-round.ts).
// The round does not move stock: each pick-up writes its own distribution event (record-pickup.ts).
import { randomBytes } from 'node:crypto';
import { allocateRound } from '../../core/supply/allocate-round.ts';
import { entitlementOf, priorityClassOf, weightMillisOf } from '../../core/supply/ration-rule.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { authorizeDepot } from './depot-access.ts';
import { insertRound, type NewEntitlement } from './distribution-rounds.store.ts';
import { activeHouseholdsForRound } from './households.store.ts';
import { milliOf } from './item-quantity.ts';
import { findItem } from './items.store.ts';
import { ruleInForce } from './ration-rules.store.ts';
import { balanceOf } from './stock-events.store.ts';
import { supplyError } from './supply-errors.ts';

export interface OpenRoundInput {
  itemId: string;
  title: string;
  /** What to divide, in `unit`; absent: everything on the shelf. */
  quantity?: string | undefined;
  unit?: string | undefined;
}

export async function openDistributionRound(
  db: Db,
  viewer: Viewer,
  depotId: string,
  input: OpenRoundInput,
): Promise<string> {
  return db.transaction().execute(async (tx) => {
    const { depot, council } = await authorizeDepot(tx, viewer, depotId, 'run-round');
    const item = await findItem(tx, input.itemId);
    if (!item) throw supplyError('item-not-found', 'itemId');
    const rule = await ruleInForce(tx, council.id, item.id);
    if (!rule) throw supplyError('no-rule-in-force', 'itemId');
    const onShelf = await balanceOf(tx, depot.id, item.id);
    const wanted = input.quantity === undefined ? onShelf : milliOf(item, input.quantity, input.unit);
    if (wanted > onShelf) throw supplyError('more-than-on-shelf', 'quantity');
    if (wanted <= 0n)
      throw supplyError('nothing-on-shelf', input.quantity === undefined ? 'itemId' : 'quantity');
    const stepMilli = Number(item.step_milli);
    const households = await activeHouseholdsForRound(tx, council.id);
    if (households.length === 0) throw supplyError('no-households');
    const lines: NewEntitlement[] = households.map((h) => ({
      householdId: h.id,
      people: h.people,
      flags: h.flags,
      priorityClass: priorityClassOf(rule.rule, h.flags),
      weightMillis: weightMillisOf(rule.rule, h.people),
      entitlementMilli: entitlementOf(rule.rule, h, stepMilli),
      allocatedMilli: 0,
    }));
    const tieBreakSeed = randomBytes(8).toString('hex');
    const allocation = allocateRound({
      stockMilli: Number(wanted),
      stepMilli,
      tieBreakSeed,
      households: lines.map((l) => ({
        id: l.householdId,
        entitlementMilli: l.entitlementMilli,
        weightMillis: l.weightMillis,
        priorityClass: l.priorityClass,
      })),
    });
    lines.forEach((l, i) => {
      l.allocatedMilli = allocation.allocatedMilli[i] ?? 0;
    });
    const roundId = await insertRound(
      tx,
      {
        councilId: council.id,
        depotId: depot.id,
        itemId: item.id,
        ruleId: rule.id,
        rule: rule.rule,
        stockMilli: allocation.stockMilli,
        stepMilli,
        tieBreakSeed,
        entitlementMilli: allocation.entitlementMilli,
        allocatedMilli: allocation.allocatedTotalMilli,
        classes: allocation.classes,
        title: input.title,
        openedBy: viewer.personId,
      },
      lines,
    );
    await appendLedgerEntry(tx, {
      chainId: council.id,
      kind: 'distribution-round.opened',
      actorPersonId: viewer.personId,
      payload: {
        roundId,
        depotId: depot.id,
        itemId: item.id,
        ruleId: rule.id,
        ruleVersion: rule.version,
        stockMilli: allocation.stockMilli,
        allocatedMilli: allocation.allocatedTotalMilli,
        households: lines.length,
        tieBreakSeed,
      },
    });
    return roundId;
  });
}
