// The pure part of petitions for a sitting: what a member typed becomes the request body, or a locale key
// per field; the progress of a petition; the share an officer types. The server checks again
// (decisions.schema.ts assemblyPetitionBody); these checks spare a round trip on a slow network.
import type { AssemblyPetition, AssemblyPetitionInput } from '../app/api-types.ts';
import { instantFromLocal, type Problems } from './decision-forms.ts';

export interface PetitionValues {
  title: string;
  reason: string;
  startsAt: string;
  place: string;
  onlineUrl: string;
  agenda: { title: string; notes: string }[];
}

export const EMPTY_PETITION: PetitionValues = {
  title: '',
  reason: '',
  startsAt: '',
  place: '',
  onlineUrl: '',
  agenda: [{ title: '', notes: '' }],
};

/** Agenda rows are checked by position: `agenda.0` is the first row's title. */
export function checkPetition(values: PetitionValues, now: Date): Problems {
  const problems: Problems = {};
  if (!values.title.trim()) problems.title = 'decisions.petitions.titleRequired';
  if (!values.reason.trim()) problems.reason = 'decisions.petitions.reasonRequired';
  const startsAt = instantFromLocal(values.startsAt);
  if (!startsAt) problems.startsAt = 'decisions.petitions.startsAtInvalid';
  else if (new Date(startsAt).getTime() <= now.getTime())
    problems.startsAt = 'decisions.petitions.startsAtPast';
  if (!values.place.trim() && !values.onlineUrl.trim()) problems.place = 'decisions.petitions.placeRequired';
  if (values.onlineUrl.trim() && !/^https?:\/\/\S+\.\S+/.test(values.onlineUrl.trim()))
    problems.onlineUrl = 'decisions.petitions.onlineUrlInvalid';
  values.agenda.forEach((item, index) => {
    if (!item.title.trim() && item.notes.trim())
      problems[`agenda.${index}`] = 'decisions.petitions.itemTitleRequired';
  });
  return problems;
}

export function petitionBody(values: PetitionValues): AssemblyPetitionInput {
  return {
    title: values.title.trim(),
    reason: values.reason.trim(),
    startsAt: instantFromLocal(values.startsAt) ?? '',
    place: values.place.trim() || null,
    onlineUrl: values.onlineUrl.trim() || null,
    agenda: values.agenda
      .filter((item) => item.title.trim())
      .map((item) => ({ title: item.title.trim(), notes: item.notes.trim() || null })),
  };
}

/** Whole percent of the signatures needed, 0 to 100 (more signatures than needed stay at 100). */
export function signaturePercent(count: number, needed: number): number {
  if (needed <= 0) return 100;
  return Math.max(0, Math.min(100, Math.floor((count * 100) / needed)));
}

/** A share (percent of the members) as typed: a whole number from 1 to 100, else null. */
export function sharePercentFrom(typed: string): number | null {
  const text = typed.trim();
  if (!/^\d{1,3}$/.test(text)) return null;
  const percent = Number(text);
  return percent >= 1 && percent <= 100 ? percent : null;
}

/** Open petitions first (soonest proposed sitting first), then convened ones (latest opened first). */
export function orderPetitions(petitions: readonly AssemblyPetition[]): AssemblyPetition[] {
  const open = petitions
    .filter((p) => p.status === 'open')
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  const convened = petitions
    .filter((p) => p.status !== 'open')
    .sort((a, b) => Date.parse(b.openedAt) - Date.parse(a.openedAt));
  return [...open, ...convened];
}
