import { useCallback, useEffect, useState } from 'react';
import type { AgentEventSource } from '../../../lib/api-types';
import { errorText } from '../../../lib/errors';
import { i18n } from '../../../lib/i18n';
import { getProjections } from '../api/projections';
import type { ShopProjection } from '../types';

/** The projection moves with the clock too (deadlines pass), so it is also read again every minute. */
const REFRESH_MS = 60_000;

/** Every mounted projection view on this page (the banner and the Reports table) reads again on a local change. */
const localChanges = new EventTarget();

/** After this user changed a shop's line: the page's views read again before the server's event arrives. */
export function projectionsChanged() {
  localChanges.dispatchEvent(new Event('changed'));
}

/** Each of the user's shops in its platform window, read again on every projection event and reconnect. */
export function useProjections(events: AgentEventSource) {
  const [shops, setShops] = useState<ShopProjection[]>([]);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(() => {
    getProjections()
      .then((s) => {
        setShops(s);
        setError(null);
      })
      .catch((e: unknown) => setError(errorText(e, i18n.t('reports:projection.loadFailed'))));
  }, []);

  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    const offEvent = events.onEvent((e) => {
      if (e.event === 'projection.alert' || e.event === 'projection.recovered' || e.event === 'projection.line') refresh();
    });
    const offReset = events.onReset(() => refresh());
    localChanges.addEventListener('changed', refresh);
    return () => {
      localChanges.removeEventListener('changed', refresh);
      clearInterval(timer);
      offEvent();
      offReset();
    };
  }, [events, refresh]);

  return { shops, error };
}

/** "80 %" for a share, "–" when there is nothing to divide by. */
export function percent(share: number | null): string {
  return share === null ? '–' : `${Math.round(share * 1000) / 10} %`;
}
