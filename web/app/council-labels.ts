import type { TFunction } from 'i18next';
import type { CouncilKind, FederationLevel } from './api-types.ts';

/** "Neighbourhood council", "Regional federation": the kind of a council as a reader names it. */
export function councilKindLabel(t: TFunction, kind: CouncilKind, level: FederationLevel | null): string {
  if (kind === 'federation' && level) return t(`level.${level}`);
  return t(`kind.${kind}`);
}
