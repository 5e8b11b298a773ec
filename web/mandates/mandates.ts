// Pure helpers of the mandate pages: weights in votes, instants for the roll picker, and the checks and
// request body of the election result form (a paper count), so the form refuses before sending what
// the server would refuse.
import type { CountedCandidate, ElectionResultInput, MandateStatus, Roll } from '../app/api-types.ts';

/** The badge tone of each status. */
export const STATUS_TONE: Record<MandateStatus, 'success' | 'danger' | 'neutral' | 'warning'> = {
  active: 'success',
  recalled: 'danger',
  resigned: 'warning',
  expired: 'neutral',
};

/** A weight of 1000 thousandths is one vote. */
export const votesOf = (weightMillis: number): number => weightMillis / 1000;

/** "2026-11-29T10:30" (a datetime-local value, the reader's clock) as an ISO instant; null if unreadable. */
export function instantFromLocal(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The datetime-local value (the reader's clock, to the minute) of an instant. */
export function localFromInstant(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The seats a sending council holds in the roll of the council above. */
export function seatsOfSender(roll: Roll, senderId: string): Roll['seats'] {
  return roll.seats.filter((seat) => seat.sendingCouncil.id === senderId);
}

export interface CandidateRow {
  personId: string;
  votes: string;
}

export interface ElectionFormValues {
  sheetReference: string;
  tellerOne: string;
  tellerTwo: string;
  winners: CandidateRow[];
  substitutes: CandidateRow[];
  /** A date (yyyy-mm-dd): the term ends at the end of that day, the reader's clock. */
  termEndsAt: string;
}

export const EMPTY_ROW: CandidateRow = { personId: '', votes: '' };

/** Today plus `years`, as a date field's value. */
export function dateInYears(years: number, today = new Date()): string {
  const date = new Date(today);
  date.setFullYear(date.getFullYear() + years);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const MAX_VOTES = 100_000_000;

function votes(row: CandidateRow): number | null {
  if (!/^\d+$/.test(row.votes.trim())) return null;
  const value = Number(row.votes.trim());
  return value <= MAX_VOTES ? value : null;
}

const descending = (list: number[]) => list.every((value, i) => i === 0 || value <= (list[i - 1] ?? value));

/**
 * Problems of the form as locale keys per field (sheetReference, tellerOne, tellerTwo, winners,
 * substitutes, termEndsAt); empty when it may be sent. `seats`: what the parent apportioned.
 */
export function checkElectionForm(
  values: ElectionFormValues,
  seats: number,
  now = new Date(),
): Record<string, string> {
  const problems: Record<string, string> = {};
  if (values.sheetReference.trim() === '') problems.sheetReference = 'election.sheetRequired';
  if (values.tellerOne.trim() === '') problems.tellerOne = 'election.tellerRequired';
  if (values.tellerTwo.trim() === '') problems.tellerTwo = 'election.tellerRequired';
  else if (values.tellerOne.trim().toLowerCase() === values.tellerTwo.trim().toLowerCase())
    problems.tellerTwo = 'election.tellersDiffer';

  const winners = values.winners.filter((row) => row.personId !== '');
  const substitutes = values.substitutes.filter((row) => row.personId !== '');
  if (winners.length === 0) problems.winners = 'election.winnerRequired';
  else if (winners.length > seats) problems.winners = 'election.tooManyWinners';
  else if (winners.some((row) => votes(row) === null)) problems.winners = 'election.votesInvalid';
  else if (!descending(winners.map((row) => votes(row) ?? 0))) problems.winners = 'election.winnersOrder';

  const everyone = [...winners, ...substitutes].map((row) => row.personId);
  if (substitutes.some((row) => votes(row) === null)) problems.substitutes = 'election.votesInvalid';
  else if (new Set(everyone).size !== everyone.length) problems.substitutes = 'election.duplicate';
  else if (!descending(substitutes.map((row) => votes(row) ?? 0)))
    problems.substitutes = 'election.substitutesOrder';
  else if (
    !problems.winners &&
    substitutes.some((row) => (votes(row) ?? 0) > Math.min(...winners.map((w) => votes(w) ?? 0)))
  )
    problems.substitutes = 'election.substitutesOrder';

  const ends = termEnd(values.termEndsAt);
  if (!ends || new Date(ends) <= now) problems.termEndsAt = 'election.termInvalid';
  return problems;
}

/** The end of the given day, the reader's clock, as an instant; null if it is no date. */
export function termEnd(date: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const end = new Date(`${date}T23:59:59`);
  return Number.isNaN(end.getTime()) ? null : end.toISOString();
}

const counted = (rows: CandidateRow[]): CountedCandidate[] =>
  rows
    .filter((row) => row.personId !== '')
    .map((row) => ({ personId: row.personId, votes: votes(row) ?? 0 }));

/** The request body of a checked form. */
export function electionBody(values: ElectionFormValues): ElectionResultInput {
  return {
    source: 'paper-count',
    sheetReference: values.sheetReference.trim(),
    tellers: [values.tellerOne.trim(), values.tellerTwo.trim()],
    winners: counted(values.winners),
    substitutes: counted(values.substitutes),
    termEndsAt: termEnd(values.termEndsAt) ?? '',
  };
}

/** Signatures as a share of those needed, 0–100, for a progress bar. */
export function petitionProgress(count: number, needed: number): number {
  if (needed <= 0) return 100;
  return Math.min(100, Math.round((count / needed) * 100));
}
