import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TableHead } from '../../../components/TableHead';
import type { AgentEventSource } from '../../../lib/api-types';
import { formatFull } from '../../../lib/format';
import { i18n } from '../../../lib/i18n';
import { useNow } from '../../../lib/use-now';
import { ago, summarizeHealth } from '../hooks/account-health';
import { useAccounts } from '../hooks/useAccounts';
import type { AdminAccount } from '../types';
import { AddAccountForm } from './AddAccountForm';
import './accounts.css';

function capabilityList(a: AdminAccount): string {
  const c = a.capabilities;
  if (!c) return '—';
  const parts = [i18n.t('accounts:cap.text', { max: c.maxTextLength })];
  for (const key of ['image', 'productCard', 'orderCard', 'markRead', 'polling'] as const) {
    if (c[key]) parts.push(i18n.t(`accounts:cap.${key}`));
  }
  return parts.join(i18n.t('accounts:cap.separator'));
}

/** Admins: every shop account with its health, alerts, and pause/resume/poll/remove; add a shop at runtime. */
export function AccountsPage({ events }: { events: AgentEventSource }) {
  const { t } = useTranslation('accounts');
  const state = useAccounts(events);
  const now = useNow(15_000);
  const [adding, setAdding] = useState(false);

  return (
    <section className="accounts" data-testid="accounts-page">
      <div className="accounts__header">
        <h2>{t('title')}</h2>
        <button type="button" className="button" data-testid="accounts-reload" onClick={state.reload}>
          {t('refresh')}
        </button>
        <button type="button" className="button" data-testid="accounts-add" onClick={() => setAdding((v) => !v)}>
          {adding ? t('cancel') : t('add')}
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
        <div className="accounts__muted">{t('loading')}</div>
      ) : (
        <table className="accounts__table table--cards" data-testid="accounts-table">
          <TableHead t={t} prefix="col." columns={['account', 'health', 'push', 'poll', 'token', 'errors', 'recovered', 'send', 'actions']} />
          <tbody>
            {state.accounts.map((a) => {
              const health = summarizeHealth(a, now);
              return (
                <tr key={a.id} data-testid={`account-row-${a.id}`}>
                  <td>
                    <div className="accounts__name">{a.shopName}</div>
                    <div className="accounts__muted">
                      {a.id} · {a.platformProfile?.displayName ?? a.platform}
                      {a.platformProfile?.channel === 'bridge' ? t('bridge') : ''} · {t(`source.${a.source}`)}
                    </div>
                  </td>
                  <td data-label={t('col.health')}>
                    <span className={`accounts__health accounts__health--${health.level}`} data-testid="account-health">
                      {health.label}
                    </span>
                  </td>
                  <td data-label={t('col.push')}>{ago(a.health.lastPushAt, now)}</td>
                  <td data-label={t('col.poll')} title={a.health.lastPollError ?? ''}>{ago(a.health.lastPollAt, now)}</td>
                  <td data-label={t('col.token')}>{a.health.tokenExpiresAt ? formatFull(a.health.tokenExpiresAt) : '—'}</td>
                  <td data-label={t('col.errors')} title={a.health.lastError ?? ''}>
                    {a.health.errorCount}
                    {a.health.rateLimitCount > 0 ? t('rateLimited', { count: a.health.rateLimitCount }) : ''}
                  </td>
                  <td data-label={t('col.recovered')}>{a.health.recoveredByBackstop}</td>
                  <td data-label={t('col.send')} className="accounts__muted">{capabilityList(a)}</td>
                  <td className="accounts__actions">
                    {a.status === 'paused' ? (
                      <button type="button" className="button" data-testid="account-resume" onClick={() => state.resume(a.id)}>
                        {t('resume')}
                      </button>
                    ) : (
                      <button type="button" className="button" data-testid="account-pause" onClick={() => state.pause(a.id)}>
                        {t('pause')}
                      </button>
                    )}
                    <button type="button" className="button" data-testid="account-poll" onClick={() => state.poll(a.id)}>
                      {t('poll')}
                    </button>
                    <button
                      type="button"
                      className="button"
                      data-testid="account-remove"
                      onClick={() => {
                        if (window.confirm(t('confirmRemove', { shop: a.shopName }))) {
                          void state.remove(a.id);
                        }
                      }}
                    >
                      {t('remove')}
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
