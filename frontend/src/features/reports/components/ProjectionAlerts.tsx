import { useTranslation } from 'react-i18next';
import type { AgentEventSource } from '../../../lib/api-types';
import { formatDuration } from '../../../lib/format';
import { useNow } from '../../../lib/use-now';
import { percent, useProjections } from '../hooks/useProjections';
import './projection.css';

/**
 * For supervisors on every page: each shop whose platform indicator is projected to end below its line,
 * with the waiting chats that still count for it, soonest deadline first (a click opens the chat).
 */
export function ProjectionAlerts({ events, onOpen }: { events: AgentEventSource; onOpen: (conversationId: number) => void }) {
  const { t } = useTranslation('reports');
  const { shops } = useProjections(events);
  const now = useNow();
  const behind = shops.filter((s) => s.below);
  if (behind.length === 0) return null;
  return (
    <section className="projection-alerts" role="alert" aria-label={t('projection.alertTitle')}>
      {behind.map((s) => (
        <div key={s.accountId} className="projection-alert" data-testid="projection-alert" data-account-id={s.accountId}>
          <strong>{s.shopName}</strong>{' '}
          {t('projection.behind', {
            rule: t(`projection.rule.${s.rule}`, { defaultValue: s.rule }),
            projected: percent(s.projected),
            line: percent(s.line),
            current: percent(s.current),
          })}
          {s.savers.length > 0 && (
            <span className="projection-alert__savers">
              {t('projection.saveWith')}
              {s.savers.map((v) => (
                <button
                  key={v.conversationId}
                  type="button"
                  className="link-button"
                  data-testid="projection-saver"
                  onClick={() => onOpen(v.conversationId)}
                >
                  {t('projection.saver', { buyer: v.buyerName, left: formatDuration(Date.parse(v.deadline) - now) })}
                </button>
              ))}
            </span>
          )}
        </div>
      ))}
    </section>
  );
}
