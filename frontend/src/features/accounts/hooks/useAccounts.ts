import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../../lib/api-client';
import type { AgentEventSource } from '../../../lib/api-types';
import { addAccount } from '../api/add-account';
import { listAdminAccounts } from '../api/list-admin-accounts';
import { listAlerts } from '../api/list-alerts';
import { pauseAccount } from '../api/pause-account';
import { pollAccount } from '../api/poll-account';
import { removeAccount } from '../api/remove-account';
import { resumeAccount } from '../api/resume-account';
import type { AdminAccount, Alert, NewAccount } from '../types';

function message(e: unknown): string {
  return e instanceof ApiError || e instanceof Error ? e.message : String(e);
}

/** The admin's accounts page state: accounts with health, open alerts (live from the socket) and actions. */
export function useAccounts(events: AgentEventSource) {
  const [accounts, setAccounts] = useState<AdminAccount[]>([]);
  const [alerts, setAlerts] = useState<Alert[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    const abort = new AbortController();
    setLoading(true);
    Promise.all([listAdminAccounts(abort.signal), listAlerts(abort.signal)])
      .then(([a, al]) => {
        setAccounts(a);
        setAlerts(al);
        setError(null);
      })
      .catch((e) => {
        if (!abort.signal.aborted) setError(message(e));
      })
      .finally(() => {
        if (!abort.signal.aborted) setLoading(false);
      });
    return () => abort.abort();
  }, [generation]);

  useEffect(
    () =>
      events.onEvent((event) => {
        if (event.event === 'account.alert') {
          const d = event.data;
          setAlerts((current) => [
            { id: d.alertId, accountId: d.accountId, kind: d.kind, message: d.message, at: d.at },
            ...current.filter((a) => a.id !== d.alertId),
          ]);
          reload();
        }
      }),
    [events, reload],
  );

  const act = useCallback(
    async (action: () => Promise<void>) => {
      try {
        await action();
        setError(null);
      } catch (e) {
        setError(message(e));
        throw e;
      } finally {
        reload();
      }
    },
    [reload],
  );

  return {
    accounts,
    alerts,
    loading,
    error,
    reload,
    pause: (id: string) => act(() => pauseAccount(id)),
    resume: (id: string) => act(() => resumeAccount(id)),
    poll: (id: string) => act(() => pollAccount(id)),
    remove: (id: string) => act(() => removeAccount(id)),
    add: (account: NewAccount) => act(() => addAccount(account)),
  };
}
