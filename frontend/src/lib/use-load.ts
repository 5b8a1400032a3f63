import { useCallback, useEffect, useState } from 'react';
import { errorText } from './errors';
import { i18n } from './i18n';

/**
 * Loads something over HTTP when its inputs change; reload() loads it again. A failure shows the server's
 * message, or the text of `failedKey` (an i18n key).
 */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[], failedKey: string) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    setLoading(true);
    load(abort.signal)
      .then((value) => {
        setData(value);
        setError(null);
        setLoading(false);
      })
      .catch((e: unknown) => {
        if (abort.signal.aborted) return;
        setError(errorText(e, i18n.t(failedKey)));
        setLoading(false);
      });
    return () => abort.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, error, loading, reload, setData };
}
