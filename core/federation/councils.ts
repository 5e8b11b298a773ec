// Councils and the federation tree: which kinds exist, which may sit under which, and the checks a move
// must pass. Pure: the caller loads the facts.
import { APPORTIONMENT_ERRORS } from './apportionment.ts';
import { MANDATE_ERRORS } from './mandates.ts';
import { RECALL_PETITION_ERRORS } from './recall-petitions.ts';

export const BASE_KINDS = ['factory', 'mine', 'office', 'village', 'neighbourhood', 'union'] as const;
export const COUNCIL_KINDS = [...BASE_KINDS, 'federation'] as const;
export type BaseKind = (typeof BASE_KINDS)[number];
export type CouncilKind = (typeof COUNCIL_KINDS)[number];
/** Workplace councils group factory, mine and office (DESIGN: "workplace (factory, mine, office)"). */
export const WORKPLACE_KINDS: readonly BaseKind[] = ['factory', 'mine', 'office'];
export const FEDERATION_LEVELS = ['local', 'regional', 'national'] as const;

export const OFFICES = ['secretary', 'chair', 'treasurer', 'distribution'] as const;
export type Office = (typeof OFFICES)[number];

export function isBaseKind(kind: CouncilKind): kind is BaseKind {
  return kind !== 'federation';
}

/** Error codes of the federation context, each with when it happens. */
export const FEDERATION_ERRORS = {
  'council-not-found': 'the council id does not exist',
  'council-dissolved': 'the council was dissolved; its history is kept but it takes no new acts',
  'parent-not-federation': 'only a federated council can have councils under it',
  'move-into-own-subtree': 'a council cannot be placed under itself or one of its descendants',
  'level-required': 'a federated council needs a level (local, regional, national or another name)',
  'level-only-for-federations': 'a base council has no level',
  'has-active-children':
    'a council with councils under it cannot be dissolved until they are moved or dissolved',
  'not-a-member':
    'an office is held by a member of the council (federated councils: by a member of a council under it)',
  'office-not-held': 'the office holding does not exist or has ended',
  'office-already-held': 'this person already holds that office in this council',
  'not-permitted': 'the signed-in person has no office or mandate that allows this act',
  'not-a-federation': 'only a federated council has seats to apportion among councils under it',
  'no-apportionment-rule': 'the federated council has not chosen how its seats are apportioned',
  'apportionment-unchanged':
    'neither the rule nor the members of any child council changed since the latest apportionment',
  'effective-at-in-past':
    'an apportionment takes effect now or later: seats already used under the previous one stand',
  ...APPORTIONMENT_ERRORS,
  ...MANDATE_ERRORS,
  ...RECALL_PETITION_ERRORS,
} as const;
export type FederationErrorCode = keyof typeof FEDERATION_ERRORS;

export type Check = { ok: true } | { ok: false; error: FederationErrorCode };

export interface ParentFacts {
  kind: CouncilKind;
  dissolved: boolean;
  /** The prospective parent's materialised path, e.g. '/1/7/'. */
  path: string;
}

export function checkNewCouncil(
  input: { kind: CouncilKind; level: string | null },
  parent: ParentFacts | null,
): Check {
  if (input.kind === 'federation' && !input.level) return { ok: false, error: 'level-required' };
  if (input.kind !== 'federation' && input.level) return { ok: false, error: 'level-only-for-federations' };
  if (parent) {
    if (parent.dissolved) return { ok: false, error: 'council-dissolved' };
    if (parent.kind !== 'federation') return { ok: false, error: 'parent-not-federation' };
  }
  return { ok: true };
}

/** A move is valid when the new parent is a live federation outside the moved council's own subtree. */
export function checkMove(
  council: { path: string; dissolved: boolean },
  newParent: ParentFacts | null,
): Check {
  if (council.dissolved) return { ok: false, error: 'council-dissolved' };
  if (!newParent) return { ok: true };
  if (newParent.path.startsWith(council.path)) return { ok: false, error: 'move-into-own-subtree' };
  if (newParent.dissolved) return { ok: false, error: 'council-dissolved' };
  if (newParent.kind !== 'federation') return { ok: false, error: 'parent-not-federation' };
  return { ok: true };
}

export function childPath(parentPath: string | null, seq: number | string): string {
  return `${parentPath ?? '/'}${seq}/`;
}

export function depthOfPath(path: string): number {
  return path.split('/').filter(Boolean).length - 1;
}
