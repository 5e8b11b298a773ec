// Pure helpers of the minutes page: where to download them, which later sittings can vote on them,
// what the secretary may do now, and the page's own error texts.
import type { AssemblyMinutes, AssemblySummary } from '../app/api-types.ts';

export const MINUTES_MAX_CHARS = 200_000;

export function minutesDownloadPath(assemblyId: string, format: 'md' | 'pdf'): string {
  return `/api/v1/assemblies/${encodeURIComponent(assemblyId)}/minutes.${format}`;
}

/** Sittings of the same council after this one and in session: the ones that can approve its minutes. */
export function laterSittings(all: readonly AssemblySummary[], current: { id: string; startsAt: string }) {
  return all
    .filter(
      (a) =>
        a.id !== current.id &&
        a.status === 'in-session' &&
        Date.parse(a.startsAt) > Date.parse(current.startsAt),
    )
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
}

export type MinutesActs = { mayGenerate: boolean; mayEdit: boolean; mayPropose: boolean };

export function minutesActs(view: AssemblyMinutes): MinutesActs {
  const m = view.minutes;
  const isClosed = view.assemblyStatus === 'closed';
  const isOpenDraft = m !== null && m.status === 'draft' && m.pendingApprovalPollId === null;
  return {
    mayGenerate: view.mayWrite && isClosed && (m === null || isOpenDraft),
    mayEdit: view.mayWrite && isOpenDraft,
    mayPropose: view.mayWrite && isOpenDraft,
  };
}

const OWN_ERRORS = new Set([
  'assembly-not-closed',
  'minutes-not-found',
  'minutes-approved',
  'minutes-approval-pending',
  'not-a-later-sitting',
]);

/** The text key of an error this page explains itself, or null to use the general decisions texts. */
export function minutesErrorKey(code: string | undefined): string | null {
  return code !== undefined && OWN_ERRORS.has(code) ? `decisions.minutes.errors.${code}` : null;
}

/** A digest grouped in blocks of eight, so it can be read aloud and compared. */
export function groupedDigest(digest: string): string {
  return digest.replace(/(.{8})(?=.)/g, '$1 ');
}
