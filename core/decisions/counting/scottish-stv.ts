// Scottish STV as the Scottish Local Government Elections Order 2007 (SSI 2007/42) Sch.1 rules
// 45–52 count it. The fine points the rules leave to practice were settled against the councils'
// published stage totals for 352 wards (stv.corpus.test.ts):
// - every surplus is transferred, largest first, even when it cannot change who is elected: there
//   is no deferral, and a candidate elected during a transfer waits with the other surpluses;
// - the count stops as soon as all seats are filled, or the continuing candidates are no more than
//   the vacancies left (rule 52) — checked after every stage, so no further transfer is made;
// - the elected candidate keeps exactly the quota after their surplus moves; what truncation to five
//   places drops is recorded as lost.

import { fromInteger } from './fixed-point.ts';
import { countGregoryStv, type GregoryRule, type StvOptions } from './gregory-stv.ts';
import type { BallotProfile, Tally } from './tally.ts';

const citations = {
  quota: ' (rule 47)',
  surplus: ' (rule 48)',
  exclusion: ' (rule 50)',
  remaining: ' (rule 52)',
  'tie-surplus': ' (rule 49(2))',
  'tie-exclusion': ' (rule 51(2)(a))',
  lot: ' (rules 49(3), 51(2)(b))',
} as const;

export const scottishStvRule: GregoryRule = {
  method: 'stv-scottish',
  decimals: 5,
  // Rule 46: valid papers ÷ (seats + 1), decimals ignored, plus one.
  quota: (validPapers, seats, decimals) => fromInteger(Math.floor(validPapers / (seats + 1)) + 1, decimals),
  tiesByEarlierStage: true,
  tiePolicy: 'lot',
  cite: (rule) => citations[rule],
};

export function countScottishStv(profile: BallotProfile, options: StvOptions = {}): Tally {
  return countGregoryStv(profile, options, scottishStvRule);
}
