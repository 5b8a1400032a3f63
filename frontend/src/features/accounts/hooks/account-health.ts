import { i18n } from '../../../lib/i18n';
import type { AdminAccount } from '../types';

export type HealthLevel = 'ok' | 'warning' | 'paused' | 'dead' | 'unreached';

export interface HealthSummary {
  level: HealthLevel;
  label: string;
}

const HOUR = 3_600_000;

/**
 * One line an admin can act on: a dead token first (re-authorize), then paused, then warnings (token expiring
 * within an hour, last poll failed, open alerts), then a bridge account nothing has come through yet (its
 * integration may never have been set up), else OK.
 */
export function summarizeHealth(account: AdminAccount, now: number): HealthSummary {
  const h = account.health;
  const t = i18n.t;
  if (h.tokenDead) return { level: 'dead', label: t('accounts:health.dead') };
  if (account.status === 'paused') {
    const label = account.pausedReason ? t('accounts:health.pausedWhy', { reason: account.pausedReason }) : t('accounts:health.paused');
    return { level: 'paused', label };
  }
  if (h.tokenExpiresAt && Date.parse(h.tokenExpiresAt) - now < HOUR) return { level: 'warning', label: t('accounts:health.expiring') };
  if (h.lastPollError) return { level: 'warning', label: t('accounts:health.pollFailed', { error: h.lastPollError }) };
  if (h.openAlerts > 0) return { level: 'warning', label: t('accounts:health.alerts', { count: h.openAlerts }) };
  if (account.platformProfile?.channel === 'bridge' && !h.lastPushAt && !h.lastPollAt) {
    return { level: 'unreached', label: t('accounts:health.unreached') };
  }
  return { level: 'ok', label: t('accounts:health.ok') };
}

/** "3 min ago" style, or "never". */
export function ago(iso: string | null, now: number): string {
  if (!iso) return i18n.t('accounts:ago.never');
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 60) return i18n.t('accounts:ago.seconds', { n: seconds });
  if (seconds < 3600) return i18n.t('accounts:ago.minutes', { n: Math.floor(seconds / 60) });
  if (seconds < 86_400) return i18n.t('accounts:ago.hours', { n: Math.floor(seconds / 3600) });
  return i18n.t('accounts:ago.days', { n: Math.floor(seconds / 86_400) });
}

/** Options typed as "key=value" lines become the account's options object; blank lines are ignored. */
export function parseOptions(text: string): { options: Record<string, string>; problems: string[] } {
  const options: Record<string, string> = {};
  const problems: string[] = [];
  text.split('\n').forEach((line, i) => {
    const trimmed = line.trim();
    if (!trimmed) return;
    const eq = trimmed.indexOf('=');
    if (eq <= 0) {
      problems.push(i18n.t('accounts:options.bad', { line: i + 1 }));
      return;
    }
    options[trimmed.slice(0, eq).trim()] = trimmed.slice(eq + 1).trim();
  });
  return { options, problems };
}
