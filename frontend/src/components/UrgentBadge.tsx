import { useTranslation } from 'react-i18next';
import './badges.css';

/** The priority badge of an urgent or critical conversation (normal ones get none). */
export function UrgentBadge({ testId, priority = 'urgent' }: { testId?: string; priority?: 'urgent' | 'critical' }) {
  const { t } = useTranslation('common');
  const label = t(`priority.${priority}`);
  return (
    <span className={`badge badge--urgent badge--${priority}`} data-testid={testId} data-priority={priority} title={t('priority.title', { priority: label })}>
      {label}
    </span>
  );
}
