import { useState } from 'react';
import { ApiError } from '../../../lib/api-client';
import type { AgentEventSource } from '../../../lib/api-types';
import { forceHandover } from '../api/force-handover';
import { reassign } from '../api/reassign';
import { setPriority, setSurge } from '../api/routing-commands';
import type { ConsoleConversation } from '../api/types';
import { useConsole } from '../hooks/useConsole';
import { RosterEditor } from './RosterEditor';
import './supervisor.css';

const QUEUE = 'queue';

/** Live view of the queue and the agents, with the supervisor's commands (each needs a reason). */
export function SupervisorConsole({ events }: { events: AgentEventSource }) {
  const { view, error, refresh } = useConsole(events);
  const [selected, setSelected] = useState<number[]>([]);
  const [target, setTarget] = useState<string>('');
  const [reason, setReason] = useState('');
  const [feedback, setFeedback] = useState<string | null>(null);

  if (!view) return <div className="console" data-testid="supervisor-console">{error ?? 'Loading the console…'}</div>;

  const toggle = (id: number) =>
    setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  const report = (e: unknown) => setFeedback(e instanceof ApiError ? `${e.message} (${e.code})` : 'The command failed.');

  const move = async () => {
    if (!reason.trim() || selected.length === 0 || !target) return;
    try {
      const results = await reassign(
        selected,
        target === QUEUE ? { toQueue: true } : { toAgentId: Number(target) },
        reason.trim(),
      );
      const refused = results.filter((r) => r.result === 'refused');
      setFeedback(
        `${results.length - refused.length} moved` + (refused.length ? `, ${refused.length} refused: ${refused[0].message}` : ''),
      );
      setSelected([]);
      refresh();
    } catch (e) {
      report(e);
    }
  };

  const all: ConsoleConversation[] = [...view.queue, ...view.conversations];
  const row = (c: ConsoleConversation) => (
    <tr key={c.id} data-testid="console-conversation" data-conversation-id={c.id} data-status={c.status}>
      <td>
        <input
          type="checkbox"
          aria-label={`select conversation ${c.id}`}
          data-testid="console-select"
          checked={selected.includes(c.id)}
          onChange={() => toggle(c.id)}
        />
      </td>
      <td className={`prio prio--${c.priority}`}>{c.priority}</td>
      <td>{c.shopName}</td>
      <td>{c.buyer.name}</td>
      <td className="console__text">{c.lastMessage?.text ?? ''}</td>
      <td>{c.assignee ? c.assignee.displayName : c.headOfClass ? 'queue (head of class)' : 'queue'}</td>
      <td>{c.team ?? ''}</td>
      <td>{c.slaState ?? ''}</td>
      <td>
        <button
          type="button"
          className="link-button"
          onClick={() =>
            reason.trim()
              ? setPriority(c.id, c.priority === 'urgent' ? 'normal' : 'urgent', reason.trim()).then(refresh, report)
              : setFeedback('Give a reason first.')
          }
        >
          {c.priority === 'urgent' ? 'lower' : 'raise'}
        </button>
      </td>
    </tr>
  );

  return (
    <div className="console" data-testid="supervisor-console">
      <section className="console__bar">
        <span data-testid="console-surge" data-active={String(view.surge.active)}>
          Surge: {view.surge.available ? (view.surge.active ? 'ON' : 'off') : 'n/a'}
        </span>
        <button type="button" className="button" onClick={() => setSurge('on', reason.trim() || 'by hand').then(refresh, report)}>
          Surge on
        </button>
        <button type="button" className="button" onClick={() => setSurge('auto', reason.trim() || 'by hand').then(refresh, report)}>
          Surge auto
        </button>
        <span>Breaches: {view.breaches}</span>
        <span>Queue: {view.queue.length}</span>
        <span>
          Shifts now:{' '}
          {view.shifts
            .filter((s) => s.current)
            .map((s) => `${s.name}${s.lead ? ` (lead ${s.lead})` : ''}`)
            .join(', ') || 'none'}
        </span>
      </section>

      <section className="console__command">
        <select data-testid="console-target" value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value="">Move selected to…</option>
          <option value={QUEUE}>the queue</option>
          {view.agents.map((a) => (
            <option key={a.id} value={a.id}>
              {a.displayName} ({a.presence}, {a.activeCount}/{a.maxConcurrent})
            </option>
          ))}
        </select>
        <input
          data-testid="console-reason"
          placeholder="Reason (recorded on the timeline)"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <button
          type="button"
          className="button button--primary"
          data-testid="console-move"
          disabled={!reason.trim() || selected.length === 0 || !target}
          onClick={() => void move()}
        >
          Move {selected.length || ''}
        </button>
        {feedback && (
          <span role="status" data-testid="console-feedback">
            {feedback}
          </span>
        )}
      </section>

      <section>
        <h2>Agents</h2>
        <table className="console__table" data-testid="console-agents">
          <thead>
            <tr>
              <th>Agent</th><th>Status</th><th>Shift</th><th>Team</th><th>Load</th><th>Conversations</th><th />
            </tr>
          </thead>
          <tbody>
            {view.agents.map((a) => (
              <tr key={a.id} data-testid="console-agent" data-agent={a.username} data-presence={a.presence}>
                <td>{a.displayName}</td>
                <td className={`presence presence--${a.presence}`}>{a.presence}</td>
                <td>
                  {a.shifts.join(', ') || (a.standby ? 'standby' : '—')} <small>{a.shiftState}</small>
                </td>
                <td>{a.team ?? ''}</td>
                <td>
                  {a.activeCount}/{a.maxConcurrent}
                </td>
                <td>{a.conversationIds.join(', ')}</td>
                <td>
                  <button
                    type="button"
                    className="link-button"
                    disabled={a.activeCount === 0}
                    onClick={() =>
                      reason.trim()
                        ? forceHandover(a.id, reason.trim()).then(refresh, report)
                        : setFeedback('Give a reason first.')
                    }
                  >
                    Hand over now
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section>
        <h2>Queue and conversations</h2>
        <table className="console__table">
          <thead>
            <tr>
              <th /><th>Priority</th><th>Shop</th><th>Buyer</th><th>Last message</th><th>With</th><th>Team</th><th>SLA</th><th />
            </tr>
          </thead>
          <tbody>{all.map(row)}</tbody>
        </table>
      </section>
      <RosterEditor />
    </div>
  );
}
