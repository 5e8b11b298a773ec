import { useCallback, useEffect, useState } from 'react';
import { api, isAbort } from './api-client.ts';

export interface ApiState<T> {
  data: T | null;
  error: unknown;
  isLoading: boolean;
  reload: () => void;
}

/** GETs `path` (none while it is null), again when it changes; a newer request aborts the older one. */
export function useApi<T>(path: string | null): ApiState<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isLoading, setIsLoading] = useState(path !== null);
  const [generation, setGeneration] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: generation is the reload trigger
  useEffect(() => {
    if (path === null) {
      setIsLoading(false);
      return;
    }
    const controller = new AbortController();
    setIsLoading(true);
    setError(null);
    api
      .get<T>(path, { signal: controller.signal })
      .then((result) => {
        setData(result);
        setIsLoading(false);
      })
      .catch((cause: unknown) => {
        if (isAbort(cause)) return;
        setError(cause);
        setIsLoading(false);
      });
    return () => controller.abort();
  }, [path, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { data, error, isLoading, reload };
}
