import { useEffect, useState } from 'react';
import { findQuickReplies } from '../api/find-quick-replies';
import type { QuickReplyMatch } from '../types';

/** Quick replies matching what follows the "/" being typed (null = not typing a shortcut). */
export function useQuickReplySearch(conversationId: number, query: string | null, delayMs = 120) {
  const [matches, setMatches] = useState<QuickReplyMatch[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    if (query === null) {
      setMatches([]);
      setLoading(false);
      return;
    }
    const abort = new AbortController();
    setLoading(true);
    const timer = setTimeout(() => {
      findQuickReplies(conversationId, query, abort.signal)
        .then((found) => {
          setMatches(found);
          setLoading(false);
        })
        .catch(() => {
          if (!abort.signal.aborted) {
            setMatches([]);
            setLoading(false);
          }
        });
    }, delayMs);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [conversationId, query, delayMs]);

  return { matches, loading };
}
