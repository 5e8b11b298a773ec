// Weighted inclusive Gregory method (WIGM) as reference counters define it for comparison with
// Scottish STV: the same flow of surpluses and exclusions, but with paper values kept to 18 places
// (truncated) instead of 5, a fractional Droop quota (valid ÷ (seats + 1), elected on exceeding
// it), and ties broken by lot (or ballot-file order) without looking back at earlier stages.

import { divide, scaleOf } from './fixed-point.ts';
import { countGregoryStv, type GregoryRule, type StvOptions } from './gregory-stv.ts';
import type { BallotProfile, Tally } from './tally.ts';

export const WIGM_DECIMALS = 18;

export const wigmStvRule: GregoryRule = {
  method: 'stv-wigm',
  decimals: WIGM_DECIMALS,
  // valid ÷ (seats + 1) truncated, plus one unit in the last place: reaching it means exceeding
  // the exact Droop fraction.
  quota: (validPapers, seats, decimals) =>
    divide(BigInt(validPapers) * scaleOf(decimals), BigInt(seats + 1), 'down') + 1n,
  tiesByEarlierStage: false,
  tiePolicy: 'lot',
  cite: () => '',
};

export function countWigmStv(profile: BallotProfile, options: StvOptions = {}): Tally {
  return countGregoryStv(profile, options, wigmStvRule);
}
