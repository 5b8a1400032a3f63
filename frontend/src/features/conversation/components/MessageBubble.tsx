import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageEntry } from '../../../lib/api-types';
import { formatClock, formatFull } from '../../../lib/format';

const OUT_STATUS: Record<string, string> = { pending: 'message.sending', sent: 'message.sent', failed: 'message.failed' };

export const MessageBubble = memo(function MessageBubble({ message: m }: { message: MessageEntry }) {
  const { t } = useTranslation('conversation');
  const out = m.direction === 'out';
  return (
    <div
      className={`bubble-row bubble-row--${m.direction}`}
      data-testid="timeline-message"
      data-direction={m.direction}
      data-status={m.status}
      data-message-id={m.id > 0 ? m.id : undefined}
      data-automatic={m.automatic ? 'true' : undefined}
    >
      <div
        className={`bubble bubble--${m.direction}${m.status === 'failed' ? ' bubble--failed' : ''}${m.automatic ? ' bubble--automatic' : ''}`}
      >
        <div className="bubble__text">{m.text}</div>
        <div className="bubble__meta">
          {m.author && <span className="bubble__author">{m.author}</span>}
          {m.automatic && (
            <span className="bubble__auto" title={t('message.automaticTitle')} data-testid="message-automatic">
              {t('message.automatic')}
            </span>
          )}
          <time dateTime={m.at} title={formatFull(m.at)}>
            {formatClock(m.at)}
          </time>
          {out && (
            <span className={`bubble__status bubble__status--${m.status}`} data-testid="message-status">
              {OUT_STATUS[m.status] ? t(OUT_STATUS[m.status]) : m.status}
            </span>
          )}
        </div>
        {out && m.status === 'failed' && (
          <div className="bubble__error" role="alert">
            {m.error ? t('message.notDeliveredWhy', { error: m.error }) : t('message.notDelivered')}
          </div>
        )}
      </div>
    </div>
  );
});
