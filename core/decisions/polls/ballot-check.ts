// Checks one ballot against its poll's rules and brings it to the one stored form. A yes-no ballot is
// a division of the voter's weight among yes, no and abstain (a member's whole vote goes to one choice;
// a delegate may split theirs when the poll allows); an election ballot is a list of option indexes in
// order of preference (plurality: one; approval: a set; ranked methods: a ranking). An empty list is a
// blank ballot: it counts as taking part, and for no option.
import { type PollRules, type Result, YES_NO_CHOICES, type YesNoChoice } from './poll-rules.ts';

export type BallotInput =
  | { choice: YesNoChoice }
  | { split: Partial<Record<YesNoChoice, number>> }
  | { ranking: readonly number[] };

/** Stored contents: yes-no marks in weight millis adding up to the ballot's weight, or a ranking. */
export type BallotContents = { marks: Record<YesNoChoice, number> } | { ranking: number[] };

export function checkBallot(
  rules: PollRules,
  input: BallotInput,
  weightMillis: number,
): Result<BallotContents> {
  if (rules.method === 'yes-no') {
    if ('choice' in input) {
      const marks = { yes: 0, no: 0, abstain: 0 };
      marks[input.choice] = weightMillis;
      return { ok: true, value: { marks } };
    }
    if ('split' in input) {
      if (!rules.allowSplit) return { ok: false, error: 'split-not-allowed', field: 'split' };
      const marks = { yes: 0, no: 0, abstain: 0 };
      let sum = 0;
      for (const choice of YES_NO_CHOICES) {
        const part = input.split[choice] ?? 0;
        if (!Number.isInteger(part) || part < 0)
          return { ok: false, error: 'split-does-not-add-up', field: `split.${choice}` };
        marks[choice] = part;
        sum += part;
      }
      if (sum !== weightMillis) return { ok: false, error: 'split-does-not-add-up', field: 'split' };
      return { ok: true, value: { marks } };
    }
    return { ok: false, error: 'wrong-ballot-kind', field: 'ranking' };
  }
  if (!('ranking' in input)) return { ok: false, error: 'wrong-ballot-kind', field: 'choice' };
  const ranking = input.ranking;
  if (ranking.length > rules.maxMarks) return { ok: false, error: 'too-many-marks', field: 'ranking' };
  const seen = new Set<number>();
  for (const [i, option] of ranking.entries()) {
    if (!Number.isInteger(option) || option < 0 || option >= rules.options.length)
      return { ok: false, error: 'wrong-option', field: `ranking.${i}` };
    if (seen.has(option)) return { ok: false, error: 'duplicate-mark', field: `ranking.${i}` };
    seen.add(option);
  }
  // Approval marks are a set: one order for the same set, so equal ballots look equal when published.
  const stored = rules.method === 'approval' ? [...ranking].sort((a, b) => a - b) : [...ranking];
  return { ok: true, value: { ranking: stored } };
}
