// A sending council's instruction to its delegates on a motion before the body above (imperative
// mandate), and what a delegate's yes-no ballot does with it. for / against / abstain bind the whole
// weight to one position; free leaves the delegate to judge; split lets them divide the weight (as the
// council's own vote divided). A ballot that goes elsewhere is not refused — the delegate answers to
// their council for it — but it is recorded as a departure (open and roll-call polls only: a secret
// ballot records nothing about its voter, ADR 0005). A split is refused where a binding position forbids it.
import type { Result, YesNoChoice } from '../polls/poll-rules.ts';

export const INSTRUCTION_POSITIONS = ['for', 'against', 'abstain', 'free', 'split'] as const;
export type InstructionPosition = (typeof INSTRUCTION_POSITIONS)[number];

const BOUND_CHOICE: Partial<Record<InstructionPosition, YesNoChoice>> = {
  for: 'yes',
  against: 'no',
  abstain: 'abstain',
};

export type YesNoMarks = Readonly<Record<YesNoChoice, number>>;

/** A ballot that puts weight on more than one choice. */
export const isSplitBallot = (marks: YesNoMarks) =>
  [marks.yes, marks.no, marks.abstain].filter((part) => part > 0).length > 1;

/** Whether a split ballot may be cast under the instruction (none: the delegate is free). */
export const mayCastSplit = (position: InstructionPosition | null) =>
  position === null || position === 'free' || position === 'split';

/** Whether the ballot departs from the instruction: a bound position gets the whole weight, or it departs. */
export function departsFromInstruction(position: InstructionPosition, marks: YesNoMarks): boolean {
  const bound = BOUND_CHOICE[position];
  if (!bound) return false;
  return (['yes', 'no', 'abstain'] as const).some((choice) => choice !== bound && marks[choice] > 0);
}

export interface InstructedBallot {
  /** Null when there is no instruction to record. */
  instruction: InstructionPosition | null;
  departs: boolean | null;
}

/** Checks a delegate's yes-no ballot against their council's instruction (null: none given). */
export function judgeInstructedBallot(
  position: InstructionPosition | null,
  marks: YesNoMarks,
): Result<InstructedBallot> {
  if (isSplitBallot(marks) && !mayCastSplit(position))
    return { ok: false, error: 'split-not-instructed', field: 'split' };
  if (position === null) return { ok: true, value: { instruction: null, departs: null } };
  return { ok: true, value: { instruction: position, departs: departsFromInstruction(position, marks) } };
}
