// Pure shaping of the coordinator picker: when the typed text is worth a search, the chosen coordinators
// (each once, in the order chosen) and the matches still offered (the chosen ones left out).
import type { CoordinatorCandidate } from './actions-types.ts';

/** Letters to type before searching (the server refuses fewer). */
export const MIN_SEARCH_LENGTH = 2;
/** The server reads at most this many. */
export const MAX_SEARCH_LENGTH = 80;
/** The server answers at most this many matches: more may exist. */
export const MAX_CANDIDATES = 20;

/** The text to search for (trimmed), or null while it is too short to search. */
export function searchText(typed: string): string | null {
  const text = typed.trim();
  return text.length >= MIN_SEARCH_LENGTH ? text.slice(0, MAX_SEARCH_LENGTH) : null;
}

/** The chosen coordinators with `candidate` added at the end, unless chosen already. */
export function withCoordinator(
  chosen: readonly CoordinatorCandidate[],
  candidate: CoordinatorCandidate,
): CoordinatorCandidate[] {
  return chosen.some((c) => c.personId === candidate.personId) ? [...chosen] : [...chosen, candidate];
}

export const withoutCoordinator = (chosen: readonly CoordinatorCandidate[], personId: string) =>
  chosen.filter((c) => c.personId !== personId);

/** The matches that can still be added. */
export function offeredCandidates(
  matches: readonly CoordinatorCandidate[],
  chosen: readonly CoordinatorCandidate[],
): CoordinatorCandidate[] {
  const taken = new Set(chosen.map((c) => c.personId));
  return matches.filter((m) => !taken.has(m.personId));
}
