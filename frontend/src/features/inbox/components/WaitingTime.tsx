import { useTranslation } from 'react-i18next';
import { waitingTime } from '../../../lib/format';
import { slaCountdown } from '../../../lib/sla';
import type { SlaInfo } from '../../../lib/api-types';

/** How long the buyer waits, and the first-response countdown when the server keeps an SLA clock. */
export function WaitingTime({ since, now, sla }: { since: string | null; now: number; sla?: SlaInfo }) {
  const { t } = useTranslation('inbox');
  const waiting = waitingTime(since, now);
  if (!waiting) return <span className="waiting waiting--none">{t('answered')}</span>;
  const countdown = slaCountdown(sla, since, now);
  if (countdown.level !== 'none') {
    const level = countdown.level === 'breached' ? 'late' : countdown.level;
    return (
      <span
        className={`waiting waiting--${level}`}
        data-testid="waiting-time"
        data-level={level}
        title={t(countdown.level === 'breached' ? 'firstOverdue' : 'firstDue', { waiting: waiting.label })}
      >
        {countdown.label}
      </span>
    );
  }
  return (
    <span className={`waiting waiting--${waiting.level}`} data-testid="waiting-time" data-level={waiting.level}>
      {waiting.label}
    </span>
  );
}
