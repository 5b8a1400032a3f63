import { useEffect, useState } from 'react';
import type { AgentEventSource } from '../../../lib/api-types';
import { ago, summarizeHealth } from '../hooks/account-health';
import { useAccounts } from '../hooks/useAccounts';
import type { AdminAccount } from '../types';
import { AddAccountForm } from './AddAccountForm';
import './accounts.css';

function useNow(intervalMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(t);
  }, [intervalMs]);
  return now;
}

function capabilityList(a: AdminAccount): string {
  const c = a.capabilities;
  if (!c) return '—';
  const parts = ['text ≤ ' + c.maxTextLength];
  if (c.image) parts.push('image');
  if (c.productCard) parts.push('product card');
  if (c.orderCard) parts.push('order card');
  if (c.markRead) parts.push('mark read');
  if (c.polling) parts.push('backstop');
  return parts.join(', ');
}

/** Admins: every shop account with its health, alerts, and pause/resume/poll/remove; add a shop at runtime. */
export function AccountsPage({ events }: { events: AgentEventSource }) {
  const state = useAccounts(events);
  const now = useNow();
  const [adding, setAdding] = useState(false);

  return (
    <section className="accounts" data-testid="accounts-page">
      <div className="accounts__header">
        <h2>Shop accounts</h2>
        <button type="button" className="button" data-testid="accounts-reload" onClick={state.reload}>
          Refresh
        </button>
        <button type="button" className="button" data-testid="accounts-add" onClick={() => setAdding((v) => !v)}>
          {adding ? 'Cancel' : 'Add account'}
        </button>
      </div>
      {state.error && (
        <div className="accounts__error" role="alert" data-testid="accounts-error">
          {state.error}
        </div>
      )}
      {state.alerts.length > 0 && (
        <ul className="accounts__alerts" data-testid="accounts-alerts">
          {state.alerts.map((a) => (
            <li key={a.id} data-testid="account-alert">
              <strong>{a.accountId}</strong> {a.message} <span className="accounts__muted">{ago(a.at, now)}</span>
            </li>
          ))}
        </ul>
      )}
      {adding && (
        <AddAccountForm
          onSubmit={async (account) => {
            await state.add(account);
            setAdding(false);
          }}
        />
      )}
      {state.loading && state.accounts.length === 0 ? (
        <div className="accounts__muted">Loading…</div>
      ) : (
        <table className="accounts__table" data-testid="accounts-table">
          <thead>
            <tr>
              <th>Account</th>
              <th>Health</th>
              <th>Last push</th>
              <th>Last poll</th>
              <th>Token expires</th>
              <th>Errors</th>
              <th>Recovered</th>
              <th>Can send</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {state.accounts.map((a) => {
              const health = summarizeHealth(a, now);
              return (
                <tr key={a.id} data-testid={`account-row-${a.id}`}>
                  <td>
                    <div className="accounts__name">{a.shopName}</div>
                    <div className="accounts__muted">
                      {a.id} · {a.platformProfile?.displayName ?? a.platform}
                      {a.platformProfile?.channel === 'bridge' ? ' (bridge)' : ''} · {a.source}
                    </div>
                  </td>
                  <td>
                    <span className={`accounts__health accounts__health--${health.level}`} data-testid="account-health">
                      {health.label}
                    </span>
                  </td>
                  <td>{ago(a.health.lastPushAt, now)}</td>
                  <td title={a.health.lastPollError ?? ''}>{ago(a.health.lastPollAt, now)}</td>
                  <td>{a.health.tokenExpiresAt ? new Date(a.health.tokenExpiresAt).toLocaleString() : '—'}</td>
                  <td title={a.health.lastError ?? ''}>
                    {a.health.errorCount}
                    {a.health.rateLimitCount > 0 ? ` (${a.health.rateLimitCount} rate-limited)` : ''}
                  </td>
                  <td>{a.health.recoveredByBackstop}</td>
                  <td className="accounts__muted">{capabilityList(a)}</td>
                  <td className="accounts__actions">
                    {a.status === 'paused' ? (
                      <button type="button" className="button" data-testid="account-resume" onClick={() => state.resume(a.id)}>
                        Resume
                      </button>
                    ) : (
                      <button type="button" className="button" data-testid="account-pause" onClick={() => state.pause(a.id)}>
                        Pause
                      </button>
                    )}
                    <button type="button" className="button" data-testid="account-poll" onClick={() => state.poll(a.id)}>
                      Poll now
                    </button>
                    <button
                      type="button"
                      className="button"
                      data-testid="account-remove"
                      onClick={() => {
                        if (window.confirm(`Disconnect ${a.shopName}? Its conversations stay readable.`)) {
                          void state.remove(a.id);
                        }
                      }}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
