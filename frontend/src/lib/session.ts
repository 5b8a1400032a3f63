import type { User } from './api-types';

// The login session lives in sessionStorage: one per browser tab, gone when the tab closes.
const TOKEN_KEY = 'unibox.token';
const USER_KEY = 'unibox.user';

export interface Session {
  token: string;
  user: User;
}

export function loadSession(storage: Storage = sessionStorage): Session | null {
  const token = storage.getItem(TOKEN_KEY);
  const userJson = storage.getItem(USER_KEY);
  if (!token || !userJson) return null;
  try {
    return { token, user: JSON.parse(userJson) as User };
  } catch {
    return null;
  }
}

export function saveSession(session: Session, storage: Storage = sessionStorage): void {
  storage.setItem(TOKEN_KEY, session.token);
  storage.setItem(USER_KEY, JSON.stringify(session.user));
}

export function clearSession(storage: Storage = sessionStorage): void {
  storage.removeItem(TOKEN_KEY);
  storage.removeItem(USER_KEY);
}

export function currentToken(storage: Storage = sessionStorage): string | null {
  return storage.getItem(TOKEN_KEY);
}
