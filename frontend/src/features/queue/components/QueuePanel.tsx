import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PlatformBadge } from '../../../components/PlatformBadge';
import { TableHead } from '../../../components/TableHead';
import type { AgentEventSource, Priority, Role, SurgeMode } from '../../../lib/api-types';
import { errorText } from '../../../lib/errors';
import { categoryLabel, languageLabel, priorityLabel } from '../../../lib/labels';
import { useNow } from '../../../lib/use-now';
import { setPriority } from '../api/set-priority';
import { setSurgeMode } from '../api/set-surge-mode';
import { compareQueued } from '../../../lib/sla';
import { useQueue } from '../hooks/useQueue';
import { SlaCountdown } from './SlaCountdown';
import './queue.css';

const PRIORITIES: Priority[] = ['critical', 'urgent', 'normal'];

/**
 * The queue strip: every user sees their own load and capacity and the queue's depth; supervisors also
 * see every queued conversation of their shops (priority badge, category, language, platform, live SLA
 * countdown; urgent rows unmistakable), the agents' loads and the surge switch.
 */
export function QueuePanel({ events, role }: { events: AgentEventSource; role: Role }) {
  const { t } = useTranslation('queue');
  const { view, error, reload } = useQueue(events);
  const now = useNow(1000);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const oversees = role !== 'agent';

  async function act(action: () => Promise<unknown>) {
    setBusy(true);
    setActionError(null);
    try {
      await action();
      reload();
    } catch (e) {
      setActionError(errorText(e, t('failed')));
    } finally {
      setBusy(false);
    }
  }

  if (!view) {
    return (
      <section className="queue queue--loading" data-testid="queue-panel">
        {error ? <span role="alert">{error}</span> : t('loading')}
      </section>
    );
  }
  const { me, counts, surge } = view;
  const queued = [...view.conversations].sort(compareQueued);
  const full = me.activeCount >= me.maxConcurrent;
  const nobodyOnline = oversees && counts.depth > 0 && view.agents !== undefined && !view.agents.some((a) => a.presence === 'online');
  return (
    <section className="queue" data-testid="queue-panel" aria-label={t('label')}>
      <div className="queue__bar">
        {!oversees && (
          <span className={`queue__load${full ? ' queue__load--full' : ''}`} data-testid="my-load" title={t('loadTitle')}>
            {t('myChats')} <strong>{me.activeCount}</strong> / {me.maxConcurrent}
          </span>
        )}
        <span className="queue__counts" data-testid="queue-counts">
          {t('queue')} <strong>{counts.depth}</strong>
          {counts.urgent > 0 && <strong className="queue__urgent-count">{t('urgent', { count: counts.urgent })}</strong>}
        </span>
        {oversees && surge && (
          <span className={`surge surge--${surge.active ? 'on' : 'off'}`} data-testid="surge-state" data-active={surge.active}>
            {surge.active ? t('surgeOn') : t('surgeOff')} ({t(`mode.${surge.mode}`)})
            {surge.active && surge.reason && <span className="surge__reason"> — {surge.reason}</span>}
            <span className="surge__buttons">
              {(['on', 'off', 'auto'] as SurgeMode[]).map((m) => (
                <button
                  key={m}
                  type="button"
                  className="button button--small"
                  data-testid={`surge-${m}`}
                  disabled={busy || surge.mode === m}
                  onClick={() => act(() => setSurgeMode(m))}
                >
                  {t(`mode.${m}`)}
                </button>
              ))}
            </span>
          </span>
        )}
        {nobodyOnline && (
          <span className="queue__error" role="alert" data-testid="nobody-online">
            {t('nobodyOnline', { count: counts.depth })}
          </span>
        )}
        {actionError && (
          <span className="queue__error" role="alert">
            {actionError}
          </span>
        )}
      </div>
      {oversees && (
        <div className="queue__body">
          <table className="queue__table" data-testid="queue-table">
            <TableHead t={t} prefix="col." columns={['priority', 'sla', 'platform', 'shop', 'buyer', 'language', 'category', 'set']} />
            <tbody>
              {queued.length === 0 && (
                <tr>
                  <td colSpan={8} className="queue__empty">
                    {t('empty')}
                  </td>
                </tr>
              )}
              {queued.map((c) => (
                <tr key={c.id} className={`queue__row queue__row--${c.priority}`} data-testid="queue-row" data-priority={c.priority}>
                  <td>
                    <span className={`badge badge--priority badge--${c.priority}`} data-testid="priority-badge">
                      {priorityLabel(c.priority)}
                    </span>
                  </td>
                  <td>
                    <SlaCountdown conversation={c} now={now} />
                  </td>
                  <td>
                    <PlatformBadge platform={c.platform} />
                  </td>
                  <td className="queue__shop">{c.shopName}</td>
                  <td>{c.buyer.name}</td>
                  <td>{languageLabel(c.language)}</td>
                  <td>{categoryLabel(c.category)}</td>
                  <td>
                    <select
                      aria-label={t('setPriority')}
                      data-testid="set-priority"
                      value={c.priority}
                      disabled={busy}
                      onChange={(e) => act(() => setPriority(c.id, e.target.value as Priority))}
                    >
                      {PRIORITIES.map((p) => (
                        <option key={p} value={p}>
                          {priorityLabel(p)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {view.agents && (
            <ul className="queue__agents" data-testid="agent-loads">
              {view.agents.map((a) => (
                <li key={a.id} className={`agent agent--${a.presence} agent--${a.shiftState}`} title={a.languages.join(', ')}>
                  <span className="agent__name">{a.displayName}</span>
                  <span className="agent__load">
                    {a.activeCount}/{a.maxConcurrent}
                  </span>
                  <span className="agent__state">{t(`shift.${a.shiftState}`)}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
