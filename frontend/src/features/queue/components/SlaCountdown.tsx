import { useTranslation } from 'react-i18next';
import { formatClock } from '../../../lib/format';
import { slaCountdown } from '../../../lib/sla';
import type { ConversationSummary } from '../../../lib/api-types';

export function SlaCountdown({ conversation, now }: { conversation: ConversationSummary; now: number }) {
  const { t } = useTranslation('queue');
  const c = slaCountdown(conversation.sla, conversation.waitingSince, now);
  return (
    <span
      className={`sla sla--${c.level}`}
      data-testid="sla-countdown"
      data-level={c.level}
      title={conversation.sla?.dueAt ? t('firstDue', { time: formatClock(conversation.sla.dueAt) }) : ''}
    >
      {c.label}
    </span>
  );
}
