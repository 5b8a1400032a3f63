import { useTranslation } from 'react-i18next';
import type { AlertPreferences } from '../hooks/alerts';

/** Opt-in sound and desktop notifications for new and urgent chats. */
export function AlertSwitch({ prefs, onChange }: { prefs: AlertPreferences; onChange: (p: AlertPreferences) => void }) {
  const { t } = useTranslation('speed');
  return (
    <span className="alert-switch" data-testid="alert-switch">
      <label title={t('alerts.soundHint')}>
        <input type="checkbox" data-testid="alert-sound" checked={prefs.sound} onChange={(e) => onChange({ ...prefs, sound: e.target.checked })} />
        {t('alerts.sound')}
      </label>
      <label title={t('alerts.desktopHint')}>
        <input type="checkbox" data-testid="alert-desktop" checked={prefs.desktop} onChange={(e) => onChange({ ...prefs, desktop: e.target.checked })} />
        {t('alerts.desktop')}
      </label>
    </span>
  );
}
