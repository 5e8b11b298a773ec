import { useEffect, useState } from 'react';
import { api, isAbort } from './api-client.ts';
import type { CouncilSearchHit } from './api-types.ts';

export interface CouncilSearch {
  hits: CouncilSearchHit[];
  isSearching: boolean;
  error: unknown;
  /** The query the hits answer (trimmed), '' before any search. */
  answered: string;
}

/** Search-as-you-type over councils by name or territory, waiting for a pause in typing. */
export function useCouncilSearch(
  query: string,
  { limit = 10, delayMs = 250, minLength = 2 } = {},
): CouncilSearch {
  const [state, setState] = useState<CouncilSearch>({
    hits: [],
    isSearching: false,
    error: null,
    answered: '',
  });
  const trimmed = query.trim();

  useEffect(() => {
    if (trimmed.length < minLength) {
      setState({ hits: [], isSearching: false, error: null, answered: '' });
      return;
    }
    const controller = new AbortController();
    setState((current) => ({ ...current, isSearching: true }));
    const timer = setTimeout(() => {
      api
        .get<{ councils: CouncilSearchHit[] }>(`/councils?q=${encodeURIComponent(trimmed)}&limit=${limit}`, {
          signal: controller.signal,
        })
        .then(({ councils }) =>
          setState({ hits: councils, isSearching: false, error: null, answered: trimmed }),
        )
        .catch((error: unknown) => {
          if (!isAbort(error)) setState({ hits: [], isSearching: false, error, answered: trimmed });
        });
    }, delayMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [trimmed, limit, delayMs, minLength]);

  return state;
}
