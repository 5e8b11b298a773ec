// Counts a poll from its ballots alone — the same function the server runs at closing and anyone can run
// on the published list — so a published tally can be recomputed and checked.
//
// Yes-no: weights are summed per choice, in millis; the outcome follows the poll's majority:
//   simple      more yes than no (abstentions and absentees do not count);
//   absolute    yes more than half of the base;
//   two-thirds  yes at least two thirds of the base.
// Elections: ballots become a ballot profile for the counting engine, each weighted by its weight in
// millis divided by the greatest common divisor of all weights (so one-member-one-vote polls count whole
// papers and a delegate of weight 2,500 counts 2.5 of a delegate of 1,000); blank ballots are counted
// apart and left out.
import { type BallotProfile, type CountingMethod, countBallots, type Tally } from '../counting/index.ts';
import type { BallotContents } from './ballot-check.ts';
import type { MajorityBase, PollRules, YesNoChoice } from './poll-rules.ts';

export interface CountedBallot {
  contents: BallotContents;
  weightMillis: number;
}

export interface PollFacts {
  /** Weight present when the poll closed (assembly polls), or null for polls outside an assembly. */
  presentMillis: number | null;
  entitledMillis: number;
  /** Seed for ties settled by lot, fixed when the poll opened and published with it. */
  seed: string;
  title: string;
}

export type PollResult =
  | {
      method: 'yes-no';
      ballots: number;
      totals: Record<YesNoChoice, number>;
      baseMillis: number;
      base: MajorityBase;
      outcome: 'adopted' | 'rejected';
    }
  | {
      method: CountingMethod;
      ballots: number;
      blank: number;
      /** Null when every ballot was blank. */
      tally: Tally | null;
      elected: number[];
      outcome: 'elected' | 'no-valid-ballots';
    };

export function tallyPoll(rules: PollRules, ballots: readonly CountedBallot[], facts: PollFacts): PollResult {
  if (rules.method === 'yes-no') return tallyYesNo(rules, ballots, facts);
  return tallyElection(rules.method, rules, ballots, facts);
}

function tallyYesNo(rules: PollRules, ballots: readonly CountedBallot[], facts: PollFacts): PollResult {
  const totals = { yes: 0, no: 0, abstain: 0 };
  let castMillis = 0;
  for (const b of ballots) {
    if (!('marks' in b.contents)) throw new RangeError('a ranking in a yes-no poll');
    totals.yes += b.contents.marks.yes;
    totals.no += b.contents.marks.no;
    totals.abstain += b.contents.marks.abstain;
    castMillis += b.weightMillis;
  }
  const baseMillis =
    rules.majorityBase === 'voting'
      ? totals.yes + totals.no
      : rules.majorityBase === 'present'
        ? (facts.presentMillis ?? castMillis)
        : facts.entitledMillis;
  const adopted =
    rules.majority === 'simple'
      ? totals.yes > totals.no
      : rules.majority === 'absolute'
        ? totals.yes * 2 > baseMillis
        : totals.yes > 0 && totals.yes * 3 >= baseMillis * 2;
  return {
    method: 'yes-no',
    ballots: ballots.length,
    totals,
    baseMillis,
    base: rules.majorityBase,
    outcome: adopted ? 'adopted' : 'rejected',
  };
}

function tallyElection(
  method: CountingMethod,
  rules: PollRules,
  ballots: readonly CountedBallot[],
  facts: PollFacts,
): PollResult {
  const marked = ballots.filter((b) => 'ranking' in b.contents && b.contents.ranking.length > 0);
  const blank = ballots.length - marked.length;
  if (marked.length === 0) {
    return { method, ballots: ballots.length, blank, tally: null, elected: [], outcome: 'no-valid-ballots' };
  }
  const unit = marked.reduce((g, b) => gcd(g, b.weightMillis), 0);
  const profile: BallotProfile = {
    title: facts.title,
    seats: rules.seats,
    candidates: [...rules.options],
    withdrawn: [],
    ballots: marked.map((b) => {
      const ranking = 'ranking' in b.contents ? b.contents.ranking : [];
      // Approval reads every mark as one rank group; the ranked methods read one option per rank.
      const ranks = method === 'approval' ? [ranking] : ranking.map((o) => [o]);
      return { weight: b.weightMillis / unit, ranks };
    }),
  };
  const tally = countBallots(method, profile, { seats: rules.seats, seed: facts.seed });
  return { method, ballots: ballots.length, blank, tally, elected: tally.elected, outcome: 'elected' };
}

function gcd(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}
