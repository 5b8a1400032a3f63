import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText } from '../../../lib/errors';
import { i18n } from '../../../lib/i18n';
import type { AgentEventSource } from '../../../lib/api-types';
import { getConsole } from '../api/get-console';
import type { ConsoleView } from '../api/types';

/** The console snapshot, refreshed whenever the socket reports anything (coalesced to one fetch at a time). */
export function useConsole(events: AgentEventSource) {
  const [view, setView] = useState<ConsoleView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(false);
  const again = useRef(false);

  const refresh = useCallback(() => {
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    getConsole()
      .then((v) => {
        setView(v);
        setError(null);
      })
      .catch((e: unknown) => setError(errorText(e, i18n.t('supervisor:loadFailed'))))
      .finally(() => {
        inFlight.current = false;
        if (again.current) {
          again.current = false;
          refresh();
        }
      });
  }, []);

  useEffect(() => {
    refresh();
    const offEvent = events.onEvent(() => refresh());
    const offReset = events.onReset(() => refresh());
    return () => {
      offEvent();
      offReset();
    };
  }, [events, refresh]);

  return { view, error, refresh };
}
