import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { logout } from '../api/logout';

/**
 * Ends the session on the server (all of this user's tokens and sockets), then here. The local session
 * ends even when the server cannot be reached: the button never leaves someone logged in on this screen.
 */
export function LogoutButton({ onLoggedOut }: { onLoggedOut: () => void }) {
  const { t } = useTranslation('auth');
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="button"
      data-testid="logout"
      disabled={busy}
      onClick={() => {
        setBusy(true);
        logout()
          .catch(() => undefined)
          .finally(onLoggedOut);
      }}
    >
      {busy ? t('loggingOut') : t('logout')}
    </button>
  );
}
