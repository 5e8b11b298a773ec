// Which of the viewer's councils are in an action's scope: the roll-up under each answers only for a
// node holding councils of the scope (else 403 council-not-in-scope). Asked again when `version` moves.
import { useEffect, useState } from 'react';
import { api } from '../app/api-client.ts';
import type { RollUp } from './actions-types.ts';

export function useScopeCouncils(
  actionId: string,
  councilIds: readonly string[],
  version: number,
): Map<string, RollUp> | null {
  const [inScope, setInScope] = useState<Map<string, RollUp> | null>(null);
  const key = councilIds.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: key stands for councilIds; version refetches
  useEffect(() => {
    const controller = new AbortController();
    const ids = key ? key.split(',') : [];
    void Promise.all(
      ids.map((id) =>
        api
          .get<RollUp>(
            `/actions/${encodeURIComponent(actionId)}/councils?parentId=${encodeURIComponent(id)}`,
            {
              signal: controller.signal,
            },
          )
          .then(
            (rollUp) => [id, rollUp] as const,
            () => null,
          ),
      ),
    ).then((answers) => {
      if (controller.signal.aborted) return;
      setInScope(new Map(answers.filter((a) => a !== null)));
    });
    return () => controller.abort();
  }, [actionId, key, version]);
  return inScope;
}
