import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../../lib/session';
import { useLogin } from '../hooks/useLogin';
import { LoginError, LoginField } from './LoginField';
import './login.css';

export function LoginPage({ onLoggedIn, languageSwitch }: { onLoggedIn: (session: Session) => void; languageSwitch?: ReactNode }) {
  const { t } = useTranslation('auth');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const { submit, pending, error } = useLogin(onLoggedIn);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!pending) void submit(username, password);
  }

  return (
    <main className="login">
      <form className="login__card" onSubmit={onSubmit} aria-labelledby="login-title">
        <h1 id="login-title" className="login__title">
          Unibox <span>{t('subtitle')}</span>
        </h1>
        <LoginField
          label={t('username')}
          data-testid="login-username"
          name="username"
          autoComplete="username"
          autoFocus
          value={username}
          onChange={setUsername}
        />
        <LoginField
          label={t('password')}
          data-testid="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
        />
        <LoginError error={error} testId="login-error" />
        <button data-testid="login-submit" type="submit" className="button button--primary" disabled={pending}>
          {pending ? t('signingIn') : t('signIn')}
        </button>
        {languageSwitch}
      </form>
    </main>
  );
}
