import { useCallback, useEffect, useState } from 'react';
import { errorText } from '../../../lib/errors';
import { i18n } from '../../../lib/i18n';
import { findConversations, type FoundConversation } from '../api/find-conversations';
import { effectiveTab, type FindRequest } from './find-state';

const DEBOUNCE_MS = 300;

/** Server search for the inbox: results of the current request, page after page (keyset cursor). */
export function useFind(request: FindRequest) {
  const [results, setResults] = useState<FoundConversation[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const tab = effectiveTab(request);
  const key = JSON.stringify([tab, request.text.trim(), request.filters]);

  useEffect(() => {
    if (tab === null) return;
    const abort = new AbortController();
    setLoading(true);
    const timer = setTimeout(() => {
      findConversations(tab, request.text, request.filters, null, abort.signal)
        .then((page) => {
          setResults(page.conversations);
          setNext(page.next);
          setError(null);
        })
        .catch((e: unknown) => {
          if (!abort.signal.aborted) setError(errorText(e, i18n.t('inbox:find.failed')));
        })
        .finally(() => {
          if (!abort.signal.aborted) setLoading(false);
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, generation]);

  const loadMore = useCallback(() => {
    if (!next || tab === null) return;
    setLoading(true);
    findConversations(tab, request.text, request.filters, next)
      .then((page) => {
        setResults((r) => [...r, ...page.conversations]);
        setNext(page.next);
      })
      .catch((e: unknown) => setError(errorText(e, i18n.t('inbox:find.failed'))))
      .finally(() => setLoading(false));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [next, key]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { active: tab !== null, results, hasMore: next !== null, loading, error, loadMore, reload };
}
