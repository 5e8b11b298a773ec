// The vote panel's pure part: what the voter filled in (a choice, a split in votes, marks, one option
// per rank) becomes the body of POST /polls/:id/ballots, or a locale key saying what is wrong. The
// server checks every ballot again (core/decisions/polls/ballot-check.ts); these checks only spare a
// round trip on a slow network and say what is wrong next to the field.
import { normaliseReceiptCode } from '../../core/decisions/polls/receipt-code.ts';
import type { BallotInput, Poll, PublishedBallots, YesNoChoice } from '../app/api-types.ts';

/** One vote, in the millis every weight is counted in. */
export const ONE_VOTE_MILLIS = 1000;

export type BallotDraft =
  | { kind: 'choice'; choice: YesNoChoice | null }
  /** Parts in votes as typed ("1,5" or "1.5"). */
  | { kind: 'split'; yes: string; no: string; abstain: string }
  /** Plurality and approval: the option indexes marked. */
  | { kind: 'marks'; marked: number[] }
  /** Ranked methods: the option index chosen at each rank (null: rank left empty). */
  | { kind: 'ranks'; ranks: (number | null)[] };

export type BallotCheck =
  | { ok: true; body: BallotInput }
  | { ok: false; field: 'choice' | 'split' | 'marks' | 'ranks' | 'mandate'; problem: string };

/** How a poll's ballot is filled in. */
export function ballotShape(poll: Pick<Poll, 'method'>): 'yes-no' | 'single' | 'marks' | 'ranks' {
  if (poll.method === 'yes-no') return 'yes-no';
  if (poll.method === 'plurality') return 'single';
  if (poll.method === 'approval') return 'marks';
  return 'ranks';
}

/** Votes as typed (comma or point for decimals, at most 3 decimals) in millis; null when not a number ≥ 0. */
export function millisFromVotes(typed: string): number | null {
  const text = typed.trim().replace(',', '.');
  if (text === '') return 0;
  if (!/^\d+(\.\d{1,3})?$/.test(text)) return null;
  const [whole = '0', fraction = ''] = text.split('.');
  return Number(whole) * ONE_VOTE_MILLIS + Number(fraction.padEnd(3, '0'));
}

/** A split's parts in millis, or the locale key of what is wrong: unreadable, or not adding up to the weight. */
export function checkSplit(
  parts: { yes: string; no: string; abstain: string },
  weightMillis: number,
): { ok: true; split: Record<YesNoChoice, number> } | { ok: false; problem: string } {
  const yes = millisFromVotes(parts.yes);
  const no = millisFromVotes(parts.no);
  const abstain = millisFromVotes(parts.abstain);
  if (yes === null || no === null || abstain === null)
    return { ok: false, problem: 'decisions.vote.splitNumber' };
  if (yes + no + abstain !== weightMillis) return { ok: false, problem: 'decisions.vote.splitSum' };
  return { ok: true, split: { yes, no, abstain } };
}

/**
 * The ranking a column of rank selects gives: the chosen options in rank order. Ranks left empty at
 * the end are fine; an empty rank before a filled one, or one option at two ranks, is a problem.
 */
export function rankingFromRanks(
  ranks: readonly (number | null)[],
): { ok: true; ranking: number[] } | { ok: false; problem: string } {
  const last = ranks.reduce<number>((found, option, index) => (option === null ? found : index), -1);
  const used = ranks.slice(0, last + 1);
  if (used.some((option) => option === null)) return { ok: false, problem: 'decisions.vote.rankGap' };
  const ranking = used.filter((option): option is number => option !== null);
  if (new Set(ranking).size !== ranking.length) return { ok: false, problem: 'decisions.vote.rankTwice' };
  return { ok: true, ranking };
}

/** The options still free for one rank: those no other rank holds (so a select cannot repeat one). */
export function optionsFreeAt(
  ranks: readonly (number | null)[],
  rank: number,
  optionCount: number,
): number[] {
  const taken = new Set(ranks.filter((option, index) => option !== null && index !== rank));
  return Array.from({ length: optionCount }, (_, option) => option).filter((option) => !taken.has(option));
}

/** Sets the option at one rank; choosing an option another rank holds moves it here. */
export function setRank(
  ranks: readonly (number | null)[],
  rank: number,
  option: number | null,
): (number | null)[] {
  return ranks.map((held, index) =>
    index === rank ? option : option !== null && held === option ? null : held,
  );
}

/** Marks or unmarks an option of an approval ballot, never beyond `maxMarks`. */
export function toggleMark(marked: readonly number[], option: number, maxMarks: number): number[] {
  if (marked.includes(option)) return marked.filter((held) => held !== option);
  if (marked.length >= maxMarks) return [...marked];
  return [...marked, option].sort((a, b) => a - b);
}

/**
 * The body of POST /polls/:id/ballots. `mandate` is the mandate chosen (delegates) with its weight,
 * or null for a member (one vote); a delegate with several mandates must choose one.
 */
export function ballotBody(
  poll: Pick<Poll, 'method' | 'maxMarks' | 'options' | 'allowSplit'>,
  draft: BallotDraft,
  mandate: { mandateId: string; weightMillis: number } | null,
  needsMandate: boolean,
): BallotCheck {
  if (needsMandate && !mandate)
    return { ok: false, field: 'mandate', problem: 'decisions.vote.mandateRequired' };
  const withMandate = (body: BallotInput): BallotInput =>
    mandate ? { ...body, mandateId: mandate.mandateId } : body;
  switch (draft.kind) {
    case 'choice':
      if (!draft.choice) return { ok: false, field: 'choice', problem: 'decisions.vote.chooseOne' };
      return { ok: true, body: withMandate({ choice: draft.choice }) };
    case 'split': {
      if (!poll.allowSplit) return { ok: false, field: 'split', problem: 'decisions.vote.splitNotAllowed' };
      const split = checkSplit(draft, mandate?.weightMillis ?? ONE_VOTE_MILLIS);
      if (!split.ok) return { ok: false, field: 'split', problem: split.problem };
      return { ok: true, body: withMandate({ split: split.split }) };
    }
    case 'marks': {
      const marked = [...new Set(draft.marked)].sort((a, b) => a - b);
      if (marked.length === 0) return { ok: false, field: 'marks', problem: 'decisions.vote.chooseOne' };
      if (marked.length > poll.maxMarks)
        return { ok: false, field: 'marks', problem: 'decisions.vote.tooMany' };
      if (marked.some((option) => option < 0 || option >= poll.options.length))
        return { ok: false, field: 'marks', problem: 'decisions.vote.chooseOne' };
      return { ok: true, body: withMandate({ ranking: marked }) };
    }
    case 'ranks': {
      const ranking = rankingFromRanks(draft.ranks);
      if (!ranking.ok) return { ok: false, field: 'ranks', problem: ranking.problem };
      if (ranking.ranking.length === 0)
        return { ok: false, field: 'ranks', problem: 'decisions.vote.rankFirst' };
      if (ranking.ranking.length > poll.maxMarks)
        return { ok: false, field: 'ranks', problem: 'decisions.vote.tooMany' };
      return { ok: true, body: withMandate({ ranking: ranking.ranking }) };
    }
  }
}

/** The published ballot with the receipt code as a person types it (any case, dashes or not), or -1. */
export function findReceipt(ballots: PublishedBallots['ballots'], typed: string): number {
  const code = normaliseReceiptCode(typed);
  if (!code) return -1;
  return ballots.findIndex((ballot) => ballot.receiptCode === code);
}
