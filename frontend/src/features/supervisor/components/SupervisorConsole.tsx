import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TableHead } from '../../../components/TableHead';
import { ApiError } from '../../../lib/api-client';
import { errorText } from '../../../lib/errors';
import { priorityLabel } from '../../../lib/labels';
import type { AgentEventSource } from '../../../lib/api-types';
import { forceHandover } from '../api/force-handover';
import { reassign } from '../api/reassign';
import { setPriority, setSurge } from '../api/routing-commands';
import type { ConsoleConversation } from '../api/types';
import { rankColleagues } from '../hooks/colleagues';
import { useConsole } from '../hooks/useConsole';
import { RosterEditor } from './RosterEditor';
import { SurgeState } from './SurgeState';
import './supervisor.css';

const QUEUE = 'queue';

/**
 * Live view of the queue and the agents, with the supervisor's commands (each needs a reason); `planning` is shown
 * beside the roster editor (the app plugs the staffing plan in there).
 */
export function SupervisorConsole({ events, planning }: { events: AgentEventSource; planning?: ReactNode }) {
  const { t } = useTranslation('supervisor');
  const { view, error, refresh } = useConsole(events);
  const [selected, setSelected] = useState<number[]>([]);
  const [target, setTarget] = useState<string>('');
  const [reason, setReason] = useState('');
  const [overCapacity, setOverCapacity] = useState(false);
  const [feedback, setFeedback] = useState<string | null>(null);

  if (!view) return <div className="console" data-testid="supervisor-console">{error ?? t('loading')}</div>;

  const toggle = (id: number) =>
    setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  const report = (e: unknown) => setFeedback(e instanceof ApiError ? `${errorText(e, t('commandFailed'))} (${e.code})` : t('commandFailed'));

  const move = async () => {
    if (!reason.trim() || selected.length === 0 || !target) return;
    try {
      const results = await reassign(
        selected,
        target === QUEUE ? { toQueue: true } : { toAgentId: Number(target) },
        reason.trim(),
        overCapacity && targetFull,
      );
      const refused = results.filter((r) => r.result === 'refused');
      setFeedback(
        t('moved', { count: results.length - refused.length }) +
          (refused.length ? t('refused', { count: refused.length, message: refused[0].message ?? '' }) : ''),
      );
      setSelected([]);
      setOverCapacity(false);
      refresh();
    } catch (e) {
      report(e);
    }
  };

  const all: ConsoleConversation[] = [...view.queue, ...view.conversations];
  const buyerOf = new Map(all.map((c) => [c.id, c.buyer.name]));
  // Every agent, online and eligible for the selected conversations first; the others are marked.
  const targets = rankColleagues(view.agents, all.filter((c) => selected.includes(c.id)));
  const chosen = targets.find((c) => String(c.agent.id) === target);
  const targetFull = chosen?.full ?? false;
  const row = (c: ConsoleConversation) => (
    <tr key={c.id} data-testid="console-conversation" data-conversation-id={c.id} data-status={c.status}>
      <td>
        <input
          type="checkbox"
          aria-label={t('select', { buyer: c.buyer.name })}
          data-testid="console-select"
          checked={selected.includes(c.id)}
          onChange={() => toggle(c.id)}
        />
      </td>
      <td className={`prio prio--${c.priority}`} data-label={t('col.priority')}>{priorityLabel(c.priority)}</td>
      <td data-label={t('col.shop')}>{c.shopName}</td>
      <td data-label={t('col.buyer')}>{c.buyer.name}</td>
      <td className="console__text" data-label={t('col.last')}>{c.lastMessage?.text ?? ''}</td>
      <td data-testid="console-owner" data-label={t('col.with')}>
        {c.assignee ? c.assignee.displayName : c.headOfClass ? t('queueHead') : t('queue')}
      </td>
      <td data-label={t('col.team')}>{c.team ?? ''}</td>
      <td data-label={t('col.sla')}>{c.slaState ?? ''}</td>
      <td>
        <button
          type="button"
          className="link-button"
          onClick={() =>
            reason.trim()
              ? setPriority(c.id, c.priority === 'urgent' ? 'normal' : 'urgent', reason.trim()).then(refresh, report)
              : setFeedback(t('reasonFirst'))
          }
        >
          {c.priority === 'urgent' ? t('lower') : t('raise')}
        </button>
      </td>
    </tr>
  );

  return (
    <div className="console" data-testid="supervisor-console">
      <section className="console__bar">
        <SurgeState surge={view.surge} pool={view.standby} />
        <button type="button" className="button" onClick={() => setSurge('on', reason.trim() || t('byHand')).then(refresh, report)}>
          {t('surgeOn')}
        </button>
        <button type="button" className="button" onClick={() => setSurge('auto', reason.trim() || t('byHand')).then(refresh, report)}>
          {t('surgeAuto')}
        </button>
        <span>{t('breaches', { count: view.breaches })}</span>
        <span>{t('queueCount', { count: view.queue.length })}</span>
        <span>
          {t('shiftsNow', {
            shifts:
              view.shifts
                .filter((s) => s.current)
                .map((s) => `${s.name}${s.lead ? t('lead', { lead: s.lead }) : ''}`)
                .join(', ') || t('none'),
          })}
        </span>
      </section>

      <section className="console__command">
        <select data-testid="console-target" aria-label={t('target')} value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value="">{t('moveTo')}</option>
          <option value={QUEUE}>{t('theQueue')}</option>
          {targets.map(({ agent: a, mismatches, full }) => (
            <option key={a.id} value={a.id} data-presence={a.presence} data-eligible={String(mismatches.length === 0)}>
              {t('agentOption', { name: a.displayName, presence: t(`presence.${a.presence}`), load: `${a.activeCount}/${a.maxConcurrent}` })}
              {full ? t('mark.full') : ''}
              {mismatches.length ? t('mark.mismatch', { what: mismatches.map((m) => t(`mismatch.${m}`)).join(t('mark.separator')) }) : ''}
            </option>
          ))}
        </select>
        {targetFull && (
          <label className="console__override" data-testid="console-override">
            <input type="checkbox" checked={overCapacity} onChange={(e) => setOverCapacity(e.target.checked)} />
            {t('overCapacity')}
          </label>
        )}
        <input
          data-testid="console-reason"
          placeholder={t('reason')}
          aria-label={t('reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <button
          type="button"
          className="button button--primary"
          data-testid="console-move"
          disabled={!reason.trim() || selected.length === 0 || !target || (targetFull && !overCapacity)}
          onClick={() => void move()}
        >
          {selected.length ? t('move', { count: selected.length }) : t('moveNone')}
        </button>
        {feedback && (
          <span role="status" data-testid="console-feedback">
            {feedback}
          </span>
        )}
      </section>

      <section>
        <h2>{t('agents')}</h2>
        <table className="console__table table--cards" data-testid="console-agents">
          <TableHead t={t} prefix="col." columns={['agent', 'status', 'shift', 'team', 'load', 'conversations', 'actions']} />
          <tbody>
            {view.agents.map((a) => (
              <tr key={a.id} data-testid="console-agent" data-agent={a.username} data-presence={a.presence}>
                <td>{a.displayName}</td>
                <td className={`presence presence--${a.presence}`} data-label={t('col.status')}>{t(`presence.${a.presence}`)}</td>
                <td data-label={t('col.shift')}>
                  {a.shifts.join(', ') || (a.standby ? t('standby') : '—')} <small>{a.shiftState}</small>
                </td>
                <td data-label={t('col.team')}>{a.team ?? ''}</td>
                <td data-label={t('col.load')}>
                  {a.activeCount}/{a.maxConcurrent}
                </td>
                <td data-testid="console-agent-conversations" data-label={t('col.conversations')}>{a.conversationIds.map((id) => buyerOf.get(id) ?? `#${id}`).join(', ')}</td>
                <td>
                  <button
                    type="button"
                    className="link-button"
                    disabled={a.activeCount === 0}
                    onClick={() =>
                      reason.trim()
                        ? forceHandover(a.id, reason.trim()).then(refresh, report)
                        : setFeedback(t('reasonFirst'))
                    }
                  >
                    {t('handOver')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section>
        <h2>{t('conversations')}</h2>
        <table className="console__table table--cards">
          <TableHead t={t} prefix="col." columns={['select', 'priority', 'shop', 'buyer', 'last', 'with', 'team', 'sla', 'actions']} />
          <tbody>{all.map(row)}</tbody>
        </table>
      </section>
      <RosterEditor events={events} agents={view.agents.map((a) => ({ username: a.username, label: a.displayName }))} />
      {planning}
    </div>
  );
}
