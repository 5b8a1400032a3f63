import { useCallback, useEffect, useRef, useState } from 'react';
import type { AgentEventSource } from '../../../lib/api-types';
import { errorText } from '../../../lib/errors';
import { i18n } from '../../../lib/i18n';
import { getQueue, type QueueView } from '../api/get-queue';

const REFRESH_MS = 5000;
const EVENT_DEBOUNCE_MS = 300;

/**
 * The queue view: loaded over HTTP, reloaded shortly after any routing-related event (debounced) and
 * every few seconds as a backstop; countdowns tick locally between loads.
 */
export function useQueue(events: AgentEventSource) {
  const [view, setView] = useState<QueueView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(
    () =>
      events.onEvent((event) => {
        if (event.event === 'message.status') return;
        clearTimeout(timer.current);
        timer.current = setTimeout(reload, EVENT_DEBOUNCE_MS);
      }),
    [events, reload],
  );

  useEffect(() => {
    const every = setInterval(reload, REFRESH_MS);
    return () => {
      clearInterval(every);
      clearTimeout(timer.current);
    };
  }, [reload]);

  useEffect(() => {
    const abort = new AbortController();
    getQueue(abort.signal)
      .then((v) => {
        setView(v);
        setError(null);
      })
      .catch((e: unknown) => {
        if (!abort.signal.aborted) setError(errorText(e, i18n.t('queue:loadFailed')));
      });
    return () => abort.abort();
  }, [generation]);

  return { view, error, reload, setView };
}
