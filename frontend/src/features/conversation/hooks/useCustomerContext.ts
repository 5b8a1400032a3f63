import { useEffect, useState } from 'react';
import { getContext, type CustomerContext } from '../api/get-context';

/** The customer panel's data for one conversation; null while loading or when it could not be read. */
export function useCustomerContext(id: number) {
  const [context, setContext] = useState<CustomerContext | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const abort = new AbortController();
    getContext(id, abort.signal)
      .then((c) => {
        setContext(c);
        setFailed(false);
      })
      .catch(() => {
        if (!abort.signal.aborted) setFailed(true);
      });
    return () => abort.abort();
  }, [id]);
  return { context, failed };
}
