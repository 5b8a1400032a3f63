import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setPresence } from '../api/set-presence';

/** Online (new conversations come to me) or away (none come; supervisors see it). */
export function PresenceSwitch() {
  const { t } = useTranslation('presence');
  const [status, setStatus] = useState<'online' | 'away'>('online');
  const [failed, setFailed] = useState(false);
  return (
    <select
      data-testid="presence-switch"
      aria-label={t('label')}
      value={status}
      title={failed ? t('failed') : t('label')}
      onChange={(e) => {
        const next = e.target.value as 'online' | 'away';
        setPresence(next).then(
          () => {
            setStatus(next);
            setFailed(false);
          },
          () => setFailed(true),
        );
      }}
    >
      <option value="online">{t('online')}</option>
      <option value="away">{t('away')}</option>
    </select>
  );
}
