import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/errors';
import { formatFull } from '../../../lib/format';
import { type HistoryEntry, userHistory } from '../api/users';

function shown(value: unknown, empty: string): string {
  if (value === null || value === undefined || value === '') return empty;
  if (Array.isArray(value)) return value.length ? value.join(', ') : empty;
  return String(value);
}

/** Who changed what on one user, newest first. */
export function UserHistory({ userId, name, onClose }: { userId: number; name: string; onClose: () => void }) {
  const { t } = useTranslation('users');
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    userHistory(userId).then(setEntries, (e: unknown) => setError(errorText(e, t('loadFailed'))));
  }, [userId, t]);

  const changes = (entry: HistoryEntry) =>
    Object.entries(entry.changes)
      .filter(([field]) => field !== 'password')
      .map(([field, change]) => {
        const c = (change ?? {}) as { from?: unknown; to?: unknown };
        return t('history.change', {
          field: t(`field.${field}`, { defaultValue: field }),
          from: shown(c.from, t('empty')),
          to: shown(c.to, t('empty')),
        });
      });

  return (
    <section className="users__history" data-testid="user-history">
      <h3>{t('history.title', { name })}</h3>
      {error && <p role="alert">{error}</p>}
      {entries && entries.length === 0 && <p>{t('history.empty')}</p>}
      <ul>
        {entries?.map((e) => (
          <li key={e.id} data-testid="user-history-entry" data-action={e.action}>
            <time dateTime={e.at}>{formatFull(e.at)}</time> {t('history.by', { action: t(`action.${e.action}`), by: e.by ?? '—' })}
            {e.action !== 'created' && changes(e).length > 0 && <div className="users__changes">{changes(e).join(' · ')}</div>}
          </li>
        ))}
      </ul>
      <button type="button" className="button" onClick={onClose}>
        {t('history.close')}
      </button>
    </section>
  );
}
