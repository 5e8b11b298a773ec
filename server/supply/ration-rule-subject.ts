// A ration rule is adopted by a vote of its council: a yes-no poll whose subject is the rule's version
// (server/decisions/poll-subjects.ts). Opening locks the version and moves it from proposed to in-vote;
// closing adopts it — superseding the version in force — or rejects it, in the poll's closing
// transaction. If a body above tightened its limits while the vote ran and the rule now loosens them,
// the rule is not adopted whatever the vote, and the decision says why.
// Locks: the version's row FOR UPDATE at opening and at closing.
import { registerPollSubject } from '../decisions/index.ts';
import { AppError } from '../platform/http-errors.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import { findItem } from './items.store.ts';
import { checkedAgainstLimits } from './propose-ration-rule.ts';
import { decideRationRule, findRationRule, setRuleInVote } from './ration-rules.store.ts';
import { supplyError } from './supply-errors.ts';

export const RATION_RULE_SUBJECT = 'ration-rule';

let registered = false;

export function registerRationRuleSubject(): void {
  if (registered) return;
  registered = true;
  registerPollSubject(RATION_RULE_SUBJECT, {
    async opening(tx, { councilId, subjectId }) {
      const rule = await findRationRule(tx, subjectId, true);
      if (!rule || rule.council_id !== councilId) throw supplyError('ration-rule-not-found', 'subject.id');
      if (rule.status !== 'proposed') throw supplyError('ration-rule-not-proposed', 'subject.id');
      const item = await findItem(tx, rule.item_id);
      return { title: `${item?.name ?? 'item'} — v${rule.version}` };
    },
    async opened(tx, { subjectId, pollId }) {
      await setRuleInVote(tx, subjectId, pollId);
    },
    async decided(tx, d) {
      const rule = await findRationRule(tx, d.subjectId, true);
      if (!rule) return;
      let adopted = d.outcome === 'adopted';
      let summary = d.summary;
      if (adopted) {
        const item = await findItem(tx, rule.item_id);
        try {
          await checkedAgainstLimits(
            tx,
            rule.council_id,
            rule.item_id,
            rule.rule,
            Number(item?.step_milli ?? 1),
          );
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          adopted = false;
          summary = `${d.summary} — not adopted: ${error.message}`;
        }
      }
      await decideRationRule(tx, rule.id, { adopted, pollId: d.pollId, at: d.at, summary });
      await appendLedgerEntry(tx, {
        chainId: rule.council_id,
        kind: adopted ? 'ration-rule.adopted' : 'ration-rule.rejected',
        actorPersonId: null,
        payload: { ruleId: rule.id, itemId: rule.item_id, version: rule.version, pollId: d.pollId, summary },
      });
    },
  });
}
