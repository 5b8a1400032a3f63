import { useCallback, useEffect, useState } from 'react';
import { onUnauthorized } from '../../../lib/api-client';
import { clearSession, loadSession, saveSession, type Session } from '../../../lib/session';
import { getMe } from '../api/get-me';

/** The tab's login session: kept in sessionStorage, ended by logout or by any 401. */
export function useSession() {
  const [session, setSession] = useState<Session | null>(() => loadSession());

  const logout = useCallback(() => {
    clearSession();
    setSession(null);
  }, []);

  const loggedIn = useCallback((next: Session) => {
    saveSession(next);
    setSession(next);
  }, []);

  useEffect(() => onUnauthorized(logout), [logout]);

  // A token restored after a reload may have expired: check it once (a 401 logs out via the listener).
  const token = session?.token;
  useEffect(() => {
    if (!token) return;
    const abort = new AbortController();
    getMe(abort.signal)
      .then((user) => setSession((current) => (current && current.token === token ? { ...current, user } : current)))
      .catch(() => undefined);
    return () => abort.abort();
  }, [token]);

  return { session, loggedIn, logout };
}
