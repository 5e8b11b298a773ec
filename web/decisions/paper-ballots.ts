// The pure part of entering paper ballots: the two tellers, who handed in a paper (picked from the
// council's members), and what the papers said — for a yes-no poll three counts that become that many
// papers, for an election one row of selects per paper — become the body of POST /polls/:id/paper-ballots,
// or a locale key per field. The server checks every paper again (core/decisions/polls/ballot-check.ts).
import type { CouncilMember, PaperBallotsInput, Poll, YesNoChoice } from '../app/api-types.ts';
import { rankingFromRanks } from './ballot-form.ts';
import type { Problems } from './decision-forms.ts';

/** The server's limit on one batch. */
export const PAPER_LIMIT = 5000;

export const YES_NO: readonly YesNoChoice[] = ['yes', 'no', 'abstain'];

export type PaperCounts = Record<YesNoChoice, string>;

export interface PaperValues {
  tellerOne: string;
  tellerTwo: string;
  voterIds: string[];
  /** Yes-no polls: how many papers said each choice, as typed. */
  counts: PaperCounts;
  /** Elections: per paper, the option index at each rank (null: left empty; all empty: a blank paper). */
  papers: (number | null)[][];
}

export function emptyPaperValues(): PaperValues {
  return { tellerOne: '', tellerTwo: '', voterIds: [], counts: { yes: '', no: '', abstain: '' }, papers: [] };
}

/** How many selects a paper of this poll has: one per mark allowed, never more than the options. */
export function marksPerPaper(poll: Pick<Poll, 'maxMarks' | 'options'>): number {
  return Math.max(1, Math.min(poll.maxMarks, poll.options.length));
}

/** A count as typed: a whole number (empty is 0), else null. */
export function countFrom(typed: string): number | null {
  const text = typed.trim();
  if (text === '') return 0;
  return /^\d{1,4}$/.test(text) ? Number(text) : null;
}

/** The yes-no papers the counts stand for, in the order yes, no, abstain (the server shuffles secret ones). */
export function papersFromCounts(counts: Record<YesNoChoice, number>): { choice: YesNoChoice }[] {
  return YES_NO.flatMap((choice) => Array.from({ length: counts[choice] }, () => ({ choice })));
}

/** Sets an election paper's option at one rank; an option another rank of the paper holds moves here. */
export function setPaperRank(
  paper: readonly (number | null)[],
  rank: number,
  option: number | null,
): (number | null)[] {
  return paper.map((held, index) =>
    index === rank ? option : option !== null && held === option ? null : held,
  );
}

/** Lower case without accents, so "jose" finds "José". */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim();
}

/** The active members whose name holds every word typed, in name order. */
export function searchMembers(members: readonly CouncilMember[], query: string): CouncilMember[] {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  return members
    .filter((member) => member.status === 'active')
    .filter((member) => {
      const name = foldForSearch(member.fullName);
      return words.every((word) => name.includes(word));
    })
    .sort((a, b) => a.fullName.localeCompare(b.fullName));
}

export type PaperCheck = { ok: true; body: PaperBallotsInput } | { ok: false; problems: Problems };

/**
 * The request body, or the problems by field: `tellerOne`, `tellerTwo`, `voterIds`, `counts` (yes-no),
 * `papers.N` (an election paper N, counted from 0) and `ballots` (as many papers as voters).
 */
export function paperBallotsBody(
  poll: Pick<Poll, 'method' | 'maxMarks' | 'options'>,
  values: PaperValues,
): PaperCheck {
  const problems: Problems = {};
  const tellers = [values.tellerOne.trim(), values.tellerTwo.trim()] as [string, string];
  if (!tellers[0]) problems.tellerOne = 'decisions.paper.tellerRequired';
  if (!tellers[1]) problems.tellerTwo = 'decisions.paper.tellerRequired';
  else if (tellers[0] && tellers[0].toLowerCase() === tellers[1].toLowerCase())
    problems.tellerTwo = 'decisions.paper.tellersSame';
  const voterIds = [...new Set(values.voterIds)];
  if (voterIds.length === 0) problems.voterIds = 'decisions.paper.votersRequired';
  else if (voterIds.length > PAPER_LIMIT) problems.voterIds = 'decisions.paper.tooMany';

  let ballots: PaperBallotsInput['ballots'] = [];
  if (poll.method === 'yes-no') {
    const yes = countFrom(values.counts.yes);
    const no = countFrom(values.counts.no);
    const abstain = countFrom(values.counts.abstain);
    if (yes === null || no === null || abstain === null) problems.counts = 'decisions.paper.countNumber';
    else {
      ballots = papersFromCounts({ yes, no, abstain });
      if (voterIds.length > 0 && ballots.length !== voterIds.length)
        problems.counts = 'decisions.paper.countMismatch';
    }
  } else {
    values.papers.forEach((paper, index) => {
      const ranking = rankingFromRanks(paper);
      if (!ranking.ok) problems[`papers.${index}`] = ranking.problem;
      else if (ranking.ranking.some((option) => option < 0 || option >= poll.options.length))
        problems[`papers.${index}`] = 'decisions.paper.wrongOption';
      else ballots.push({ ranking: ranking.ranking });
    });
    if (voterIds.length > 0 && values.papers.length !== voterIds.length)
      problems.ballots = 'decisions.paper.papersMismatch';
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, body: { tellers, voterIds, ballots } };
}

/** The voter the server blamed (`voterIds.3`: already voted, not a member, not checked in), or null. */
export function blamedVoter(field: string | null, voterIds: readonly string[]): string | null {
  const match = /voterIds[./](\d+)/.exec(field ?? '');
  return match ? (voterIds[Number(match[1])] ?? null) : null;
}

/** The election paper the server blamed (`ballots.2.ranking.0`), counted from 0, or null. */
export function blamedPaper(field: string | null): number | null {
  const match = /ballots[./](\d+)/.exec(field ?? '');
  return match ? Number(match[1]) : null;
}
