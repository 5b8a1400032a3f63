import { useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import type { AgentEventSource, ConversationSummary } from '../../../lib/api-types';
import { errorText } from '../../../lib/errors';
import { i18n } from '../../../lib/i18n';
import { listConversations } from '../api/list-conversations';
import { conversationListReducer, initialListState, selectConversations, type Viewer } from './conversation-list-reducer';

/** The inbox: loaded once over HTTP (with the viewer's unread counts), then kept live by the socket's events. */
export function useConversationList(events: AgentEventSource, viewer: Viewer) {
  const [state, dispatch] = useReducer(conversationListReducer, viewer, initialListState);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const [loadedUnread, setLoadedUnread] = useState<ReadonlyMap<number, number> | null>(null);

  useEffect(() => events.onEvent((event) => dispatch({ type: 'event', event })), [events]);

  useEffect(
    () =>
      events.onReset(() => {
        dispatch({ type: 'reset' });
        setGeneration((g) => g + 1);
      }),
    [events],
  );

  useEffect(() => {
    const abort = new AbortController();
    setLoading(true);
    listConversations(abort.signal)
      .then((conversations) => {
        dispatch({ type: 'loaded', conversations });
        setLoadedUnread(new Map(conversations.map((c) => [c.id, c.unread ?? 0])));
        setError(null);
        setLoading(false);
      })
      .catch((e: unknown) => {
        if (abort.signal.aborted) return;
        setError(errorText(e, i18n.t('inbox:loadFailed')));
        setLoading(false);
      });
    return () => abort.abort();
  }, [generation]);

  const conversations = useMemo(() => selectConversations(state), [state]);
  const changed = useCallback((conversation: ConversationSummary) => dispatch({ type: 'changed', conversation }), []);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  return { conversations, loading, error, changed, reload, loadedUnread };
}
