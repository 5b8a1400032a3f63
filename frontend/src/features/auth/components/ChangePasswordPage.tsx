import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-client';
import { errorText } from '../../../lib/errors';
import { changePassword } from '../api/change-password';
import { LoginError, LoginField } from './LoginField';
import { LogoutButton } from './LogoutButton';
import './login.css';

const MIN_CHARS = 10;

/**
 * Shown instead of the workspace while the password is temporary (set by an admin): the server answers
 * nothing else until the user chooses their own (403 password_change_required).
 */
export function ChangePasswordPage({ onChanged, onLoggedOut, languageSwitch }: {
  onChanged: (token: string) => void;
  onLoggedOut: () => void;
  languageSwitch?: ReactNode;
}) {
  const { t } = useTranslation('auth');
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    if ([...next].length < MIN_CHARS) return setError(t('change.tooShort', { count: MIN_CHARS }));
    if (next !== repeat) return setError(t('change.mismatch'));
    if (next === current) return setError(t('change.same'));
    setPending(true);
    setError(null);
    try {
      onChanged(await changePassword(current, next));
    } catch (e) {
      setError(e instanceof ApiError && e.status === 403 ? t('change.wrongCurrent') : errorText(e, t('change.failed')));
      setPending(false);
    }
  }

  return (
    <main className="login">
      <form className="login__card" onSubmit={(e) => void onSubmit(e)} aria-labelledby="change-title" data-testid="change-password">
        <h1 id="change-title" className="login__title">
          {t('change.title')}
        </h1>
        <p className="login__hint">{t('change.why')}</p>
        <LoginField label={t('change.current')} data-testid="change-current" type="password" autoComplete="current-password"
          value={current} onChange={setCurrent} />
        <LoginField label={t('change.new')} data-testid="change-new" type="password" autoComplete="new-password"
          value={next} onChange={setNext} />
        <LoginField label={t('change.repeat')} data-testid="change-repeat" type="password" autoComplete="new-password"
          value={repeat} onChange={setRepeat} />
        <LoginError error={error} testId="change-error" />
        <button data-testid="change-submit" type="submit" className="button button--primary" disabled={pending}>
          {pending ? t('change.saving') : t('change.save')}
        </button>
        <LogoutButton onLoggedOut={onLoggedOut} />
        {languageSwitch}
      </form>
    </main>
  );
}
