import { useTranslation } from 'react-i18next';
import type { ConsoleView } from '../api/types';

/** Surge's state in the console bar: off, on with the standby agents it called, or on for the whole pool. */
export function SurgeState({ surge, pool }: { surge: ConsoleView['surge']; pool: string[] }) {
  const { t } = useTranslation('supervisor');
  const state = !surge.available
    ? t('surge.na')
    : !surge.active
      ? t('surge.off')
      : surge.called == null
        ? t('surge.all')
        : t('surge.called', { count: surge.called.length, pool: pool.length, names: surge.called.join(', ') || '—' });
  return (
    <span data-testid="console-surge" data-active={String(surge.active)}>
      {t('surge', { state })}
    </span>
  );
}
