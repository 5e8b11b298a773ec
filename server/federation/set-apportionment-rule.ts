// A federated council chooses how its seats are shared among its child councils: a fixed number each,
// or by membership (D'Hondt, Sainte-Laguë, Hamilton) over a total, with a minimum per child — and what
// each seat weighs in its votes. Setting the rule does not change the table: the next apportionment
// applies it; the weight applies to mandates issued from then on (those in force keep theirs). The
// council row lock serialises this with apportionments, so a table is always computed from one whole rule.
import { type ApportionmentMethod, can, type WeightRule } from '../../core/federation/index.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { type NewRule, upsertRule } from './apportionments.store.ts';
import { lockCouncil } from './councils.store.ts';
import { federationError } from './federation-errors.ts';
import { loadViewerFacts } from './viewer-facts.ts';

/** Exactly one of totalSeats ('fixed': absent) and seatsPerChild ('fixed' only); the schema enforces it. */
export interface ApportionmentRuleInput {
  method: ApportionmentMethod;
  totalSeats?: number | undefined;
  seatsPerChild?: number | undefined;
  minimumPerChild?: number | undefined;
  /** Defaults to one seat, one vote. */
  weightRule?: WeightRule | undefined;
}

export async function setApportionmentRule(
  db: Db,
  viewer: Viewer | null,
  councilId: string,
  input: ApportionmentRuleInput,
): Promise<NewRule & { setAt: Date }> {
  return db.transaction().execute(async (tx) => {
    const council = await lockCouncil(tx, councilId);
    if (!council) throw federationError('council-not-found');
    if (!can('apportion-seats', await loadViewerFacts(tx, viewer, council)))
      throw federationError('not-permitted');
    if (council.dissolved_at) throw federationError('council-dissolved');
    if (council.kind !== 'federation') throw federationError('not-a-federation');
    const isFixed = input.method === 'fixed';
    const rule: NewRule = {
      method: input.method,
      totalSeats: isFixed ? null : (input.totalSeats ?? null),
      seatsPerChild: isFixed ? (input.seatsPerChild ?? null) : null,
      minimumPerChild: input.minimumPerChild ?? 0,
      weightRule: input.weightRule ?? 'one-seat-one-vote',
    };
    const at = new Date();
    await upsertRule(tx, councilId, rule, viewer?.personId ?? null, at);
    await appendLedgerEntry(
      tx,
      {
        chainId: councilId,
        kind: 'apportionment-rule.set',
        actorPersonId: viewer?.personId ?? null,
        payload: { councilId, ...rule },
      },
      at,
    );
    return { ...rule, setAt: at };
  });
}
