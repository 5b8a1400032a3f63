import { ChangePasswordPage } from '../features/auth/components/ChangePasswordPage';
import { LoginPage } from '../features/auth/components/LoginPage';
import { useSession } from '../features/auth/hooks/useSession';
import { changeLanguage } from '../lib/i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { Workspace } from './Workspace';

export function App() {
  const { session, loggedIn, logout } = useSession();
  if (!session) return <LoginPage onLoggedIn={loggedIn} languageSwitch={<LanguageSwitch onChange={changeLanguage} />} />;
  if (session.user.mustChangePassword) {
    return (
      <ChangePasswordPage
        onChanged={(token) => loggedIn({ token, user: { ...session.user, mustChangePassword: false } })}
        onLoggedOut={logout}
        languageSwitch={<LanguageSwitch onChange={changeLanguage} />}
      />
    );
  }
  return <Workspace key={session.token} session={session} onLogout={logout} />;
}
