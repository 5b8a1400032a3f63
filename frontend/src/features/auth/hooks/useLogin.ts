import { useState } from 'react';
import { ApiError } from '../../../lib/api-client';
import { errorText } from '../../../lib/errors';
import { i18n } from '../../../lib/i18n';
import type { Session } from '../../../lib/session';
import { login } from '../api/login';

export function useLogin(onLoggedIn: (session: Session) => void) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(username: string, password: string) {
    setPending(true);
    setError(null);
    try {
      onLoggedIn(await login(username.trim(), password));
    } catch (e) {
      setError(loginErrorText(e));
      setPending(false);
    }
  }

  return { submit, pending, error };
}

function loginErrorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'bad_credentials' || error.status === 401) return i18n.t('auth:wrong');
  }
  return errorText(error, i18n.t('auth:failed'));
}
