import type { TFunction } from 'i18next';
import type { CouncilKind, FederationLevel } from './api-types.ts';

/**
 * "Neighbourhood council", "Regional federation": the kind of a council as a reader names it. A level
 * of the federation's own naming (e.g. "provincial") is shown as given, after the word federation.
 */
export function councilKindLabel(
  t: TFunction,
  kind: CouncilKind,
  level: FederationLevel | string | null,
): string {
  if (kind === 'federation' && level) {
    return t(`level.${level}`, { defaultValue: `${t('kind.federation')} (${level})` });
  }
  return t(`kind.${kind}`);
}
