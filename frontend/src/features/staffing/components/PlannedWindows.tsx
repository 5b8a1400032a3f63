import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { WindowRow } from '../hooks/planned-windows';

/**
 * The surge windows already stored for the day: when, the standby agents each calls, who stored them and when they
 * did; `children`: what to do.
 */
export function PlannedWindows({ date, rows, tailMinutes, loading, error, differ, children }: {
  date: string;
  /** null until the day's windows are read */
  rows: WindowRow[] | null;
  /** how long after a window ends its agents are called back while buyers wait */
  tailMinutes: number | null;
  loading: boolean;
  error: string | null;
  /** they are not the shown plan's windows */
  differ: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation('staffing');
  return (
    <section className="staffing__windows" data-testid="staffing-windows" aria-labelledby="staffing-windows-title"
      aria-busy={loading}>
      <h3 id="staffing-windows-title">{t('windows.title', { date })}</h3>
      {error && (
        <p role="alert" className="staffing__invalid" data-testid="staffing-windows-error">
          {error}
        </p>
      )}
      {rows === null ? (
        !error && <p>{t('windows.loading')}</p>
      ) : rows.length === 0 ? (
        <p data-testid="staffing-windows-none">{t('windows.none')}</p>
      ) : (
        <ul>
          {rows.map((r) => (
            <li key={r.key} data-testid="staffing-window" data-window={r.label}>
              {t('windows.item', {
                window: r.label, agents: r.agents.join(', ') || t('nobody'), by: r.by ?? t('windows.unknownUser'), at: r.at,
              })}
            </li>
          ))}
        </ul>
      )}
      {rows !== null && rows.length > 0 && tailMinutes !== null && (
        <p data-testid="staffing-windows-tail">{t('windows.tail', { minutes: tailMinutes })}</p>
      )}
      {differ && <p className="staffing__warning" data-testid="staffing-windows-differ">{t('windows.differ')}</p>}
      {children}
    </section>
  );
}
