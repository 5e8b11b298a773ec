// An officer of a council proposes a ration rule for one item: a new version, to be put to the vote of
// the council (ration-rule-subject.ts). It is checked now against the rule's own bounds, the item's step
// and the limits of every body above the council; it is checked again against the limits in force when
// the vote closes, because a body above may tighten them while the vote runs.
import { checkRationRule, checkTightens, type RationRule } from '../../core/supply/ration-rule.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { authorizeCouncil } from './depot-access.ts';
import { findItem } from './items.store.ts';
import { insertRationRule, limitsAbove, type RationRuleRow } from './ration-rules.store.ts';
import { isUniqueViolation, supplyError } from './supply-errors.ts';

export async function proposeRationRule(
  db: Db,
  viewer: Viewer,
  councilId: string,
  input: { itemId: string; rule: RationRule; note: string | null },
): Promise<RationRuleRow> {
  try {
    return await db.transaction().execute(async (tx) => {
      const { council } = await authorizeCouncil(tx, viewer, councilId, 'propose-ration-rule');
      if (council.kind === 'federation') throw supplyError('not-a-base-council');
      const item = await findItem(tx, input.itemId);
      if (!item) throw supplyError('item-not-found', 'itemId');
      const rule = await checkedAgainstLimits(tx, council.id, item.id, input.rule, Number(item.step_milli));
      const row = await insertRationRule(tx, {
        councilId: council.id,
        itemId: item.id,
        rule,
        note: input.note,
        proposedBy: viewer.personId,
      });
      await appendLedgerEntry(tx, {
        chainId: council.id,
        kind: 'ration-rule.proposed',
        actorPersonId: viewer.personId,
        payload: { ruleId: row.id, itemId: item.id, version: row.version, rule },
      });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw supplyError('ration-rule-busy');
    throw error;
  }
}

/**
 * The rule as stored (checkRationRule's canonical form), or an error naming the loosened field and the
 * body whose limit it loosens. `rule.` prefixes the field: the request's rule is under `rule`.
 */
export async function checkedAgainstLimits(
  db: Db,
  councilId: string,
  itemId: string,
  proposed: RationRule,
  stepMilli: number,
): Promise<RationRule> {
  const checked = checkRationRule(proposed, stepMilli);
  if (!checked.ok) throw supplyError(checked.error, `rule.${checked.field}`);
  for (const above of await limitsAbove(db, councilId, itemId)) {
    const fits = checkTightens(above.limits, checked.value);
    if (!fits.ok)
      throw supplyError(fits.error, `rule.${fits.field}`, `${above.council_name} limits this item's rule`);
  }
  return checked.value;
}
